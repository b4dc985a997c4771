//! TL107 `trust-notprincipal`: A trust policy statement uses NotPrincipal, which is not allowed in role trust policies.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL107",
        name: "trust-notprincipal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust policy statement uses NotPrincipal, which is not allowed in role trust policies.",
        help: "Name the trusted principals in `Principal` instead.",
        security_severity: 7.0,
        doc: include_str!("../../rules/trust-notprincipal.md"),
    },
    check: Check::Document(&TrustNotprincipal),
    unchecked_hint: None,
};

struct TrustNotprincipal;

impl DocumentRule for TrustNotprincipal {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
