//! What one condition clause of a trust `Allow` does to its callers, read with the bundled key
//! data ([`crate::rules::data::condition_keys`]): does it keep anyone out?
//!
//! A clause that is true when its key is absent (`…IfExists`, the `Not…` operators,
//! `ForAllValues:`; [`crate::eval::condition::evaluate`]) keeps no one out on a key the caller
//! can leave out of the request ("If the policy condition requires that the key is not
//! matched … and the right key is not present, the condition is true",
//! [UG:reference_policies_elements_condition_operators]). `Null: false` only requires the key
//! to be present, with any value the caller likes.

use crate::eval::Tri;
use crate::eval::condition::{BaseOp, KeyState, Operator, Request, SetOp, evaluate};
use crate::model::Clause;
use crate::rules::data::condition_keys::{self, Presence};

/// What a clause does to the callers of an `Allow`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Restriction {
    /// It can keep some caller out: a positive operator (false on a missing key).
    Restricts,
    /// Every caller can meet it; the text says why.
    Ineffective(String),
    /// The linter cannot tell (an unreadable clause, an operator AWS does not define, a key
    /// the data does not decide).
    Unknown,
}

/// What `clause` does to the callers of a trust `Allow`.
pub fn restriction(clause: &Clause) -> Restriction {
    if clause.unreadable {
        return Restriction::Unknown;
    }
    let Some(operator) = Operator::parse(&clause.operator.value) else {
        return Restriction::Unknown;
    };
    if operator.is_positive() {
        return Restriction::Restricts;
    }
    let Some(key) = condition_keys::lookup(&clause.key.value) else {
        return Restriction::Unknown;
    };
    let name = &clause.operator.value;
    let written = &clause.key.value;
    let absent = match key.presence {
        Presence::Optional => format!("a caller can leave `{written}` out of the request"),
        Presence::Never => format!("`{written}` is never in an assume-role request"),
        _ => return Restriction::Unknown,
    };
    if operator.base == BaseOp::Null {
        let only_false = !clause.values.is_empty()
            && clause
                .values
                .iter()
                .all(|v| v.known().is_some_and(|t| t.eq_ignore_ascii_case("false")));
        return if only_false && key.presence == Presence::Optional {
            Restriction::Ineffective(format!(
                "`{name}: false` only requires `{written}` to be present, with any value the caller chooses"
            ))
        } else {
            Restriction::Unknown
        };
    }
    let request = Request::default().with(written, KeyState::Absent);
    if evaluate(clause, &request) != Tri::Yes {
        return Restriction::Unknown;
    }
    let why = match operator.set {
        SetOp::ForAllValues if !key.multivalued => {
            format!("`{name}` on the single-valued key `{written}` is true when the key is absent")
        }
        SetOp::ForAllValues => format!("`{name}` is true when `{written}` has no values"),
        _ if operator.if_exists => format!("`{name}` is true when the key is absent"),
        _ => format!("`{name}` is true when `{written}` is absent"),
    };
    Restriction::Ineffective(format!("{absent}, and {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SVal, Spanned, Val};
    use crate::source::Span;

    fn clause(operator: &str, key: &str, values: &[&str]) -> Clause {
        let span = Span::file_start(0);
        Clause {
            operator: Spanned {
                value: operator.to_string(),
                span,
            },
            key: Spanned {
                value: key.to_string(),
                span,
            },
            values: values
                .iter()
                .map(|v| SVal {
                    value: Val::Known(v.to_string()),
                    span,
                })
                .collect(),
            unreadable: false,
        }
    }

    fn ineffective(c: &Clause) -> bool {
        matches!(restriction(c), Restriction::Ineffective(_))
    }

    #[test]
    fn clauses_true_on_a_missing_optional_key_restrict_nothing() {
        assert!(ineffective(&clause(
            "StringEqualsIfExists",
            "sts:ExternalId",
            &["x"]
        )));
        assert!(ineffective(&clause(
            "StringNotEquals",
            "sts:ExternalId",
            &["x"]
        )));
        assert!(ineffective(&clause(
            "ArnNotLike",
            "aws:SourceIdentity",
            &["x"]
        )));
        assert!(ineffective(&clause(
            "ForAllValues:StringEquals",
            "aws:PrincipalTag/team",
            &["x"]
        )));
        assert!(ineffective(&clause("Null", "sts:ExternalId", &["false"])));
        assert!(ineffective(&clause(
            "NumericLessThanIfExists",
            "sts:DurationSeconds",
            &["3600"]
        )));
    }

    #[test]
    fn positive_undecided_and_always_present_keys_are_not_ineffective() {
        let restricts = |c: &Clause| restriction(c) == Restriction::Restricts;
        assert!(restricts(&clause("StringEquals", "sts:ExternalId", &["x"])));
        assert!(restricts(&clause(
            "ForAnyValue:StringEqualsIfExists",
            "aws:TagKeys",
            &["x"]
        )));
        let unknown = |c: &Clause| restriction(c) == Restriction::Unknown;
        assert!(unknown(&clause(
            "StringEqualsIfExists",
            "aws:PrincipalArn",
            &["x"]
        )));
        assert!(unknown(&clause(
            "StringNotEquals",
            "example.com:sub",
            &["x"]
        )));
        assert!(unknown(&clause("Null", "sts:ExternalId", &["true"])));
        assert!(unknown(&clause("StringEqualz", "sts:ExternalId", &["x"])));
    }
}
