//! TL105 `duplicate-sid`: Two statements share a Sid, or a Sid has characters IAM does not allow.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL105",
        name: "duplicate-sid",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "Two statements share a Sid, or a Sid has characters IAM does not allow.",
        help: "Give every statement a unique Sid of letters and digits.",
        security_severity: 4.0,
        doc: include_str!("../../rules/duplicate-sid.md"),
    },
    check: Check::Document(&DuplicateSid),
    unchecked_hint: None,
};

struct DuplicateSid;

impl DocumentRule for DuplicateSid {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
