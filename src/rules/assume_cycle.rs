//! TL408 `assume-cycle`: roles can assume each other in a cycle.
//!
//! A cycle in the can-assume graph lets a session of any role in it come back to every other
//! one, indefinitely re-chaining (each hop a fresh one-hour chained session,
//! [UG:id_roles_terms-and-concepts]); PMapper reports it as "IAM Principals with Circular
//! Access". Only certain edges count (no condition, unknown value, missing document or boundary
//! in between): a cycle that may not exist is not reported. A role trusting itself is TL404's
//! matter, not a cycle.
//!
//! Cycles are the strongly connected components of the role → role edges, found with an
//! iterative Tarjan (linear, no recursion, safe on 100,000 roles); each component of two roles
//! or more is reported once, with one shortest cycle through its first role (by ARN).

use std::collections::VecDeque;

use super::prelude::{hop_labels, is_certain_hop, node_label, out_edge_index, path_text};
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::graph::{Graph, NodeId, NodeKind};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL408",
        name: "assume-cycle",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "Roles can assume each other in a cycle.",
        help: "Break the cycle unless each hop is intended.",
        security_severity: 2.0,
        doc: include_str!("../../rules/assume-cycle.md"),
    },
    check: Check::Graph(&AssumeCycle),
    unchecked_hint: None,
};

struct AssumeCycle;

impl GraphRule for AssumeCycle {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        let n = graph.nodes().len();
        // Role → role hops, by node: the edge indexes.
        let out = out_edge_index(graph, |edge| {
            is_certain_hop(graph, edge) && graph.node(edge.from).kind == NodeKind::Role
        });
        let mut components = strongly_connected(graph, &out);
        // Deterministic order: by each component's first ARN.
        for component in &mut components {
            component.sort_by(|&a, &b| graph.node(a).id.cmp(&graph.node(b).id));
        }
        components.sort_by(|a, b| graph.node(a[0]).id.cmp(&graph.node(b[0]).id));
        let mut member = vec![usize::MAX; n];
        for (c, component) in components.iter().enumerate() {
            for &node in component {
                member[node] = c;
            }
        }
        for (c, component) in components.iter().enumerate() {
            let start = component[0];
            let Some(cycle) = shortest_cycle(graph, &out, &member, c, start) else {
                continue;
            };
            let first = &graph.edges()[cycle[0]];
            let others = component.len() - cycle.len();
            let mut message = format!(
                "roles can assume each other in a cycle: {}",
                path_text(graph, &cycle)
            );
            if others > 0 {
                message.push_str(&format!(
                    " ({} roles in all can reach each other)",
                    component.len()
                ));
            }
            let mut diagnostic = Diagnostic::new(&RULE.meta, first.principal, message);
            for (span, label) in hop_labels(graph, &cycle) {
                diagnostic = diagnostic.with_label(span, label);
            }
            cx.report(diagnostic.with_help(format!(
                "remove one hop of the cycle unless each is intended, e.g. the trust of {} in {}",
                node_label(graph, first.from),
                node_label(graph, first.to)
            )));
        }
    }
}

/// Tarjan's strongly connected components, iteratively; only components of two nodes or more.
fn strongly_connected(graph: &Graph, out: &[Vec<usize>]) -> Vec<Vec<NodeId>> {
    const UNSEEN: usize = usize::MAX;
    let n = out.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<NodeId> = Vec::new();
    let mut next = 0usize;
    let mut components = Vec::new();
    // The call stack: (node, position in its out-edges).
    let mut calls: Vec<(NodeId, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != UNSEEN || out[root].is_empty() {
            continue;
        }
        calls.push((root, 0));
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut position)) = calls.last_mut() {
            if let Some(&e) = out[node].get(*position) {
                *position += 1;
                let to = graph.edges()[e].to;
                if index[to] == UNSEEN {
                    index[to] = next;
                    low[to] = next;
                    next += 1;
                    stack.push(to);
                    on_stack[to] = true;
                    calls.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let mut component = Vec::new();
                while let Some(top) = stack.pop() {
                    on_stack[top] = false;
                    component.push(top);
                    if top == node {
                        break;
                    }
                }
                if component.len() >= 2 {
                    components.push(component);
                }
            }
        }
    }
    components
}

/// The edges of a shortest cycle through `start` inside component `c` (breadth-first).
fn shortest_cycle(
    graph: &Graph,
    out: &[Vec<usize>],
    member: &[usize],
    c: usize,
    start: NodeId,
) -> Option<Vec<usize>> {
    let edges = graph.edges();
    let mut via: std::collections::HashMap<NodeId, usize> = std::collections::HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &e in &out[node] {
            let to = edges[e].to;
            if member[to] != c {
                continue;
            }
            if to == start {
                let mut path = vec![e];
                let mut at = node;
                while at != start {
                    let back = via[&at];
                    path.push(back);
                    at = edges[back].from;
                }
                path.reverse();
                return Some(path);
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = via.entry(to) {
                slot.insert(e);
                queue.push_back(to);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::prelude::testkit::{World, trust_of};

    fn role(i: usize) -> String {
        format!("arn:aws:iam::111122223333:role/r{i}")
    }

    #[test]
    fn two_roles_trusting_each_other_form_one_cycle() {
        let mut world = World::new();
        world.role(&role(1), &trust_of(&role(2)), &[]);
        world.role(&role(2), &trust_of(&role(1)), &[]);
        let found = world.run(&AssumeCycle);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "roles can assume each other in a cycle: `r1` → `r2` → `r1`"
        );
        assert_eq!(found[0].labels.len(), 2);
    }

    #[test]
    fn a_chain_and_a_self_trust_are_not_cycles() {
        let mut world = World::new();
        world.role(&role(1), &trust_of(&role(1)), &[]);
        world.role(&role(2), &trust_of(&role(1)), &[]);
        world.role(&role(3), &trust_of(&role(2)), &[]);
        assert!(world.run(&AssumeCycle).is_empty());
    }

    #[test]
    fn a_long_ring_is_found_without_recursion() {
        let n = 100_000;
        let mut world = World::new();
        for i in 0..n {
            // Known only by their trusts (not defined).
            world.trust(&role(i), &trust_of(&role((i + n - 1) % n)));
        }
        let found = world.run(&AssumeCycle);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].labels.len(), crate::rules::prelude::MAX_SHOWN_HOPS);
        assert!(found[0].message.len() < 1000, "{}", found[0].message);
    }
}
