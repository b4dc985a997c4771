//! TL108 `trust-missing-principal`: A trust policy statement names no principal.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL108",
        name: "trust-missing-principal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust policy statement names no principal.",
        help: "Add a `Principal` naming who may assume the role.",
        security_severity: 5.0,
        doc: include_str!("../../rules/trust-missing-principal.md"),
    },
    check: Check::Document(&TrustMissingPrincipal),
    unchecked_hint: None,
};

struct TrustMissingPrincipal;

impl DocumentRule for TrustMissingPrincipal {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
