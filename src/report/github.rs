//! GitHub Actions workflow commands: one `::error file=…::message` annotation per finding.

use std::fmt::Write;

use crate::lint::LintResult;
use crate::report::diagnostic::Severity;

pub fn render(result: &LintResult) -> String {
    let mut out = String::new();
    for d in &result.diagnostics {
        let file = result.sources.get(d.span.file);
        let start = file.line_col(d.span.start as usize);
        let end = file.line_col(d.span.end as usize);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&file.path),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&format!("trustlint ({})", d.rule.code)),
            escape_data(&format!("{} [{}] {}", d.message, d.rule.name, d.help)),
        );
    }
    out
}

/// Workflow-command data escaping (`%`, CR, LF), as the Actions toolkit does it.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values additionally escape `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_actions_toolkit() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(
            escape_property("trustlint (TL201): x,y"),
            "trustlint (TL201)%3A x%2Cy"
        );
    }
}
