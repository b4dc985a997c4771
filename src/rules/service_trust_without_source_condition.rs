//! TL214 `service-trust-without-source-condition`: a role trusts a service that is documented to
//! send `aws:SourceArn` / `aws:SourceAccount`, without restricting the trust by them.
//!
//! A service principal acts for every customer of the service. Without a condition naming the
//! resource or account it acts for, the service can be made to use the role for a resource of
//! another account: the cross-service confused deputy [UG:confused-deputy]. Access Analyzer
//! recommends *"aws:SourceArn, aws:SourceAccount, aws:SourceOrgID, or aws:SourceOrgPaths"* for
//! service principals ("Recommended condition key for service principal", [AA-checks]).
//!
//! Not every service sends those keys when it assumes a role, and a condition on a key that is
//! never sent locks the service out (prowler-cloud/prowler #2810, #4714, #7021: EC2, Lambda,
//! CloudTrail → CloudWatch Logs, Elastic Transcoder). So the rule fires only for the services
//! of `data/source_condition_services.txt`, whose own pages show the condition on a role trust.
//! Service-linked roles (`/aws-service-role/`) are skipped: their trust cannot be edited
//! (prowler #2248).
//!
//! A statement is restricted by a clause on one of the four keys with a positive operator
//! (`StringEquals`, `ArnLike`, …, not `…IfExists` or `Not…`), by a clause the linter cannot
//! read, or by any Deny statement that conditions on one of the keys.

use super::data::source_condition_services::documented;
use super::prelude::trust_actions::statements_of_trust;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ROLE, covers};
use crate::eval::condition::Operator;
use crate::model::{Clause, Document, Effect, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL214",
        name: "service-trust-without-source-condition",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A trust to a service that sends aws:SourceArn/aws:SourceAccount does not restrict by them.",
        help: "Add `\"StringEquals\": {\"aws:SourceAccount\": \"<your account>\"}` (and `ArnLike` on `aws:SourceArn` for the resources the service acts for) to the statement trusting the service.",
        security_severity: 3.0,
        doc: include_str!("../../rules/service-trust-without-source-condition.md"),
    },
    check: Check::Document(&ServiceTrustWithoutSourceCondition),
    unchecked_hint: None,
};

struct ServiceTrustWithoutSourceCondition;

const SOURCE_KEYS: &[&str] = &[
    "aws:SourceArn",
    "aws:SourceAccount",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
];

fn is_source_key(key: &str) -> bool {
    SOURCE_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key))
}

/// Whether a clause of an Allow restricts the caller to listed sources (an unreadable clause or
/// operator may, so it counts).
fn restricts(clause: &Clause) -> bool {
    clause.unreadable
        || (is_source_key(&clause.key.value)
            && Operator::parse(&clause.operator.value).is_none_or(Operator::is_positive))
}

/// A Deny that conditions on a source key: a guard written the other way round.
fn is_source_deny(statement: &Statement) -> bool {
    statement.effect() == Some(Effect::Deny)
        && statement
            .clauses()
            .iter()
            .any(|c| c.unreadable || is_source_key(&c.key.value))
}

/// A service-linked role, whose trust the service owns.
fn is_service_linked(document: &Document) -> bool {
    document
        .owner
        .as_ref()
        .and_then(|o| o.arn.as_deref())
        .is_some_and(|arn| arn.contains(":role/aws-service-role/"))
}

impl DocumentRule for ServiceTrustWithoutSourceCondition {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        let statements = statements_of_trust(document);
        if is_service_linked(document)
            || document.may_hide_deny()
            || statements.iter().any(is_source_deny)
        {
            return;
        }
        for statement in statements.iter().filter(|s| s.is_allow()) {
            if covers(statement, ASSUME_ROLE) == Tri::No
                || statement.clauses().iter().any(restricts)
            {
                continue;
            }
            for value in statement.principal_values("Service") {
                let Some(entry) = value.known().and_then(documented) else {
                    continue;
                };
                cx.report(Diagnostic::new(
                    &RULE.meta,
                    value.span,
                    format!(
                        "`{}` is trusted without a condition on `aws:SourceAccount` or `aws:SourceArn`, which AWS shows on this service's role trust ({}): without one, the service can be made to use this role for another account's resources",
                        entry.service, entry.page
                    ),
                ));
            }
        }
    }
}
