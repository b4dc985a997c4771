//! TL117 `condition-type-mismatch`: a typed condition operator on a key of another type
//! (`DateGreaterThan` on `aws:SourceAccount`, `NumericLessThan` on `aws:CurrentTime`).
//!
//! Each key "works with" the operators of its type ([UG:reference_policies_condition-keys],
//! [UG:reference_policies_iam-condition-keys]); Access Analyzer reports another type as
//! "Type mismatch: Use the operator type … instead of operator … for the condition key …". A
//! Date, Numeric, Bool, IP-address or binary operator reads the request's value as that type,
//! so on a key of another type the clause rarely means what it says. Only keys in the bundled
//! data ([`crate::rules::data::condition_keys`]) are checked.
//!
//! Two near misses stay silent, because AWS's own managed policies use them (IAM accepts them
//! and they work on the values' text): a string operator on any key (`StringEquals` on
//! `aws:ViaAWSService`, `StringNotLike` on `aws:PrincipalArn`, which "works with ARN operators
//! and string operators"), and an ARN operator on a string key whose values are ARNs
//! (`ArnLike` on `aws:RequestTag/AmazonECSCreated`).

use super::data::condition_keys::{self, ConditionKey, KeyType};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::condition::Operator;
use crate::model::{Clause, Document};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL117",
        name: "condition-type-mismatch",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A typed condition operator (Date, Numeric, Bool, IpAddress, …) is used on a key of another type.",
        help: "Use an operator of the key's type: String operators for string keys, `ArnEquals`/`ArnLike` for ARN keys, `Date…` for dates, `Numeric…` for numbers, `Bool` for booleans, `IpAddress` for IP addresses.",
        security_severity: 2.0,
        doc: include_str!("../../rules/condition-type-mismatch.md"),
    },
    check: Check::Document(&ConditionTypeMismatch),
    unchecked_hint: None,
};

struct ConditionTypeMismatch;

impl DocumentRule for ConditionTypeMismatch {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for statement in &document.statements {
            for clause in statement.clauses().iter().filter(|c| !c.unreadable) {
                if let Some(diagnostic) = check_clause(clause) {
                    cx.report(diagnostic);
                }
            }
        }
    }
}

fn check_clause(clause: &Clause) -> Option<Diagnostic> {
    let operator = Operator::parse(&clause.operator.value)?;
    let compares = KeyType::of_operator(operator.base)?;
    let key = condition_keys::lookup(&clause.key.value)?;
    let name = &clause.operator.value;
    let written = &clause.key.value;
    let tolerated = compares == KeyType::String
        || (compares == KeyType::Arn && key.types.contains(&KeyType::String));
    if !tolerated && !key.types.contains(&compares) {
        return Some(
            Diagnostic::new(
                &RULE.meta,
                clause.operator.span,
                format!(
                    "`{name}` is {} operator, but `{written}` is {} key: AWS documents it with {} operators",
                    article(compares),
                    article(key.primary_type()),
                    works_with(key)
                ),
            )
            .with_label(clause.key.span, "the key")
            .with_help(format!(
                "Use {} operator for `{written}`.",
                article(key.primary_type())
            )),
        );
    }
    None
}

/// "a String", "an ARN", "an IPAddress".
fn article(t: KeyType) -> String {
    let name = t.name();
    if matches!(t, KeyType::Arn | KeyType::IpAddress) {
        format!("an {name}")
    } else {
        format!("a {name}")
    }
}

/// "String", "Date or Numeric".
fn works_with(key: &ConditionKey) -> String {
    key.types
        .iter()
        .map(|t| t.name())
        .collect::<Vec<_>>()
        .join(" or ")
}
