//! TL002 `unreadable-file`: A file cannot be read: permission denied, not UTF-8, binary, too large, or a broken link.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL002",
        name: "unreadable-file",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A file cannot be read: permission denied, not UTF-8, binary, too large, or a broken link.",
        help: "Make the file readable UTF-8 text, or exclude it with .gitignore.",
        security_severity: 5.0,
        doc: include_str!("../../rules/unreadable-file.md"),
    },
    check: Check::Reading,
    unchecked_hint: None,
};

/// The finding for a file that cannot be read; it points at the start of the file.
pub fn diagnostic(
    file: crate::source::FileId,
    reason: &str,
) -> crate::report::diagnostic::Diagnostic {
    crate::report::diagnostic::Diagnostic::new(
        &RULE.meta,
        crate::source::Span::file_start(file),
        format!("cannot read this file: {reason}"),
    )
}
