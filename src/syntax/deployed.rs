//! The IAM resources a deployment creates — a Terraform module, a CloudFormation stack — by
//! address, with the ARN each will have once deployed: in the deployment's account
//! ([`crate::model::arn::deploying_account`]), under its path, named by its name.
//!
//! A name the linter cannot know (a Terraform `name_prefix` or variable, a CloudFormation role
//! without `RoleName`) is replaced by the resource's address (`aws_iam_role.deploy`,
//! `DeployRole`): the resource is still one node of the principal graph, which references to
//! it reach, while no literal ARN can name it. ARNs are written in the `aws` partition: a
//! deployment's resources share one partition, whichever it is, so references among them match
//! all the same.

use std::collections::HashMap;

use crate::model::OwnerKind;

/// What an IAM resource creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceKind {
    Principal(OwnerKind),
    Policy,
    OidcProvider,
    SamlProvider,
}

/// One IAM resource of a deployment.
#[derive(Debug, Clone)]
pub struct Resource {
    pub kind: ResourceKind,
    /// How the deployment addresses it: `aws_iam_role.deploy`, `module.app.aws_iam_role.deploy`
    /// in a Terraform module instance, the logical ID in a template.
    pub address: String,
    /// The name (a provider's URL host and path), when the linter can know it.
    pub name: Option<String>,
    /// The ARN it will have.
    pub arn: String,
}

impl Resource {
    /// A resource of `account`; `path` is IAM's (`/` by default; one that is not a valid path
    /// is taken as the default, since only references, which ignore it, can then name the
    /// resource).
    pub fn new(
        kind: ResourceKind,
        address: String,
        name: Option<String>,
        path: Option<&str>,
        account: &str,
    ) -> Resource {
        let path = path
            .filter(|p| p.starts_with('/') && p.ends_with('/'))
            .unwrap_or("/");
        let named = name.as_deref().unwrap_or(&address);
        let arn = match kind {
            ResourceKind::Principal(OwnerKind::Role) => {
                format!("arn:aws:iam::{account}:role{path}{named}")
            }
            ResourceKind::Principal(OwnerKind::User) => {
                format!("arn:aws:iam::{account}:user{path}{named}")
            }
            ResourceKind::Principal(OwnerKind::Group) => {
                format!("arn:aws:iam::{account}:group{path}{named}")
            }
            ResourceKind::Policy => format!("arn:aws:iam::{account}:policy{path}{named}"),
            ResourceKind::OidcProvider => format!("arn:aws:iam::{account}:oidc-provider/{named}"),
            ResourceKind::SamlProvider => format!("arn:aws:iam::{account}:saml-provider/{named}"),
        };
        Resource {
            kind,
            address,
            name,
            arn,
        }
    }

    /// The name, or the address standing for a name the linter cannot know.
    pub fn name_or_address(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.address)
    }
}

/// A deployment's IAM resources.
#[derive(Debug, Default, Clone)]
pub struct Resources {
    by_address: HashMap<String, Resource>,
    /// Principals by kind and [`Resource::name_or_address`]: `None` when two share one.
    by_name: HashMap<(OwnerKind, String), Option<String>>,
}

impl Resources {
    /// Files a resource under the address its deployment's own references use
    /// (`aws_iam_role.deploy` inside a module instance); the first of an address stands.
    pub fn insert(&mut self, local: String, resource: Resource) {
        if self.by_address.contains_key(&local) {
            return;
        }
        if let ResourceKind::Principal(kind) = resource.kind {
            self.by_name
                .entry((kind, resource.name_or_address().to_string()))
                .and_modify(|found| *found = None)
                .or_insert_with(|| Some(local.clone()));
        }
        self.by_address.insert(local, resource);
    }

    /// Whether a resource is filed under `local`.
    pub fn contains(&self, local: &str) -> bool {
        self.by_address.contains_key(local)
    }

    /// The resource at `local`.
    pub fn get(&self, local: &str) -> Option<&Resource> {
        self.by_address.get(local)
    }

    /// The principals of `kind`, in address order.
    pub fn principals(&self, kind: OwnerKind) -> impl Iterator<Item = &Resource> {
        let mut found: Vec<&Resource> = self
            .by_address
            .values()
            .filter(|r| r.kind == ResourceKind::Principal(kind))
            .collect();
        found.sort_by(|a, b| a.address.cmp(&b.address));
        found.into_iter()
    }

    /// The principal of `kind` named `name` (or the address standing for its unknown name),
    /// when exactly one has it.
    pub fn principal_named(&self, kind: OwnerKind, name: &str) -> Option<&Resource> {
        let local = self.by_name.get(&(kind, name.to_string()))?.as_ref()?;
        self.by_address.get(local)
    }
}
