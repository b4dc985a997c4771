//! The IAM principals, managed policies and identity providers a module defines, by resource
//! address, with the ARN each will have once deployed: in the module's deploying account,
//! under its `path`, named by its `name`.
//!
//! A name the linter cannot know (`name_prefix`, a variable without a value, `count.index`)
//! is replaced by the resource's address (`aws_iam_role.deploy`): the resource is still one
//! node of the principal graph that references (`aws_iam_role.deploy.arn`) reach, while no
//! literal ARN can name it. A `count` or `for_each` resource is one node for all its
//! instances. ARNs are written in the `aws` partition: a module's resources share one
//! partition, whichever it is, so references among them match all the same.

use std::collections::HashMap;

use hcl_edit::structure::Block;

use super::module::Module;
use super::values::Scope;
use crate::model::OwnerKind;
use crate::syntax::tree::NodeKind;

/// What an IAM resource creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceKind {
    Principal(OwnerKind),
    Policy,
    OidcProvider,
    SamlProvider,
}

impl ResourceKind {
    /// The kind a resource type creates, for the types that create a principal, a managed
    /// policy or an identity provider.
    pub fn of(resource_type: &str) -> Option<ResourceKind> {
        Some(match resource_type {
            "aws_iam_role" => ResourceKind::Principal(OwnerKind::Role),
            "aws_iam_user" => ResourceKind::Principal(OwnerKind::User),
            "aws_iam_group" => ResourceKind::Principal(OwnerKind::Group),
            "aws_iam_policy" => ResourceKind::Policy,
            "aws_iam_openid_connect_provider" => ResourceKind::OidcProvider,
            "aws_iam_saml_provider" => ResourceKind::SamlProvider,
            _ => return None,
        })
    }
}

/// One IAM resource of the module.
#[derive(Debug, Clone)]
pub struct Resource {
    pub kind: ResourceKind,
    /// `aws_iam_role.deploy`, or `module.app.aws_iam_role.deploy` in a module instance.
    pub address: String,
    /// The `name` (a provider's URL host and path), when the linter can know it.
    pub name: Option<String>,
    /// The ARN it will have; see the module documentation for unknown names.
    pub arn: String,
}

impl Resource {
    /// The name, or the address standing for a name the linter cannot know.
    pub fn name_or_address(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.address)
    }
}

#[derive(Debug, Default, Clone)]
pub struct Resources {
    by_address: HashMap<String, Resource>,
    /// Principals by kind and [`Resource::name_or_address`]: `None` when two share one.
    by_name: HashMap<(OwnerKind, String), Option<String>>,
}

impl Resources {
    /// Reads the IAM resources of every file of `module`. Their names may use variables and
    /// locals, but not other resources (the index is what resolves those).
    pub fn of(module: &Module) -> Resources {
        let mut resources = Resources::default();
        for (file, body, text) in module.files() {
            let scope = Scope::new(module, file, text);
            for block in body.blocks() {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                if let ("resource", [resource_type, name]) =
                    (block.ident.as_str(), labels.as_slice())
                    && let Some(kind) = ResourceKind::of(resource_type)
                {
                    let local = format!("{resource_type}.{name}");
                    // Terraform refuses a module defining an address twice; the first stands.
                    if !resources.by_address.contains_key(&local) {
                        let address = format!("{}{local}", module.address);
                        let resource = resource(&scope, block, kind, address, &module.account);
                        resources.insert(local, resource);
                    }
                }
            }
        }
        resources
    }

    /// Files a resource under its address in the module (`aws_iam_role.deploy`).
    fn insert(&mut self, local: String, resource: Resource) {
        if let ResourceKind::Principal(kind) = resource.kind {
            self.by_name
                .entry((kind, resource.name_or_address().to_string()))
                .and_modify(|found| *found = None)
                .or_insert_with(|| Some(local.clone()));
        }
        self.by_address.insert(local, resource);
    }

    /// The resource at `address` in the module (`aws_iam_role.deploy`).
    pub fn get(&self, address: &str) -> Option<&Resource> {
        self.by_address.get(address)
    }

    /// The principals of `kind` the module defines, in address order.
    pub fn principals(&self, kind: OwnerKind) -> impl Iterator<Item = &Resource> {
        let mut found: Vec<&Resource> = self
            .by_address
            .values()
            .filter(|r| r.kind == ResourceKind::Principal(kind))
            .collect();
        found.sort_by(|a, b| a.address.cmp(&b.address));
        found.into_iter()
    }

    /// The principal of `kind` the module defines under `name` (or the address standing for
    /// its unknown name), when exactly one has it.
    pub fn principal_named(&self, kind: OwnerKind, name: &str) -> Option<&Resource> {
        let address = self.by_name.get(&(kind, name.to_string()))?.as_ref()?;
        self.by_address.get(address)
    }
}

/// The resource a block creates, with the ARN it will have in `account`.
fn resource(
    scope: &Scope<'_>,
    block: &Block,
    kind: ResourceKind,
    address: String,
    account: &str,
) -> Resource {
    let known = |attribute: &str| {
        block
            .body
            .get_attribute(attribute)
            .map(|a| scope.node(&a.value).kind)
    };
    let text = |attribute: &str| match known(attribute) {
        Some(NodeKind::Str(text)) => Some(text),
        _ => None,
    };
    let name = match kind {
        // The provider's ARN ends with its URL's host and path, without the scheme.
        ResourceKind::OidcProvider => text("url").map(|url| {
            url.strip_prefix("https://")
                .unwrap_or(&url)
                .trim_end_matches('/')
                .to_string()
        }),
        _ => text("name"),
    };
    // IAM's default path is `/`; one the linter cannot know is taken as the default, since
    // only references (which ignore it) can name such a resource anyway.
    let path = match known("path") {
        Some(NodeKind::Str(path)) if path.starts_with('/') && path.ends_with('/') => path,
        _ => "/".to_string(),
    };
    let name_or_address = name.as_deref().unwrap_or(&address);
    let arn = match kind {
        ResourceKind::Principal(OwnerKind::Role) => {
            format!("arn:aws:iam::{account}:role{path}{name_or_address}")
        }
        ResourceKind::Principal(OwnerKind::User) => {
            format!("arn:aws:iam::{account}:user{path}{name_or_address}")
        }
        ResourceKind::Principal(OwnerKind::Group) => {
            format!("arn:aws:iam::{account}:group{path}{name_or_address}")
        }
        ResourceKind::Policy => format!("arn:aws:iam::{account}:policy{path}{name_or_address}"),
        ResourceKind::OidcProvider => {
            format!("arn:aws:iam::{account}:oidc-provider/{name_or_address}")
        }
        ResourceKind::SamlProvider => {
            format!("arn:aws:iam::{account}:saml-provider/{name_or_address}")
        }
    };
    Resource {
        kind,
        address,
        name,
        arn,
    }
}
