//! IAM resources of one `.tf` file to policy documents: each document attribute lowered with
//! the kind and owner its resource gives it.
//!
//! Terraform documents do not join the principal graph yet: a resource's ARN depends on the
//! deploying account, which the linter does not model, so they are checked as documents
//! (`Attachment::Standalone`), with their owner's name for messages.

use hcl_edit::structure::{Block, Body};

use super::document::{self, Source};
use super::module::Module;
use super::values::{Scope, Trail};
use crate::model::{DocumentKind, Owner, OwnerKind};
use crate::source::{FileId, Span};
use crate::syntax::policy::{KindHint, lower_policy};
use crate::syntax::tree::NodeKind;
use crate::syntax::{Origin, Parsed};

/// A document attribute of a resource type: which attribute, what kind of document, and whose.
struct DocumentAttribute {
    resource: &'static str,
    attribute: &'static str,
    kind: DocumentKind,
    /// The owner's kind, and the attribute naming the owner (`None`: the resource itself).
    owner: Option<(OwnerKind, Option<&'static str>)>,
}

/// Every IAM document attribute trustlint reads.
const DOCUMENT_ATTRIBUTES: &[DocumentAttribute] = &[
    DocumentAttribute {
        resource: "aws_iam_role",
        attribute: "assume_role_policy",
        kind: DocumentKind::Trust,
        owner: Some((OwnerKind::Role, None)),
    },
    DocumentAttribute {
        resource: "aws_iam_role_policy",
        attribute: "policy",
        kind: DocumentKind::Identity,
        owner: Some((OwnerKind::Role, Some("role"))),
    },
    DocumentAttribute {
        resource: "aws_iam_user_policy",
        attribute: "policy",
        kind: DocumentKind::Identity,
        owner: Some((OwnerKind::User, Some("user"))),
    },
    DocumentAttribute {
        resource: "aws_iam_group_policy",
        attribute: "policy",
        kind: DocumentKind::Identity,
        owner: Some((OwnerKind::Group, Some("group"))),
    },
    DocumentAttribute {
        resource: "aws_iam_policy",
        attribute: "policy",
        kind: DocumentKind::Identity,
        owner: None,
    },
];

/// The documents of one file's IAM resources.
pub fn lower(body: &Body, file: FileId, text: &str, module: &Module) -> Parsed {
    let trail = Trail::default();
    let scope = Scope::new(module, file, text).with_trail(&trail);
    let mut parsed = Parsed::default();
    for block in body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        match (block.ident.as_str(), labels.as_slice()) {
            ("resource", [resource, _name]) => {
                resource_documents(&scope, block, resource, &mut parsed)
            }
            ("data", ["aws_iam_policy_document", name]) if !module.is_embedded(name) => {
                // A document no IAM resource of the module embeds (a bucket policy, a module
                // output): checked on its own, its kind told by its content.
                forget_references(&scope);
                let tree = super::policy_document::lower(&scope, block);
                if !matches!(tree.kind, NodeKind::Unknown(_)) {
                    let document = lower_policy(tree, KindHint::Infer, None);
                    parsed.origins.extend(origins(&scope, document.span));
                    parsed.documents.push(document);
                }
            }
            _ => {}
        }
    }
    parsed
}

/// The documents of one `resource` block.
fn resource_documents(scope: &Scope<'_>, block: &Block, resource: &str, parsed: &mut Parsed) {
    for attribute in DOCUMENT_ATTRIBUTES
        .iter()
        .filter(|a| a.resource == resource)
    {
        let Some(value) = block.body.get_attribute(attribute.attribute) else {
            continue;
        };
        let owner = attribute
            .owner
            .map(|(kind, by)| owner(scope, block, kind, by));
        push(scope, &value.value, attribute.kind, owner, parsed);
    }
    if resource == "aws_iam_role" {
        // `inline_policy { name = …, policy = … }` blocks: inline identity policies.
        for inline in block.body.get_blocks("inline_policy") {
            if let Some(policy) = inline.body.get_attribute("policy") {
                let owner = owner(scope, block, OwnerKind::Role, None);
                push(
                    scope,
                    &policy.value,
                    DocumentKind::Identity,
                    Some(owner),
                    parsed,
                );
            }
        }
    }
}

fn push(
    scope: &Scope<'_>,
    expr: &hcl_edit::expr::Expression,
    kind: DocumentKind,
    owner: Option<Owner>,
    parsed: &mut Parsed,
) {
    forget_references(scope);
    match document::source(scope, expr) {
        Source::Tree(tree) => {
            let document = lower_policy(tree, KindHint::Known(kind), owner);
            parsed.origins.extend(origins(scope, document.span));
            parsed.documents.push(document);
        }
        Source::Unknown => {}
        Source::Invalid(error) => parsed.syntax_errors.push(error),
    }
}

/// The owner of a resource's document: named by the resource's own `name`, or by the
/// attribute that names it (`role = "deploy"`); a name the linter cannot know is left out.
fn owner(scope: &Scope<'_>, block: &Block, kind: OwnerKind, by: Option<&str>) -> Owner {
    let name = block
        .body
        .get_attribute(by.unwrap_or("name"))
        .map(|a| scope.node(&a.value))
        .and_then(|node| match node.kind {
            NodeKind::Str(name) => Some(name),
            _ => None,
        });
    Owner {
        kind,
        name,
        account: None,
        arn: None,
    }
}

/// Drops the references read so far: those read outside a document (an owner's name) belong
/// to none.
fn forget_references(scope: &Scope<'_>) {
    if let Some(trail) = scope.trail() {
        trail.take();
    }
}

/// The references the lowering of the document at `document` went through.
fn origins(scope: &Scope<'_>, document: Span) -> Vec<Origin> {
    scope
        .trail()
        .map(Trail::take)
        .unwrap_or_default()
        .into_iter()
        .map(|origin| Origin { document, ..origin })
        .collect()
}
