//! The IAM resources of a template ([AWS::IAM resource type reference]) to documents,
//! principals and links, with every value resolved ([`super::intrinsics`]).
//!
//! - `AWS::IAM::Role`, `::User`, `::Group`: principals named by `RoleName`/`UserName`/
//!   `GroupName` (else by their logical ID), under `Path`; a role's `AssumeRolePolicyDocument`,
//!   every principal's `Policies` (inline), `ManagedPolicyArns`, `PermissionsBoundary`, a role's
//!   `MaxSessionDuration`, a user's `Groups`.
//! - `AWS::IAM::ManagedPolicy` (and the legacy `AWS::IAM::Policy`, whose document IAM embeds in
//!   each principal it names): one document attached to the `Roles`, `Users` and `Groups` it
//!   names.
//! - `AWS::IAM::RolePolicy`, `::UserPolicy`, `::GroupPolicy`: an inline policy of the principal
//!   named.
//! - `AWS::IAM::UserToGroupAddition`: memberships.
//! - `AWS::IAM::OIDCProvider`, `::SAMLProvider`: federated principals, reached by references.
//! - SAM's `AWS::Serverless::Function`: its `Policies` that are plain policy documents (named
//!   SAM policy templates and managed policy names are not), as identity policies of the
//!   function's role.

use super::intrinsics::{self, Template};
use crate::model::{Attachment, Document, DocumentKind, Owner, OwnerKind};
use crate::source::Span;
use crate::syntax::deployed::{Resource, ResourceKind, Resources};
use crate::syntax::embedded;
use crate::syntax::policy::{KindHint, looks_like_policy, lower_policy};
use crate::syntax::tree::{Member, Node, NodeKind};
use crate::syntax::wiring::{Definition, Wiring};
use crate::syntax::{Parsed, Variant};

/// How many conditions one document may depend on before it is checked undecided only:
/// each doubles the variants.
const MAX_CONDITIONS: usize = 3;

/// The kind a resource type creates, for the types that create a principal, a managed policy
/// or an identity provider, and the property naming it.
fn kind_of(resource_type: &str) -> Option<(ResourceKind, &'static str)> {
    Some(match resource_type {
        "AWS::IAM::Role" => (ResourceKind::Principal(OwnerKind::Role), "RoleName"),
        "AWS::IAM::User" => (ResourceKind::Principal(OwnerKind::User), "UserName"),
        "AWS::IAM::Group" => (ResourceKind::Principal(OwnerKind::Group), "GroupName"),
        "AWS::IAM::ManagedPolicy" => (ResourceKind::Policy, "ManagedPolicyName"),
        "AWS::IAM::OIDCProvider" => (ResourceKind::OidcProvider, "Url"),
        "AWS::IAM::SAMLProvider" => (ResourceKind::SamlProvider, "Name"),
        _ => return None,
    })
}

/// The template's IAM resources by logical ID, with the ARNs they will have in `account`.
/// Their names may use parameters, mappings and pseudo parameters, not other resources.
pub fn index(
    resources: &[Member],
    text: &str,
    account: &str,
    mappings: Option<&Node>,
) -> Resources {
    let none = Resources::default();
    let template = Template {
        text,
        account,
        mappings,
        resources: &none,
        choices: Vec::new(),
        trail: Default::default(),
    };
    let mut index = Resources::default();
    for resource in resources {
        let Some((kind, naming)) = resource_type(&resource.value).and_then(kind_of) else {
            continue;
        };
        let property = |name: &str| template.resolve(resource.value.get("Properties")?.get(name)?);
        let text = |name: &str| match property(name).map(|n| n.kind) {
            Some(NodeKind::Str(text)) => Some(text),
            _ => None,
        };
        let name = match kind {
            // The provider's ARN ends with its URL's host and path, without the scheme.
            ResourceKind::OidcProvider => text(naming).map(|url| {
                url.strip_prefix("https://")
                    .unwrap_or(&url)
                    .trim_end_matches('/')
                    .to_string()
            }),
            _ => text(naming),
        };
        let path = text("Path");
        let found = Resource::new(kind, resource.key.clone(), name, path.as_deref(), account);
        index.insert(resource.key.clone(), found);
    }
    index
}

