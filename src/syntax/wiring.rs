//! How a deployment's IAM resources wire up, once their values are resolved to nodes: the
//! part the Terraform and CloudFormation front ends share. Who owns a document, which
//! principals an attachment or membership names, a principal's definition ([`Entity`]) and the
//! facts stated apart from it ([`Link`]).
//!
//! A name the linter cannot know (`role = each.value`, `!Ref RoleParameter`) may be any of the
//! deployment's principals of that kind: each then gets an attachment that matches no loaded
//! policy, so none of them has an identity side the linter knows whole.

use super::Parsed;
use super::deployed::{Resource, ResourceKind, Resources};
use super::tree::{Node, NodeKind};
use crate::model::{Attachment, Entity, Link, LinkFact, Owner, OwnerKind, Spanned};
use crate::source::Span;

/// What a principal-naming value names.
pub enum Named<'a> {
    /// A principal the deployment defines.
    Defined(&'a Resource),
    /// A name of a principal defined elsewhere.
    Elsewhere(String),
    Unknown,
}

/// The resources of one deployment being wired, into `parsed`.
pub struct Wiring<'a> {
    pub resources: &'a Resources,
    pub account: &'a str,
    /// Whether its principals join the graph: not in a Terraform module that is only called,
    /// nor through an aliased provider (their documents are still checked, attached to
    /// nothing).
    pub deployed: bool,
    pub parsed: &'a mut Parsed,
}

impl Wiring<'_> {
    /// The owner of a principal's documents: where it is deployed, the principal itself;
    /// otherwise its name, which no graph node has.
    pub fn owner(&self, kind: OwnerKind, resource: &Resource) -> Owner {
        Owner {
            kind,
            name: Some(resource.name_or_address().to_string()),
            account: self.deployed.then(|| self.account.to_string()),
            arn: self.deployed.then(|| resource.arn.clone()),
        }
    }

    /// How an inline policy of the principal `name` names attaches: to that principal when
    /// the deployment defines it, else to nothing, with what is known of its owner.
    pub fn inline_owner(&self, kind: OwnerKind, name: Option<&Node>) -> (Owner, Attachment) {
        let named = name.map_or(Named::Unknown, |node| self.named(kind, node));
        match named {
            Named::Defined(resource) if self.deployed => {
                (self.owner(kind, resource), Attachment::Inline)
            }
            Named::Defined(resource) => (self.owner(kind, resource), Attachment::Standalone),
            Named::Elsewhere(name) => (unplaced(kind, Some(name)), Attachment::Standalone),
            Named::Unknown => (unplaced(kind, None), Attachment::Standalone),
        }
    }

    /// What a name (`"deploy"`, a reference to a role's name) refers to.
    pub fn named(&self, kind: OwnerKind, node: &Node) -> Named<'_> {
        match &node.kind {
            NodeKind::Str(name) => match self.resources.principal_named(kind, name) {
                Some(resource) => Named::Defined(resource),
                None => Named::Elsewhere(name.clone()),
            },
            NodeKind::Symbol(symbol) => {
                match self.resources.principal_named(kind, &symbol.identity) {
                    Some(resource) => Named::Defined(resource),
                    None => Named::Unknown,
                }
            }
            _ => Named::Unknown,
        }
    }

    /// The ARNs of the deployment's principals of `kind` that `names` names (a name or a list
    /// of names); for a name the linter cannot know, every principal of that kind gets the
    /// unknown attachment `marker`.
    pub fn principals(&mut self, kind: OwnerKind, names: Option<Node>) -> Vec<String> {
        let mut found = Vec::new();
        for item in items(names) {
            match self.named(kind, &item) {
                Named::Defined(resource) => found.push(resource.arn.clone()),
                Named::Elsewhere(_) => {}
                Named::Unknown => {
                    let marker = Spanned {
                        value: unknown_name(&item),
                        span: item.span,
                    };
                    let arns: Vec<String> = self
                        .resources
                        .principals(kind)
                        .map(|resource| resource.arn.clone())
                        .collect();
                    for arn in arns {
                        self.link(arn, LinkFact::ManagedPolicy(marker.clone()));
                    }
                }
            }
        }
        found
    }

    /// A managed policy (`policy`: its ARN) attached to the principals `names` names.
    pub fn attach(&mut self, kind: OwnerKind, names: Option<Node>, policy: &Spanned<String>) {
        for principal in self.principals(kind, names) {
            self.link(principal, LinkFact::ManagedPolicy(policy.clone()));
        }
    }

    /// The users `users` names join the group `group` names.
    pub fn memberships(&mut self, group: &Node, users: Option<Node>) {
        let group = self.group(group);
        for user in self.principals(OwnerKind::User, users) {
            self.link(user, LinkFact::Group(group.clone()));
        }
    }

    /// A group by the name the graph knows it under; one the linter cannot know leaves the
    /// user's identity side open.
    pub fn group(&self, node: &Node) -> Spanned<String> {
        let name = match self.named(OwnerKind::Group, node) {
            Named::Defined(resource) => resource.name_or_address().to_string(),
            Named::Elsewhere(name) => name,
            Named::Unknown => unknown_name(node),
        };
        Spanned {
            value: name,
            span: node.span,
        }
    }

    pub fn link(&mut self, principal: String, fact: LinkFact) {
        if self.deployed {
            self.parsed.inventory.links.push(Link { principal, fact });
        }
    }

    /// A principal's definition: where it is defined, its attached managed policies, its
    /// boundary, a role's maximum session duration and a user's groups.
    pub fn define(&mut self, resource: &Resource, span: Span, definition: Definition) {
        let ResourceKind::Principal(kind) = resource.kind else {
            return;
        };
        if !self.deployed {
            return;
        }
        let mut entity = Entity::new(
            kind,
            resource.arn.clone(),
            self.account.to_string(),
            resource.name_or_address().to_string(),
            span,
        );
        entity.managed_policies = arn_values(definition.managed_policies);
        entity.boundary = arn_values(definition.boundary).into_iter().next();
        entity.max_session_duration =
            definition
                .max_session_duration
                .and_then(|node| match node.kind {
                    NodeKind::Number(text) | NodeKind::Str(text) => text.parse().ok(),
                    _ => None,
                });
        entity.groups = items(definition.groups)
            .iter()
            .map(|g| self.group(g))
            .collect();
        self.parsed.inventory.entities.push(entity);
    }
}

