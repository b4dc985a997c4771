//! TL110 `trust-star-string-principal`: `"Principal": "*"` (the bare string) in a role trust
//! policy.
//!
//! For resource policies `"Principal": "*"` and `{"AWS": "*"}` are equivalent
//! [UG:reference_policies_elements_principal], but Access Analyzer rejects the string form in a
//! role trust policy: ERROR "Role trust policy unsupported wildcard in principal" [AA-checks].
//! Written in an `Allow`, it would admit every principal in every AWS account. `{"AWS": "*"}`
//! is TL201's (or TL219's) to judge; `NotPrincipal` is TL107's.

use super::prelude::describe;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::{Document, DocumentKind, Effect, PrincipalForm};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL110",
        name: "trust-star-string-principal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust policy uses the bare string form `\"Principal\": \"*\"`.",
        help: "Name the trusted principals; if every AWS principal is really intended, write `{\"AWS\": \"*\"}` with a restricting condition.",
        security_severity: 8.0,
        doc: include_str!("../../rules/trust-star-string-principal.md"),
    },
    check: Check::Document(&TrustStarStringPrincipal),
    unchecked_hint: None,
};

struct TrustStarStringPrincipal;

impl DocumentRule for TrustStarStringPrincipal {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            let Some(principal) = &statement.principal else {
                continue;
            };
            let PrincipalForm::Star(star) = &principal.form else {
                continue;
            };
            let consequence = match statement.effect() {
                Some(Effect::Deny) => {
                    "; write `{\"AWS\": \"*\"}` to deny every principal".to_string()
                }
                _ => "; as written it would admit every principal in every AWS account".to_string(),
            };
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                star.span,
                format!(
                    "{} uses `\"Principal\": \"*\"`, a string form Access Analyzer rejects in a role trust policy{consequence}",
                    describe(statement, index)
                ),
            );
            if statement.effect() == Some(Effect::Deny) {
                diagnostic = diagnostic
                    .with_help("Write `\"Principal\": {\"AWS\": \"*\"}`: it means the same in a `Deny` and is accepted in trust policies.");
            }
            cx.report(diagnostic);
        }
    }
}
