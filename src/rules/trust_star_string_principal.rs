//! TL110 `trust-star-string-principal`: A trust policy uses the bare string form `"Principal": "*"`.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL110",
        name: "trust-star-string-principal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust policy uses the bare string form `\"Principal\": \"*\"`.",
        help: "Name the trusted principals; if every AWS principal is really intended, write `{\"AWS\": \"*\"}` with a restricting condition.",
        security_severity: 8.0,
        doc: include_str!("../../rules/trust-star-string-principal.md"),
    },
    check: Check::Document(&TrustStarStringPrincipal),
    unchecked_hint: None,
};

struct TrustStarStringPrincipal;

impl DocumentRule for TrustStarStringPrincipal {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
