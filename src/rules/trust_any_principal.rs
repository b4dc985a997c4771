//! TL201 `trust-any-principal`: a role trusts every AWS principal with no condition that pins
//! the caller's identity.
//!
//! `{"AWS": "*"}` in a trust policy "allows other principals to become a principal in your
//! account" [UG:reference_policies_elements_principal]. Only conditions on keys AWS sets from
//! the caller's identity make it safe; a trust scoped to an organization is reported by TL219
//! instead (checkov #6839/#7304 reported it here, a false positive).

use super::prelude::{any_principal_grants, role_name};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::principal::{CallerScope, caller_scope};
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL201",
        name: "trust-any-principal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A role trusts every AWS principal with no condition that pins the caller's identity.",
        help: "Name the trusted accounts or principals, or pin the caller with `aws:PrincipalOrgID`, `aws:PrincipalAccount` or `aws:PrincipalArn`.",
        security_severity: 9.5,
        doc: include_str!("../../rules/trust-any-principal.md"),
    },
    check: Check::Document(&TrustAnyPrincipal),
    unchecked_hint: None,
};

struct TrustAnyPrincipal;

impl DocumentRule for TrustAnyPrincipal {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (statement, star) in any_principal_grants(document) {
            if caller_scope(statement, document) != CallerScope::Anyone {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                star.span,
                format!(
                    "{} can be assumed by any principal in any AWS account",
                    role_name(document)
                ),
            );
            if let Some(condition) = &statement.condition {
                diagnostic = diagnostic.with_label(
                    condition.key_span,
                    "no condition here pins the caller's account, ARN or organization",
                );
            }
            cx.report(diagnostic);
        }
    }
}