/// What a principal's resource says of it, resolved.
#[derive(Default)]
pub struct Definition {
    pub managed_policies: Option<Node>,
    pub boundary: Option<Node>,
    pub max_session_duration: Option<Node>,
    pub groups: Option<Node>,
}

/// ARN values (a string or a list): known text or a symbol's identity; an unknown one is kept
/// as its expression, which matches no loaded policy, so the principal's identity side stays
/// open.
pub fn arn_values(node: Option<Node>) -> Vec<Spanned<String>> {
    items(node)
        .into_iter()
        .map(|item| Spanned {
            value: match &item.kind {
                NodeKind::Str(text) => text.clone(),
                NodeKind::Symbol(symbol) => symbol.identity.clone(),
                _ => unknown_name(&item),
            },
            span: item.span,
        })
        .collect()
}

/// The items of a list value, or the value itself.
fn items(node: Option<Node>) -> Vec<Node> {
    match node {
        Some(Node {
            kind: NodeKind::Array(items),
            ..
        }) => items,
        Some(node) => vec![node],
        None => Vec::new(),
    }
}

/// An owner known only by what its policy resource says.
fn unplaced(kind: OwnerKind, name: Option<String>) -> Owner {
    Owner {
        kind,
        name,
        account: None,
        arn: None,
    }
}

/// A stand-in for a name or ARN the linter cannot know: its expression in angle brackets,
/// which no real name or ARN matches.
pub fn unknown_name(node: &Node) -> String {
    match &node.kind {
        NodeKind::Unknown(text) => format!("<{text}>"),
        NodeKind::Symbol(symbol) => format!("<{}>", symbol.text),
        _ => format!("<{}>", node.type_name()),
    }
}
