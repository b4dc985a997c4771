//! TL202 `trust-condition-ineffective`: a trust `Allow` whose every condition is one a caller
//! meets by leaving a key out of the request.
//!
//! "If the key that you specify in a policy condition is not present in the request context,
//! the values do not match and the condition is false. If the policy condition requires that
//! the key is not matched, such as `StringNotLike` or `ArnNotLike`, and the right key is not
//! present, the condition is true"; `…IfExists` makes a missing key true as well
//! [UG:reference_policies_elements_condition_operators], and so does `ForAllValues:` ("It also
//! returns true if there are no keys in the request", Access Analyzer "ForAllValues with
//! single valued key"). Keys such as `sts:ExternalId`, `sts:SourceIdentity`, the MFA keys and
//! `aws:PrincipalTag/…` are present only when the caller passes them or has the attribute
//! (AWS-SEMANTICS §5; the bundled key data), so on them such a clause admits every caller the
//! principal names, and `Null: false` only asks for the key, with any value. A statement with
//! one clause that does restrict (a positive operator, which is false on a missing key) is not
//! reported, nor one with a clause the linter cannot read or a key it has no data for. A Deny in
//! the same trust may enforce what the Allow leaves open (`Null` on the key), so a trust with
//! a Deny of an assume action, or one the linter cannot see, is not reported either.

use super::prelude::condition_keys::{Restriction, restriction};
use super::prelude::enforcing_deny::EXTERNAL_ID;
use super::prelude::mfa::MFA_PRESENT;
use super::prelude::{describe, role_name};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers_any};
use crate::eval::condition::{BaseOp, Operator, SetOp};
use crate::model::{Clause, Document, DocumentKind, Effect};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL202",
        name: "trust-condition-ineffective",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A trust statement's conditions are all met by a caller who leaves their key out of the request.",
        help: "Use the positive operator without `IfExists` (`StringEquals`, `Bool`, …), which is false when the key is missing; drop `ForAllValues:` on single-valued keys; use `Null: false` only together with a check of the value.",
        security_severity: 5.5,
        doc: include_str!("../../rules/trust-condition-ineffective.md"),
    },
    check: Check::Document(&TrustConditionIneffective),
    unchecked_hint: None,
};

struct TrustConditionIneffective;

impl DocumentRule for TrustConditionIneffective {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust || document.may_hide_deny() {
            return;
        }
        let has_deny = document
            .statements
            .iter()
            .any(|s| s.effect() == Some(Effect::Deny) && covers_any(s, ASSUME_ACTIONS) != Tri::No);
        if has_deny {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            if !statement.is_allow() || covers_any(statement, ASSUME_ACTIONS) != Tri::Yes {
                continue;
            }
            let clauses = statement.clauses();
            let mut reasons = Vec::with_capacity(clauses.len());
            for clause in clauses {
                match restriction(clause) {
                    Restriction::Ineffective(why) => reasons.push((clause, why)),
                    Restriction::Restricts | Restriction::Unknown => {
                        reasons.clear();
                        break;
                    }
                }
            }
            if reasons.iter().all(|(clause, _)| has_own_rule(clause)) {
                continue;
            }
            let Some(((first, why), rest)) = reasons.split_first() else {
                continue;
            };
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                first.operator.span,
                format!(
                    "the conditions of {} keep no caller out of {}: {why}",
                    describe(statement, index),
                    role_name(document)
                ),
            );
            for (clause, why) in rest {
                diagnostic = diagnostic.with_label(clause.operator.span, why.clone());
            }
            cx.report(diagnostic);
        }
    }
}

/// The ineffective clauses TL206 (`sts:ExternalId` with `…IfExists` or `Not…`) and TL207
/// (`BoolIfExists` on `aws:MultiFactorAuthPresent`) report.
fn has_own_rule(clause: &Clause) -> bool {
    let Some(operator) = Operator::parse(&clause.operator.value) else {
        return false;
    };
    if operator.set != SetOp::Single {
        return false;
    }
    let key = clause.key.value.as_str();
    (key.eq_ignore_ascii_case(EXTERNAL_ID) && (operator.if_exists || operator.is_negated()))
        || (key.eq_ignore_ascii_case(MFA_PRESENT)
            && operator.base == BaseOp::Bool
            && operator.if_exists)
}
