//! Who a trust statement admits.
//!
//! `{"AWS": "*"}` admits every principal of every account unless a condition pins the caller's
//! identity. Only conditions on keys AWS sets from the caller's identity can do that
//! (AWS-SEMANTICS §5): a caller chooses its own tags, session name, ExternalId and MFA use, but
//! not its account, ARN or organization.

use super::Tri;
use super::action::{ASSUME_ACTIONS, covers};
use super::condition::{BaseOp, Operator};
use crate::model::arn::{Arn, is_account_id};
use crate::model::pattern::has_wildcard;
use crate::model::{Clause, Document, Effect, PrincipalForm, Statement, Val};

/// How far a statement's admitted callers reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CallerScope {
    /// Pinned to accounts, principal ARNs, or AWS services.
    Narrow,
    /// Every principal of one or more AWS Organizations (or OUs).
    Organization,
    /// A restriction depends on a value not known statically.
    Unknown,
    /// Every AWS principal in every account.
    Anyone,
}

/// Which identity key a clause restricts, and how widely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IdentityKey {
    /// `aws:PrincipalAccount`, `aws:PrincipalArn`, the `aws:Source…` keys and the
    /// service-only keys: callers of a named account, ARN or service only.
    Narrow,
    /// `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`.
    Organization,
}

fn identity_key(key: &str) -> Option<IdentityKey> {
    let key = key.to_ascii_lowercase();
    match key.as_str() {
        "aws:principalorgid" | "aws:principalorgpaths" => Some(IdentityKey::Organization),
        "aws:principalaccount"
        | "aws:principalarn"
        | "aws:sourceaccount"
        | "aws:sourcearn"
        | "aws:sourceowner"
        | "aws:principalservicename"
        | "aws:principalservicenameslist"
        | "aws:principalisawsservice" => Some(IdentityKey::Narrow),
        _ => None,
    }
}

/// Whether a value pins its key: for wildcard-taking operators, no wildcard may stand where
/// the account (or organization) is named, since anyone can create a matching name there.
fn value_pins(key: &str, operator: Operator, value: &Val) -> Tri {
    let Some(text) = value.known() else {
        return Tri::Unknown;
    };
    if text.contains("${") {
        return Tri::Unknown;
    }
    // `aws:PrincipalIsAWSService` is true only for AWS services calling with their own
    // service principal: `true` admits services alone, `false` every IAM principal.
    if key.eq_ignore_ascii_case("aws:principalisawsservice") {
        return Tri::from_bool(text.eq_ignore_ascii_case("true"));
    }
    if !operator.base.takes_wildcards() || !has_wildcard(text) {
        return Tri::Yes;
    }
    let key = key.to_ascii_lowercase();
    let pinned = match key.as_str() {
        "aws:principalarn" | "aws:sourcearn" => {
            Arn::parse(text).is_some_and(|arn| is_account_id(arn.account))
        }
        "aws:principalorgpaths" => text
            .split('/')
            .next()
            .is_some_and(|org| !org.is_empty() && !has_wildcard(org)),
        _ => false,
    };
    Tri::from_bool(pinned)
}

/// The scope one clause imposes, read as part of an Allow (positive operators) or of a Deny
/// (negated operators: "deny everyone who is not …").
fn clause_scope(clause: &Clause, in_deny: bool) -> Option<Result<IdentityKey, ()>> {
    let kind = identity_key(&clause.key.value)?;
    let operator = Operator::parse(&clause.operator.value)?;
    let restricts = if in_deny {
        // In a Deny, a missing key makes a `Not…` operator true (and so does IfExists), so
        // callers without the key are denied as well. `ForAllValues:` is true on a missing key
        // too, but `ForAnyValue:` is false: a caller from outside any organization carries no
        // `aws:PrincipalOrgPaths` and escapes `ForAnyValue:StringNotLike`
        // [UG:reference_policies_condition-single-vs-multi-valued-context-keys].
        operator.is_negated() && operator.set != super::condition::SetOp::ForAnyValue
    } else {
        operator.is_positive() && operator.base != BaseOp::Null
    };
    if !restricts || clause.values.is_empty() {
        return None;
    }
    match Tri::all(
        clause
            .values
            .iter()
            .map(|v| value_pins(&clause.key.value, operator, &v.value)),
    ) {
        Tri::Yes => Some(Ok(kind)),
        Tri::No => None,
        Tri::Unknown => Some(Err(())),
    }
}

fn scope_of(found: Result<IdentityKey, ()>) -> CallerScope {
    match found {
        Ok(IdentityKey::Narrow) => CallerScope::Narrow,
        Ok(IdentityKey::Organization) => CallerScope::Organization,
        Err(()) => CallerScope::Unknown,
    }
}

