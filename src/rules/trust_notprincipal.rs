//! TL107 `trust-notprincipal`: a role trust statement uses `NotPrincipal`.
//!
//! "You cannot use the `NotPrincipal` element in an IAM identity-based policy or in an IAM role
//! trust policy" [UG:reference_policies_elements_notprincipal]; Access Analyzer: "Role trust
//! policy syntax error notprincipal" [AA-checks]. Read from the source tree, so a
//! `NotPrincipal` of the wrong JSON type is reported too.

use super::prelude::{describe, member, statement_members};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::{Document, DocumentKind};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL107",
        name: "trust-notprincipal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust policy statement uses NotPrincipal, which is not allowed in role trust policies.",
        help: "Name the trusted principals in `Principal` instead; to exclude principals, use a `Deny` with a condition on `aws:PrincipalArn`.",
        security_severity: 7.0,
        doc: include_str!("../../rules/trust-notprincipal.md"),
    },
    check: Check::Document(&TrustNotPrincipal),
    unchecked_hint: None,
};

struct TrustNotPrincipal;

impl DocumentRule for TrustNotPrincipal {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            let members = statement_members(document, statement);
            let span = member(members, "NotPrincipal")
                .map(|m| m.key_span)
                .or_else(|| statement.not_principal.as_ref().map(|p| p.key_span));
            if let Some(span) = span {
                cx.report(Diagnostic::new(
                    &RULE.meta,
                    span,
                    format!(
                        "{} uses `NotPrincipal`, which role trust policies do not support",
                        describe(statement, index)
                    ),
                ));
            }
        }
    }
}
