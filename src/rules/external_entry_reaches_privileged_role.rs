//! TL410 `external-entry-reaches-privileged-role`: a chain from an external entry point
//! reaches a privileged role.
//!
//! The composition of the external-trust rules with the graph: a trust open to the outside
//! (TL201's `{"AWS": "*"}`, an OIDC or Cognito provider as in TL208–TL212, a third-party
//! account as in TL205) is worst when the role it opens, or a role reachable from it, is
//! admin-equivalent: an outsider becomes an administrator (PMapper #89).
//!
//! Entry points, conservatively:
//! * `{"AWS": "*"}`, an OIDC provider or a web-identity domain (Cognito, Google, …): the trust
//!   statement has no condition at all (the edge is certain). SAML providers are not entry
//!   points: a SAML provider is the account's own identity provider, and RULES.md lists no
//!   SAML rule among TL410's entries;
//! * an account, or a user or role of an account, that is third-party: `[accounts] own` is
//!   configured, the account is not in it and is not the role's own account. The trust
//!   statement must have no condition and no Deny may apply; the caller's identity side is the
//!   third party's to grant, so it is not required. Without `[accounts] own` the rule cannot
//!   tell a third party from a sibling account (an organization's management account trusts
//!   `OrganizationAccountAccessRole` by design) and stays silent on accounts, as TL205 does.
//!
//! After the entry, every hop must be a certain role → role edge (AWS-SEMANTICS §1), and
//! "privileged" is TL409's admin-equivalence ([`Graph::admin_levels`]). One finding per privileged
//! role, with the shortest path from an entry point (one multi-source breadth-first search), on
//! the entry trust's principal value; a privileged role reached only through another is not
//! reported again.

use std::collections::VecDeque;

use super::prelude::{
    hop_labels, is_certain_hop, node_label, out_edge_index, path_text, provider_name,
    spread_until_admin,
};
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers, covers_any};
use crate::graph::{Edge, Graph, NodeKind};
use crate::model::Effect;
use crate::model::arn::{FederatedPrincipal, classify_federated_principal};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL410",
        name: "external-entry-reaches-privileged-role",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A chain from an external entry point reaches a privileged role.",
        help: "Restrict the external trust at the start of the chain, or a hop along it.",
        security_severity: 9.0,
        doc: include_str!("../../rules/external-entry-reaches-privileged-role.md"),
    },
    check: Check::Graph(&ExternalEntryReachesPrivilegedRole),
    unchecked_hint: None,
};

struct ExternalEntryReachesPrivilegedRole;

impl GraphRule for ExternalEntryReachesPrivilegedRole {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        let levels = graph.admin_levels();
        if !levels.iter().any(|l| l.is_yes()) {
            return;
        }
        let edges = graph.edges();
        let n = graph.nodes().len();
        let mut via: Vec<Option<usize>> = vec![None; n];
        let mut seen = vec![false; n];
        let mut queue = VecDeque::new();
        let entries: Vec<usize> = (0..edges.len())
            .filter(|&e| is_entry(graph, &edges[e], &cx.settings.own_accounts))
            .collect();
        for &e in &entries {
            seen[edges[e].from] = true;
        }
        for &e in &entries {
            let to = edges[e].to;
            if !seen[to] {
                seen[to] = true;
                via[to] = Some(e);
                if !levels[to].is_yes() {
                    queue.push_back(to);
                }
            }
        }
        let out = out_edge_index(graph, |edge| {
            is_certain_hop(graph, edge) && graph.node(edge.from).kind == NodeKind::Role
        });
        spread_until_admin(edges, &out, levels, &mut seen, &mut via, &mut queue);
        for (role, level) in levels.iter().enumerate() {
            let crate::rules::prelude::Admin::Yes(evidence, why) = level else {
                continue;
            };
            if graph.node(role).kind != NodeKind::Role || via[role].is_none() {
                continue;
            }
            let path = graph.path_to(&via, role);
            let entry = &edges[path[0]];
            let message = if path.len() == 1 {
                format!(
                    "{} can assume admin-equivalent role {} from outside the account",
                    describe_entry(graph, entry),
                    node_label(graph, role)
                )
            } else {
                format!(
                    "{} can reach admin-equivalent role {} through {} assume hops: {}",
                    describe_entry(graph, entry),
                    node_label(graph, role),
                    path.len(),
                    path_text(graph, &path)
                )
            };
            let mut diagnostic = Diagnostic::new(&RULE.meta, entry.principal, message);
            for (span, label) in hop_labels(graph, &path) {
                diagnostic = diagnostic.with_label(span, label);
            }
            diagnostic = diagnostic.with_label(
                *evidence,
                format!("{} is admin-equivalent: {why}", node_label(graph, role)),
            );
            cx.report(diagnostic.with_help(format!(
                "restrict the trust of {} to the callers you expect (conditions on the caller's identity, or named principals), or remove a hop, or scope {} down",
                node_label(graph, entry.to),
                node_label(graph, role)
            )));
        }
    }
}

