//! Who exists: the users, groups and roles that front ends find besides policy documents, and
//! how documents attach to them. The principal graph is built from these.

use super::policy::OwnerKind;
use super::value::Spanned;
use crate::source::Span;

/// How a policy document attaches to a principal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Attachment {
    /// A file of its own, attached to nothing (unless the configuration says so).
    #[default]
    Standalone,
    /// The role trust policy of the document's owner.
    Trust,
    /// An inline policy of the document's owner (user, group or role).
    Inline,
    /// The default version of a customer or AWS managed policy.
    Managed { arn: String },
}

/// A user, group or role defined by the input (an account dump, `get-role` output, a
/// `[[principal]]` entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: OwnerKind,
    pub arn: String,
    pub account: String,
    pub name: String,
    /// Where the entity is defined (its `Arn` value, or its configuration entry).
    pub span: Span,
    /// Names of the groups a user belongs to (same account).
    pub groups: Vec<Spanned<String>>,
    /// ARNs of attached managed policies.
    pub managed_policies: Vec<Spanned<String>>,
    /// ARN of the permissions boundary's managed policy.
    pub boundary: Option<Spanned<String>>,
    /// A role's maximum session duration in seconds.
    pub max_session_duration: Option<u32>,
}

impl Entity {
    pub fn new(kind: OwnerKind, arn: String, account: String, name: String, span: Span) -> Self {
        Entity {
            kind,
            arn,
            account,
            name,
            span,
            groups: Vec::new(),
            managed_policies: Vec::new(),
            boundary: None,
            max_session_duration: None,
        }
    }
}

/// A fact about a principal that a resource of its own states (a Terraform policy attachment
/// or group membership): merged into the principal's definition when the input defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The ARN of the user, group or role.
    pub principal: String,
    pub fact: LinkFact,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkFact {
    /// An attached managed policy, by ARN.
    ManagedPolicy(Spanned<String>),
    /// A group the user belongs to, by name.
    Group(Spanned<String>),
}

/// What a front end found in one file besides diagnostics.
#[derive(Debug, Default)]
pub struct Inventory {
    /// Principals whose policies the input lists in full (an account dump, a `[[principal]]`
    /// entry): a policy not listed does not apply to them.
    pub entities: Vec<Entity>,
    /// Principals the input describes without their policies (`get-role`, `get-user`,
    /// `get-group` output): what they may do is unknown, but their session duration and
    /// boundary are known.
    pub partial_entities: Vec<Entity>,
    /// Accounts whose whole IAM inventory the file holds (an account-authorization dump): in
    /// those, a principal not defined anywhere does not exist.
    pub complete_accounts: Vec<String>,
    /// Facts about principals defined anywhere in the input.
    pub links: Vec<Link>,
}

impl Inventory {
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.partial_entities.is_empty() && self.links.is_empty()
    }

    /// Adds what another file found.
    pub fn extend(&mut self, other: Inventory) {
        self.entities.extend(other.entities);
        self.partial_entities.extend(other.partial_entities);
        self.complete_accounts.extend(other.complete_accounts);
        self.links.extend(other.links);
    }
}
