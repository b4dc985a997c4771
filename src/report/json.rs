//! The JSON contract of DESIGN §3. Other tools parse it: fields are only ever added.

use serde::Serialize;

use crate::lint::LintResult;
use crate::report::Counts;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::{SourceMap, Span};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<Statistic>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    documents: usize,
    principals: usize,
    edges: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    message: &'a str,
    path: &'a str,
    span: JsonSpan,
    labels: Vec<JsonLabel<'a>>,
    help: &'a str,
    url: String,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    path: &'a str,
    span: JsonSpan,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSpan {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
    offset: usize,
}

#[derive(Serialize)]
struct Statistic {
    code: &'static str,
    name: &'static str,
    count: usize,
}

fn span(sources: &SourceMap, span: Span) -> JsonSpan {
    let file = sources.get(span.file);
    let position = |offset: usize| {
        let at = file.line_col(offset);
        Position {
            line: at.line,
            column: at.column,
            offset,
        }
    };
    JsonSpan {
        start: position(span.start as usize),
        end: position(span.end as usize),
    }
}

fn diagnostic<'a>(sources: &'a SourceMap, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        code: d.rule.code,
        name: d.rule.name,
        severity: d.severity,
        message: &d.message,
        path: &sources.get(d.span.file).path,
        span: span(sources, d.span),
        labels: d
            .labels
            .iter()
            .map(|label| JsonLabel {
                path: &sources.get(label.span.file).path,
                span: span(sources, label.span),
                message: &label.message,
            })
            .collect(),
        help: &d.help,
        url: d.url(),
    }
}

pub fn render(result: &LintResult, statistics: bool) -> String {
    let counts = Counts::of(result);
    let output = Output {
        version: 1,
        tool: Tool {
            name: "trustlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Summary {
            files: result.summary.files,
            documents: result.summary.documents,
            principals: result.summary.principals,
            edges: result.summary.edges,
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
        },
        diagnostics: result
            .diagnostics
            .iter()
            .map(|d| diagnostic(&result.sources, d))
            .collect(),
        statistics: statistics.then(|| {
            super::statistics::counts(result)
                .into_iter()
                .map(|(code, name, count)| Statistic { code, name, count })
                .collect()
        }),
    };
    let mut text = serde_json::to_string_pretty(&output).expect("plain data serializes");
    text.push('\n');
    text
}
