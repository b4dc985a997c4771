//! TL111 `principal-partial-wildcard`: A principal value has a wildcard that is not the whole value.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL111",
        name: "principal-partial-wildcard",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A principal value has a wildcard that is not the whole value.",
        help: "List the exact principal ARNs, or trust the account and restrict with `aws:PrincipalArn` in a condition.",
        security_severity: 6.0,
        doc: include_str!("../../rules/principal-partial-wildcard.md"),
    },
    check: Check::Document(&PrincipalPartialWildcard),
    unchecked_hint: None,
};

struct PrincipalPartialWildcard;

impl DocumentRule for PrincipalPartialWildcard {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