/// "any principal", "OIDC provider `…`", "third-party account `…`", "`user` of third-party
/// account `…`".
fn describe_entry(graph: &Graph, edge: &Edge) -> String {
    let node = graph.node(edge.from);
    match node.kind {
        NodeKind::Any => "any AWS principal".to_string(),
        NodeKind::Federated => format!("identity provider `{}`", provider_name(&node.id)),
        NodeKind::Account => format!("third-party account `{}`", node.id),
        _ => format!(
            "{} of third-party account `{}`",
            node_label(graph, edge.from),
            node.account.as_deref().unwrap_or("?")
        ),
    }
}

/// Whether an edge is an open entry from outside into the role (see the module docs).
fn is_entry(graph: &Graph, edge: &Edge, own: &[String]) -> bool {
    let caller = graph.node(edge.from);
    let role = graph.node(edge.to);
    if role.kind != NodeKind::Role {
        return false;
    }
    match caller.kind {
        NodeKind::Any => !edge.uncertain && !trust_may_deny(graph, edge),
        NodeKind::Federated => {
            !matches!(
                classify_federated_principal(&caller.id),
                FederatedPrincipal::Saml { .. } | FederatedPrincipal::Invalid(_)
            ) && !edge.uncertain
                && !trust_may_deny(graph, edge)
        }
        NodeKind::Account | NodeKind::User | NodeKind::Role => {
            let (Some(account), Some(role_account)) = (&caller.account, &role.account) else {
                return false;
            };
            let third_party = !own.is_empty() && !own.contains(account) && account != role_account;
            let statement = graph.statement(edge.trust);
            third_party
                && statement.clauses().is_empty()
                && covers(statement, edge.action) == Tri::Yes
                && !trust_may_deny(graph, edge)
        }
        NodeKind::Service | NodeKind::Group => false,
    }
}

/// Whether the edge's trust document has a Deny statement that may cover a session action.
fn trust_may_deny(graph: &Graph, edge: &Edge) -> bool {
    graph.documents[edge.trust.doc]
        .statements
        .iter()
        .any(|s| s.effect() != Some(Effect::Allow) && covers_any(s, ASSUME_ACTIONS) != Tri::No)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::admin::ADMINISTRATOR_ACCESS;
    use crate::rules::prelude::testkit::{World, allow, trust_of};

    const OWN: &str = "111122223333";

    fn role(name: &str) -> String {
        format!("arn:aws:iam::{OWN}:role/{name}")
    }

    #[test]
    fn any_principal_to_an_admin_role_through_a_chain() {
        let mut world = World::new();
        world.role(&role("open"), &trust_of("*"), &[]);
        let admin = world.role(&role("admin"), &trust_of(&role("open")), &[]);
        world.attach(admin, ADMINISTRATOR_ACCESS);
        let found = world.run(&ExternalEntryReachesPrivilegedRole);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "any AWS principal can reach admin-equivalent role `admin` through 2 assume hops: any principal → `open` → `admin`"
        );
    }

    #[test]
    fn third_party_account_needs_own_accounts() {
        let mut world = World::new();
        world.role(
            &role("vendor"),
            &trust_of("arn:aws:iam::999988887777:root"),
            &[&allow("*", "*")],
        );
        assert!(world.run(&ExternalEntryReachesPrivilegedRole).is_empty());
        assert!(
            world
                .run_owning(&ExternalEntryReachesPrivilegedRole, &[OWN, "999988887777"])
                .is_empty()
        );
        let found = world.run_owning(&ExternalEntryReachesPrivilegedRole, &[OWN]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .starts_with("third-party account `999988887777` can assume")
        );
    }

    #[test]
    fn conditioned_or_saml_entries_and_non_admin_targets_are_silent() {
        let org = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#;
        let saml = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/corp"}, "Action": "sts:AssumeRoleWithSAML"}]}"#;
        let mut world = World::new();
        world.role(&role("org"), org, &[&allow("*", "*")]);
        world.role(&role("sso"), saml, &[&allow("*", "*")]);
        world.role(
            &role("open"),
            &trust_of("*"),
            &[&allow("s3:GetObject", "*")],
        );
        assert!(
            world
                .run_owning(&ExternalEntryReachesPrivilegedRole, &[OWN])
                .is_empty()
        );
    }

    #[test]
    fn unconditioned_oidc_provider_is_an_entry() {
        let oidc = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}]}"#;
        let mut world = World::new();
        world.role(&role("ci"), oidc, &[&allow("*", "*")]);
        assert_eq!(world.run(&ExternalEntryReachesPrivilegedRole).len(), 1);
    }
}