/// The documents, principals and links of the template's resources.
pub fn lower(resources: &[Member], template: &Template<'_>) -> Parsed {
    let mut parsed = Parsed::default();
    for resource in resources {
        let Some(resource_type) = resource_type(&resource.value) else {
            continue;
        };
        let Some(properties) = resource.value.get("Properties") else {
            continue;
        };
        Lowering {
            template,
            logical_id: &resource.key,
            key_span: resource.key_span,
            properties,
            parsed: &mut parsed,
        }
        .resource(resource_type);
    }
    parsed
}

fn resource_type(resource: &Node) -> Option<&str> {
    resource.get("Type").and_then(Node::as_str)
}

/// One resource being lowered.
struct Lowering<'a, 't> {
    template: &'a Template<'t>,
    logical_id: &'a str,
    key_span: Span,
    properties: &'a Node,
    parsed: &'a mut Parsed,
}

impl Lowering<'_, '_> {
    fn resource(&mut self, resource_type: &str) {
        let resource = self.template.resources.get(self.logical_id);
        match (resource_type, resource) {
            ("AWS::IAM::Role" | "AWS::IAM::User" | "AWS::IAM::Group", Some(resource)) => {
                self.principal(resource)
            }
            ("AWS::IAM::ManagedPolicy", Some(resource)) => {
                let arn = resource.arn.clone();
                self.managed_policy(arn);
            }
            // IAM copies an `AWS::IAM::Policy` into each principal it names: one document,
            // attached to each, as a managed policy of the template's own would be.
            ("AWS::IAM::Policy", _) => {
                let arn = format!(
                    "arn:aws:iam::{}:policy/{}",
                    self.template.account, self.logical_id
                );
                self.managed_policy(arn);
            }
            ("AWS::IAM::RolePolicy", _) => self.inline_policy(OwnerKind::Role, "RoleName"),
            ("AWS::IAM::UserPolicy", _) => self.inline_policy(OwnerKind::User, "UserName"),
            ("AWS::IAM::GroupPolicy", _) => self.inline_policy(OwnerKind::Group, "GroupName"),
            ("AWS::IAM::UserToGroupAddition", _) => {
                if let Some(group) = self.property("GroupName") {
                    let users = self.property("Users");
                    self.wiring().memberships(&group, users);
                }
            }
            ("AWS::Serverless::Function", _) => self.function(),
            _ => {}
        }
    }

