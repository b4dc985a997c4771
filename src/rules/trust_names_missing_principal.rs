//! TL403 `trust-names-missing-principal`: a trust names a user or role ARN of its own account
//! that the account's loaded inventory does not define.
//!
//! IAM converts a user or role ARN in a trust policy to the principal's unique ID on save, so
//! it refuses a trust naming a principal that does not exist (`MalformedPolicyDocument:
//! Invalid principal in policy`, hashicorp/terraform-provider-aws #8905; a wrong path in the
//! ARN fails the same way, serverless/serverless #13652), and a principal deleted later shows
//! as a bare unique ID [UG:reference_policies_elements_principal]. Either way the trust as
//! written admits nobody.
//!
//! Only the role's own account is judged, and only when that account was loaded whole (an
//! account dump, `Graph::complete_accounts`) or the configuration declares the inventory
//! complete (`[inventory] complete = true`: every account the input defines a user or role in;
//! the finding is then an error): elsewhere a principal missing from the input may well exist. An assumed-role session ARN names the role by name only (no path), so its role
//! must exist under any path; a federated-user session names no IAM entity and is never
//! reported.

use std::collections::{BTreeSet, HashMap};

use super::assume_missing_identity_permission::describe;
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::graph::{Graph, Node, NodeKind, Target};
use crate::model::arn::{AwsPrincipal, classify_aws_principal, is_deploying_account};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL403",
        name: "trust-names-missing-principal",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A trust names a user or role of the same account that the loaded inventory does not define.",
        help: "Fix the ARN, or remove the principal from the trust policy.",
        security_severity: 2.0,
        doc: include_str!("../../rules/trust-names-missing-principal.md"),
    },
    check: Check::Graph(&TrustNamesMissingPrincipal),
    unchecked_hint: None,
};

struct TrustNamesMissingPrincipal;

impl GraphRule for TrustNamesMissingPrincipal {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        // (kind, account, name) of every defined user and role, for sessions and near misses.
        let defined: HashMap<(NodeKind, &str, &str), &Node> = graph
            .nodes()
            .iter()
            .filter(|n| exists(n) && matches!(n.kind, NodeKind::User | NodeKind::Role))
            .filter_map(|n| Some(((n.kind, n.account.as_deref()?, n.name()), n)))
            .collect();
        // Accounts whose every user and role the input holds: loaded whole, or declared so.
        let judged: BTreeSet<&str> = if cx.settings.inventory_complete {
            graph
                .nodes()
                .iter()
                .filter(|n| n.entity.is_some())
                .filter_map(|n| n.account.as_deref())
                // A module's deploying account holds more than the module defines.
                .filter(|a| !is_deploying_account(a))
                .chain(graph.complete_accounts.iter().map(String::as_str))
                .collect()
        } else {
            graph.complete_accounts.iter().map(String::as_str).collect()
        };
        let severity = if cx.settings.inventory_complete {
            Severity::Error
        } else {
            RULE.meta.severity
        };
        for reference in graph.trust_refs() {
            let Target::Node(named) = reference.target else {
                continue;
            };
            let node = graph.node(named);
            let role = graph.node(reference.role);
            let Some(account) = role.account.as_deref() else {
                continue;
            };
            if exists(node) || node.account.as_deref() != Some(account) || !judged.contains(account)
            {
                continue;
            }
            let (kind, name, what) = match classify_aws_principal(&node.id) {
                AwsPrincipal::User { path_and_name, .. } => (
                    NodeKind::User,
                    path_and_name.rsplit('/').next().unwrap_or(path_and_name),
                    "user",
                ),
                AwsPrincipal::Role { path_and_name, .. } => (
                    NodeKind::Role,
                    path_and_name.rsplit('/').next().unwrap_or(path_and_name),
                    "role",
                ),
                AwsPrincipal::AssumedRole {
                    role_and_session, ..
                } => {
                    let role_name = role_and_session.split('/').next().unwrap_or_default();
                    if defined.contains_key(&(NodeKind::Role, account, role_name)) {
                        continue;
                    }
                    cx.report(
                        Diagnostic::new(
                            &RULE.meta,
                            reference.value,
                            format!(
                                "{} trusts sessions of role `{role_name}`, but account `{account}` as loaded has no role of that name, so this entry admits nobody",
                                describe(role)
                            ),
                        )
                        .with_severity(severity),
                    );
                    continue;
                }
                _ => continue,
            };
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                reference.value,
                format!(
                    "{} trusts {what} `{}`, which account `{account}` as loaded does not define: IAM refuses to save a trust naming a missing principal, and a deleted one admits nobody",
                    describe(role),
                    node.id
                ),
            );
            // The same name under another path: the ARN must carry the exact path.
            if let Some((other, entity)) = defined
                .get(&(kind, account, name))
                .and_then(|n| Some((n, n.entity?)))
            {
                let path = other
                    .id
                    .split_once(&format!(":{what}"))
                    .map_or("/", |(_, rest)| &rest[..rest.len() - name.len()]);
                diagnostic = diagnostic
                    .with_label(
                        graph.entities[entity].span,
                        format!("the {what} `{name}` is defined here, with path `{path}`"),
                    )
                    .with_help(format!(
                        "name the {what} by its full ARN, path included: `{}`",
                        other.id
                    ));
            }
            cx.report(diagnostic.with_severity(severity));
        }
    }
}

