//! TL401 `assume-missing-identity-permission`: a trust admits a caller whose own side must also
//! allow `sts:AssumeRole` on the role, and in the loaded inventory it does not.
//!
//! Whether the caller's identity policies must allow the call depends on the account and on how
//! the trust names the caller (AWS-SEMANTICS §1): cross-account, "AWS allows the request only if
//! both account policy evaluations allow" [UG:reference_policies_evaluation-logic-cross-account];
//! in the same account, a trust naming the account delegates to the account's identity policies
//! ([STS-API] AssumeRole "Permissions"), while a trust naming the caller's exact ARN needs no
//! identity grant. Two findings follow:
//!
//! * (a) the trust names a principal of another account by its exact ARN, the principal is
//!   defined in the inventory and none of its policies (own, groups', attached) allows
//!   `sts:AssumeRole` on the role: once per (principal, role);
//! * (b) the trust names an account, the whole account was loaded, and none of its users and
//!   roles is granted `sts:AssumeRole` on the role: the account principal admits nobody, once
//!   per (role, account).
//!
//! A verdict needs the caller's identity side whole: every attached managed policy (also
//! through groups) loaded, and the caller's account loaded as a full dump (only a dump lists a
//! principal's inline policies; `get-role` output does not). Anything less stays silent.
//!
//! This file also holds helpers the other TL4xx rules of this group share.

use std::collections::{HashMap, HashSet};

use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ROLE, covers};
use crate::graph::{Graph, Node, NodeId, NodeKind, Target};
use crate::model::{DocumentKind, PrincipalForm};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL401",
        name: "assume-missing-identity-permission",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "The caller's side lacks the `sts:AssumeRole` permission AWS requires for a trust to work.",
        help: "Grant `sts:AssumeRole` on the role's ARN in the caller's identity policy, or remove the trust.",
        security_severity: 5.0,
        doc: include_str!("../../rules/assume-missing-identity-permission.md"),
    },
    check: Check::Graph(&AssumeMissingIdentityPermission),
    unchecked_hint: None,
};

struct AssumeMissingIdentityPermission;

