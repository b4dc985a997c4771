//! `path:line:col: CODE severity: message`, one line per finding.

use std::fmt::Write;

use crate::lint::LintResult;

use crate::report::diagnostic::Diagnostic;

pub fn render(result: &LintResult) -> String {
    let mut out = String::new();
    for d in &result.diagnostics {
        out.push_str(&render_one(result, d));
    }
    out
}

/// One finding's line, newline included.
pub fn render_one(result: &LintResult, d: &Diagnostic) -> String {
    let file = result.sources.get(d.span.file);
    let at = file.line_col(d.span.start as usize);
    let mut line = String::new();
    let _ = writeln!(
        line,
        "{}:{}:{}: {} {}: {}",
        file.path,
        at.line,
        at.column,
        d.rule.code,
        d.severity.as_str(),
        d.message
    );
    line
}
