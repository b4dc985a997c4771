//! TL402 `dangling-assume-grant`: an identity policy allows `sts:AssumeRole` on one specific
//! role of the inventory whose trust policy admits neither the caller, nor the caller's
//! account, nor everyone. The trust policy must always allow the caller
//! [UG:reference_policies_evaluation-logic, "IAM role trust policies … are exceptions"], so the
//! grant cannot be used: the intended chain cannot complete ([UG:troubleshoot_roles], "Verify
//! that the AWS account … is a trusted entity").
//!
//! Only grants that name the role exactly and through an explicit `sts:` action are judged: a
//! wildcard resource (`role/*`, `*`) or `"Action": "*"` states no intent to assume this role.
//! A trust with a value the linter cannot read (unknown, unique ID, `NotPrincipal`) may admit
//! the caller, so it stays silent; a conditioned admission still admits.

use super::assume_missing_identity_permission::{describe, trust_location, trusted_summary};
use std::collections::BTreeMap;

use super::prelude::trust_admits;
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ROLE, value_matches};
use crate::graph::{Graph, Node, NodeId, NodeKind};
use crate::model::pattern::has_wildcard;
use crate::model::{DocumentKind, SVal, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL402",
        name: "dangling-assume-grant",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "An identity policy allows assuming a role whose trust policy does not admit the caller.",
        help: "Add the caller (or its account) to the role's trust policy, or remove the grant.",
        security_severity: 2.0,
        doc: include_str!("../../rules/dangling-assume-grant.md"),
    },
    check: Check::Graph(&DanglingAssumeGrant),
    unchecked_hint: None,
};

struct DanglingAssumeGrant;

impl GraphRule for DanglingAssumeGrant {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        // A group's or a managed policy's grant is every holder's: one finding per granted
        // value and role, made only when the trust admits none of the holders.
        let mut holders: BTreeMap<(Span, NodeId), Vec<(NodeId, Tri)>> = BTreeMap::new();
        for grant in graph.grants() {
            let caller = graph.node(grant.principal);
            if caller.account.is_none() {
                continue;
            }
            let statement = graph.statement(grant.statement);
            if !names_assume_action(statement) {
                continue;
            }
            let Some(resources) = &statement.resource else {
                continue;
            };
            for value in &resources.values {
                let Some(arn) = value.identity() else {
                    continue;
                };
                if has_wildcard(arn) || arn.contains("${") {
                    continue;
                }
                let Some(role_id) = graph.find(arn) else {
                    continue;
                };
                let role = graph.node(role_id);
                // A role assuming itself is TL404's.
                if role_id == grant.principal
                    || role.kind != NodeKind::Role
                    || !has_trust(graph, role)
                {
                    continue;
                }
                // An explicit Deny on the caller's side already kills the grant.
                if caller.is_defined()
                    && graph.identity_decision(grant.principal, arn).1 == Tri::Yes
                {
                    continue;
                }
                let admitted = trust_admits(graph, role_id, grant.principal, ASSUME_ROLE);
                let entry = holders.entry((value.span, role_id)).or_default();
                if !entry.iter().any(|&(c, _)| c == grant.principal) {
                    entry.push((grant.principal, admitted));
                }
            }
        }
        for ((span, role_id), callers) in holders {
            if callers.is_empty() || callers.iter().any(|&(_, admitted)| admitted != Tri::No) {
                continue;
            }
            let role = graph.node(role_id);
            let first = graph.node(callers[0].0);
            let (message, help) = if callers.len() == 1 {
                (
                    format!(
                        "{} is allowed `sts:AssumeRole` on {}, whose trust policy admits neither `{}` nor account `{}`, so the call always fails",
                        describe(first),
                        describe(role),
                        first.name(),
                        first.account.as_deref().unwrap_or_default()
                    ),
                    format!(
                        "add `{}` (or its account) to the trust policy of {}, or remove the grant",
                        first.id,
                        describe(role)
                    ),
                )
            } else {
                let names: Vec<String> = callers
                    .iter()
                    .take(3)
                    .map(|&(c, _)| format!("`{}`", graph.node(c).name()))
                    .collect();
                let more = if callers.len() > 3 { ", …" } else { "" };
                (
                    format!(
                        "{} principals holding this policy ({}{more}) are allowed `sts:AssumeRole` on {}, whose trust policy admits neither them nor their accounts, so the call always fails",
                        callers.len(),
                        names.join(", "),
                        describe(role)
                    ),
                    format!(
                        "add the principals (or their account) to the trust policy of {}, or remove the grant",
                        describe(role)
                    ),
                )
            };
            let mut diagnostic = Diagnostic::new(&RULE.meta, span, message);
            if let Some(location) = trust_location(graph, role) {
                diagnostic = diagnostic.with_label(location, trusted_summary(graph, role));
            }
            cx.report(diagnostic.with_help(help));
        }
    }
}

/// Whether the statement's `Action` names `sts:AssumeRole` through an `sts:` value
/// (`sts:AssumeRole`, `sts:Assume*`, `STS:*`), not only through `*` or `NotAction`.
pub(super) fn names_assume_action(statement: &Statement) -> bool {
    statement.is_allow()
        && statement.action.as_ref().is_some_and(|list| {
            list.values.iter().any(|v: &SVal| {
                v.known()
                    .is_some_and(|a| a.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("sts:")))
                    && value_matches(v, ASSUME_ROLE) == Tri::Yes
            })
        })
}

