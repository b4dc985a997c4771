//! Rendering the principal graph (`trustlint graph`): one module per output format, all from
//! one [`View`] — the nodes and can-assume edges to show, in a fixed order.
//!
//! Order: nodes sorted by id (ARN, account ID, service or provider name, `*`), edges by the ids
//! of their two ends. The order depends neither on the thread count nor on the order the files
//! were found in, and adding a file only inserts lines.

pub mod dot;
pub mod json;
pub mod mermaid;

use crate::graph::{Graph, Node, NodeId, NodeKind};
use crate::lint::LintResult;
use crate::model::arn::Arn;
use crate::source::{SourceMap, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (`dot -Tsvg`).
    Dot,
    /// A Mermaid flowchart (renders in GitHub Markdown).
    Mermaid,
    /// The stable JSON contract: `{"version":1,"nodes":[…],"edges":[…]}`.
    Json,
}

/// The part of the graph to render.
pub struct View<'a> {
    pub graph: &'a Graph,
    pub sources: &'a SourceMap,
    /// Sorted by id.
    pub nodes: Vec<NodeId>,
    /// Indexes into [`Graph::edges`], sorted by (from id, to id).
    pub edges: Vec<usize>,
}

impl<'a> View<'a> {
    /// The whole graph.
    pub fn full(result: &'a LintResult) -> View<'a> {
        let graph = &result.graph;
        View::new(
            result,
            (0..graph.nodes().len()).collect(),
            (0..graph.edges().len()).collect(),
        )
    }

    /// The nodes and edges on paths from `from` (when given) to `to` (when given).
    ///
    /// An edge u→v lies on a path from A to B exactly when A reaches u and v reaches B; its
    /// ends then lie on such a path too. `from` and `to` themselves are always shown, so an
    /// empty answer still names what was asked.
    pub fn between(result: &'a LintResult, from: Option<NodeId>, to: Option<NodeId>) -> View<'a> {
        let graph = &result.graph;
        let forward = from.map(|start| (start, graph.reachable_from(start)));
        let backward = to.map(|end| (end, graph.reaching(end)));
        let after_from = |node: NodeId| {
            forward
                .as_ref()
                .is_none_or(|(start, via)| Graph::was_reached(via, *start, node))
        };
        let before_to = |node: NodeId| {
            backward
                .as_ref()
                .is_none_or(|(end, via)| Graph::was_reached(via, *end, node))
        };
        let edges: Vec<usize> = graph
            .edges()
            .iter()
            .enumerate()
            .filter(|(_, e)| after_from(e.from) && before_to(e.to))
            .map(|(index, _)| index)
            .collect();
        let mut nodes: Vec<NodeId> = edges
            .iter()
            .flat_map(|&e| [graph.edges()[e].from, graph.edges()[e].to])
            .chain(from)
            .chain(to)
            .collect();
        nodes.sort_unstable();
        nodes.dedup();
        View::new(result, nodes, edges)
    }

    fn new(result: &'a LintResult, mut nodes: Vec<NodeId>, mut edges: Vec<usize>) -> View<'a> {
        let graph = &result.graph;
        nodes.sort_by(|&a, &b| graph.node(a).id.cmp(&graph.node(b).id));
        edges.sort_by(|&a, &b| {
            let (a, b) = (&graph.edges()[a], &graph.edges()[b]);
            (&graph.node(a.from).id, &graph.node(a.to).id)
                .cmp(&(&graph.node(b.from).id, &graph.node(b.to).id))
        });
        View {
            graph,
            sources: &result.sources,
            nodes,
            edges,
        }
    }

    /// Each shown node's position in [`View::nodes`], by graph node id.
    pub fn positions(&self) -> Vec<Option<usize>> {
        let mut positions = vec![None; self.graph.nodes().len()];
        for (position, &node) in self.nodes.iter().enumerate() {
            positions[node] = Some(position);
        }
        positions
    }
}

/// Renders a view.
pub fn render(view: &View, format: GraphFormat) -> String {
    match format {
        GraphFormat::Dot => dot::render(view),
        GraphFormat::Mermaid => mermaid::render(view),
        GraphFormat::Json => json::render(view),
    }
}

/// A file position: the path as given on the command line, 1-based line and column.
pub fn location(sources: &SourceMap, span: Span) -> (&str, usize, usize) {
    let file = sources.get(span.file);
    let at = file.line_col(span.start as usize);
    (&file.path, at.line, at.column)
}

/// The lines of a node's picture label: what it is, short, then its account.
///
/// An ARN shows its resource part (`role/ci-deployer`, `assumed-role/Admin/alice`), which
/// keeps the kind and stays unambiguous within the account shown under it.
pub fn label_lines(node: &Node) -> Vec<String> {
    match node.kind {
        NodeKind::Any => vec!["* (any principal)".to_string()],
        NodeKind::Account => vec!["account".to_string(), node.id.clone()],
        NodeKind::Service => vec![node.id.clone()],
        _ => match Arn::parse(&node.id) {
            Some(arn) if !arn.account.is_empty() => {
                vec![arn.resource.to_string(), arn.account.to_string()]
            }
            Some(arn) => vec![arn.resource.to_string()],
            None => vec![node.id.clone()],
        },
    }
}

/// The lines of an edge's picture label: the action when it is not `sts:AssumeRole`, then
/// each condition (`Operator key = values`) on one line, or on two (`Operator key`, `= values`)
/// when longer than [`SPLIT_WIDTH`], each line cut at [`LABEL_WIDTH`] characters.
pub fn edge_label_lines(action: &str, conditions: &[String]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if action != "sts:AssumeRole" {
        lines.push(action.to_string());
    }
    for condition in conditions {
        match condition.split_once(" = ") {
            Some((test, values)) if condition.chars().count() > SPLIT_WIDTH => {
                lines.push(shorten(test, LABEL_WIDTH));
                lines.push(shorten(&format!("= {values}"), LABEL_WIDTH));
            }
            _ => lines.push(shorten(condition, LABEL_WIDTH)),
        }
    }
    lines
}

/// A condition longer than this is shown on two lines.
pub const SPLIT_WIDTH: usize = 60;

/// The widest label line a picture shows; the JSON form keeps conditions whole.
pub const LABEL_WIDTH: usize = 100;

/// `text` cut to `width` characters with an ellipsis, control characters as spaces.
pub fn shorten(text: &str, width: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() <= width {
        return clean;
    }
    let mut cut: String = clean.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// A user, group or role the input only names (in a trust): neither defined (an account dump)
/// nor given a trust policy (`get-role`, `[[principal]]`). The pictures draw it dashed.
pub fn named_only(node: &Node) -> bool {
    matches!(node.kind, NodeKind::Role | NodeKind::User | NodeKind::Group)
        && !node.is_defined()
        && node.trust.is_empty()
}

/// The kind as the JSON contract and the pictures' styles name it.
pub fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Role => "role",
        NodeKind::User => "user",
        NodeKind::Group => "group",
        NodeKind::Account => "account",
        NodeKind::Service => "service",
        NodeKind::Federated => "federated",
        NodeKind::Any => "any",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_long_lines_and_blanks_control_characters() {
        assert_eq!(shorten("a\nb", 10), "a b");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abcd", 4), "abcd");
    }

    #[test]
    fn edge_labels_name_non_default_actions_first() {
        assert_eq!(
            edge_label_lines(
                "sts:AssumeRole",
                &["Bool aws:MultiFactorAuthPresent = true".into()]
            ),
            vec!["Bool aws:MultiFactorAuthPresent = true"]
        );
        assert_eq!(
            edge_label_lines("sts:AssumeRoleWithSAML", &[]),
            vec!["sts:AssumeRoleWithSAML"]
        );
        assert_eq!(
            edge_label_lines(
                "sts:AssumeRole",
                &["StringLike token.actions.githubusercontent.com:sub = repo:org/app:*".into()]
            ),
            vec![
                "StringLike token.actions.githubusercontent.com:sub",
                "= repo:org/app:*"
            ]
        );
    }
}
