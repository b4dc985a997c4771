//! TL112 `invalid-principal`: A principal key or value is not a form AWS accepts.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL112",
        name: "invalid-principal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A principal key or value is not a form AWS accepts.",
        help: "Use a 12-digit account ID, an IAM/STS principal ARN, a service principal or an identity-provider ARN.",
        security_severity: 5.0,
        doc: include_str!("../../rules/invalid-principal.md"),
    },
    check: Check::Document(&InvalidPrincipal),
    unchecked_hint: None,
};

struct InvalidPrincipal;

impl DocumentRule for InvalidPrincipal {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