/// Whether the input shows the principal exists: it is defined (an account dump), or a document
/// of the input belongs to it by ARN (a `get-role` output's trust, an inline policy). Inputs of
/// different dates may disagree with a dump; any evidence of existence keeps the rule silent.
fn exists(node: &Node) -> bool {
    node.is_defined() || !node.trust.is_empty() || !node.identity.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OwnerKind;
    use crate::rules::prelude::testkit::{World, trust_of};

    const ROLE: &str = "arn:aws:iam::111122223333:role/deploy";

    fn world() -> World {
        let mut world = World::new();
        world.complete("111122223333");
        world.define(OwnerKind::Role, ROLE);
        world.define(OwnerKind::User, "arn:aws:iam::111122223333:user/alice");
        world.define(OwnerKind::Role, "arn:aws:iam::111122223333:role/ops/ci");
        world
    }

    #[test]
    fn missing_user_and_role_are_reported() {
        for missing in [
            "arn:aws:iam::111122223333:user/bob",
            "arn:aws:iam::111122223333:role/gone",
        ] {
            let mut world = world();
            world.trust(ROLE, &trust_of(missing));
            let found = world.run(&TrustNamesMissingPrincipal);
            assert_eq!(found.len(), 1, "{missing}: {found:?}");
            assert_eq!(found[0].at, format!("\"{missing}\""));
            assert!(found[0].labels.is_empty());
        }
    }

    #[test]
    fn wrong_path_is_reported_with_the_defined_one() {
        let mut world = world();
        world.trust(ROLE, &trust_of("arn:aws:iam::111122223333:role/ci"));
        let found = world.run(&TrustNamesMissingPrincipal);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].labels[0].0,
            "arn:aws:iam::111122223333:role/ops/ci"
        );
    }

    #[test]
    fn defined_principals_and_sessions_of_defined_roles_are_silent() {
        for named in [
            "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:role/ops/ci",
            "arn:aws:sts::111122223333:assumed-role/ci/build",
            "arn:aws:sts::111122223333:federated-user/carol",
            "arn:aws:iam::111122223333:root",
        ] {
            let mut world = world();
            world.trust(ROLE, &trust_of(named));
            let found = world.run(&TrustNamesMissingPrincipal);
            assert!(found.is_empty(), "{named}: {found:?}");
        }
    }

    #[test]
    fn a_role_known_only_by_its_trust_exists() {
        let mut world = world();
        world.trust(
            "arn:aws:iam::111122223333:role/ci-deployer",
            &trust_of("arn:aws:iam::111122223333:root"),
        );
        world.trust(
            ROLE,
            &trust_of("arn:aws:iam::111122223333:role/ci-deployer"),
        );
        assert!(world.run(&TrustNamesMissingPrincipal).is_empty());
    }

    #[test]
    fn session_of_a_missing_role_is_reported() {
        let mut world = world();
        world.trust(
            ROLE,
            &trust_of("arn:aws:sts::111122223333:assumed-role/gone/build"),
        );
        assert_eq!(world.run(&TrustNamesMissingPrincipal).len(), 1);
    }

    #[test]
    fn other_accounts_and_incomplete_accounts_are_silent() {
        let mut world = world();
        world.complete("444455556666");
        world.trust(ROLE, &trust_of("arn:aws:iam::444455556666:user/bob"));
        assert!(world.run(&TrustNamesMissingPrincipal).is_empty());
        let mut world = World::new();
        world.define(OwnerKind::Role, ROLE);
        world.trust(ROLE, &trust_of("arn:aws:iam::111122223333:user/bob"));
        assert!(world.run(&TrustNamesMissingPrincipal).is_empty());
    }
}
