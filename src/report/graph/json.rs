//! `trustlint graph --format json`: a contract like DESIGN §3 — other tools parse it, so
//! fields are only ever added.
//!
//! ```json
//! {"version": 1,
//!  "nodes": [{"id": "<arn, account, service or provider, or *>",
//!             "kind": "role|user|group|account|service|federated|any",
//!             "account": "111122223333", "defined": true,
//!             "location": {"path": "…", "line": 3, "column": 5}}],
//!  "edges": [{"from": "<id>", "to": "<id>", "action": "sts:AssumeRole",
//!             "conditions": ["StringEquals sts:ExternalId = …"], "uncertain": false,
//!             "trust": {"path": "…", "line": 7, "column": 17},
//!             "grant": {"path": "…", "line": 4, "column": 9}}]}
//! ```
//!
//! `account` is null where the principal has none (a service, `*`); `defined` says the input
//! defines the principal as an entity (an account dump, a `[[principal]]` entry) rather than
//! only naming it or holding its trust (`get-role`), and `location` (null otherwise) is where. An edge's `trust` is the principal value of the trust
//! statement that admits the caller; `grant` the caller's identity statement that allows the
//! call, null where none is needed (same account, trust naming the exact ARN) or none is known.

use serde::Serialize;

use super::{View, kind_name, location};
use crate::source::Span;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    nodes: Vec<JsonNode<'a>>,
    edges: Vec<JsonEdge<'a>>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    kind: &'static str,
    account: Option<&'a str>,
    defined: bool,
    location: Option<Location<'a>>,
}

#[derive(Serialize)]
struct JsonEdge<'a> {
    from: &'a str,
    to: &'a str,
    action: &'static str,
    conditions: Vec<String>,
    uncertain: bool,
    trust: Location<'a>,
    grant: Option<Location<'a>>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    line: usize,
    column: usize,
}

pub fn render(view: &View) -> String {
    let graph = view.graph;
    let at = |span: Span| {
        let (path, line, column) = location(view.sources, span);
        Location { path, line, column }
    };
    let nodes = view
        .nodes
        .iter()
        .map(|&n| {
            let node = graph.node(n);
            JsonNode {
                id: &node.id,
                kind: kind_name(node.kind),
                account: node.account.as_deref(),
                defined: node.is_defined(),
                location: node.entity.map(|e| at(graph.entities[e].span)),
            }
        })
        .collect();
    let edges = view
        .edges
        .iter()
        .map(|&e| {
            let edge = &graph.edges()[e];
            JsonEdge {
                from: &graph.node(edge.from).id,
                to: &graph.node(edge.to).id,
                action: edge.action,
                conditions: graph.conditions(edge),
                uncertain: edge.uncertain,
                trust: at(edge.principal),
                grant: edge.grant.map(|g| at(graph.statement(g).span)),
            }
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&Output {
        version: 1,
        nodes,
        edges,
    })
    .expect("plain data serializes");
    text.push('\n');
    text
}
