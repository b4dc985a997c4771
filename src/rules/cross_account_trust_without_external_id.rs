//! TL205 `cross-account-trust-without-external-id`: a role trusts a third-party account
//! without requiring an `sts:ExternalId`.
//!
//! A vendor that assumes roles in many customers' accounts can be tricked into using its
//! access to one customer's role on another customer's behalf (the confused deputy). The
//! external ID guards against that: it "must be unique among Example Corp's customers and
//! controlled by Example Corp, not its customers" [UG:confused-deputy]. It guards
//! **third-party** trust only, so a trust between accounts of your own is never reported:
//! the role's own account (from `get-role` output) and the `[accounts] own` list are yours.
//!
//! `sts:ExternalId` is present only when the caller passes it (AWS-SEMANTICS §5), so only a
//! positive, non-`IfExists` string operator requires it; `…IfExists` and `Not…` operators admit
//! a caller who leaves it out (TL202/TL206 report those). Service and federated principals
//! have no account of their own to confuse, and `*` is TL201's.
//!
//! When the role's account cannot be known (a bare trust file and no `[accounts] own`), the
//! rule cannot tell a third party from a sibling account, so it stays silent and counts the
//! document for a hint instead of guessing.

use super::prelude::enforcing_deny::{EXTERNAL_ID, denies_without_external_id};
use super::prelude::role_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ROLE, covers};
use crate::eval::condition::{BaseOp, Operator, SetOp};
use crate::eval::principal::{CallerScope, caller_scope};
use crate::model::arn::{AwsPrincipal, classify_aws_principal, is_deploying_account};
use crate::model::{Clause, Document, DocumentKind, PrincipalForm, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL205",
        name: "cross-account-trust-without-external-id",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A role trusts a third-party account without requiring an `sts:ExternalId`.",
        help: "Require `\"StringEquals\": {\"sts:ExternalId\": \"<id from the third party>\"}`, or add the account to `[accounts] own` in trustlint.toml if it is yours.",
        security_severity: 6.5,
        doc: include_str!("../../rules/cross-account-trust-without-external-id.md"),
    },
    check: Check::Document(&CrossAccountTrustWithoutExternalId),
    unchecked_hint: Some(hint),
};

/// The line printed after the findings when `count` documents could not be checked.
fn hint(count: usize) -> String {
    if count == 1 {
        "1 trust policy names another AWS account but its role's account is unknown: set `[accounts] own = [\"<your account IDs>\"]` in trustlint.toml to check it for TL205".to_string()
    } else {
        format!(
            "{count} trust policies name other AWS accounts but their role's account is unknown: set `[accounts] own = [\"<your account IDs>\"]` in trustlint.toml to check them for TL205"
        )
    }
}

struct CrossAccountTrustWithoutExternalId;

/// Where the role lives, as far as the input and the configuration tell.
enum Home<'a> {
    /// The role's account is known (`get-role` output); `own` may add sibling accounts.
    Account(&'a str),
    /// A bare trust: the role lives in one of the configured `own` accounts.
    Own,
    Unknown,
}

