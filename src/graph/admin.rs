//! Which principals of the graph are admin-equivalent (TL409, TL410).
//!
//! Several rules ask, and the answer reads every identity statement of every user and role
//! against the IAM write actions, so [`super::Graph::admin_levels`] computes it once. A
//! document's statements say the same whoever holds it (an AWS managed policy is attached to
//! thousands of roles), so each document is read once too ([`DocumentFacts`]).

use crate::eval::Tri;
use crate::eval::action::{covers, covers_any};
use crate::model::{Document, Effect, SVal, Statement};
use crate::source::Span;

use super::{Graph, NodeKind};

/// The AWS managed policy that allows every action on every resource.
pub const ADMINISTRATOR_ACCESS: &str = "arn:aws:iam::aws:policy/AdministratorAccess";
/// The AWS managed policy that allows `iam:*` on `*`: its holder can attach
/// `AdministratorAccess` to itself.
pub const IAM_FULL_ACCESS: &str = "arn:aws:iam::aws:policy/IAMFullAccess";

/// IAM write actions a principal can use to give itself (or a principal it controls) more
/// permissions: holding any of them makes a principal possibly admin-equivalent (the PMapper
/// and Rhino "privilege escalation" set, narrowed to IAM writes).
pub const PRIVESC_ACTIONS: &[&str] = &[
    "iam:PutRolePolicy",
    "iam:AttachRolePolicy",
    "iam:PutUserPolicy",
    "iam:AttachUserPolicy",
    "iam:PutGroupPolicy",
    "iam:AttachGroupPolicy",
    "iam:AddUserToGroup",
    "iam:CreatePolicyVersion",
    "iam:SetDefaultPolicyVersion",
    "iam:UpdateAssumeRolePolicy",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "iam:PassRole",
];

/// Whether a principal is admin-equivalent, three-valued, with the evidence when it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admin {
    /// Certainly admin-equivalent: the span and wording of what makes it so.
    Yes(Span, String),
    /// Certainly not: nothing it holds allows `*` or an IAM write.
    No,
    /// The linter cannot tell (a policy is not loaded, a Deny or boundary may apply, it holds
    /// an IAM write that may lead to admin, or it is not defined by the input).
    Unknown,
}

impl Admin {
    pub fn is_yes(&self) -> bool {
        matches!(self, Admin::Yes(..))
    }
}

/// Whether a statement's `Resource` holds the bare `*`.
fn resource_is_star(statement: &Statement) -> bool {
    statement.not_resource.is_none()
        && statement
            .resource
            .as_ref()
            .is_some_and(|r| r.values.iter().any(|v| v.known() == Some("*")))
}

/// The `Action` value that is `*` (or `*:*`), if any.
fn star_action(statement: &Statement) -> Option<&SVal> {
    statement
        .action
        .as_ref()?
        .values
        .iter()
        .find(|v| matches!(v.known(), Some("*" | "*:*")))
}

/// What one identity document tells about whoever holds it, read in statement order.
#[derive(Debug, Clone, Default)]
struct DocumentFacts {
    /// The first statement that makes a role holder admin-equivalent, and why.
    role_grant: Option<(Span, String)>,
    /// The same for a user holder (changing its own policies takes the `User` actions).
    user_grant: Option<(Span, String)>,
    /// An Allow that may cover `*` or an IAM write.
    maybe_admin: bool,
    /// A Deny that may cover an IAM write, or a statement of unknown effect.
    maybe_deny: bool,
}

