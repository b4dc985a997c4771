//! TL409 `escalation-via-assume-chain`: a non-admin principal can reach an admin-equivalent
//! role through assume hops.
//!
//! Whoever can assume a role holds its permissions, so a principal that is not an
//! administrator but can reach an admin-equivalent role, directly or through other roles, is
//! an administrator in effect (PMapper's privilege-escalation finding). The rule errs on the
//! side of silence (a false positive is worse than a miss):
//!
//! * every hop must be a **certain** edge: both sides allow it as far as the loaded documents
//!   tell, with no trust condition, unknown value, missing document or permissions boundary in
//!   between (AWS-SEMANTICS §1). A path that needs an uncertain hop is not reported;
//! * "admin-equivalent" and "non-admin" are [`Graph::admin_levels`]: `AdministratorAccess` /
//!   `IAMFullAccess` attached, `*` on `*`, or the IAM write that changes the role's own
//!   policies, with no Deny or boundary that may cut it; a principal is non-admin only when
//!   every policy that applies is loaded and none may allow `*` or an IAM write. A principal
//!   the linter cannot classify is never a start (but chains may pass through it).
//!
//! One finding per admin-equivalent role, not per (start, role) pair, so the output stays
//! linear in the size of the graph: the path shown starts at a principal that no other
//! non-admin principal can assume (so the whole chain is visible), found by one multi-source
//! breadth-first search from all non-admin principals at once, which stops at the first
//! admin-equivalent role of each path (an admin role reached only through another is that
//! role's escalation, already reported). The finding counts the other principals of escalation
//! paths that can assume the role directly.

use std::collections::VecDeque;

use super::prelude::{
    Admin, hop_labels, is_certain_hop, node_label, out_edge_index, path_text, spread_until_admin,
};
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::graph::{Graph, NodeKind};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL409",
        name: "escalation-via-assume-chain",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A non-admin principal can reach an admin-equivalent role through assume hops.",
        help: "Remove a hop of the chain, or restrict the trust or grant that makes it.",
        security_severity: 8.5,
        doc: include_str!("../../rules/escalation-via-assume-chain.md"),
    },
    check: Check::Graph(&EscalationViaAssumeChain),
    unchecked_hint: None,
};

struct EscalationViaAssumeChain;