/// Whether the role has a trust policy loaded.
pub(super) fn has_trust(graph: &Graph, role: &Node) -> bool {
    role.trust
        .iter()
        .any(|&d| graph.documents[d].kind == DocumentKind::Trust)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OwnerKind;
    use crate::rules::prelude::testkit::{World, allow, trust_of};

    const ROLE: &str = "arn:aws:iam::111122223333:role/deploy";
    const ALICE: &str = "arn:aws:iam::444455556666:user/alice";

    fn world(trust: &str) -> World {
        let mut world = World::new();
        world.define(OwnerKind::Role, ROLE);
        world.define(OwnerKind::User, ALICE);
        world.inline(OwnerKind::User, ALICE, &allow("sts:AssumeRole", ROLE));
        world.trust(ROLE, trust);
        world
    }

    #[test]
    fn grant_on_a_role_trusting_someone_else_is_reported() {
        let found = world(&trust_of("arn:aws:iam::777788889999:root")).run(&DanglingAssumeGrant);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].at, format!("\"{ROLE}\""));
        assert!(found[0].labels[0].1.contains("777788889999"));
    }

    #[test]
    fn service_only_trust_is_reported() {
        let found = world(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
        )
        .run(&DanglingAssumeGrant);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn trust_admitting_the_caller_its_account_or_anyone_is_silent() {
        for principal in [ALICE, "444455556666", "arn:aws:iam::444455556666:root", "*"] {
            let found = world(&trust_of(principal)).run(&DanglingAssumeGrant);
            assert!(found.is_empty(), "{principal}: {found:?}");
        }
    }

    #[test]
    fn conditioned_admission_still_admits() {
        let trust = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{ALICE}"}},"Action":"sts:AssumeRole","Condition":{{"StringEquals":{{"sts:ExternalId":"x1"}}}}}}]}}"#
        );
        assert!(world(&trust).run(&DanglingAssumeGrant).is_empty());
    }

    #[test]
    fn unique_id_or_not_principal_in_trust_is_silent() {
        assert!(
            world(&trust_of("AIDAJQABLZS4A3QDU576Q"))
                .run(&DanglingAssumeGrant)
                .is_empty()
        );
        let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::777788889999:root"},"Action":"sts:AssumeRole"}]}"#;
        assert!(world(trust).run(&DanglingAssumeGrant).is_empty());
    }

    #[test]
    fn session_of_the_calling_role_admits_it() {
        let caller = "arn:aws:iam::444455556666:role/team/ci";
        let mut world = World::new();
        world.define(OwnerKind::Role, ROLE);
        world.define(OwnerKind::Role, caller);
        world.inline(OwnerKind::Role, caller, &allow("sts:AssumeRole", ROLE));
        world.trust(
            ROLE,
            &trust_of("arn:aws:sts::444455556666:assumed-role/ci/build"),
        );
        assert!(world.run(&DanglingAssumeGrant).is_empty());
    }

    #[test]
    fn wildcard_grants_unloaded_roles_and_star_actions_are_silent() {
        let mut world = World::new();
        world.define(OwnerKind::User, ALICE);
        world.define(OwnerKind::Role, ROLE);
        world.trust(ROLE, &trust_of("arn:aws:iam::777788889999:root"));
        world.inline(
            OwnerKind::User,
            ALICE,
            &allow("sts:AssumeRole", "arn:aws:iam::111122223333:role/*"),
        );
        world.inline(
            OwnerKind::User,
            ALICE,
            &allow(
                "sts:AssumeRole",
                "arn:aws:iam::111122223333:role/not-loaded",
            ),
        );
        world.inline(
            OwnerKind::User,
            ALICE,
            &format!(
                r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"*","Resource":"{ROLE}"}}]}}"#
            ),
        );
        assert!(world.run(&DanglingAssumeGrant).is_empty());
    }

    #[test]
    fn a_group_grant_is_reported_once_and_only_when_no_member_is_admitted() {
        let bob = "arn:aws:iam::444455556666:user/bob";
        let mut world = World::new();
        world.define(OwnerKind::Role, ROLE);
        let alice = world.define(OwnerKind::User, ALICE);
        world.group_of(alice, "ops");
        let b = world.define(OwnerKind::User, bob);
        world.group_of(b, "ops");
        world.define(OwnerKind::Group, "arn:aws:iam::444455556666:group/ops");
        world.inline(
            OwnerKind::Group,
            "arn:aws:iam::444455556666:group/ops",
            &allow("sts:AssumeRole", ROLE),
        );
        world.trust(ROLE, &trust_of("arn:aws:iam::777788889999:root"));
        let found = world.run(&DanglingAssumeGrant);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.starts_with("2 principals"),
            "{}",
            found[0].message
        );
        // Once the trust admits one member, the grant serves someone.
        world.trust(ROLE, &trust_of(bob));
        assert!(world.run(&DanglingAssumeGrant).is_empty());
    }

    #[test]
    fn denied_grant_is_silent() {
        let mut world = world(&trust_of("arn:aws:iam::777788889999:root"));
        world.inline(
            OwnerKind::User,
            ALICE,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:*","Resource":"*"}]}"#,
        );
        assert!(world.run(&DanglingAssumeGrant).is_empty());
    }
}
