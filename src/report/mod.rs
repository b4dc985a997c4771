//! Rendering a run's result: one module per output format. Rendering returns text; the
//! binary decides where it goes.

pub mod concise;
pub mod diagnostic;
pub mod full;
pub mod github;
pub mod graph;
pub mod json;
pub mod statistics;

use crate::lint::LintResult;
use diagnostic::Severity;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Source snippets with the offending value underlined.
    Full,
    /// One line per finding: `path:line:col: CODE severity: message`.
    Concise,
    /// The stable JSON contract (DESIGN §3).
    Json,
    /// GitHub Actions workflow-command annotations.
    Github,
}

/// Counts of findings per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of(result: &LintResult) -> Counts {
        let mut counts = Counts::default();
        for d in &result.diagnostics {
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }
}

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub format: OutputFormat,
    /// ANSI colours (only `full` uses them).
    pub color: bool,
    /// Counts per rule instead of the findings (human formats), or in addition (JSON).
    pub statistics: bool,
    /// The findings only: no closing count, no hints.
    pub quiet: bool,
}

/// Renders a result.
pub fn render(result: &LintResult, options: RenderOptions) -> String {
    let human = matches!(options.format, OutputFormat::Full | OutputFormat::Concise);
    let mut out = match options.format {
        _ if human && options.statistics => statistics::render(result),
        OutputFormat::Full => full::render(result, options.color),
        OutputFormat::Concise => concise::render(result),
        OutputFormat::Json => json::render(result, options.statistics),
        OutputFormat::Github => github::render(result),
    };
    if human && !options.quiet {
        out.push_str(&human_footer(result));
    }
    out
}

/// The closing lines of the human formats: a count of findings, then any hints.
pub fn human_footer(result: &LintResult) -> String {
    let counts = Counts::of(result);
    let total = counts.errors + counts.warnings + counts.infos;
    let mut out = if total == 0 {
        format!(
            "No problems found in {} {}.\n",
            result.summary.files,
            plural(result.summary.files, "file", "files")
        )
    } else {
        format!(
            "Found {total} {} ({} {}, {} {}, {} {}) in {} {}.\n",
            plural(total, "problem", "problems"),
            counts.errors,
            plural(counts.errors, "error", "errors"),
            counts.warnings,
            plural(counts.warnings, "warning", "warnings"),
            counts.infos,
            plural(counts.infos, "info", "infos"),
            result.summary.files,
            plural(result.summary.files, "file", "files")
        )
    };
    for hint in &result.hints {
        out.push_str("hint: ");
        out.push_str(hint);
        out.push('\n');
    }
    out
}

pub fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}
