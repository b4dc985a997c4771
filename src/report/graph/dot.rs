//! `trustlint graph --format dot`: Graphviz DOT, for `dot -Tsvg`.
//!
//! Node ids are the principals' ids, quoted; labels are short (see [`super::label_lines`]) with
//! the full id as the tooltip. Shape and colour tell the kind; a dashed outline marks a
//! user, group or role the input only names in a trust ([`super::named_only`]). Edge labels are the
//! trust's conditions; a dashed edge is uncertain (a condition, an unknown value, a missing
//! document or a permissions boundary stands in between).

use std::fmt::Write;

use super::{View, edge_label_lines, label_lines, named_only};
use crate::graph::NodeKind;

/// Shape, fill and outline colour per kind.
fn style(kind: NodeKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        NodeKind::Role => ("box", "#dbeafe", "#1d4ed8"),
        NodeKind::User => ("ellipse", "#dcfce7", "#15803d"),
        NodeKind::Group => ("tab", "#fef9c3", "#a16207"),
        NodeKind::Account => ("box3d", "#f3f4f6", "#4b5563"),
        NodeKind::Service => ("hexagon", "#ffedd5", "#c2410c"),
        NodeKind::Federated => ("cds", "#f3e8ff", "#7e22ce"),
        NodeKind::Any => ("doubleoctagon", "#fee2e2", "#b91c1c"),
    }
}

/// The inside of a DOT double-quoted id: `\` and `"` escaped, control characters as spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The inside of a quoted label or tooltip: as [`escape`], and `&` as `&amp;`, since Graphviz
/// reads `&amp;`, `&lt;` … in labels as entities (a backslash would otherwise start an
/// escape such as `\N`).
fn escape_text(text: &str) -> String {
    escape(text).replace('&', "&amp;")
}

/// Lines joined by DOT's centred line break.
fn lines(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| escape_text(l))
        .collect::<Vec<_>>()
        .join("\\n")
}

pub fn render(view: &View) -> String {
    let graph = view.graph;
    let mut out = String::new();
    out.push_str("// trustlint graph: who can assume what.\n");
    out.push_str(
        "// Dashed edge: uncertain (a condition, unknown value, missing document or boundary).\n",
    );
    out.push_str("// Dashed outline: only named in a trust; the input neither defines it nor holds its trust.\n");
    out.push_str("digraph trustlint {\n");
    out.push_str("  rankdir=LR;\n");
    out.push_str("  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=11];\n");
    out.push_str(
        "  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=9, color=\"#374151\"];\n",
    );
    for &n in &view.nodes {
        let node = graph.node(n);
        let (shape, fill, outline) = style(node.kind);
        let mut styles = vec!["filled"];
        if node.kind == NodeKind::Role {
            styles.push("rounded");
        }
        if named_only(node) {
            styles.push("dashed");
        }
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\", tooltip=\"{}\", shape={shape}, style=\"{}\", fillcolor=\"{fill}\", color=\"{outline}\"];",
            escape(&node.id),
            lines(&label_lines(node)),
            escape_text(&node.id),
            styles.join(","),
        );
    }
    for &e in &view.edges {
        let edge = &graph.edges()[e];
        let mut attributes = Vec::new();
        let label = edge_label_lines(edge.action, &graph.conditions(edge));
        if !label.is_empty() {
            attributes.push(format!("label=\"{}\"", lines(&label)));
        }
        if edge.uncertain {
            attributes.push("style=dashed".to_string());
        }
        let attributes = match attributes.is_empty() {
            true => String::new(),
            false => format!(" [{}]", attributes.join(", ")),
        };
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\"{attributes};",
            escape(&graph.node(edge.from).id),
            escape(&graph.node(edge.to).id),
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_control_characters() {
        assert_eq!(escape(r#"a"b\N"#), r#"a\"b\\N"#);
        assert_eq!(escape("a\nb"), "a b");
        assert_eq!(escape_text("a&amp;b"), "a&amp;amp;b");
    }
}