/// Whether a statement's principal is every AWS principal (`{"AWS": "*"}` or `"*"`).
pub fn admits_any_aws_principal(statement: &Statement) -> bool {
    statement.principal.as_ref().is_some_and(|p| match &p.form {
        PrincipalForm::Star(_) => true,
        PrincipalForm::Map(_) => p.values_of("AWS").any(|v| v.known() == Some("*")),
        PrincipalForm::Unknown(_) => false,
    })
}

/// How far an Allow statement that admits any AWS principal reaches, taking into account its
/// own conditions and Deny statements of the same document that deny everyone outside an
/// account or organization.
pub fn caller_scope(statement: &Statement, document: &Document) -> CallerScope {
    // An Allow's clauses are ANDed: each restriction narrows the admitted callers.
    let own = statement
        .clauses()
        .iter()
        .filter_map(|c| clause_scope(c, false))
        .map(scope_of)
        .fold(CallerScope::Anyone, CallerScope::min);
    // A condition the linter cannot read may narrow the callers any further: short of
    // already being narrow, how far they reach is unknown.
    let own = if own != CallerScope::Narrow && statement.clauses().iter().any(|c| c.unreadable) {
        CallerScope::Unknown
    } else {
        own
    };
    // A Deny narrows the Allow only if it may cover every assume action the Allow grants: a
    // Deny of `sts:AssumeRoleWithSAML` leaves an Allow of `sts:AssumeRole` open.
    let granted: Vec<&str> = ASSUME_ACTIONS
        .iter()
        .copied()
        .filter(|a| covers(statement, a) != Tri::No)
        .collect();
    let denies = document
        .statements
        .iter()
        .filter(|s| {
            s.effect() == Some(Effect::Deny)
                && admits_any_aws_principal(s)
                && !granted.is_empty()
                && granted.iter().all(|a| covers(s, a) != Tri::No)
        })
        .map(|deny| {
            // A Deny's clauses are ANDed too, so it spares whoever escapes any one of them: the
            // callers left are the union, the widest scope. A Deny with any other condition
            // spares some outsiders as well, so it pins nothing.
            let scopes: Option<Vec<_>> = deny
                .clauses()
                .iter()
                .map(|c| clause_scope(c, true))
                .collect();
            match scopes {
                Some(scopes) if !scopes.is_empty() => scopes
                    .into_iter()
                    .map(scope_of)
                    .fold(CallerScope::Narrow, CallerScope::max),
                _ => CallerScope::Anyone,
            }
        });
    let scope = denies.fold(own, CallerScope::min);
    // A Deny the linter cannot see may narrow the callers any further.
    if scope != CallerScope::Narrow && document.may_hide_deny() {
        CallerScope::Unknown
    } else {
        scope
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::json::Dialect;
    use crate::syntax::{Format, parse_file};

    fn scope(text: &str) -> CallerScope {
        let parsed = parse_file(
            text,
            0,
            "policy.json",
            Format::Json(Dialect::Strict),
            &Default::default(),
        );
        let document = &parsed.documents[0];
        caller_scope(&document.statements[0], document)
    }

    const ALLOW_ANY: &str =
        r#"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}"#;

    fn with_deny(deny: &str) -> String {
        format!(r#"{{"Version": "2012-10-17", "Statement": [{ALLOW_ANY}, {deny}]}}"#)
    }

    #[test]
    fn deny_outside_org_scopes_to_the_org() {
        let text = with_deny(
            r#"{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
                "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}"#,
        );
        assert_eq!(scope(&text), CallerScope::Organization);
    }

    #[test]
    fn deny_for_any_value_spares_callers_without_the_key() {
        // ForAnyValue is false on a missing key: a caller outside any organization has no
        // aws:PrincipalOrgPaths, so this Deny does not apply to it.
        let text = with_deny(
            r#"{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
                "Condition": {"ForAnyValue:StringNotLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*"}}}"#,
        );
        assert_eq!(scope(&text), CallerScope::Anyone);
    }

    #[test]
    fn deny_for_all_values_denies_callers_without_the_key() {
        let text = with_deny(
            r#"{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
                "Condition": {"ForAllValues:StringNotLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*"}}}"#,
        );
        assert_eq!(scope(&text), CallerScope::Organization);
    }

    #[test]
    fn deny_of_another_action_does_not_narrow() {
        let text = with_deny(
            r#"{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRoleWithSAML",
                "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}"#,
        );
        assert_eq!(scope(&text), CallerScope::Anyone);
    }
}
