//! TL001 `parse-error`: The text is not valid in its format.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL001",
        name: "parse-error",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "The text is not valid in its format.",
        help: "Fix the syntax at the marked position.",
        security_severity: 5.0,
        doc: include_str!("../../rules/parse-error.md"),
    },
    check: Check::Reading,
    unchecked_hint: None,
};

/// The finding for text that is not valid in its format.
pub fn diagnostic(
    error: &crate::syntax::json::SyntaxError,
) -> crate::report::diagnostic::Diagnostic {
    let diagnostic =
        crate::report::diagnostic::Diagnostic::new(&RULE.meta, error.span, error.message.clone());
    match error.opened {
        Some(opened) => diagnostic.with_label(opened, "opened here"),
        None => diagnostic,
    }
}
