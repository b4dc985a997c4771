//! Format-agnostic IAM policy types (DESIGN §1.3). Every leaf keeps its span.

use super::value::{SVal, Spanned};
use crate::source::{FileId, Span};
use crate::syntax::tree::{Node, NodeKind};

/// What a policy document is for; decides which rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocumentKind {
    /// A role's trust policy (`AssumeRolePolicyDocument`).
    Trust,
    /// A permission policy attached to a user, group or role.
    Identity,
    Boundary,
    /// A resource-based policy (bucket, key, queue …): not this linter's subject, but
    /// recognised so that its `Principal` and `Resource` are not mistaken for errors.
    Resource,
}

impl DocumentKind {
    pub fn noun(self) -> &'static str {
        match self {
            DocumentKind::Trust => "trust policy",
            DocumentKind::Identity => "identity policy",
            DocumentKind::Boundary => "permissions boundary",
            DocumentKind::Resource => "resource policy",
        }
    }
}

/// The principal a document belongs to, as far as the input says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub kind: OwnerKind,
    pub name: Option<String>,
    /// 12-digit account, when the input tells it (a role ARN in `get-role` output).
    pub account: Option<String>,
    pub arn: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OwnerKind {
    Role,
    User,
    Group,
}

/// A loaded policy document.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: DocumentKind,
    pub owner: Option<Owner>,
    /// How the document attaches to its owner (or to nothing).
    pub attachment: super::inventory::Attachment,
    pub file: FileId,
    /// The document's object in its file.
    pub span: Span,
    pub version: Option<SVal>,
    pub id: Option<SVal>,
    pub statements: Vec<Statement>,
    /// Some statement is a value the linter cannot read (`Statement = [var.extra, {...}]`):
    /// it may be a Deny of anything.
    pub unreadable_statements: bool,
    /// The document's source tree, for rules about raw structure (duplicate keys, unknown
    /// elements). Only document rules read it: a lint run releases it once they have run
    /// ([`Document::release_raw`]), so graph rules must not.
    pub raw: Node,
    /// Elements of the wrong JSON type, found while lowering (TL004).
    pub shape_errors: Vec<ShapeError>,
}

impl Document {
    /// Whether the document may hold a Deny the linter cannot see: an unreadable statement, or
    /// one whose `Effect` is unknown. A verdict that a Deny could overturn stays unknown.
    pub fn may_hide_deny(&self) -> bool {
        self.unreadable_statements
            || self
                .statements
                .iter()
                .any(|s| s.effect.as_ref().is_some_and(|e| e.known().is_none()))
    }

    /// Frees the source tree, leaving `null` at the same span: the principal graph holds every
    /// document of a run, and their trees would double its memory.
    pub fn release_raw(&mut self) {
        self.raw = Node {
            span: self.raw.span,
            kind: NodeKind::Null,
        };
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

/// One statement. Elements are `None` when absent; a present element of the wrong type is a
/// [`ShapeError`] and is also `None` here.
#[derive(Debug, Clone, Default)]
pub struct Statement {
    pub span: Span,
    pub sid: Option<SVal>,
    pub effect: Option<SVal>,
    pub principal: Option<Principal>,
    pub not_principal: Option<Principal>,
    pub action: Option<ValueList>,
    pub not_action: Option<ValueList>,
    pub resource: Option<ValueList>,
    pub not_resource: Option<ValueList>,
    pub condition: Option<Condition>,
}

impl Statement {
    /// The effect, when it is exactly `Allow` or `Deny` (the element is case-sensitive).
    pub fn effect(&self) -> Option<Effect> {
        match self.effect.as_ref()?.known()? {
            "Allow" => Some(Effect::Allow),
            "Deny" => Some(Effect::Deny),
            _ => None,
        }
    }

    pub fn is_allow(&self) -> bool {
        self.effect() == Some(Effect::Allow)
    }

    /// Every condition clause, or none.
    pub fn clauses(&self) -> &[Clause] {
        self.condition.as_ref().map_or(&[], |c| &c.clauses)
    }

    /// The values under one key (`AWS`, `Service`, `Federated`) of the statement's
    /// `Principal`; `NotPrincipal` is not read.
    pub fn principal_values<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a SVal> + 'a {
        self.principal.iter().flat_map(move |p| p.values_of(key))
    }
}

/// A string-or-list element (`Action`, `Resource`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueList {
    pub key_span: Span,
    pub span: Span,
    pub values: Vec<SVal>,
}

impl ValueList {
    /// A list of known values with empty spans, for unit tests that build statements by hand.
    #[cfg(test)]
    pub fn known(values: &[&str]) -> ValueList {
        let span = Span::file_start(0);
        ValueList {
            key_span: span,
            span,
            values: values
                .iter()
                .map(|v| SVal {
                    value: super::Val::Known(v.to_string()),
                    span,
                })
                .collect(),
        }
    }
}

/// The `Principal` / `NotPrincipal` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub key_span: Span,
    pub span: Span,
    pub form: PrincipalForm,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrincipalForm {
    /// The bare string form, `"Principal": "*"`.
    Star(SVal),
    /// `{"AWS": …, "Service": …, "Federated": …}`.
    Map(Vec<PrincipalEntry>),
    /// A value the linter cannot read (`principals` from a Terraform variable): it may name
    /// anyone, so no rule may read it as naming no one.
    Unknown(SVal),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalEntry {
    pub key: Spanned<String>,
    pub values: Vec<SVal>,
}

impl Principal {
    /// The values under one principal key (`AWS`, `Service`, `Federated`).
    pub fn values_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a SVal> + 'a {
        let entries: &[PrincipalEntry] = match &self.form {
            PrincipalForm::Map(entries) => entries,
            PrincipalForm::Star(_) | PrincipalForm::Unknown(_) => &[],
        };
        entries
            .iter()
            .filter(move |e| e.key.value == key)
            .flat_map(|e| e.values.iter())
    }

    /// Every value with its key; the bare `"*"` counts as `AWS` (AWS reads it as
    /// `{"AWS": "*"}` [UG:reference_policies_elements_principal]), an unreadable element has none.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &SVal)> {
        let (star, entries): (Option<&SVal>, &[PrincipalEntry]) = match &self.form {
            PrincipalForm::Star(value) => (Some(value), &[]),
            PrincipalForm::Map(entries) => (None, entries),
            PrincipalForm::Unknown(_) => (None, &[]),
        };
        star.map(|value| ("AWS", value)).into_iter().chain(
            entries
                .iter()
                .flat_map(|e| e.values.iter().map(|v| (e.key.value.as_str(), v))),
        )
    }

    /// True when the element names no principal at all (`{}`, `{"AWS": []}`).
    pub fn is_empty(&self) -> bool {
        match &self.form {
            PrincipalForm::Star(_) | PrincipalForm::Unknown(_) => false,
            PrincipalForm::Map(entries) => entries.iter().all(|e| e.values.is_empty()),
        }
    }
}

/// The `Condition` element, flattened to one clause per operator and key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub key_span: Span,
    pub span: Span,
    pub clauses: Vec<Clause>,
}

/// `"Operator": {"key": [values]}`: the values are ORed; clauses are ANDed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub operator: Spanned<String>,
    pub key: Spanned<String>,
    pub values: Vec<SVal>,
    /// The clause stands for condition content the linter cannot read (`Condition = var.c`,
    /// `StringEquals = local.keys`): it may restrict anything, so it evaluates to unknown and
    /// no rule may read it as "no condition".
    pub unreadable: bool,
}
