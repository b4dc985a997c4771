//! Paths through the can-assume graph: shortest paths between principals, and the nodes on
//! any path between two sets.

use std::collections::VecDeque;

use super::{Graph, NodeId};

impl Graph {
    /// Nodes reachable from `start` (following edges forward), with the edge used to reach
    /// each first: breadth-first, so the recorded paths are shortest.
    pub fn reachable_from(&self, start: NodeId) -> Vec<Option<usize>> {
        self.search(start, true)
    }

    /// Nodes that can reach `target`, with the edge each first takes towards it.
    pub fn reaching(&self, target: NodeId) -> Vec<Option<usize>> {
        self.search(target, false)
    }

    fn search(&self, start: NodeId, forward: bool) -> Vec<Option<usize>> {
        let mut via: Vec<Option<usize>> = vec![None; self.nodes.len()];
        let mut seen = vec![false; self.nodes.len()];
        seen[start] = true;
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            let edges = if forward {
                &self.out_edges[node]
            } else {
                &self.in_edges[node]
            };
            for &e in edges {
                let next = if forward {
                    self.edges[e].to
                } else {
                    self.edges[e].from
                };
                if !seen[next] {
                    seen[next] = true;
                    via[next] = Some(e);
                    queue.push_back(next);
                }
            }
        }
        via
    }

    /// Whether `node` was reached in a search result (the start counts).
    pub fn was_reached(via: &[Option<usize>], start: NodeId, node: NodeId) -> bool {
        node == start || via[node].is_some()
    }

    /// The edges of the shortest path from `start` to `end`, given `reachable_from(start)`.
    pub fn path_to(&self, via: &[Option<usize>], end: NodeId) -> Vec<usize> {
        let mut path = Vec::new();
        let mut node = end;
        while let Some(e) = via[node] {
            path.push(e);
            node = self.edges[e].from;
        }
        path.reverse();
        path
    }
}
