//! TL102 `invalid-effect`: A statement's Effect is missing or not exactly `Allow` or `Deny`.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL102",
        name: "invalid-effect",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A statement's Effect is missing or not exactly `Allow` or `Deny`.",
        help: "Set `\"Effect\"` to exactly `\"Allow\"` or `\"Deny\"`.",
        security_severity: 5.0,
        doc: include_str!("../../rules/invalid-effect.md"),
    },
    check: Check::Document(&InvalidEffect),
    unchecked_hint: None,
};

struct InvalidEffect;

impl DocumentRule for InvalidEffect {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
