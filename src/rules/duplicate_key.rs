//! TL003 `duplicate-key`: An object repeats a key; parsers disagree on which one wins.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL003",
        name: "duplicate-key",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "An object repeats a key; parsers disagree on which one wins.",
        help: "Keep one of the keys and merge their values.",
        security_severity: 5.0,
        doc: include_str!("../../rules/duplicate-key.md"),
    },
    check: Check::Document(&DuplicateKey),
    unchecked_hint: None,
};

struct DuplicateKey;

impl DocumentRule for DuplicateKey {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