impl GraphRule for AssumeMissingIdentityPermission {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        let accounts = LoadedAccounts::new(graph);
        // (role, account) pairs where the trust also names a user or role of the account by
        // its exact ARN: the account is then not admitted *only* through its account principal,
        // and those principals are judged one by one.
        let named_exactly: HashSet<(NodeId, &str)> = graph
            .trust_refs()
            .iter()
            .filter_map(|r| match r.target {
                Target::Node(n)
                    if matches!(graph.node(n).kind, NodeKind::User | NodeKind::Role) =>
                {
                    Some((r.role, graph.node(n).account.as_deref()?))
                }
                _ => None,
            })
            .collect();
        let mut reported_callers: HashSet<(NodeId, NodeId)> = HashSet::new();
        let mut reported_accounts: HashSet<(NodeId, &str)> = HashSet::new();
        for reference in graph.trust_refs() {
            let role = graph.node(reference.role);
            let Some(role_account) = role.account.as_deref() else {
                continue;
            };
            // An `AWS` principal starts a session only through `sts:AssumeRole`.
            if covers(graph.statement(reference.trust), ASSUME_ROLE) == Tri::No {
                continue;
            }
            match &reference.target {
                Target::Node(caller) => {
                    let caller = *caller;
                    let node = graph.node(caller);
                    // Services and federated providers have no identity side; a principal
                    // outside the loaded inventory has an unknown one.
                    if !matches!(node.kind, NodeKind::User | NodeKind::Role)
                        || !graph.identity_is_whole(caller)
                    {
                        continue;
                    }
                    // Same account, exact ARN: "no additional identity-based policy is
                    // required" [STS-API].
                    if node.account.as_deref() == Some(role_account) {
                        continue;
                    }
                    if graph.identity_decision(caller, &role.id).0 != Tri::No
                        || !reported_callers.insert((caller, reference.role))
                    {
                        continue;
                    }
                    let mut diagnostic = Diagnostic::new(
                        &RULE.meta,
                        reference.value,
                        format!(
                            "{} trusts {} of account `{}`, but no policy of that {} allows `sts:AssumeRole` on the role, which a cross-account assume needs",
                            describe(role),
                            describe(node),
                            node.account.as_deref().unwrap_or_default(),
                            kind_noun(node),
                        ),
                    );
                    if let Some(span) = definition(graph, node) {
                        diagnostic = diagnostic.with_label(
                            span,
                            format!(
                                "{} is defined here; its policies do not grant `sts:AssumeRole` on {}",
                                describe(node),
                                describe(role)
                            ),
                        );
                    }
                    cx.report(diagnostic.with_help(format!(
                        "allow `sts:AssumeRole` on `{}` in a policy of {}, or remove it from the trust policy",
                        role.id,
                        describe(node)
                    )));
                }
                Target::Account(account) => {
                    if !accounts.is_loaded(account)
                        || named_exactly.contains(&(reference.role, account.as_str()))
                        || reported_accounts.contains(&(reference.role, account.as_str()))
                    {
                        continue;
                    }
                    let granted = graph.grants_covering(&role.id).iter().any(|grant| {
                        graph.node(grant.principal).account.as_deref() == Some(account.as_str())
                            && graph.identity_decision(grant.principal, &role.id).0 != Tri::No
                    });
                    if granted {
                        continue;
                    }
                    reported_accounts.insert((reference.role, account.as_str()));
                    let whose = if account == role_account {
                        "its own account"
                    } else {
                        "account"
                    };
                    cx.report(
                        Diagnostic::new(
                            &RULE.meta,
                            reference.value,
                            format!(
                                "{} trusts {whose} `{account}`, but no user or role of that account is allowed `sts:AssumeRole` on it, so nobody can use this trust",
                                describe(role)
                            ),
                        )
                        .with_help(format!(
                            "allow `sts:AssumeRole` on `{}` in the policy of the users or roles of `{account}` that should assume it, or remove the account from the trust policy",
                            role.id
                        )),
                    );
                }
                Target::Any => {}
            }
        }
    }
}

/// Accounts whose principals are all known: loaded as a full dump, with at least one user or
/// role, each with a whole identity side.
struct LoadedAccounts {
    loaded: HashSet<String>,
}

impl LoadedAccounts {
    fn new(graph: &Graph) -> Self {
        let mut state: HashMap<&str, bool> = HashMap::new();
        for (id, node) in graph.nodes().iter().enumerate() {
            if !node.is_defined() || !matches!(node.kind, NodeKind::User | NodeKind::Role) {
                continue;
            }
            let Some(account) = node.account.as_deref() else {
                continue;
            };
            let all_known = state.entry(account).or_insert(true);
            *all_known &= graph.identity_is_whole(id);
        }
        LoadedAccounts {
            loaded: state
                .into_iter()
                .filter(|&(account, all_known)| {
                    all_known && graph.complete_accounts.contains(account)
                })
                .map(|(account, _)| account.to_string())
                .collect(),
        }
    }

    fn is_loaded(&self, account: &str) -> bool {
        self.loaded.contains(account)
    }
}

/// "user `alice`", "role `deploy`".
pub(super) fn describe(node: &Node) -> String {
    format!("{} `{}`", kind_noun(node), node.name())
}

pub(super) fn kind_noun(node: &Node) -> &'static str {
    match node.kind {
        NodeKind::User => "user",
        NodeKind::Role => "role",
        NodeKind::Group => "group",
        NodeKind::Account => "account",
        NodeKind::Service => "service",
        NodeKind::Federated => "identity provider",
        NodeKind::Any => "principal",
    }
}

/// Where a principal is defined (its `Arn` in a dump).
pub(super) fn definition(graph: &Graph, node: &Node) -> Option<Span> {
    node.entity.map(|e| graph.entities[e].span)
}

