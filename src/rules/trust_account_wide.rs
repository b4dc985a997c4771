//! TL204 `trust-account-wide`: A trust names a whole account, delegating to that account's identity policies.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL204",
        name: "trust-account-wide",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A trust names a whole account, delegating to that account's identity policies.",
        help: "Name the exact role or user ARNs if only they should assume the role.",
        security_severity: 2.0,
        doc: include_str!("../../rules/trust-account-wide.md"),
    },
    check: Check::Document(&TrustAccountWide),
    unchecked_hint: None,
};

struct TrustAccountWide;

impl DocumentRule for TrustAccountWide {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
