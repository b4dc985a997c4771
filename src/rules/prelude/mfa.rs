//! How trust statements treat `aws:MultiFactorAuthPresent` (TL207): which clause requires
//! MFA, and which Deny refuses callers without it.

use super::clauses_on;
use super::enforcing_deny::deny_enforces;
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers};
use crate::eval::condition::{BaseOp, Operator, SetOp};
use crate::model::{Clause, Document, Statement};

/// The global key AWS sets from how the caller authenticated (AWS-SEMANTICS §5).
pub const MFA_PRESENT: &str = "aws:MultiFactorAuthPresent";

/// The statement's single-valued `Bool` clause on `aws:MultiFactorAuthPresent`, with or
/// without `IfExists` as asked, that lists `value` (`"true"` / `"false"`, any case).
pub fn mfa_clause<'a>(
    statement: &'a Statement,
    if_exists: bool,
    value: &str,
) -> Option<&'a Clause> {
    clauses_on(statement, MFA_PRESENT)
        .find(|(clause, op)| {
            op.base == BaseOp::Bool
                && op.set == SetOp::Single
                && op.if_exists == if_exists
                && clause
                    .values
                    .iter()
                    .any(|v| v.known().is_some_and(|t| t.eq_ignore_ascii_case(value)))
        })
        .map(|(clause, _)| clause)
}

/// Whether an Allow admits only callers that used MFA: `Bool` (no `IfExists`) `"true"` on
/// the key, which is false for long-term keys (the key is absent) and for sessions without
/// MFA. A condition the linter cannot read may require it too.
pub fn requires_mfa(statement: &Statement) -> bool {
    statement.clauses().iter().any(|c| c.unreadable)
        || clauses_on(statement, MFA_PRESENT).any(|(clause, op)| {
            op.base == BaseOp::Bool
                && op.set == SetOp::Single
                && !op.if_exists
                && !clause.values.is_empty()
                && clause
                    .values
                    .iter()
                    .all(|v| v.known().is_some_and(|t| t.eq_ignore_ascii_case("true")))
        })
}

/// Whether a Deny of the same document refuses every caller without MFA that `allow` admits:
/// its only condition is `BoolIfExists {"aws:MultiFactorAuthPresent": "false"}` (true for
/// sessions without MFA and for long-term keys alike), it covers the assume actions the Allow
/// grants, and it names everyone (`{"AWS": "*"}`) or every AWS principal the Allow names.
pub fn denies_without_mfa(document: &Document, allow: &Statement) -> bool {
    let granted: Vec<&str> = ASSUME_ACTIONS
        .iter()
        .copied()
        .filter(|a| covers(allow, a) != Tri::No)
        .collect();
    deny_enforces(document, allow, &granted, |clause| {
        clause.key.value.eq_ignore_ascii_case(MFA_PRESENT)
            && Operator::parse(&clause.operator.value).is_some_and(|op| {
                op.base == BaseOp::Bool && op.set == SetOp::Single && op.if_exists
            })
            && !clause.values.is_empty()
            && clause
                .values
                .iter()
                .all(|v| v.known().is_some_and(|t| t.eq_ignore_ascii_case("false")))
    })
}