impl DocumentFacts {
    fn of(document: &Document) -> DocumentFacts {
        let mut facts = DocumentFacts::default();
        for statement in &document.statements {
            match statement.effect() {
                Some(Effect::Allow) => {
                    if statement.clauses().is_empty() && resource_is_star(statement) {
                        if let Some(star) = star_action(statement) {
                            let why = "`Action: *` on `Resource: *` is allowed here";
                            facts.role_grant.get_or_insert((star.span, why.into()));
                            facts.user_grant.get_or_insert((star.span, why.into()));
                        } else {
                            for (grant, what, own_put, own_attach) in [
                                (
                                    &mut facts.role_grant,
                                    "role",
                                    "iam:PutRolePolicy",
                                    "iam:AttachRolePolicy",
                                ),
                                (
                                    &mut facts.user_grant,
                                    "user",
                                    "iam:PutUserPolicy",
                                    "iam:AttachUserPolicy",
                                ),
                            ] {
                                if covers(statement, own_put) == Tri::Yes
                                    || covers(statement, own_attach) == Tri::Yes
                                {
                                    grant.get_or_insert((
                                        statement.span,
                                        format!(
                                            "this statement lets the {what} change its own policies"
                                        ),
                                    ));
                                }
                            }
                        }
                    }
                    if covers_any(statement, PRIVESC_ACTIONS) != Tri::No
                        || covers(statement, "*") != Tri::No
                    {
                        facts.maybe_admin = true;
                    }
                }
                Some(Effect::Deny) => {
                    if covers_any(statement, PRIVESC_ACTIONS) != Tri::No {
                        facts.maybe_deny = true;
                    }
                }
                None => facts.maybe_deny = true,
            }
        }
        facts
    }
}

/// Admin-equivalence of every node of the graph (indexed by node id).
///
/// `Yes` when, with no Deny that may cover an IAM write and no permissions boundary, the
/// principal has `AdministratorAccess` or `IAMFullAccess` attached (directly or, for a user,
/// through a group; the ARN suffices, the document need not be loaded), or an unconditional
/// Allow of `*` on `*`, or an unconditional Allow on `*` of the IAM write that changes its own
/// permissions (`iam:PutRolePolicy` / `iam:AttachRolePolicy` for a role, the `User` ones for a
/// user): such a principal can give itself `*` [UG:id_credentials_delegate-permissions]
/// (PMapper's admin check). `No` only when every policy that applies is loaded and none may
/// allow `*` or any of [`PRIVESC_ACTIONS`]. Everything else, and every node the input does not
/// define, is `Unknown`.
pub(super) fn admin_levels(graph: &Graph) -> Vec<Admin> {
    let mut facts: Vec<Option<DocumentFacts>> = vec![None; graph.documents.len()];
    graph
        .nodes()
        .iter()
        .map(|node| {
            if !matches!(node.kind, NodeKind::User | NodeKind::Role) {
                return Admin::Unknown;
            }
            // A partial definition (`get-role`) does not list the principal's policies.
            let Some(entity) = node.entity.filter(|_| node.is_defined()) else {
                return Admin::Unknown;
            };
            let entity = &graph.entities[entity];
            let mut grant: Option<(Span, String)> = None;
            let mut maybe_admin = false;
            let mut maybe_deny = node.boundary.is_some();
            // A group the input does not define may hold anything.
            if node.groups.len() < entity.groups.len() {
                maybe_admin = true;
                maybe_deny = true;
            }
            let groups = node.groups.iter().filter_map(|&g| graph.node(g).entity);
            let attached = std::iter::once(entity)
                .chain(groups.map(|g| &graph.entities[g]))
                .flat_map(|e| &e.managed_policies);
            for arn in attached {
                let name = arn.value.rsplit('/').next().unwrap_or("");
                if arn.value == ADMINISTRATOR_ACCESS || arn.value == IAM_FULL_ACCESS {
                    grant.get_or_insert((arn.span, format!("`{name}` is attached here")));
                } else if !graph.is_policy_loaded(&arn.value) {
                    // A managed policy that is not loaded may hold anything.
                    maybe_admin = true;
                    maybe_deny = true;
                }
            }
            for &doc in &node.identity {
                let facts =
                    facts[doc].get_or_insert_with(|| DocumentFacts::of(&graph.documents[doc]));
                let own = if node.kind == NodeKind::Role {
                    &facts.role_grant
                } else {
                    &facts.user_grant
                };
                if grant.is_none() {
                    grant.clone_from(own);
                }
                maybe_admin |= facts.maybe_admin;
                maybe_deny |= facts.maybe_deny;
            }
            match grant {
                Some((span, why)) if !maybe_deny => Admin::Yes(span, why),
                Some(_) => Admin::Unknown,
                None if maybe_admin => Admin::Unknown,
                None => Admin::No,
            }
        })
        .collect()
}
