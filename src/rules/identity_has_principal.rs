//! TL109 `identity-has-principal`: An identity policy statement has Principal or NotPrincipal, which IAM rejects.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL109",
        name: "identity-has-principal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "An identity policy statement has Principal or NotPrincipal, which IAM rejects.",
        help: "Remove `Principal`: an identity policy applies to the principal it is attached to.",
        security_severity: 5.0,
        doc: include_str!("../../rules/identity-has-principal.md"),
    },
    check: Check::Document(&IdentityHasPrincipal),
    unchecked_hint: None,
};

struct IdentityHasPrincipal;

impl DocumentRule for IdentityHasPrincipal {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
