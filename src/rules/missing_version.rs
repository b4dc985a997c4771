//! TL123 `missing-version`: The policy has no Version element, so AWS reads it as 2008-10-17.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL123",
        name: "missing-version",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "The policy has no Version element, so AWS reads it as 2008-10-17.",
        help: "Add `\"Version\": \"2012-10-17\"`.",
        security_severity: 1.0,
        doc: include_str!("../../rules/missing-version.md"),
    },
    check: Check::Document(&MissingVersion),
    unchecked_hint: None,
};

struct MissingVersion;

impl DocumentRule for MissingVersion {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