impl DocumentRule for CrossAccountTrustWithoutExternalId {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        // A module's deploying account may be any account: like no account at all here.
        let account = document.owner.as_ref().and_then(|o| o.account.as_deref());
        let home = match account.filter(|a| !is_deploying_account(a)) {
            Some(account) => Home::Account(account),
            None if !cx.settings.own_accounts.is_empty() => Home::Own,
            None => Home::Unknown,
        };
        let mut unchecked = false;
        for statement in document.statements.iter().filter(|s| s.is_allow()) {
            let Some(principal) = &statement.principal else {
                continue;
            };
            if matches!(principal.form, PrincipalForm::Star(_)) {
                continue;
            }
            if covers(statement, ASSUME_ROLE) != Tri::Yes {
                continue;
            }
            // A Deny the linter cannot see may enforce the external ID as well.
            if requires_external_id(statement)
                || denies_without_external_id(document, statement)
                || document.may_hide_deny()
            {
                continue;
            }
            // Pinned to an organization, the trust admits only its member accounts: yours,
            // so no third party can be confused (or the trust is dead, which is not this
            // rule's finding). An unknown restriction may be that too.
            if matches!(
                caller_scope(statement, document),
                CallerScope::Organization | CallerScope::Unknown
            ) {
                continue;
            }
            for value in principal.values_of("AWS") {
                let Some(text) = value.known() else {
                    continue;
                };
                let parsed = classify_aws_principal(text);
                // A deploying account (`${AWS::AccountId}`) is the role's own, or one of another
                // stack of the same team: never a third party.
                let Some(account) = parsed.account().filter(|a| !is_deploying_account(a)) else {
                    continue;
                };
                let third_party = match home {
                    Home::Account(home) => account != home && !cx.settings.is_own_account(account),
                    Home::Own => !cx.settings.is_own_account(account),
                    Home::Unknown => {
                        unchecked = true;
                        continue;
                    }
                };
                if !third_party {
                    continue;
                }
                // The span points at the value, so the message names only its account.
                let who = if matches!(parsed, AwsPrincipal::Account { .. }) {
                    format!("account `{account}`")
                } else {
                    format!("a principal of account `{account}`")
                };
                let outside = match home {
                    Home::Account(home) if cx.settings.own_accounts.is_empty() => {
                        format!("outside its own account `{home}`")
                    }
                    _ => "outside your accounts".to_string(),
                };
                let mut diagnostic = Diagnostic::new(
                    &RULE.meta,
                    value.span,
                    format!(
                        "{} trusts {who}, {outside}, without requiring an `sts:ExternalId`",
                        role_name(document)
                    ),
                )
                .with_help(format!(
                    "If `{account}` is a third party, require `\"StringEquals\": {{\"sts:ExternalId\": \"<id it gives you>\"}}`; if it is yours, add it to `[accounts] own` in trustlint.toml"
                ));
                if let Some(condition) = &statement.condition {
                    diagnostic = match weak_external_id_clause(statement) {
                        Some((clause, why)) => diagnostic.with_label(clause.operator.span, why),
                        None => diagnostic.with_label(
                            condition.key_span,
                            "no positive `sts:ExternalId` condition here",
                        ),
                    };
                }
                cx.report(diagnostic);
            }
        }
        if unchecked {
            cx.unchecked(RULE.meta.code);
        }
    }
}

/// Whether a clause requires the caller to pass a matching `sts:ExternalId`: a string
/// operator that is false when the key is absent (no `IfExists`, no `Not…`, no `ForAllValues:`).
fn is_external_id_requirement(clause: &Clause) -> bool {
    clause.key.value.eq_ignore_ascii_case(EXTERNAL_ID)
        && !clause.values.is_empty()
        && Operator::parse(&clause.operator.value).is_some_and(|op| {
            op.is_positive()
                && matches!(
                    op.base,
                    BaseOp::StringEquals | BaseOp::StringEqualsIgnoreCase | BaseOp::StringLike
                )
        })
}

/// A clause on `sts:ExternalId` that does not require it, and why, for the label.
fn weak_external_id_clause(statement: &Statement) -> Option<(&Clause, String)> {
    statement.clauses().iter().find_map(|clause| {
        if !clause.key.value.eq_ignore_ascii_case(EXTERNAL_ID) {
            return None;
        }
        let name = &clause.operator.value;
        let op = Operator::parse(name)?;
        let why = if op.base == BaseOp::Null {
            format!("`{name}` does not check which external ID is passed")
        } else if op.if_exists || op.is_negated() || op.set == SetOp::ForAllValues {
            format!("`{name}` is true for a caller who passes no external ID")
        } else {
            format!("`{name}` is not a string comparison that pins the external ID")
        };
        Some((clause, why))
    })
}

/// Whether the statement requires an external ID, or may (a condition the linter cannot read).
fn requires_external_id(statement: &Statement) -> bool {
    statement
        .clauses()
        .iter()
        .any(|c| c.unreadable || is_external_id_requirement(c))
}

#[cfg(test)]
mod tests {
    use super::hint;

    #[test]
    fn hint_grammar() {
        assert_eq!(
            hint(1),
            "1 trust policy names another AWS account but its role's account is unknown: set `[accounts] own = [\"<your account IDs>\"]` in trustlint.toml to check it for TL205"
        );
        assert!(hint(3).starts_with(
            "3 trust policies name other AWS accounts but their role's account is unknown"
        ));
    }
}
