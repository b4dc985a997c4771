//! TL215 `trust-wildcard-action`: A trust statement grants actions by wildcard or NotAction.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL215",
        name: "trust-wildcard-action",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A trust statement grants actions by wildcard or NotAction.",
        help: "List the exact actions, usually just `sts:AssumeRole`.",
        security_severity: 4.0,
        doc: include_str!("../../rules/trust-wildcard-action.md"),
    },
    check: Check::Document(&TrustWildcardAction),
    unchecked_hint: None,
};

struct TrustWildcardAction;

impl DocumentRule for TrustWildcardAction {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
