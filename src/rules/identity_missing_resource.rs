//! TL122 `identity-missing-resource`: an identity policy or permissions boundary statement has
//! neither `Resource` nor `NotResource`.
//!
//! An identity policy statement must say what it applies to: IAM answers `Policy statement must
//! contain resources` (trussworks/terraform-aws-s3-anti-virus #28; AWS-SEMANTICS §4) and Access
//! Analyzer reports "Missing resource" [AA-checks].
//!
//! The element is missing, so there is no value to point at. The finding points at the
//! statement's opening `{` (one character: it names the statement without underlining all of
//! it, and stays readable in minified files), with a label on its `Action` key, which is what
//! lacks a resource. Presence is read from the source tree, so a `Resource` of the wrong JSON
//! type is TL004's, not reported here too.
//!
//! A bare file with no `Principal` is read as an identity policy (`syntax::policy::infer_kind`);
//! when its statements grant only role-trust actions, it is more likely a trust policy that
//! lost its `Principal`, and the help says so.

use super::prelude::{describe, member, opening, statement_members};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::action::TRUST_ACTIONS;
use crate::model::{Document, DocumentKind, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL122",
        name: "identity-missing-resource",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "An identity policy statement has neither Resource nor NotResource.",
        help: "Add a `Resource` naming what the statement applies to (`\"*\"` for actions that take no resource).",
        security_severity: 5.0,
        doc: include_str!("../../rules/identity-missing-resource.md"),
    },
    check: Check::Document(&IdentityMissingResource),
    unchecked_hint: None,
};

struct IdentityMissingResource;

impl DocumentRule for IdentityMissingResource {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if !matches!(
            document.kind,
            DocumentKind::Identity | DocumentKind::Boundary
        ) {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            let members = statement_members(document, statement);
            if member(members, "Resource").is_some()
                || member(members, "NotResource").is_some()
                || statement.resource.is_some()
                || statement.not_resource.is_some()
            {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                opening(statement.span),
                format!(
                    "{} has neither `Resource` nor `NotResource`; IAM rejects an identity policy statement without one",
                    describe(statement, index)
                ),
            );
            if let Some(action) = member(members, "Action").or_else(|| member(members, "NotAction"))
            {
                diagnostic =
                    diagnostic.with_label(action.key_span, "these actions apply to no resource");
            }
            if document.owner.is_none() && grants_only_trust_actions(statement) {
                diagnostic = diagnostic.with_help(
                    "If this is a role trust policy, it is missing its `Principal` instead (a trust policy has no `Resource`); otherwise add a `Resource`.",
                );
            }
            cx.report(diagnostic);
        }
    }
}

/// Whether every action the statement names is one a role trust statement grants
/// (`sts:AssumeRole`, `sts:TagSession`, …), written out exactly.
fn grants_only_trust_actions(statement: &Statement) -> bool {
    let Some(list) = &statement.action else {
        return false;
    };
    !list.values.is_empty()
        && list.values.iter().all(|v| {
            v.known()
                .is_some_and(|a| TRUST_ACTIONS.iter().any(|t| t.eq_ignore_ascii_case(a)))
        })
}
