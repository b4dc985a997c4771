//! IAM resources of one `.tf` file to what the principal graph is built from: policy documents
//! with the kind, owner and attachment their resource gives them, the users, groups and roles
//! the module defines ([`Entity`]), and the attachments and memberships stated by resources of
//! their own ([`Link`]).
//!
//! Principals are identified as [`super::resource_index`] names them, in the module's
//! deploying account. A policy attached to a principal the module does not define (`role =
//! "legacy"`) is checked as a document of that owner but joins nothing: the principal's path
//! and account are unknown.

use hcl_edit::Span as _;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};

use super::document::{self, Source};
use super::module::Module;
use super::values::{Scope, Trail, provider_alias};
use crate::model::{Attachment, DocumentKind, Entity, Link, LinkFact, Owner, OwnerKind, Spanned};
use crate::source::{FileId, Span};
use crate::syntax::deployed::{Resource, ResourceKind};
use crate::syntax::policy::{KindHint, lower_policy};
use crate::syntax::tree::{Node, NodeKind};
use crate::syntax::{Origin, Parsed};

/// The documents, principals and links of one file's IAM resources.
pub fn lower(body: &Body, file: FileId, text: &str, module: &Module) -> Parsed {
    let trail = Trail::default();
    let scope = Scope::new(module, file, text).with_trail(&trail);
    let mut parsed = Parsed::default();
    for block in body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
        match (block.ident.as_str(), labels.as_slice()) {
            ("resource", [resource_type, name]) if !scope.creates_nothing(block) => {
                let address = format!("{resource_type}.{name}");
                Lowering {
                    scope: &scope,
                    block,
                    parsed: &mut parsed,
                }
                .resource(resource_type, &address);
            }
            // A local module's instance, deployed with this one ([`super::calls`]).
            ("module", [name]) => {
                for (_, instance) in module.instances.iter().filter(|(n, _)| n == name) {
                    for (file, body, text) in instance.files() {
                        parsed.extend(lower(body, file, text, instance));
                    }
                }
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

/// One resource block being lowered.
struct Lowering<'s, 'a> {
    scope: &'s Scope<'a>,
    block: &'s Block,
    parsed: &'s mut Parsed,
}

impl Lowering<'_, '_> {
    fn resource(&mut self, resource_type: &str, address: &str) {
        let module = self.scope.module;
        match resource_type {
            "aws_iam_role" | "aws_iam_user" | "aws_iam_group" => {
                let Some(resource) = module.resources.get(address) else {
                    return;
                };
                self.principal(resource);
            }
            "aws_iam_policy" => {
                if let Some(resource) = module.resources.get(address) {
                    let managed = Attachment::Managed {
                        arn: resource.arn.clone(),
                    };
                    self.document("policy", DocumentKind::Identity, managed, None);
                }
            }
            "aws_iam_role_policy" => self.inline_policy(OwnerKind::Role, "role"),
            "aws_iam_user_policy" => self.inline_policy(OwnerKind::User, "user"),
            "aws_iam_group_policy" => self.inline_policy(OwnerKind::Group, "group"),
            "aws_iam_role_policy_attachment" => self.attachment(OwnerKind::Role, "role"),
            "aws_iam_user_policy_attachment" => self.attachment(OwnerKind::User, "user"),
            "aws_iam_group_policy_attachment" => self.attachment(OwnerKind::Group, "group"),
            "aws_iam_policy_attachment" => {
                for (kind, attribute) in [
                    (OwnerKind::Role, "roles"),
                    (OwnerKind::User, "users"),
                    (OwnerKind::Group, "groups"),
                ] {
                    self.attachment(kind, attribute);
                }
            }
            "aws_iam_group_membership" => {
                if let Some(group) = self.group_name("group") {
                    for user in self.principals(OwnerKind::User, "users") {
                        self.link(user, LinkFact::Group(group.clone()));
                    }
                }
            }
            "aws_iam_user_group_membership" => {
                let users = self.principals(OwnerKind::User, "user");
                for group in self.group_names("groups") {
                    for user in &users {
                        self.link(user.clone(), LinkFact::Group(group.clone()));
                    }
                }
            }
            _ => {}
        }
    }

    /// Whether the resource's principals join the graph: not in a module that is only called
    /// (its instances do), nor through an aliased provider, whose account may be another one
    /// (then its documents are still checked, attached to nothing).
    fn deployed(&self) -> bool {
        let module = self.scope.module;
        !module.called && !module.detached && provider_alias(self.block).is_none()
    }

    /// A user, group or role: its definition, a role's trust and inline policies.
    fn principal(&mut self, resource: &Resource) {
        let ResourceKind::Principal(kind) = resource.kind else {
            return;
        };
        let deployed = self.deployed();
        let owner = self.owner(kind, resource);
        let (trust, attached) = if deployed {
            (Attachment::Trust, Attachment::Inline)
        } else {
            (Attachment::Standalone, Attachment::Standalone)
        };
        if kind == OwnerKind::Role {
            self.document(
                "assume_role_policy",
                DocumentKind::Trust,
                trust,
                Some(owner.clone()),
            );
            // `inline_policy { name = …, policy = … }` blocks.
            for inline in self.block.body.get_blocks("inline_policy") {
                if let Some(policy) = inline.body.get_attribute("policy") {
                    self.push(
                        &policy.value,
                        DocumentKind::Identity,
                        attached.clone(),
                        Some(owner.clone()),
                    );
                }
            }
        }
        if !deployed {
            return;
        }
        let mut entity = Entity::new(
            kind,
            resource.arn.clone(),
            self.scope.module.account.clone(),
            resource.name_or_address().to_string(),
            self.label_span(),
        );
        entity.managed_policies = self.arns("managed_policy_arns");
        entity.boundary = self.arns("permissions_boundary").into_iter().next();
        entity.max_session_duration = self.number("max_session_duration");
        self.parsed.inventory.entities.push(entity);
    }

    /// `aws_iam_role_policy` and its twins: an inline policy of the principal `attribute`
    /// names. It joins that principal when the module defines it.
    fn inline_policy(&mut self, kind: OwnerKind, attribute: &str) {
        let (owner, attachment) = match self.principal_of(kind, attribute) {
            Named::Defined(resource) if self.deployed() => {
                (self.owner(kind, resource), Attachment::Inline)
            }
            Named::Defined(resource) => (self.owner(kind, resource), Attachment::Standalone),
            Named::Elsewhere(name) => (
                Owner {
                    kind,
                    name: Some(name),
                    account: None,
                    arn: None,
                },
                Attachment::Standalone,
            ),
            Named::Unknown => (
                Owner {
                    kind,
                    name: None,
                    account: None,
                    arn: None,
                },
                Attachment::Standalone,
            ),
        };
        self.document("policy", DocumentKind::Identity, attachment, Some(owner));
    }

    /// `aws_iam_*_policy_attachment`: `policy_arn` attached to the principals `attribute`
    /// names.
    fn attachment(&mut self, kind: OwnerKind, attribute: &str) {
        let Some(policy) = self.arns("policy_arn").into_iter().next() else {
            return;
        };
        for principal in self.principals(kind, attribute) {
            self.link(principal, LinkFact::ManagedPolicy(policy.clone()));
        }
    }

    /// The ARNs of the module's principals of `kind` that `attribute` names (a name or a list
    /// of names). When the linter cannot tell which (`role = each.value`), every principal of
    /// that kind may be meant: each gets an unknown policy ([`Self::unknown_attachment`]).
    fn principals(&mut self, kind: OwnerKind, attribute: &str) -> Vec<String> {
        let Some(node) = self.attribute(attribute) else {
            return Vec::new();
        };
        let items = match node.kind {
            NodeKind::Array(items) => items,
            _ => vec![node],
        };
        let mut found = Vec::new();
        for item in items {
            match self.named(kind, &item) {
                Named::Defined(resource) => found.push(resource.arn.clone()),
                Named::Elsewhere(_) => {}
                Named::Unknown => self.unknown_attachment(kind, &item),
            }
        }
        found
    }

    /// A policy may be attached to any principal of `kind` in the module: none of them has a
    /// known identity side any more.
    fn unknown_attachment(&mut self, kind: OwnerKind, item: &Node) {
        let marker = Spanned {
            value: unknown_name(item),
            span: item.span,
        };
        let module = self.scope.module;
        let arns = module
            .resources
            .principals(kind)
            .map(|resource| resource.arn.clone())
            .collect::<Vec<_>>();
        for arn in arns {
            self.link(arn, LinkFact::ManagedPolicy(marker.clone()));
        }
    }

    fn link(&mut self, principal: String, fact: LinkFact) {
        if self.deployed() {
            self.parsed.inventory.links.push(Link { principal, fact });
        }
    }

    /// The owner of a principal's documents: where the module is deployed, the principal
    /// itself; otherwise its name, which no graph node has.
    fn owner(&self, kind: OwnerKind, resource: &Resource) -> Owner {
        let deployed = self.deployed();
        Owner {
            kind,
            name: Some(resource.name_or_address().to_string()),
            account: deployed.then(|| self.scope.module.account.clone()),
            arn: deployed.then(|| resource.arn.clone()),
        }
    }

    /// The principal of `kind` the attribute names.
    fn principal_of(&self, kind: OwnerKind, attribute: &str) -> Named<'_> {
        match self.attribute(attribute) {
            Some(node) => self.named(kind, &node),
            None => Named::Unknown,
        }
    }

    /// What a name (`"deploy"`, `aws_iam_role.deploy.name`) refers to.
    fn named(&self, kind: OwnerKind, node: &Node) -> Named<'_> {
        let resources = &self.scope.module.resources;
        match &node.kind {
            NodeKind::Str(name) => match resources.principal_named(kind, name) {
                Some(resource) => Named::Defined(resource),
                None => Named::Elsewhere(name.clone()),
            },
            NodeKind::Symbol(symbol) => match resources.principal_named(kind, &symbol.identity) {
                Some(resource) => Named::Defined(resource),
                None => Named::Unknown,
            },
            _ => Named::Unknown,
        }
    }

    /// The group `attribute` names, by the name the graph knows it under.
    fn group_name(&self, attribute: &str) -> Option<Spanned<String>> {
        let node = self.attribute(attribute)?;
        self.group(&node)
    }

    /// The groups a list attribute names.
    fn group_names(&self, attribute: &str) -> Vec<Spanned<String>> {
        match self.attribute(attribute).map(|n| n.kind) {
            Some(NodeKind::Array(items)) => items.iter().filter_map(|i| self.group(i)).collect(),
            _ => Vec::new(),
        }
    }

    fn group(&self, node: &Node) -> Option<Spanned<String>> {
        let name = match self.named(OwnerKind::Group, node) {
            Named::Defined(resource) => resource.name_or_address().to_string(),
            Named::Elsewhere(name) => name,
            // Not knowing the group leaves the user's identity side open.
            Named::Unknown => unknown_name(node),
        };
        Some(Spanned {
            value: name,
            span: node.span,
        })
    }

    /// ARN values (a string or a list): known text or a symbol's identity; an unknown one is
    /// kept as its expression, which matches no loaded policy, so the principal's identity
    /// side stays open.
    fn arns(&self, attribute: &str) -> Vec<Spanned<String>> {
        let Some(node) = self.attribute(attribute) else {
            return Vec::new();
        };
        let items = match node.kind {
            NodeKind::Array(items) => items,
            _ => vec![node],
        };
        items
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

    /// A whole-number attribute, when known.
    fn number(&self, attribute: &str) -> Option<u32> {
        match self.attribute(attribute)?.kind {
            NodeKind::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    fn attribute(&self, attribute: &str) -> Option<Node> {
        let value = self.block.body.get_attribute(attribute)?;
        forget_references(self.scope);
        Some(self.scope.node(&value.value))
    }

    /// Where the resource is defined: its name label.
    fn label_span(&self) -> Span {
        let label = self.block.labels.get(1).and_then(|l| l.span());
        self.scope.span(label.or_else(|| self.block.span()))
    }

    fn document(
        &mut self,
        attribute: &str,
        kind: DocumentKind,
        attachment: Attachment,
        owner: Option<Owner>,
    ) {
        if let Some(value) = self.block.body.get_attribute(attribute) {
            self.push(&value.value, kind, attachment, owner);
        }
    }

    fn push(
        &mut self,
        expr: &Expression,
        kind: DocumentKind,
        attachment: Attachment,
        owner: Option<Owner>,
    ) {
        forget_references(self.scope);
        match document::source(self.scope, expr) {
            Source::Tree(tree) => {
                let mut document = lower_policy(tree, KindHint::Known(kind), owner);
                document.attachment = attachment;
                self.parsed
                    .origins
                    .extend(origins(self.scope, document.span));
                self.parsed.documents.push(document);
            }
            Source::Unknown => {}
            Source::Invalid(error) => self.parsed.syntax_errors.push(error),
        }
    }
}

/// What a principal-naming attribute names.
enum Named<'a> {
    /// A principal the module defines.
    Defined(&'a Resource),
    /// A name of a principal defined elsewhere.
    Elsewhere(String),
    Unknown,
}

/// A stand-in for a name or ARN the linter cannot know: its expression in angle brackets,
/// which no real name or ARN matches.
fn unknown_name(node: &Node) -> String {
    match &node.kind {
        NodeKind::Unknown(text) => format!("<{text}>"),
        NodeKind::Symbol(symbol) => format!("<{}>", symbol.text),
        _ => format!("<{}>", node.type_name()),
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