/// Where to point at a role's trust policy: the `Principal` key of its first `Allow`
/// statement, else the document's opening brace.
pub(super) fn trust_location(graph: &Graph, role: &Node) -> Option<Span> {
    let document = role
        .trust
        .iter()
        .map(|&d| &graph.documents[d])
        .find(|d| d.kind == DocumentKind::Trust)?;
    let principal = document
        .statements
        .iter()
        .filter(|s| s.is_allow())
        .find_map(|s| s.principal.as_ref().map(|p| p.key_span));
    Some(principal.unwrap_or(Span {
        end: document.span.start.saturating_add(1).min(document.span.end),
        ..document.span
    }))
}

/// What a trust names, in words, for labels: "it trusts `a`, `b`".
pub(super) fn trusted_summary(graph: &Graph, role: &Node) -> String {
    let mut names: Vec<String> = Vec::new();
    for &doc in &role.trust {
        let document = &graph.documents[doc];
        if document.kind != DocumentKind::Trust {
            continue;
        }
        for statement in document.statements.iter().filter(|s| s.is_allow()) {
            let Some(principal) = &statement.principal else {
                continue;
            };
            match &principal.form {
                PrincipalForm::Star(_) => names.push("`*`".into()),
                PrincipalForm::Map(entries) => {
                    for value in entries.iter().flat_map(|e| e.values.iter()) {
                        if let Some(text) = value.identity() {
                            names.push(format!("`{text}`"));
                        }
                    }
                }
                PrincipalForm::Unknown(value) => names.push(format!("`{}`", value.value.written())),
            }
        }
    }
    names.dedup();
    match names.len() {
        0 => "the trust policy of this role admits no such principal".into(),
        1..=3 => format!(
            "the trust policy of this role admits only {}",
            names.join(", ")
        ),
        n => format!(
            "the trust policy of this role admits only {} and {} more",
            names[..3].join(", "),
            n - 3
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OwnerKind;
    use crate::rules::prelude::testkit::{World, allow, trust_of};

    const ROLE: &str = "arn:aws:iam::111122223333:role/deploy";
    const ALICE: &str = "arn:aws:iam::444455556666:user/alice";
    const SAME_ACCOUNT_BOB: &str = "arn:aws:iam::111122223333:user/bob";

    fn world() -> World {
        let mut world = World::new();
        world.complete("111122223333").complete("444455556666");
        world.define(OwnerKind::Role, ROLE);
        world
    }

    #[test]
    fn cross_account_exact_arn_without_grant_is_reported_once() {
        let mut world = world();
        world.define(OwnerKind::User, ALICE);
        let trust = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{ALICE}"}},"Action":"sts:AssumeRole"}},{{"Effect":"Allow","Principal":{{"AWS":["{ALICE}"]}},"Action":["sts:AssumeRole","sts:TagSession"]}}]}}"#
        );
        world.trust(ROLE, &trust);
        let found = world.run(&AssumeMissingIdentityPermission);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].at, format!("\"{ALICE}\""));
        assert_eq!(found[0].labels[0].0, ALICE);
        assert!(
            found[0]
                .message
                .contains("role `deploy` trusts user `alice`")
        );
    }

    #[test]
    fn cross_account_exact_arn_with_group_grant_is_silent() {
        let mut world = world();
        let alice = world.define(OwnerKind::User, ALICE);
        world.group_of(alice, "ops");
        let ops = world.define(OwnerKind::Group, "arn:aws:iam::444455556666:group/ops");
        world.attach(ops, "arn:aws:iam::444455556666:policy/assume");
        world.managed(
            "arn:aws:iam::444455556666:policy/assume",
            &allow("sts:AssumeRole", ROLE),
        );
        world.trust(ROLE, &trust_of(ALICE));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
    }

    #[test]
    fn conditioned_grant_is_unknown_and_silent() {
        let mut world = world();
        world.define(OwnerKind::User, ALICE);
        world.inline(
            OwnerKind::User,
            ALICE,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#,
        );
        world.trust(ROLE, &trust_of(ALICE));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
    }

    #[test]
    fn unloaded_managed_policy_or_group_or_account_is_silent() {
        // An attached policy that is not loaded may grant the call.
        let mut world = world();
        let alice = world.define(OwnerKind::User, ALICE);
        world.attach(alice, "arn:aws:iam::aws:policy/AdministratorAccess");
        world.trust(ROLE, &trust_of(ALICE));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
        // A group that is not defined.
        let mut world = self::world();
        let alice = world.define(OwnerKind::User, ALICE);
        world.group_of(alice, "admins");
        world.trust(ROLE, &trust_of(ALICE));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
        // The caller's account is not loaded whole.
        let mut world = World::new();
        world.complete("111122223333");
        world.define(OwnerKind::User, ALICE);
        world.trust(ROLE, &trust_of(ALICE));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
    }

    #[test]
    fn same_account_exact_arn_needs_no_grant() {
        let mut world = world();
        world.define(OwnerKind::User, SAME_ACCOUNT_BOB);
        world.trust(ROLE, &trust_of(SAME_ACCOUNT_BOB));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
    }

    #[test]
    fn undefined_caller_service_and_federated_are_silent() {
        let mut world = world();
        world.trust(
            ROLE,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:role/x","Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/okta"},"Action":"sts:AssumeRoleWithSAML"}]}"#,
        );
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
    }

    #[test]
    fn account_principal_with_no_granted_principal_is_reported_per_account() {
        let mut world = world();
        world.define(OwnerKind::User, ALICE);
        world.define(OwnerKind::Role, "arn:aws:iam::444455556666:role/ci");
        world.trust(
            ROLE,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:root","444455556666"]},"Action":"sts:AssumeRole"}]}"#,
        );
        let found = world.run(&AssumeMissingIdentityPermission);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].at, "\"arn:aws:iam::444455556666:root\"");
        assert!(found[0].message.contains("nobody can use this trust"));
    }

    #[test]
    fn account_principal_with_one_granted_principal_is_silent() {
        let mut world = world();
        world.define(OwnerKind::User, ALICE);
        world.define(OwnerKind::Role, "arn:aws:iam::444455556666:role/ci");
        world.inline(
            OwnerKind::Role,
            "arn:aws:iam::444455556666:role/ci",
            &allow("sts:AssumeRole", "arn:aws:iam::*:role/*"),
        );
        world.trust(ROLE, &trust_of("444455556666"));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
    }

    #[test]
    fn account_principal_of_own_account_needs_a_grant_too() {
        let mut world = world();
        world.define(OwnerKind::User, SAME_ACCOUNT_BOB);
        world.trust(ROLE, &trust_of("arn:aws:iam::111122223333:root"));
        let found = world.run(&AssumeMissingIdentityPermission);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("its own account"));
    }

    #[test]
    fn account_principal_silent_when_account_incomplete_or_empty_or_unknown() {
        // Not loaded whole.
        let mut world = World::new();
        world.complete("111122223333");
        world.define(OwnerKind::Role, ROLE);
        world.define(OwnerKind::User, ALICE);
        world.trust(ROLE, &trust_of("444455556666"));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
        // No principal of the account in the inventory.
        let mut world = self::world();
        world.trust(ROLE, &trust_of("999988887777"));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
        // One principal's managed policy is missing.
        let mut world = self::world();
        let alice = world.define(OwnerKind::User, ALICE);
        world.attach(alice, "arn:aws:iam::aws:policy/PowerUserAccess");
        world.trust(ROLE, &trust_of("444455556666"));
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
    }

    #[test]
    fn account_principal_beside_an_exact_arn_of_that_account_is_left_to_the_arn() {
        let mut world = world();
        world.define(OwnerKind::User, SAME_ACCOUNT_BOB);
        world.trust(
            ROLE,
            &format!(
                r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":["111122223333","{SAME_ACCOUNT_BOB}"]}},"Action":"sts:AssumeRole"}}]}}"#
            ),
        );
        assert!(world.run(&AssumeMissingIdentityPermission).is_empty());
    }
}
