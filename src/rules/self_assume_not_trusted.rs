//! TL404 `self-assume-not-trusted`: a role's own identity policy allows `sts:AssumeRole` on the
//! role itself, but its trust policy admits neither the role, nor its account, nor everyone.
//!
//! Roles used to trust themselves implicitly when their identity policy allowed it. AWS removed
//! that: "a role trust policy must explicitly grant permission to all principals, including the
//! role itself" (AWS Security Blog, "Announcing an update to IAM role trust policy behavior",
//! AWS-SEMANTICS §1). The User Guide: "To allow users to assume the current role again within a
//! role session, specify the role ARN or AWS account ARN as a principal in the role trust
//! policy" (id_roles_update-role-trust-policy). Roles that had used the old behaviour were kept
//! on it for a while, so the finding is an info.
//!
//! Only a grant that names the role's own ARN exactly, through an explicit `sts:` action, is
//! judged: `sts:AssumeRole` on `*` states no intent to assume oneself.

use super::assume_missing_identity_permission::{describe, trust_location, trusted_summary};
use super::dangling_assume_grant::{has_trust, names_assume_action};
use super::prelude::trust_admits;
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::ASSUME_ROLE;
use crate::eval::identity::decide;
use crate::graph::{Graph, NodeKind};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL404",
        name: "self-assume-not-trusted",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A role's identity policy allows assuming itself, but its trust policy does not list it.",
        help: "Add the role's own ARN to its trust policy, or remove the self-assume grant.",
        security_severity: 1.0,
        doc: include_str!("../../rules/self-assume-not-trusted.md"),
    },
    check: Check::Graph(&SelfAssumeNotTrusted),
    unchecked_hint: None,
};

struct SelfAssumeNotTrusted;

impl GraphRule for SelfAssumeNotTrusted {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        for (id, role) in graph.nodes().iter().enumerate() {
            if role.kind != NodeKind::Role || !has_trust(graph, role) {
                continue;
            }
            // An unconditioned grant that names the role itself: the call is allowed on the
            // role's side whatever else its policies say, short of an explicit Deny.
            let Some(value) = role.identity.iter().find_map(|&doc| {
                graph.documents[doc]
                    .statements
                    .iter()
                    .filter(|s| names_assume_action(s) && s.clauses().is_empty())
                    .filter_map(|s| s.resource.as_ref())
                    .flat_map(|list| list.values.iter())
                    .find(|v| v.identity() == Some(role.id.as_str()))
            }) else {
                continue;
            };
            let identity = role.identity.iter().map(|&d| (d, &graph.documents[d]));
            if decide(identity, ASSUME_ROLE, &role.id).denied == Tri::Yes {
                continue;
            }
            if trust_admits(graph, id, id, ASSUME_ROLE) != Tri::No {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                value.span,
                format!(
                    "{} allows itself `sts:AssumeRole`, but its trust policy does not name the role or its account, so the role cannot assume itself",
                    describe(role)
                ),
            );
            if let Some(span) = trust_location(graph, role) {
                diagnostic = diagnostic.with_label(span, trusted_summary(graph, role));
            }
            cx.report(diagnostic.with_help(format!(
                "add `{}` to the role's trust policy if it must assume itself, or remove the grant",
                role.id
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OwnerKind;
    use crate::rules::prelude::testkit::{World, allow, trust_of};

    const ROLE: &str = "arn:aws:iam::111122223333:role/app/refresher";

    fn world(trust: &str, grant: &str) -> World {
        let mut world = World::new();
        world.define(OwnerKind::Role, ROLE);
        world.inline(OwnerKind::Role, ROLE, grant);
        world.trust(ROLE, trust);
        world
    }

    const EC2: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

    #[test]
    fn self_grant_without_self_trust_is_reported() {
        let found = world(EC2, &allow("sts:AssumeRole", ROLE)).run(&SelfAssumeNotTrusted);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].at, format!("\"{ROLE}\""));
        assert_eq!(found[0].labels[0].0, "\"Principal\"");
    }

    #[test]
    fn trust_naming_the_role_its_account_or_a_session_is_silent() {
        for principal in [
            ROLE,
            "111122223333",
            "arn:aws:iam::111122223333:root",
            "arn:aws:sts::111122223333:assumed-role/refresher/renew",
            "*",
        ] {
            let found = world(&trust_of(principal), &allow("sts:AssumeRole", ROLE))
                .run(&SelfAssumeNotTrusted);
            assert!(found.is_empty(), "{principal}: {found:?}");
        }
    }

    #[test]
    fn wildcard_or_conditioned_grant_is_silent() {
        assert!(
            world(EC2, &allow("sts:AssumeRole", "*"))
                .run(&SelfAssumeNotTrusted)
                .is_empty()
        );
        let conditioned = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{ROLE}","Condition":{{"StringEquals":{{"aws:RequestedRegion":"eu-west-1"}}}}}}]}}"#
        );
        assert!(
            world(EC2, &conditioned)
                .run(&SelfAssumeNotTrusted)
                .is_empty()
        );
    }

    #[test]
    fn unknown_trust_value_is_silent() {
        let found = world(
            &trust_of("AROAJQABLZS4A3QDU576Q"),
            &allow("sts:AssumeRole", ROLE),
        )
        .run(&SelfAssumeNotTrusted);
        assert!(found.is_empty(), "{found:?}");
    }
}
