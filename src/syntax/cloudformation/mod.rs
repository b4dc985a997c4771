//! CloudFormation and SAM templates, in YAML or JSON: the IAM resources of a template to
//! policy documents with spans in the template, principals and attachments for the graph.
//!
//! A template is one stack, deployed to one account ([`crate::model::arn::deploying_account`],
//! named after the template's file): its roles, users, groups, managed policies and providers
//! are named by the ARNs they will have there ([`crate::syntax::deployed`]), and references to
//! them (`!GetAtt Role.Arn`, `!Ref Role`) resolve to those ([`intrinsics`]).

mod intrinsics;
mod resources;

use super::Parsed;
use super::tree::{Node, NodeKind};
use crate::model::arn::deploying_account;

/// Whether the text may be a template: a cheap test that spares parsing other YAML.
pub fn may_be_template(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion") || text.contains("AWS::")
}

/// Whether a parsed document is a template: it has `AWSTemplateFormatVersion`, or a
/// `Resources` map whose entries have an `AWS::…` `Type`.
pub fn is_template(root: &Node) -> bool {
    if root.get("AWSTemplateFormatVersion").is_some() {
        return true;
    }
    root.get("Resources")
        .and_then(Node::as_object)
        .is_some_and(|resources| {
            !resources.is_empty()
                && resources.iter().all(|resource| {
                    resource
                        .value
                        .get("Type")
                        .and_then(Node::as_str)
                        .is_some_and(|kind| kind.starts_with("AWS::"))
                })
        })
}

/// The documents, principals and links of one template; `name` is the file's name as the
/// user gave it, for its stack's account.
pub fn lower(root: &Node, text: &str, name: &str) -> Parsed {
    let Some(resources) = root.get("Resources").and_then(Node::as_object) else {
        return Parsed::default();
    };
    if !matches!(root.kind, NodeKind::Object(_)) {
        return Parsed::default();
    }
    let account = deploying_account(name);
    let index = resources::index(resources, text, &account, root.get("Mappings"));
    let template = intrinsics::Template {
        text,
        account: &account,
        mappings: root.get("Mappings"),
        resources: &index,
        choices: Vec::new(),
        trail: Default::default(),
    };
    resources::lower(resources, &template)
}
