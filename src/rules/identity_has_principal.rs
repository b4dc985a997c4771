//! TL109 `identity-has-principal`: an identity policy or permissions boundary statement has
//! `Principal` or `NotPrincipal`.
//!
//! "You cannot use the `Principal` element in an identity-based policy … the principal is
//! implicitly the identity where the policy is attached" [UG:reference_policies_elements_principal];
//! IAM answers `Policy document should not specify a principal` (hashicorp/terraform-provider-aws
//! #10419). Only documents known to be identity policies or boundaries are checked: a bare file
//! with a `Principal` is read as a trust or resource policy (`syntax::policy::infer_kind`).

use super::prelude::{describe, member, statement_members};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::{Document, DocumentKind};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL109",
        name: "identity-has-principal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "An identity policy statement has Principal or NotPrincipal, which IAM rejects.",
        help: "Remove `Principal`/`NotPrincipal`: an identity policy applies to the principal it is attached to. To control who may assume a role, edit the role's trust policy instead.",
        security_severity: 5.0,
        doc: include_str!("../../rules/identity-has-principal.md"),
    },
    check: Check::Document(&IdentityHasPrincipal),
    unchecked_hint: None,
};

struct IdentityHasPrincipal;

impl DocumentRule for IdentityHasPrincipal {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if !matches!(
            document.kind,
            DocumentKind::Identity | DocumentKind::Boundary
        ) {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            let members = statement_members(document, statement);
            for (key, lowered) in [
                ("Principal", &statement.principal),
                ("NotPrincipal", &statement.not_principal),
            ] {
                let span = member(members, key)
                    .map(|m| m.key_span)
                    .or_else(|| lowered.as_ref().map(|p| p.key_span));
                if let Some(span) = span {
                    cx.report(Diagnostic::new(
                        &RULE.meta,
                        span,
                        format!(
                            "{} has `{key}`, which IAM rejects in an {}: it applies to the identity it is attached to",
                            describe(statement, index),
                            noun(document.kind)
                        ),
                    ));
                }
            }
        }
    }
}

fn noun(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Boundary => "identity policy used as a permissions boundary",
        _ => "identity policy",
    }
}
