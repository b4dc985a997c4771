//! TL201 `trust-any-principal`: a role trusts every AWS principal with no condition that pins
//! the caller's identity.
//!
//! `{"AWS": "*"}` in a trust policy "allows other principals to become a principal in your
//! account" [UG:reference_policies_elements_principal]. Only conditions on keys AWS sets from
//! the caller's identity make it safe; a trust scoped to an organization is reported by TL219
//! instead (checkov #6839/#7304 reported it here, a false positive).

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers_any};
use crate::eval::principal::{CallerScope, caller_scope};
use crate::model::{Document, DocumentKind, PrincipalForm};
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
        if document.kind != DocumentKind::Trust {
            return;
        }
        for statement in document.statements.iter().filter(|s| s.is_allow()) {
            let Some(principal) = &statement.principal else {
                continue;
            };
            // The bare `"Principal": "*"` is TL110's; this rule reads the `AWS` key.
            if matches!(principal.form, PrincipalForm::Star(_)) {
                continue;
            }
            let Some(star) = principal.values_of("AWS").find(|v| v.known() == Some("*")) else {
                continue;
            };
            if covers_any(statement, ASSUME_ACTIONS) != Tri::Yes {
                continue;
            }
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

/// "role `deploy`" when the input names the role, else "this role".
pub fn role_name(document: &Document) -> String {
    match document.owner.as_ref().and_then(|o| o.name.as_deref()) {
        Some(name) => format!("role `{name}`"),
        None => "this role".to_string(),
    }
}
