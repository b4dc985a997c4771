//! TL101 `unknown-policy-element`: A policy or statement has an element IAM does not define.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL101",
        name: "unknown-policy-element",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A policy or statement has an element IAM does not define.",
        help: "Remove the element or correct its spelling and case.",
        security_severity: 5.0,
        doc: include_str!("../../rules/unknown-policy-element.md"),
    },
    check: Check::Document(&UnknownPolicyElement),
    unchecked_hint: None,
};

struct UnknownPolicyElement;

impl DocumentRule for UnknownPolicyElement {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
