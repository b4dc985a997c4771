//! TL203 `principal-arn-pattern-too-broad`: a condition meant to pin the caller's account or
//! organization uses a wildcard where the account or organization is named.
//!
//! AWS lists `aws:PrincipalAccount`, `aws:PrincipalOrgID`, `aws:SourceAccount` and
//! `aws:SourceOrgID` (with `aws:ResourceAccount`, `aws:ResourceOrgID` and the VPC keys, which
//! a trust policy has no use for) as **sensitive condition keys**: "The use of wildcards in
//! these condition keys does not have any valid use cases, even with a substring of the key
//! value with a wildcard" [UG:reference_policies_condition-keys §condition-keys-sensitive].
//! The same holds for the account part of `aws:PrincipalArn` and for the organization part
//! of `aws:PrincipalOrgPaths`, which the list does not name: `arn:aws:iam::*:role/deploy`
//! matches a role called `deploy` in every account, and anyone can create one in an account
//! of their own (LeanerCloud/CUDly #1667); OU and root IDs are "unique only within an
//! organization" (same page, `aws:PrincipalOrgPaths`).
//!
//! A wildcard is one only for `…Like` and the ARN operators (`StringEquals` reads it
//! literally, TL118's concern). It widens the trust when the statement relies on the key to
//! narrow a wide principal: `{"AWS": "*"}` for the principal keys, a service principal for the
//! `aws:Source…` keys. An Allow reads it with a positive operator; a Deny with a negated one
//! ("deny everyone who is not …") spares every match, so a wildcard there widens the Allow the
//! Deny guards.

use super::prelude::clauses_on;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::principal::admits_any_aws_principal;
use crate::model::pattern::has_wildcard;
use crate::model::{Document, DocumentKind, Effect, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL203",
        name: "principal-arn-pattern-too-broad",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A condition meant to pin the caller's account or organization has a wildcard there.",
        help: "Name the account or organization exactly; a wildcard may stay in the path and name of an ARN.",
        security_severity: 6.0,
        doc: include_str!("../../rules/principal-arn-pattern-too-broad.md"),
    },
    check: Check::Document(&PrincipalArnPatternTooBroad),
    unchecked_hint: None,
};

struct PrincipalArnPatternTooBroad;

/// What part of a key's value names the account or organization.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The whole value (`aws:PrincipalAccount`, `aws:PrincipalOrgID`, …): AWS's sensitive keys.
    Whole,
    /// The account of an ARN (`aws:PrincipalArn`).
    ArnAccount,
    /// The organization ID that starts an organization path (`aws:PrincipalOrgPaths`).
    OrgOfPath,
}

/// The keys this rule reads, what part of them names the account or organization, and whether
/// they are about the calling service's source (`aws:Source…`) rather than the principal.
const KEYS: &[(&str, Part, bool)] = &[
    ("aws:PrincipalAccount", Part::Whole, false),
    ("aws:PrincipalOrgID", Part::Whole, false),
    ("aws:PrincipalArn", Part::ArnAccount, false),
    ("aws:PrincipalOrgPaths", Part::OrgOfPath, false),
    ("aws:SourceAccount", Part::Whole, true),
    ("aws:SourceOrgID", Part::Whole, true),
];

