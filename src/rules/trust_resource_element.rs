//! TL106 `trust-resource-element`: a role trust statement has `Resource` or `NotResource`.
//!
//! A trust policy applies to the role it is attached to, so it names no resource. IAM refuses
//! it with `MalformedPolicyDocument: Has prohibited field Resource` (kubernetes-sigs/external-dns
//! #3085, hashicorp/terraform #34231) and Access Analyzer reports "Role trust policy syntax error
//! resource" [AA-checks]. The element is read from the source tree, so a `Resource` of the wrong
//! JSON type (which lowering drops) is still reported.

use super::prelude::{describe, member, statement_members};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::{Document, DocumentKind};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL106",
        name: "trust-resource-element",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust policy statement has Resource or NotResource, which IAM rejects.",
        help: "Remove `Resource`/`NotResource` from trust statements: the role itself is the resource.",
        security_severity: 5.0,
        doc: include_str!("../../rules/trust-resource-element.md"),
    },
    check: Check::Document(&TrustResourceElement),
    unchecked_hint: None,
};

struct TrustResourceElement;

impl DocumentRule for TrustResourceElement {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            let members = statement_members(document, statement);
            for (key, lowered) in [
                ("Resource", &statement.resource),
                ("NotResource", &statement.not_resource),
            ] {
                let span = member(members, key)
                    .map(|m| m.key_span)
                    .or_else(|| lowered.as_ref().map(|list| list.key_span));
                if let Some(span) = span {
                    cx.report(Diagnostic::new(
                        &RULE.meta,
                        span,
                        format!(
                            "{} has `{key}`, which IAM rejects in a role trust policy",
                            describe(statement, index)
                        ),
                    ));
                }
            }
        }
    }
}
