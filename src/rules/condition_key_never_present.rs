//! TL217 `condition-key-never-present`: a trust statement requires a condition key that no
//! assume-role request carries, so the statement never applies.
//!
//! A positive operator (no `IfExists`) is false when its key is absent: "If the key that you
//! specify in a policy condition is not present in the request context, the values do not
//! match and the condition is false" [UG:reference_policies_elements_condition_operators].
//! Two kinds of key are absent from every request a statement can meet:
//!
//! * keys AWS documents as never present on `sts:AssumeRole*`: `sts:DurationSeconds` "is not
//!   present for AWS STS assume-role operations" (it is for bearer tokens), and
//!   `sts:AWSServiceName`, "present in requests that get a bearer token"
//!   [UG:reference_policies_iam-condition-keys §STS];
//! * `aws:SourceArn` / `aws:SourceAccount`, "included in the request context only if accessing
//!   a resource triggers an AWS service to call another service on behalf of the resource
//!   owner" [UG:reference_policies_condition-keys], in a statement whose principals are all
//!   AWS accounts, users, roles or identity providers: none of those is a service.
//!
//! An `Allow` written so never admits anyone (the trust is dead for it); a `Deny` never
//! denies. Identity-provider claim keys are TL211's; a key the bundled data does not decide,
//! a principal the linter cannot read, or `*` (which a service may also be) leave it silent.

use super::data::condition_keys::{self, Presence};
use super::prelude::{describe, role_name};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers_any};
use crate::eval::condition::{KeyState, Request, evaluate};
use crate::model::{Clause, Document, DocumentKind, Effect, PrincipalForm, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL217",
        name: "condition-key-never-present",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A trust statement requires a condition key that no assume-role request carries, so it never applies.",
        help: "Remove the condition, or use a key that assume-role requests carry: `aws:SourceArn`/`aws:SourceAccount` only for service principals; to limit session length, set the role's `MaxSessionDuration` instead of `sts:DurationSeconds`.",
        security_severity: 4.0,
        doc: include_str!("../../rules/condition-key-never-present.md"),
    },
    check: Check::Document(&ConditionKeyNeverPresent),
    unchecked_hint: None,
};

struct ConditionKeyNeverPresent;

impl DocumentRule for ConditionKeyNeverPresent {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            let Some(effect) = statement.effect() else {
                continue;
            };
            if covers_any(statement, ASSUME_ACTIONS) != Tri::Yes {
                continue;
            }
            let no_service = names_no_service(statement);
            let dead: Vec<(&Clause, String)> = statement
                .clauses()
                .iter()
                .filter_map(|clause| never_met(clause, no_service).map(|why| (clause, why)))
                .collect();
            let Some(((first, why), rest)) = dead.split_first() else {
                continue;
            };
            let outcome = match effect {
                Effect::Allow => format!("never lets anyone assume {}", role_name(document)),
                Effect::Deny => "never denies anything".to_string(),
            };
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                first.key.span,
                format!("{} {outcome}: {why}", describe(statement, index)),
            )
            .with_label(first.operator.span, "false when its key is absent");
            for (clause, why) in rest {
                diagnostic = diagnostic.with_label(clause.key.span, why.clone());
            }
            cx.report(diagnostic);
        }
    }
}

/// Why a clause can never hold on an assume-role request, if it cannot.
fn never_met(clause: &Clause, no_service: bool) -> Option<String> {
    if clause.unreadable {
        return None;
    }
    let key = condition_keys::lookup(&clause.key.value)?;
    let written = &clause.key.value;
    let absent = match key.presence {
        Presence::Never => format!("`{written}` is never in an assume-role request"),
        Presence::ServiceOnly if no_service => format!(
            "`{written}` is present only when an AWS service calls on behalf of a resource, and the statement names no service principal"
        ),
        _ => return None,
    };
    let request = Request::default().with(written, KeyState::Absent);
    (evaluate(clause, &request) == Tri::No).then(|| {
        format!(
            "{absent}, so `{}` on it is always false",
            clause.operator.value
        )
    })
}

/// Whether every principal of the statement is known and none is a service: only `AWS` and
/// `Federated` values, none of them `*`.
fn names_no_service(statement: &Statement) -> bool {
    if statement.not_principal.is_some() {
        return false;
    }
    let Some(principal) = &statement.principal else {
        return false;
    };
    let PrincipalForm::Map(entries) = &principal.form else {
        return false;
    };
    !entries.is_empty()
        && entries.iter().all(|entry| {
            matches!(entry.key.value.as_str(), "AWS" | "Federated")
                && entry
                    .values
                    .iter()
                    .all(|v| v.identity().is_some_and(|text| text != "*"))
        })
}
