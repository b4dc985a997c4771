//! TL219 `trust-org-wide`: A role trusts every principal of an AWS Organization.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL219",
        name: "trust-org-wide",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A role trusts every principal of an AWS Organization.",
        help: "Name the accounts or roles that need the role if not the whole organization.",
        security_severity: 3.0,
        doc: include_str!("../../rules/trust-org-wide.md"),
    },
    check: Check::Document(&TrustOrgWide),
    unchecked_hint: None,
};

struct TrustOrgWide;

impl DocumentRule for TrustOrgWide {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
