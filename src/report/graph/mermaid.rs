//! `trustlint graph --format mermaid`: a Mermaid `flowchart LR`, which GitHub renders inside a
//! ```` ```mermaid ```` block.
//!
//! Principal ids hold `:` and `/`, which Mermaid ids cannot, so nodes are `n0`, `n1`, … in the
//! view's order, and every label is a quoted string with Mermaid's entity codes for the
//! characters it would read as syntax. Shape and class tell the kind; class `named` (dashed
//! outline) marks a user, group or role the input only names in a trust. Uncertain edges are dotted (`-.->`).

use std::fmt::Write;

use super::{View, edge_label_lines, kind_name, label_lines, named_only};
use crate::graph::NodeKind;

/// Opening and closing brackets of the node shape per kind.
fn shape(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Role => ("(", ")"),
        NodeKind::User => ("([", "])"),
        NodeKind::Group => ("[[", "]]"),
        NodeKind::Account => ("[(", ")]"),
        NodeKind::Service => ("{{", "}}"),
        NodeKind::Federated => ("[/", "/]"),
        NodeKind::Any => ("(((", ")))"),
    }
}

const CLASSES: [(NodeKind, &str); 7] = [
    (NodeKind::Role, "fill:#dbeafe,stroke:#1d4ed8"),
    (NodeKind::User, "fill:#dcfce7,stroke:#15803d"),
    (NodeKind::Group, "fill:#fef9c3,stroke:#a16207"),
    (NodeKind::Account, "fill:#f3f4f6,stroke:#4b5563"),
    (NodeKind::Service, "fill:#ffedd5,stroke:#c2410c"),
    (NodeKind::Federated, "fill:#f3e8ff,stroke:#7e22ce"),
    (NodeKind::Any, "fill:#fee2e2,stroke:#b91c1c"),
];

/// The inside of a quoted Mermaid label: characters Mermaid reads as syntax or HTML become
/// entity codes (`#quot;`, `#35;` …), control characters spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Lines joined by Mermaid's line break.
fn lines(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

pub fn render(view: &View) -> String {
    let graph = view.graph;
    let positions = view.positions();
    let id = |node: usize| format!("n{}", positions[node].expect("edge ends are in the view"));
    let mut out = String::new();
    out.push_str("%% trustlint graph: who can assume what.\n");
    out.push_str(
        "%% Dotted edge: uncertain (a condition, unknown value, missing document or boundary).\n",
    );
    out.push_str("%% Dashed outline (class named): only named in a trust; the input neither defines it nor holds its trust.\n");
    out.push_str("flowchart LR\n");
    let mut dashed = Vec::new();
    for (position, &n) in view.nodes.iter().enumerate() {
        let node = graph.node(n);
        let (open, close) = shape(node.kind);
        let _ = writeln!(
            out,
            "  n{position}{open}\"{}\"{close}:::{}",
            lines(&label_lines(node)),
            kind_name(node.kind)
        );
        if named_only(node) {
            dashed.push(format!("n{position}"));
        }
    }
    for &e in &view.edges {
        let edge = &graph.edges()[e];
        let arrow = if edge.uncertain { "-.->" } else { "-->" };
        let label = edge_label_lines(edge.action, &graph.conditions(edge));
        let label = match label.is_empty() {
            true => String::new(),
            false => format!("|\"{}\"|", lines(&label)),
        };
        let _ = writeln!(out, "  {} {arrow}{label} {}", id(edge.from), id(edge.to));
    }
    for (kind, style) in CLASSES {
        let _ = writeln!(out, "  classDef {} {style}", kind_name(kind));
    }
    out.push_str("  classDef named stroke-dasharray:4 3\n");
    if !dashed.is_empty() {
        let _ = writeln!(out, "  class {} named", dashed.join(","));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_escape_mermaid_syntax() {
        assert_eq!(
            escape(r#"a"b|c#d<e>&`"#),
            "a#quot;b#124;c#35;d#lt;e#gt;#amp;#96;"
        );
        assert_eq!(escape("role/x\ny"), "role/x y");
    }
}
