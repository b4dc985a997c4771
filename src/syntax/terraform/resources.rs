//! IAM resources of one `.tf` file to what the principal graph is built from: policy documents
//! with the kind, owner and attachment their resource gives them, the users, groups and roles
//! the module defines, and the attachments and memberships stated by resources of their own
//! ([`crate::syntax::wiring`]).
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
use crate::model::{Attachment, DocumentKind, Owner, OwnerKind};
use crate::source::{FileId, Span};
use crate::syntax::deployed::{Resource, ResourceKind};
use crate::syntax::policy::{KindHint, lower_policy};
use crate::syntax::tree::{Node, NodeKind};
use crate::syntax::wiring::{Definition, Wiring, arn_values};
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
        let resource = module.resources.get(address);
        match (resource_type, resource) {
            ("aws_iam_role" | "aws_iam_user" | "aws_iam_group", Some(resource)) => {
                self.principal(resource)
            }
            ("aws_iam_policy", Some(resource)) => {
                let managed = Attachment::Managed {
                    arn: resource.arn.clone(),
                };
                self.document("policy", DocumentKind::Identity, managed, None);
            }
            ("aws_iam_role_policy", _) => self.inline_policy(OwnerKind::Role, "role"),
            ("aws_iam_user_policy", _) => self.inline_policy(OwnerKind::User, "user"),
            ("aws_iam_group_policy", _) => self.inline_policy(OwnerKind::Group, "group"),
            ("aws_iam_role_policy_attachment", _) => self.attachment(OwnerKind::Role, "role"),
            ("aws_iam_user_policy_attachment", _) => self.attachment(OwnerKind::User, "user"),
            ("aws_iam_group_policy_attachment", _) => self.attachment(OwnerKind::Group, "group"),
            ("aws_iam_policy_attachment", _) => {
                for (kind, attribute) in [
                    (OwnerKind::Role, "roles"),
                    (OwnerKind::User, "users"),
                    (OwnerKind::Group, "groups"),
                ] {
                    self.attachment(kind, attribute);
                }
            }
            ("aws_iam_group_membership", _) => {
                if let Some(group) = self.attribute("group") {
                    let users = self.attribute("users");
                    self.wiring().memberships(&group, users);
                }
            }
            ("aws_iam_user_group_membership", _) => {
                let user = self.attribute("user");
                if let Some(Node {
                    kind: NodeKind::Array(groups),
                    ..
                }) = self.attribute("groups")
                {
                    for group in groups {
                        self.wiring().memberships(&group, user.clone());
                    }
                }
            }
            _ => {}
        }
    }

    /// The shared wiring of this resource's principals ([`crate::syntax::wiring`]): they join
    /// the graph unless the module is only called or deployed through an aliased provider,
    /// whose account may be another one.
    fn wiring(&mut self) -> Wiring<'_> {
        let module = self.scope.module;
        Wiring {
            resources: &module.resources,
            account: &module.account,
            deployed: !module.called && !module.detached && provider_alias(self.block).is_none(),
            parsed: self.parsed,
        }
    }

    /// A user, group or role: its definition, a role's trust and inline policies.
    fn principal(&mut self, resource: &Resource) {
        let ResourceKind::Principal(kind) = resource.kind else {
            return;
        };
        let wiring = self.wiring();
        let (owner, deployed) = (wiring.owner(kind, resource), wiring.deployed);
        let (trust, inline) = if deployed {
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
            for block in self.block.body.get_blocks("inline_policy") {
                if let Some(policy) = block.body.get_attribute("policy") {
                    self.push(
                        &policy.value,
                        DocumentKind::Identity,
                        inline.clone(),
                        Some(owner.clone()),
                    );
                }
            }
        }
        let definition = Definition {
            managed_policies: self.attribute("managed_policy_arns"),
            boundary: self.attribute("permissions_boundary"),
            max_session_duration: self.attribute("max_session_duration"),
            groups: None,
        };
        let span = self.label_span();
        self.wiring().define(resource, span, definition);
    }

    /// `aws_iam_role_policy` and its twins: an inline policy of the principal `attribute`
    /// names. It joins that principal when the module defines it.
    fn inline_policy(&mut self, kind: OwnerKind, attribute: &str) {
        let name = self.attribute(attribute);
        let (owner, attachment) = self.wiring().inline_owner(kind, name.as_ref());
        self.document("policy", DocumentKind::Identity, attachment, Some(owner));
    }

    /// `aws_iam_*_policy_attachment`: `policy_arn` attached to the principals `attribute`
    /// names.
    fn attachment(&mut self, kind: OwnerKind, attribute: &str) {
        let Some(policy) = arn_values(self.attribute("policy_arn")).into_iter().next() else {
            return;
        };
        let names = self.attribute(attribute);
        self.wiring().attach(kind, names, &policy);
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
