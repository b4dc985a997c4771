//! TL106 `trust-resource-element`: A trust policy statement has Resource or NotResource, which IAM rejects.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL106",
        name: "trust-resource-element",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust policy statement has Resource or NotResource, which IAM rejects.",
        help: "Remove `Resource`/`NotResource` from trust statements: the role itself is the resource.",
        security_severity: 5.0,
        doc: include_str!("../../rules/trust-resource-element.md"),
    },
    check: Check::Document(&TrustResourceElement),
    unchecked_hint: None,
};

struct TrustResourceElement;

impl DocumentRule for TrustResourceElement {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
