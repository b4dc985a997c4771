//! TL205 `cross-account-trust-without-external-id`: A role trusts a third-party account without requiring an `sts:ExternalId`.

use super::{Check, Rule, RuleMeta};
use crate::report::diagnostic::Severity;
use super::{DocumentRule, RuleContext};
use crate::model::Document;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL205",
        name: "cross-account-trust-without-external-id",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A role trusts a third-party account without requiring an `sts:ExternalId`.",
        help: "Require `\"StringEquals\": {\"sts:ExternalId\": \"<id from the third party>\"}`, or add the account to `[accounts] own` if it is yours.",
        security_severity: 6.5,
        doc: include_str!("../../rules/cross-account-trust-without-external-id.md"),
    },
    check: Check::Document(&CrossAccountTrustWithoutExternalId),
    unchecked_hint: None,
};

struct CrossAccountTrustWithoutExternalId;

impl DocumentRule for CrossAccountTrustWithoutExternalId {
    fn check(&self, _document: &Document, _cx: &mut RuleContext<'_>) {
        // TODO(helper): implement
    }
}
