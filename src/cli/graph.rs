//! `trustlint graph`: load the inputs as `lint` does, then print the can-assume graph as DOT,
//! Mermaid or JSON, whole or restricted to the paths from `--from` and/or to `--to`.
//!
//! Exit codes: 0 when the graph was printed (files that could not be read or parsed are left
//! out of it and counted on standard error: `trustlint lint` reports them), 2 for errors of
//! use — a bad option or configuration, or a `--from`/`--to` that names no principal.

use std::fmt::Write;
use std::path::PathBuf;

use clap::Args;

use super::lint::{InputArgs, RuleArgs};
use super::{EXIT_CLEAN, Outcome};
use crate::graph::{Graph, NodeId, NodeKind};
use crate::lint::lint;
use crate::model::arn::Arn;
use crate::report::graph::{GraphFormat, View, render};
use crate::rules::{Check, REGISTRY};
use crate::selection::{Selection, Selectors};

#[derive(Debug, Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    /// Only what can be reached from this principal: an ARN (or account ID, service, provider,
    /// `*`), or a user, group or role name that only one principal has.
    #[arg(long, value_name = "ARN")]
    pub from: Option<String>,
    /// Only what can reach this principal (same forms as `--from`).
    #[arg(long, value_name = "ARN")]
    pub to: Option<String>,
    /// Write the graph to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: GraphArgs, stdin: &mut dyn std::io::Read) -> Outcome {
    let mut options = match super::lint::prepare(&args.input, &RuleArgs::default(), stdin) {
        Ok((options, _)) => options,
        Err(outcome) => return outcome,
    };
    // The graph needs no rule; the reading rules still tell which files were left out.
    options.selection = reading_only();
    let result = lint(&options);
    let graph = &result.graph;
    let from = match args.from.as_deref().map(|q| find(graph, "--from", q)) {
        Some(Err(message)) => return Outcome::usage_error(message),
        Some(Ok(node)) => Some(node),
        None => None,
    };
    let to = match args.to.as_deref().map(|q| find(graph, "--to", q)) {
        Some(Err(message)) => return Outcome::usage_error(message),
        Some(Ok(node)) => Some(node),
        None => None,
    };
    let view = match (from, to) {
        (None, None) => View::full(&result),
        _ => View::between(&result, from, to),
    };
    let text = render(&view, args.format);

    let mut stderr = String::new();
    if let (Some(a), Some(b)) = (from, to)
        && a != b
        && view.edges.is_empty()
    {
        let _ = writeln!(
            stderr,
            "note: no principal path leads from `{}` to `{}`",
            graph.node(a).id,
            graph.node(b).id
        );
    }
    if !result.diagnostics.is_empty() {
        let mut codes: Vec<&str> = result.diagnostics.iter().map(|d| d.rule.code).collect();
        codes.sort_unstable();
        codes.dedup();
        let count = result.diagnostics.len();
        let _ = writeln!(
            stderr,
            "warning: {count} {} ({}) while reading: what could not be read is left out of the graph; `trustlint lint` shows where",
            crate::report::plural(count, "problem", "problems"),
            codes.join(", ")
        );
    }
    match &args.output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => Outcome {
                stdout: String::new(),
                stderr,
                code: EXIT_CLEAN,
            },
            Err(err) => {
                Outcome::usage_error(format!("error: cannot write {}: {err}\n", path.display()))
            }
        },
        None => Outcome {
            stdout: text,
            stderr,
            code: EXIT_CLEAN,
        },
    }
}

/// Only the reading stage's findings (unreadable files, syntax and shape errors): they tell
/// what the graph leaves out, and no document or graph rule needs to run.
fn reading_only() -> Selection {
    let select = REGISTRY
        .iter()
        .filter(|rule| matches!(rule.check, Check::Reading))
        .map(|rule| rule.meta.code.to_string())
        .collect();
    Selection::resolve(&Selectors {
        select: Some(select),
        ..Selectors::default()
    })
    .expect("registered codes select rules")
}

/// The node `query` names: its exact id, else the one user, group or role whose name (or ARN
/// resource, `role/ci-deployer`) it is. Otherwise an error of use listing near matches.
fn find(graph: &Graph, option: &str, query: &str) -> Result<NodeId, String> {
    if let Some(node) = graph.find(query) {
        return Ok(node);
    }
    let named: Vec<NodeId> = (0..graph.nodes().len())
        .filter(|&n| {
            let node = graph.node(n);
            matches!(node.kind, NodeKind::Role | NodeKind::User | NodeKind::Group)
                && (node.name() == query
                    || Arn::parse(&node.id).is_some_and(|arn| arn.resource == query))
        })
        .collect();
    match named.as_slice() {
        [node] => return Ok(*node),
        [] => {}
        several => {
            return Err(list(
                graph,
                format!("error: `{option} {query}` names several principals; give the ARN:\n"),
                several.to_vec(),
            ));
        }
    }
    let near = near_matches(graph, query);
    if near.is_empty() {
        Err(format!(
            "error: `{option} {query}` names no principal of the graph ({} {}; `trustlint graph --format json` lists them)\n",
            graph.nodes().len(),
            crate::report::plural(graph.nodes().len(), "node", "nodes"),
        ))
    } else {
        Err(list(
            graph,
            format!("error: `{option} {query}` names no principal of the graph; did you mean:\n"),
            near,
        ))
    }
}

fn list(graph: &Graph, mut head: String, mut nodes: Vec<NodeId>) -> String {
    nodes.sort_by(|&a, &b| graph.node(a).id.cmp(&graph.node(b).id));
    for node in nodes {
        let _ = writeln!(head, "  {}", graph.node(node).id);
    }
    head
}

/// At most five ids close to `query`: ids containing it or whose name it contains (ignoring
/// case), or whose name is a small edit away from its last `/` segment.
fn near_matches(graph: &Graph, query: &str) -> Vec<NodeId> {
    const MOST: usize = 5;
    let query = query.to_lowercase();
    let last = query
        .rsplit(['/', ':'])
        .next()
        .unwrap_or(&query)
        .to_string();
    let mut scored: Vec<(usize, &str, NodeId)> = graph
        .nodes()
        .iter()
        .enumerate()
        .filter_map(|(n, node)| {
            let id = node.id.to_lowercase();
            let name = node.name().to_lowercase();
            let score = if id.contains(&query) || (name.len() >= 3 && query.contains(&name)) {
                0
            } else {
                let distance = edit_distance(&name, &last);
                (distance <= 2.max(last.chars().count() / 4)).then_some(distance)?
            };
            Some((score, node.id.as_str(), n))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(MOST).map(|(_, _, n)| n).collect()
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("ci-deployer", "ci-deployer"), 0);
        assert_eq!(edit_distance("ci-deployer", "ci-deploy"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
