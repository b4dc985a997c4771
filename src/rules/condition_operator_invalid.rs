//! TL116 `condition-operator-invalid`: a condition operator AWS does not define, a `Bool`
//! value that is not a boolean, or a key repeated with different capitalization in one
//! operator block.
//!
//! IAM refuses a policy whose operator it does not know, and operator names are
//! case-sensitive: `stringEquals` is answered `MalformedPolicyDocument: Invalid Condition type
//! : stringEquals` (ministryofjustice/modernisation-platform-environments PR #8893). `Null`
//! tests whether a key is present, so it takes neither `IfExists` ("You can add IfExists to the
//! end of any condition operator name except the Null condition",
//! [UG:reference_policies_elements_condition_operators]) nor a set prefix. Access Analyzer
//! reports these as errors: "Invalid condition operator", "Null with if exists". `Bool`
//! compares with `true` or `false`; another value can never match. Condition key names are
//! case-insensitive [UG:reference_policies_elements_condition], so `aws:SourceAccount` and
//! `aws:sourceaccount` in one block are the same key written twice: Access Analyzer error
//! "Duplicate keys with different case". The same key written identically twice is TL003's.

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::condition::{BaseOp, InvalidOperator, Operator};
use crate::model::{Clause, Document};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL116",
        name: "condition-operator-invalid",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A condition uses an operator AWS does not define, a non-boolean `Bool` value, or repeats a key in another case.",
        help: "Use an operator from the IAM condition-operator list, spelled exactly (`StringEquals`, `ArnLike`, `BoolIfExists`, …); `Null` takes no `IfExists` and no set prefix.",
        security_severity: 5.0,
        doc: include_str!("../../rules/condition-operator-invalid.md"),
    },
    check: Check::Document(&ConditionOperatorInvalid),
    unchecked_hint: None,
};

struct ConditionOperatorInvalid;

impl DocumentRule for ConditionOperatorInvalid {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for statement in &document.statements {
            let clauses: Vec<&Clause> = statement
                .clauses()
                .iter()
                .filter(|c| !c.unreadable)
                .collect();
            // One operator member lowers to one clause per key; they share the operator span.
            let mut blocks: Vec<Vec<&Clause>> = Vec::new();
            for clause in clauses {
                match blocks
                    .iter_mut()
                    .find(|b| b[0].operator.span == clause.operator.span)
                {
                    Some(block) => block.push(clause),
                    None => blocks.push(vec![clause]),
                }
            }
            for block in &blocks {
                check_block(block, cx);
            }
        }
    }
}

/// The clauses of one operator member: the operator, its values, its keys.
fn check_block(block: &[&Clause], cx: &mut RuleContext<'_>) {
    let operator = &block[0].operator;
    match Operator::diagnose(&operator.value) {
        Err(why) => cx.report(invalid_operator(&operator.value, operator.span, why)),
        Ok(op) if op.base == BaseOp::Bool => {
            for clause in block {
                for value in &clause.values {
                    let Some(text) = value.known() else {
                        continue;
                    };
                    // Letter case is not decided here: AWS documents `true`/`false` and does
                    // not say whether it reads `True`, so only non-booleans are reported.
                    if text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false") {
                        continue;
                    }
                    cx.report(
                        Diagnostic::new(
                            &RULE.meta,
                            value.span,
                            format!(
                                "`{}` compares `{}` with `true` or `false`, not `{text}`: this value never matches",
                                operator.value, clause.key.value
                            ),
                        )
                        .with_help("Write `true` or `false`; to test whether the key is present at all, use `Null`."),
                    );
                }
            }
        }
        Ok(_) => {}
    }
    for (i, clause) in block.iter().enumerate() {
        let key = &clause.key;
        let Some(first) = block[..i]
            .iter()
            .find(|c| c.key.value != key.value && c.key.value.eq_ignore_ascii_case(&key.value))
        else {
            continue;
        };
        // Reported once, at the second spelling (a third is reported against the first).
        if block[..i]
            .iter()
            .any(|c| c.key.value == key.value && c.key.span != key.span)
        {
            continue;
        }
        cx.report(
            Diagnostic::new(
                &RULE.meta,
                key.span,
                format!(
                    "condition key `{}` repeats `{}` in the same `{}` block with different capitalization: key names are case-insensitive, so this is one key written twice",
                    key.value, first.key.value, operator.value
                ),
            )
            .with_label(first.key.span, "first written here")
            .with_help("Merge the two into one key with every value in one list (values of one key are ORed), spelled one way."),
        );
    }
}

fn invalid_operator(name: &str, span: Span, why: InvalidOperator) -> Diagnostic {
    let (message, help) = match why {
        InvalidOperator::WrongCase(right) => (
            format!(
                "condition operator `{name}` must be written `{right}`: operator names are case-sensitive, and IAM rejects `{name}`"
            ),
            format!("Write `{right}`."),
        ),
        InvalidOperator::NullIfExists => (
            format!(
                "`{name}` is not a condition operator: `Null` tests whether the key is present, so it cannot take `IfExists`"
            ),
            "Use `Null` (`\"true\"`: the key is absent; `\"false\"`: it is present).".to_string(),
        ),
        InvalidOperator::NullWithSetPrefix => (
            format!(
                "`{name}` is not a condition operator: `Null` tests whether the key is present and compares no values, so it takes no set prefix"
            ),
            "Use `Null` without `ForAllValues:`/`ForAnyValue:`.".to_string(),
        ),
        InvalidOperator::Unknown => (
            format!("`{name}` is not a condition operator AWS defines: IAM rejects the policy"),
            RULE.meta.help.to_string(),
        ),
    };
    Diagnostic::new(&RULE.meta, span, message).with_help(help)
}