impl GraphRule for EscalationViaAssumeChain {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        let levels = graph.admin_levels();
        if !levels.iter().any(Admin::is_yes) {
            return;
        }
        let edges = graph.edges();
        let n = graph.nodes().len();
        let hop = |e: usize| is_certain_hop(graph, &edges[e]);
        let out = out_edge_index(graph, |edge| is_certain_hop(graph, edge));
        let is_start = |node: usize| {
            levels[node] == Admin::No
                && matches!(graph.node(node).kind, NodeKind::User | NodeKind::Role)
        };
        // Chain heads: starts that no other start can assume.
        let mut assumed_by_start = vec![false; n];
        for (e, edge) in edges.iter().enumerate() {
            if hop(e) && is_start(edge.from) {
                assumed_by_start[edge.to] = true;
            }
        }
        let mut via: Vec<Option<usize>> = vec![None; n];
        let mut seen = vec![false; n];
        let mut queue = VecDeque::new();
        // Heads first, then any start left (on a cycle of non-admin roles).
        let passes: [Box<dyn Fn(usize) -> bool>; 2] = [
            Box::new(|node| is_start(node) && !assumed_by_start[node]),
            Box::new(is_start),
        ];
        for pass in &passes {
            for (node, seen) in seen.iter_mut().enumerate() {
                if !*seen && pass(node) {
                    *seen = true;
                    queue.push_back(node);
                }
            }
            spread_until_admin(edges, &out, levels, &mut seen, &mut via, &mut queue);
        }
        for (role, level) in levels.iter().enumerate() {
            let Admin::Yes(evidence, why) = level else {
                continue;
            };
            if graph.node(role).kind != NodeKind::Role || via[role].is_none() {
                continue;
            }
            let path = graph.path_to(&via, role);
            let start = edges[path[0]].from;
            let last = edges[*path.last().expect("a reached role has a path")].from;
            let others = graph
                .in_edges(role)
                .filter(|e| e.from != last && seen[e.from] && !levels[e.from].is_yes())
                .filter(|e| is_certain_hop(graph, e))
                .count();
            let kind = match graph.node(start).kind {
                NodeKind::User => "user",
                _ => "role",
            };
            let mut message = if path.len() == 1 {
                format!(
                    "non-admin {kind} {} can assume admin-equivalent role {}",
                    node_label(graph, start),
                    node_label(graph, role)
                )
            } else {
                format!(
                    "non-admin {kind} {} can reach admin-equivalent role {} through {} assume hops: {}",
                    node_label(graph, start),
                    node_label(graph, role),
                    path.len(),
                    path_text(graph, &path)
                )
            };
            if others > 0 {
                message.push_str(&format!(
                    " ({others} other principal{} on escalation paths can assume it directly)",
                    if others == 1 { "" } else { "s" }
                ));
            }
            let primary = edges[*path.last().expect("non-empty")].principal;
            let mut diagnostic = Diagnostic::new(&RULE.meta, primary, message);
            for (span, label) in hop_labels(graph, &path) {
                diagnostic = diagnostic.with_label(span, label);
            }
            diagnostic = diagnostic.with_label(
                *evidence,
                format!("{} is admin-equivalent: {why}", node_label(graph, role)),
            );
            cx.report(diagnostic.with_help(format!(
                "remove a hop of the chain (a trust statement or an `sts:AssumeRole` grant), or scope {}'s permissions down so that it is not admin-equivalent",
                node_label(graph, role)
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::admin::ADMINISTRATOR_ACCESS;
    use crate::rules::prelude::testkit::{World, allow, trust_of};

    const ACCOUNT: &str = "arn:aws:iam::111122223333";

    fn role(name: &str) -> String {
        format!("{ACCOUNT}:role/{name}")
    }

    #[test]
    fn chain_to_an_admin_role_is_reported_once_from_its_head() {
        let mut world = World::new();
        world.role(&role("start"), &trust_of(&format!("{ACCOUNT}:root")), &[]);
        world.role(&role("middle"), &trust_of(&role("start")), &[]);
        world.role(
            &role("admin"),
            &trust_of(&role("middle")),
            &[&allow("*", "*")],
        );
        let found = world.run(&EscalationViaAssumeChain);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "non-admin role `start` can reach admin-equivalent role `admin` through 2 assume hops: `start` → `middle` → `admin`"
        );
        assert_eq!(found[0].labels.len(), 3);
    }

    #[test]
    fn administrator_access_by_arn_counts_without_its_document() {
        let mut world = World::new();
        world.user(&format!("{ACCOUNT}:user/dev"), &[]);
        let admin = world.role(
            &role("admin"),
            &trust_of(&format!("{ACCOUNT}:user/dev")),
            &[],
        );
        world.attach(admin, ADMINISTRATOR_ACCESS);
        let found = world.run(&EscalationViaAssumeChain);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.starts_with("non-admin user `dev`"));
    }

    #[test]
    fn admin_callers_uncertain_hops_and_unknown_starts_are_silent() {
        // The caller is itself an admin.
        let mut world = World::new();
        world.role(
            &role("a"),
            &trust_of(&format!("{ACCOUNT}:root")),
            &[&allow("*", "*")],
        );
        world.role(&role("b"), &trust_of(&role("a")), &[&allow("*", "*")]);
        assert!(world.run(&EscalationViaAssumeChain).is_empty());
        // The hop is conditioned (uncertain).
        let conditioned = format!(
            r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Principal": {{"AWS": "{}"}}, "Action": "sts:AssumeRole", "Condition": {{"Bool": {{"aws:MultiFactorAuthPresent": "true"}}}}}}]}}"#,
            role("a")
        );
        let mut world = World::new();
        world.role(&role("a"), &trust_of(&format!("{ACCOUNT}:root")), &[]);
        world.role(&role("b"), &conditioned, &[&allow("*", "*")]);
        assert!(world.run(&EscalationViaAssumeChain).is_empty());
        // The caller holds an IAM write: maybe already admin.
        let mut world = World::new();
        world.role(
            &role("a"),
            &trust_of(&format!("{ACCOUNT}:root")),
            &[&allow("iam:PassRole", "*")],
        );
        world.role(&role("b"), &trust_of(&role("a")), &[&allow("*", "*")]);
        assert!(world.run(&EscalationViaAssumeChain).is_empty());
        // A Deny on the target: not certainly admin.
        let deny = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}"#;
        let mut world = World::new();
        world.role(&role("a"), &trust_of(&format!("{ACCOUNT}:root")), &[]);
        world.role(&role("b"), &trust_of(&role("a")), &[&allow("*", "*"), deny]);
        assert!(world.run(&EscalationViaAssumeChain).is_empty());
    }

    #[test]
    fn self_policy_write_is_admin_equivalent() {
        let mut world = World::new();
        world.role(&role("a"), &trust_of(&format!("{ACCOUNT}:root")), &[]);
        world.role(
            &role("b"),
            &trust_of(&role("a")),
            &[&allow("iam:PutRolePolicy", "*")],
        );
        assert_eq!(world.run(&EscalationViaAssumeChain).len(), 1);
    }
}
