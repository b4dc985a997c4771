//! TL103 `invalid-version`: The policy Version is not `2012-10-17` or `2008-10-17`.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL103",
        name: "invalid-version",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "The policy Version is not `2012-10-17` or `2008-10-17`.",
        help: "Use `\"Version\": \"2012-10-17\"`.",
        security_severity: 5.0,
        doc: include_str!("../../rules/invalid-version.md"),
    },
    check: Check::Document(&InvalidVersion),
    unchecked_hint: None,
};

struct InvalidVersion;

impl DocumentRule for InvalidVersion {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
