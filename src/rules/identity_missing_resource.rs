//! TL122 `identity-missing-resource`: An identity policy statement has neither Resource nor NotResource.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL122",
        name: "identity-missing-resource",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "An identity policy statement has neither Resource nor NotResource.",
        help: "Add a `Resource` naming what the statement applies to.",
        security_severity: 5.0,
        doc: include_str!("../../rules/identity-missing-resource.md"),
    },
    check: Check::Document(&IdentityMissingResource),
    unchecked_hint: None,
};

struct IdentityMissingResource;

impl DocumentRule for IdentityMissingResource {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