    fn wiring(&mut self) -> Wiring<'_> {
        Wiring {
            resources: self.template.resources,
            account: self.template.account,
            deployed: true,
            parsed: self.parsed,
        }
    }

    /// A user, group or role: its definition, a role's trust, inline policies.
    fn principal(&mut self, resource: &Resource) {
        let ResourceKind::Principal(kind) = resource.kind else {
            return;
        };
        let owner = self.wiring().owner(kind, resource);
        if kind == OwnerKind::Role {
            self.document(
                "AssumeRolePolicyDocument",
                DocumentKind::Trust,
                Attachment::Trust,
                Some(owner.clone()),
            );
        }
        self.inline_policies(&owner);
        let definition = Definition {
            managed_policies: self.property("ManagedPolicyArns"),
            boundary: self.property("PermissionsBoundary"),
            max_session_duration: self.property("MaxSessionDuration"),
            groups: self.property("Groups"),
        };
        let span = self.key_span;
        self.wiring().define(resource, span, definition);
    }

    /// `Policies: [{PolicyName, PolicyDocument}]`: inline policies of `owner`.
    fn inline_policies(&mut self, owner: &Owner) {
        let Some(policies) = self.properties.get("Policies").and_then(Node::as_array) else {
            return;
        };
        for policy in policies {
            if let Some(document) = policy.get("PolicyDocument") {
                self.push(
                    document,
                    DocumentKind::Identity,
                    Attachment::Inline,
                    Some(owner.clone()),
                );
            }
        }
    }

    /// A managed policy's document, attached to the principals its `Roles`, `Users` and
    /// `Groups` name.
    fn managed_policy(&mut self, arn: String) {
        let policy = crate::model::Spanned {
            value: arn.clone(),
            span: self.key_span,
        };
        self.document(
            "PolicyDocument",
            DocumentKind::Identity,
            Attachment::Managed { arn },
            None,
        );
        for (kind, property) in [
            (OwnerKind::Role, "Roles"),
            (OwnerKind::User, "Users"),
            (OwnerKind::Group, "Groups"),
        ] {
            let names = self.property(property);
            self.wiring().attach(kind, names, &policy);
        }
    }

    /// `AWS::IAM::RolePolicy` and its twins: an inline policy of the principal `property`
    /// names.
    fn inline_policy(&mut self, kind: OwnerKind, property: &str) {
        let name = self.property(property);
        let (owner, attachment) = self.wiring().inline_owner(kind, name.as_ref());
        self.document(
            "PolicyDocument",
            DocumentKind::Identity,
            attachment,
            Some(owner),
        );
    }

    /// SAM's function: its `Policies` that are plain policy documents, as identity policies
    /// of the role SAM creates for it (`<LogicalId>Role`) unless `Role` names another; that
    /// role is not in the template, so they are checked on their own.
    fn function(&mut self) {
        let Some(policies) = self.properties.get("Policies") else {
            return;
        };
        let policies = match policies.as_array() {
            Some(items) => items.iter().collect(),
            None => vec![policies],
        };
        for policy in policies.into_iter().filter(|p| looks_like_policy(p)) {
            self.push(policy, DocumentKind::Identity, Attachment::Standalone, None);
        }
    }

    /// A property, resolved.
    fn property(&self, name: &str) -> Option<Node> {
        self.template.resolve(self.properties.get(name)?)
    }

    fn document(
        &mut self,
        property: &str,
        kind: DocumentKind,
        attachment: Attachment,
        owner: Option<Owner>,
    ) {
        if let Some(value) = self.properties.get(property) {
            self.push(value, kind, attachment, owner);
        }
    }

    /// A policy document as written (`value`): resolved, it is checked and joins the graph.
    /// One that depends on conditions (`Fn::If`) joins the graph as the template leaves it,
    /// undecided, and is checked once per decision of its conditions ([`Variant`]).
    fn push(
        &mut self,
        value: &Node,
        kind: DocumentKind,
        attachment: Attachment,
        owner: Option<Owner>,
    ) {
        let conditions = intrinsics::conditions(value);
        self.template.take_origins(Span::default());
        let Some(mut base) = self.lowered(self.template, value, kind, owner.clone()) else {
            return;
        };
        base.attachment = attachment;
        let origins = self.template.take_origins(base.span);
        self.parsed.origins.extend(origins);
        if conditions.is_empty() || conditions.len() > MAX_CONDITIONS {
            self.parsed.documents.push(base);
            return;
        }
        let group = self.parsed.graph_documents.len();
        self.parsed.graph_documents.push(base);
        for decision in 0..1u32 << conditions.len() {
            let choices: Vec<(String, bool)> = conditions
                .iter()
                .enumerate()
                .map(|(bit, name)| (name.clone(), decision & (1 << bit) != 0))
                .collect();
            let template = self.template.choosing(choices.clone());
            if let Some(document) = self.lowered(&template, value, kind, owner.clone()) {
                self.parsed.variants.push(Variant {
                    group,
                    choices,
                    document,
                });
            }
        }
    }

    /// The document `value` comes to with `template`: an object, or a JSON string (also a
    /// `Fn::Sub` made of known parts) parsed with spans in the template; `None` for an unknown
    /// document (a parameter) or `AWS::NoValue`.
    fn lowered(
        &mut self,
        template: &Template<'_>,
        value: &Node,
        kind: DocumentKind,
        owner: Option<Owner>,
    ) -> Option<Document> {
        if let Some(parsed) = template.sub_document(value) {
            return match parsed {
                Ok(tree) => Some(lower_policy(tree, KindHint::Known(kind), owner)),
                Err(error) => {
                    self.parsed.syntax_errors.push(error);
                    None
                }
            };
        }
        let value = template.resolve(value)?;
        let tree = match &value.kind {
            NodeKind::Object(_) => value,
            NodeKind::Str(_) => match embedded::parse_string(&value, template.text) {
                Ok(tree) => tree,
                Err(error) => {
                    self.parsed.syntax_errors.push(error);
                    return None;
                }
            },
            _ => return None,
        };
        Some(lower_policy(tree, KindHint::Known(kind), owner))
    }
}
