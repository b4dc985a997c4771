//! TL207 `mfa-condition-not-enforced`: an MFA condition that lets callers with long-term
//! access keys through.
//!
//! `aws:MultiFactorAuthPresent` is "not present in … requests that are made using long-term
//! credentials" [UG:reference_policies_condition-keys §aws:MultiFactorAuthPresent]. A
//! condition on an absent key is false, unless the operator carries `IfExists`, which makes it
//! true [UG:reference_policies_elements_condition_operators]. So, for an IAM user calling
//! `sts:AssumeRole` with its access keys:
//!
//! * `Allow` + `BoolIfExists {"aws:MultiFactorAuthPresent": "true"}` is **true**: the caller
//!   is admitted without MFA. AWS warns of exactly this on the key's page.
//! * `Deny` + `Bool {"aws:MultiFactorAuthPresent": "false"}` is **false**: the caller is not
//!   denied. AWS's recommended Deny is `BoolIfExists` `"false"`.
//!
//! `Allow` + `Bool "true"` and `Deny` + `BoolIfExists "false"` are the correct forms (KICS's
//! `has_mfa` check gets this backwards). A finding is withheld where the document already
//! enforces MFA another way: a correct Deny next to the loose Allow, or correct Allows next to
//! the weak Deny; and where a Deny the linter cannot read might do so.

use super::prelude::mfa::{denies_without_mfa, mfa_clause, requires_mfa};
use super::prelude::role_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ACTIONS, covers_any};
use crate::model::{Document, DocumentKind, Effect, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL207",
        name: "mfa-condition-not-enforced",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "An MFA condition lets callers with long-term access keys through without MFA.",
        help: "Require MFA with `\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}` in the Allow, or deny with `\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}`.",
        security_severity: 5.5,
        doc: include_str!("../../rules/mfa-condition-not-enforced.md"),
    },
    check: Check::Document(&MfaConditionNotEnforced),
    unchecked_hint: None,
};

struct MfaConditionNotEnforced;

impl DocumentRule for MfaConditionNotEnforced {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        // Only IAM users sign with long-term access keys: a trust that admits no AWS
        // principal (a service, an identity provider) has no such caller.
        let admits_aws = document
            .statements
            .iter()
            .any(|s| s.is_allow() && names_aws_principal(s));
        for statement in &document.statements {
            if covers_any(statement, ASSUME_ACTIONS) == Tri::No || !admits_aws {
                continue;
            }
            match statement.effect() {
                Some(Effect::Allow) if names_aws_principal(statement) => {
                    // A Deny (seen or not) may refuse callers without MFA already.
                    if document.may_hide_deny() || denies_without_mfa(document, statement) {
                        continue;
                    }
                    let Some(clause) = mfa_clause(statement, true, "true") else {
                        continue;
                    };
                    cx.report(
                        Diagnostic::new(
                            &RULE.meta,
                            clause.operator.span,
                            format!(
                                "`{}` lets callers who sign with long-term access keys assume {} without MFA: `aws:MultiFactorAuthPresent` is absent from their requests, so the condition is true",
                                clause.operator.value,
                                role_name(document)
                            ),
                        )
                        .with_help("Use `Bool` (without `IfExists`): `\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}` is false when the key is absent."),
                    );
                }
                Some(Effect::Deny) => {
                    let Some(clause) = mfa_clause(statement, false, "false") else {
                        continue;
                    };
                    // Every Allow requires MFA itself: the weak Deny leaves no one through.
                    let allows_require_mfa = document
                        .statements
                        .iter()
                        .filter(|s| s.is_allow() && covers_any(s, ASSUME_ACTIONS) != Tri::No)
                        .all(requires_mfa);
                    if allows_require_mfa && !document.unreadable_statements {
                        continue;
                    }
                    cx.report(
                        Diagnostic::new(
                            &RULE.meta,
                            clause.operator.span,
                            format!(
                                "`{}` with `false` does not stop callers who sign with long-term access keys from assuming {}: `aws:MultiFactorAuthPresent` is absent from their requests, so the condition is false",
                                clause.operator.value,
                                role_name(document)
                            ),
                        )
                        .with_help("Use `BoolIfExists`: `\"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}` is true when the key is absent, so the Deny applies."),
                    );
                }
                _ => {}
            }
        }
    }
}

/// Whether the statement names an AWS principal (`{"AWS": …}` or the bare `"*"`).
fn names_aws_principal(statement: &Statement) -> bool {
    statement
        .principal
        .as_ref()
        .is_some_and(|p| p.entries().any(|(key, _)| key == "AWS"))
}
