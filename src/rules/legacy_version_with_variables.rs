//! TL104 `legacy-version-with-variables`: The policy uses the 2008-10-17 language version (or none), where policy variables are literal text.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL104",
        name: "legacy-version-with-variables",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "The policy uses the 2008-10-17 language version (or none), where policy variables are literal text.",
        help: "Set `\"Version\": \"2012-10-17\"`.",
        security_severity: 4.0,
        doc: include_str!("../../rules/legacy-version-with-variables.md"),
    },
    check: Check::Document(&LegacyVersionWithVariables),
    unchecked_hint: None,
};

struct LegacyVersionWithVariables;

impl DocumentRule for LegacyVersionWithVariables {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
