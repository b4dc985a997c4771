//! TL113 `principal-unique-id`: a trust policy names a user or role by its unique ID
//! (`AIDA…`, `AROA…`), which is what IAM shows once the principal it named was deleted.
//!
//! IAM converts a user or role ARN in a trust policy to the principal's unique ID when it saves
//! the policy. Once that user or role is deleted, the policy shows the bare ID and the trust admits
//! no one, not even a principal re-created with the same name, which gets a new ID
//! [UG:reference_policies_elements_principal] (AWS-SEMANTICS §3). The prefixes are `AIDA` for an
//! IAM user and `AROA` for a role [UG:reference_identifiers, "Understanding unique ID
//! prefixes"]. Access Analyzer reports the same as "Invalid role/user reference" [AA-checks].
//!
//! TL112 leaves unique IDs to this rule (`AwsPrincipal::UniqueId`). Only the `AWS` values of a
//! trust's `Principal` are read; unknown values never produce a finding.

use super::prelude::describe;
use super::prelude::trust_actions::statements_of_trust;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::Document;
use crate::model::arn::{AwsPrincipal, classify_aws_principal};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL113",
        name: "principal-unique-id",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A trust principal is a unique ID (`AROA…`, `AIDA…`): the user or role it named was deleted.",
        help: "Remove the unique ID, or replace it with the ARN of the user or role that should be trusted now.",
        security_severity: 3.0,
        doc: include_str!("../../rules/principal-unique-id.md"),
    },
    check: Check::Document(&PrincipalUniqueId),
    unchecked_hint: None,
};

struct PrincipalUniqueId;

/// What a role (`AROA…`) or user (`AIDA…`) unique ID stood for; `None` for any other value
/// (other unique-ID prefixes name groups, policies and keys, never a trust principal).
fn deleted_principal(text: &str) -> Option<&'static str> {
    match classify_aws_principal(text) {
        AwsPrincipal::UniqueId(id) if id.starts_with("AROA") => Some("role"),
        AwsPrincipal::UniqueId(id) if id.starts_with("AIDA") => Some("user"),
        _ => None,
    }
}

impl DocumentRule for PrincipalUniqueId {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (index, statement) in statements_of_trust(document).iter().enumerate() {
            for value in statement.principal_values("AWS") {
                let Some(text) = value.known() else {
                    continue;
                };
                let Some(kind) = deleted_principal(text) else {
                    continue;
                };
                cx.report(Diagnostic::new(
                    &RULE.meta,
                    value.span,
                    format!(
                        "{} trusts `{text}`, the unique ID of a deleted {kind}: IAM shows the ID once the {kind} it named is gone, and it admits no one, not even a {kind} re-created with the same name",
                        describe(statement, index)
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::deleted_principal;

    #[test]
    fn matches_role_and_user_ids_only() {
        assert_eq!(deleted_principal("AROADBQP57FF2AEXAMPLE"), Some("role"));
        assert_eq!(deleted_principal("AIDAJQABLZS4A3QDU576Q"), Some("user"));
        assert_eq!(deleted_principal("AGPAJQABLZS4A3QDU576Q"), None);
        assert_eq!(deleted_principal("AROA123"), None);
        assert_eq!(deleted_principal("aroadbqp57ff2aexample"), None);
        assert_eq!(
            deleted_principal("arn:aws:iam::111122223333:role/AROADBQP57FF2AEXAMPLE"),
            None
        );
    }
}
