//! The IAM principals, managed policies and identity providers a Terraform module defines
//! ([`crate::syntax::deployed`]): named by their `name` (a provider by its URL), under their
//! `path`. A `count` or `for_each` resource is one node for all its instances.

use hcl_edit::structure::Block;

use super::module::Module;
use super::values::{Scope, provider_alias};
use crate::model::OwnerKind;
use crate::syntax::deployed::{Resource, ResourceKind, Resources};
use crate::syntax::tree::NodeKind;

/// The kind a resource type creates, for the types that create a principal, a managed policy
/// or an identity provider.
pub fn kind_of(resource_type: &str) -> Option<ResourceKind> {
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

/// Reads the IAM resources of every file of `module`. Their names may use variables and
/// locals, but not other resources (the index is what resolves those).
pub fn index(module: &Module) -> Resources {
    let mut resources = Resources::default();
    for (file, body, text) in module.files() {
        let scope = Scope::new(module, file, text);
        for block in body.blocks() {
            let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
            if let ("resource", [resource_type, name]) = (block.ident.as_str(), labels.as_slice())
                && let Some(kind) = kind_of(resource_type)
                && !scope.creates_nothing(block)
            {
                let local = format!("{resource_type}.{name}");
                // Terraform refuses a module defining an address twice; the first stands.
                if !resources.contains(&local) {
                    let address = format!("{}{local}", module.address);
                    let account = module.account_for(provider_alias(block).as_deref());
                    resources.insert(local, resource(&scope, block, kind, address, &account));
                }
            }
        }
    }
    resources
}

/// The resource a block creates, with the ARN it will have in `account`.
fn resource(
    scope: &Scope<'_>,
    block: &Block,
    kind: ResourceKind,
    address: String,
    account: &str,
) -> Resource {
    let text = |attribute: &str| match block
        .body
        .get_attribute(attribute)
        .map(|a| scope.node(&a.value).kind)
    {
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
    Resource::new(kind, address, name, text("path").as_deref(), account)
}