impl DocumentRule for PrincipalArnPatternTooBroad {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        let any_aws = document
            .statements
            .iter()
            .any(|s| s.is_allow() && admits_any_aws_principal(s));
        let any_service = document
            .statements
            .iter()
            .any(|s| s.is_allow() && names_service(s));
        for statement in &document.statements {
            let effect = statement.effect();
            for &(key, part, source) in KEYS {
                // Only where the key is what narrows a wide principal.
                let wide = match effect {
                    Some(Effect::Allow) if source => names_service(statement),
                    Some(Effect::Allow) => admits_any_aws_principal(statement),
                    Some(Effect::Deny) if source => any_service,
                    Some(Effect::Deny) => any_aws,
                    None => false,
                };
                if !wide {
                    continue;
                }
                for (clause, op) in clauses_on(statement, key) {
                    let reads = match effect {
                        Some(Effect::Deny) => op.is_negated(),
                        _ => op.is_positive(),
                    };
                    if !reads || !op.base.takes_wildcards() {
                        continue;
                    }
                    for value in &clause.values {
                        let Some(text) = value.known() else {
                            continue;
                        };
                        if text.contains("${") || !is_too_broad(part, text) {
                            continue;
                        }
                        let what = match part {
                            Part::Whole if key.ends_with("OrgID") => "organization",
                            Part::OrgOfPath => "organization",
                            _ => "account",
                        };
                        let why = match part {
                            Part::Whole => format!(
                                "AWS lists `{key}` as a sensitive key, where a wildcard, even in part of the value, has no valid use"
                            ),
                            Part::ArnAccount => "anyone can create a principal with that path and name in an account of their own".to_string(),
                            Part::OrgOfPath => "OU and root IDs are unique only within an organization".to_string(),
                        };
                        let message = match effect {
                            Some(Effect::Deny) => format!(
                                "this Deny spares callers whose `{key}` matches `{text}`, which has a wildcard in the {what}: {why}"
                            ),
                            _ => format!(
                                "`{key}` pattern `{text}` has a wildcard in the {what}, so it matches {what}s it does not name: {why}"
                            ),
                        };
                        cx.report(Diagnostic::new(&RULE.meta, value.span, message).with_label(
                            clause.operator.span,
                            format!("`{}` reads `*` and `?` as wildcards", clause.operator.value),
                        ));
                    }
                }
            }
        }
    }
}

/// Whether the statement names a service principal.
fn names_service(statement: &Statement) -> bool {
    statement.principal_values("Service").next().is_some()
}

/// Whether a wildcard stands where the value names the account or organization.
fn is_too_broad(part: Part, text: &str) -> bool {
    match part {
        Part::Whole => has_wildcard(text),
        Part::OrgOfPath => has_wildcard(text.split('/').next().unwrap_or(text)),
        Part::ArnAccount => arn_account_open(text),
    }
}

/// Whether an ARN pattern leaves the account open. With all six parts, the account part must
/// hold no wildcard. A shorter pattern matches nothing under the ARN operators, but a
/// `StringLike` wildcard spans colons (`arn:aws:iam::*`, `*`): the account is then pinned
/// only if its 12 digits come before the first wildcard.
fn arn_account_open(text: &str) -> bool {
    let parts: Vec<&str> = text.splitn(6, ':').collect();
    if parts.len() == 6 {
        return has_wildcard(parts[4]);
    }
    let Some(first) = text.find(['*', '?']) else {
        return false;
    };
    let before = &text[..first];
    let digits = before
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 12);
    !digits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_part_of_arn_patterns() {
        assert!(arn_account_open("arn:aws:iam::*:role/deploy"));
        assert!(arn_account_open("arn:aws:iam::1111*:role/deploy"));
        assert!(!arn_account_open("arn:aws:iam::111122223333:role/*"));
        assert!(!arn_account_open("arn:*:iam::111122223333:role/deploy"));
        assert!(arn_account_open("*"));
        assert!(arn_account_open("arn:aws:iam::*"));
        assert!(!arn_account_open("arn:aws:iam::111122223333*"));
    }

    #[test]
    fn org_paths_and_whole_values() {
        assert!(is_too_broad(
            Part::OrgOfPath,
            "o-*/r-ab12/ou-ab12-11111111/*"
        ));
        assert!(!is_too_broad(Part::OrgOfPath, "o-a1b2c3d4e5/r-ab12/*"));
        assert!(is_too_broad(Part::Whole, "1111*"));
        assert!(!is_too_broad(Part::Whole, "111122223333"));
    }
}
