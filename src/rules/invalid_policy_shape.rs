//! TL004 `invalid-policy-shape`: A policy element has the wrong JSON type.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL004",
        name: "invalid-policy-shape",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A policy element has the wrong JSON type.",
        help: "Give the element the type the IAM policy grammar requires.",
        security_severity: 5.0,
        doc: include_str!("../../rules/invalid-policy-shape.md"),
    },
    check: Check::Document(&InvalidPolicyShape),
    unchecked_hint: None,
};

struct InvalidPolicyShape;

impl DocumentRule for InvalidPolicyShape {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
