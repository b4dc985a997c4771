//! A Deny of the same trust that enforces what an Allow's own condition leaves open.
//!
//! Statements are ORed, but an explicit Deny wins over any Allow
//! [UG:reference_policies_evaluation-logic]: `Deny` + `BoolIfExists {"aws:MultiFactorAuthPresent":
//! "false"}` refuses every caller without MFA, whatever the Allow says; a `Null
//! {"sts:ExternalId": "true"}` Deny refuses every caller without an external ID. Rules about a
//! weak Allow condition (TL205, TL207) stay silent when such a Deny covers the Allow.

use crate::eval::Tri;
use crate::eval::action::{ASSUME_ROLE, covers};
use crate::eval::condition::{BaseOp, Operator, SetOp};
use crate::eval::principal::admits_any_aws_principal;
use crate::model::{Clause, Document, Effect, Statement};

/// The key a third party's external ID arrives in [UG:confused-deputy].
pub const EXTERNAL_ID: &str = "sts:ExternalId";

/// Whether a Deny of `document` refuses `actions` to every caller `allow` admits whenever
/// `enforces` holds for each of its clauses: the Deny covers every one of `actions`, names
/// everyone (`{"AWS": "*"}`) or every AWS principal the Allow names, and has conditions, all of
/// them readable ones `enforces` accepts.
pub fn deny_enforces(
    document: &Document,
    allow: &Statement,
    actions: &[&str],
    enforces: impl Fn(&Clause) -> bool,
) -> bool {
    let allowed: Vec<&str> = allow
        .principal_values("AWS")
        .filter_map(|v| v.known())
        .collect();
    document.statements.iter().any(|deny| {
        deny.effect() == Some(Effect::Deny)
            && actions.iter().all(|a| covers(deny, a) == Tri::Yes)
            && (admits_any_aws_principal(deny)
                || (!allowed.is_empty() && {
                    let denied: Vec<&str> = deny
                        .principal_values("AWS")
                        .filter_map(|v| v.known())
                        .collect();
                    allowed.iter().all(|a| denied.contains(a))
                }))
            && !deny.clauses().is_empty()
            && deny
                .clauses()
                .iter()
                .all(|clause| !clause.unreadable && enforces(clause))
    })
}

/// Whether a Deny of the same document refuses `sts:AssumeRole` to every caller who does not
/// pass an external ID: `Null {"sts:ExternalId": "true"}`, or a `Not…` string operator on it
/// (true when the key is absent). Such a Deny enforces the ID as surely as the Allow's own
/// condition would.
pub fn denies_without_external_id(document: &Document, allow: &Statement) -> bool {
    deny_enforces(document, allow, &[ASSUME_ROLE], |clause| {
        clause.key.value.eq_ignore_ascii_case(EXTERNAL_ID)
            && Operator::parse(&clause.operator.value).is_some_and(|op| match op.base {
                BaseOp::Null => clause.values.iter().all(|v| v.known() == Some("true")),
                BaseOp::StringNotEquals
                | BaseOp::StringNotEqualsIgnoreCase
                | BaseOp::StringNotLike => op.set != SetOp::ForAnyValue,
                _ => false,
            })
    })
}
