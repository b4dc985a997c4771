//! TL108 `trust-missing-principal`: a role trust statement names no principal.
//!
//! Every statement of a resource-based policy needs a `Principal` [UG:reference_policies_elements_principal]
//! ("You must use the `Principal` element in resource-based policies"); IAM answers an empty one
//! with "The passed in policy has a statement with no principals!" (terraform-aws-modules/
//! terraform-aws-iam #47) and Access Analyzer reports "Missing principal" [AA-checks].
//!
//! A statement with `NotPrincipal` instead is TL107's; a `Principal` of the wrong JSON type is
//! TL004's. Both are told apart from a missing element by reading the source tree, not the
//! lowered statement (where all three are `None`).

use super::prelude::{describe, member, opening, statement_members};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::{Document, DocumentKind, Effect};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::syntax::tree::{Node, NodeKind};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL108",
        name: "trust-missing-principal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust policy statement names no principal.",
        help: "Add a `Principal` naming who may assume the role, such as `{\"AWS\": \"arn:aws:iam::111122223333:role/deploy\"}` or `{\"Service\": \"lambda.amazonaws.com\"}`.",
        security_severity: 5.0,
        doc: include_str!("../../rules/trust-missing-principal.md"),
    },
    check: Check::Document(&TrustMissingPrincipal),
    unchecked_hint: None,
};

struct TrustMissingPrincipal;

impl DocumentRule for TrustMissingPrincipal {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            let members = statement_members(document, statement);
            // `NotPrincipal` instead of `Principal` is TL107's finding.
            if member(members, "NotPrincipal").is_some() {
                continue;
            }
            let deny = statement.effect() == Some(Effect::Deny);
            let Some(principal) = member(members, "Principal") else {
                let mut diagnostic = Diagnostic::new(
                    &RULE.meta,
                    opening(statement.span),
                    format!(
                        "{} has no `Principal`; every statement of a role trust policy must name its principals",
                        describe(statement, index)
                    ),
                );
                if let Some(action) =
                    member(members, "Action").or_else(|| member(members, "NotAction"))
                {
                    diagnostic = diagnostic.with_label(
                        action.key_span,
                        if deny {
                            "denied to no principal"
                        } else {
                            "granted to no principal"
                        },
                    );
                }
                if deny {
                    diagnostic = diagnostic.with_help(DENY_HELP);
                }
                cx.report(diagnostic);
                continue;
            };
            let Some(empties) = empty_principal(&principal.value) else {
                continue;
            };
            // Point at the empty value: `{}` itself, or the first empty list (labelling the rest).
            let (primary, rest) = match empties.split_first() {
                Some((first, rest)) => (*first, rest),
                None => (principal.value.span, &[][..]),
            };
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                primary,
                format!(
                    "the `Principal` of {} lists no principal; IAM rejects a statement with no principals",
                    describe(statement, index)
                ),
            );
            for span in rest {
                diagnostic = diagnostic.with_label(*span, "empty too");
            }
            if deny {
                diagnostic = diagnostic.with_help(DENY_HELP);
            }
            cx.report(diagnostic);
        }
    }
}

const DENY_HELP: &str = "Add a `Principal`; to deny every caller that matches the condition, write `\"Principal\": {\"AWS\": \"*\"}`.";

/// `Some(spans of the empty lists)` when a `Principal` value is an object that lists no
/// principal at all: `{}` or `{"AWS": []}`. A value of the wrong type is TL004's, and a list
/// holding a non-string is a shape error too, so only literally empty arrays count.
fn empty_principal(value: &Node) -> Option<Vec<Span>> {
    let NodeKind::Object(entries) = &value.kind else {
        return None;
    };
    let mut spans = Vec::new();
    for entry in entries {
        match &entry.value.kind {
            NodeKind::Array(items) if items.is_empty() => spans.push(entry.value.span),
            _ => return None,
        }
    }
    Some(spans)
}
