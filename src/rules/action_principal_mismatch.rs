//! TL115 `action-principal-mismatch`: a trust statement grants a principal only actions that
//! principal cannot call.
//!
//! Each kind of principal starts a role session with its own STS call: a SAML provider with
//! `sts:AssumeRoleWithSAML`, an OIDC provider, Amazon Cognito or another built-in web identity
//! provider with `sts:AssumeRoleWithWebIdentity`, and AWS principals (accounts, users, roles)
//! and services with `sts:AssumeRole` (AWS-SEMANTICS §2, §4). Access Analyzer's error
//! "Mismatched action for principal" says *"Use a SAML provider principal with the
//! sts:AssumeRoleWithSAML action or use an OIDC provider principal with the
//! sts:AssumeRoleWithWebIdentity action"* [AA-checks]; its own example is a Cognito trust
//! written with `sts:AssumeRole`. So a statement reports:
//!
//! * a SAML provider when it is granted a session call other than `sts:AssumeRoleWithSAML`
//!   and not that one;
//! * an OIDC provider or a built-in provider domain likewise for
//!   `sts:AssumeRoleWithWebIdentity`;
//! * an `AWS` or `Service` principal when the only session calls it is granted are
//!   federation calls.
//!
//! A statement that grants only session attributes (`sts:TagSession`,
//! `sts:SetSourceIdentity`) is not judged: AWS's own examples grant `sts:SetSourceIdentity` to
//! a SAML provider in a statement of its own, with its own condition
//! [UG:id_credentials_temp_control-access_monitor].
//!
//! Only `Allow` statements whose actions are all known and exact are judged: a wildcard or
//! `NotAction` covers every call (TL215), and an unknown value may be the missing one.

use super::prelude::and_list;
use super::prelude::describe;
use super::prelude::trust_actions::statements_of_trust;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::action::{ASSUME_ACTIONS, ASSUME_ROLE_WITH_SAML, ASSUME_ROLE_WITH_WEB_IDENTITY};
use crate::model::arn::{FederatedPrincipal, classify_federated_principal};
use crate::model::pattern::has_wildcard;
use crate::model::{Document, SVal, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL115",
        name: "action-principal-mismatch",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust statement grants a principal only actions that principal cannot call.",
        help: "SAML providers need `sts:AssumeRoleWithSAML`, OIDC and web identity providers `sts:AssumeRoleWithWebIdentity`, AWS principals and services `sts:AssumeRole`.",
        security_severity: 2.0,
        doc: include_str!("../../rules/action-principal-mismatch.md"),
    },
    check: Check::Document(&ActionPrincipalMismatch),
    unchecked_hint: None,
};

struct ActionPrincipalMismatch;

/// The statement's actions when every one is known and exact; `None` otherwise.
fn exact_actions(statement: &Statement) -> Option<Vec<&str>> {
    statement
        .action
        .as_ref()?
        .values
        .iter()
        .map(|v| v.known().filter(|a| !has_wildcard(a) && !a.contains("${")))
        .collect()
}

fn grants(actions: &[&str], action: &str) -> bool {
    actions.iter().any(|a| a.eq_ignore_ascii_case(action))
}

impl DocumentRule for ActionPrincipalMismatch {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (index, statement) in statements_of_trust(document).iter().enumerate() {
            if !statement.is_allow() {
                continue;
            }
            let Some(actions) = exact_actions(statement) else {
                continue;
            };
            if actions.is_empty() {
                continue;
            }
            let name = describe(statement, index);
            // The calls that start a session; a statement granting only session attributes
            // (`sts:TagSession`, `sts:SetSourceIdentity`) to a provider is a common way to
            // condition them separately, as AWS's own examples do.
            let starts: Vec<&str> = actions
                .iter()
                .copied()
                .filter(|a| ASSUME_ACTIONS.iter().any(|s| a.eq_ignore_ascii_case(s)))
                .collect();
            if starts.is_empty() {
                continue;
            }
            for value in statement.principal_values("Federated") {
                let Some(text) = value.known() else {
                    continue;
                };
                let (kind, needed) = match classify_federated_principal(text) {
                    FederatedPrincipal::Saml { .. } => ("the SAML provider", ASSUME_ROLE_WITH_SAML),
                    FederatedPrincipal::Oidc { .. } => {
                        ("the OIDC provider", ASSUME_ROLE_WITH_WEB_IDENTITY)
                    }
                    FederatedPrincipal::Domain(_) => {
                        ("the web identity provider", ASSUME_ROLE_WITH_WEB_IDENTITY)
                    }
                    FederatedPrincipal::Invalid(_) => continue,
                };
                if !grants(&starts, needed) {
                    cx.report(Diagnostic::new(
                        &RULE.meta,
                        value.span,
                        format!(
                            "{kind} `{text}` starts a session with `{needed}`, but {name} grants it {}: the provider cannot assume the role through this statement",
                            and_list(&starts)
                        ),
                    ));
                }
            }
            let only_federation = actions.iter().all(|a| {
                a.eq_ignore_ascii_case(ASSUME_ROLE_WITH_SAML)
                    || a.eq_ignore_ascii_case(ASSUME_ROLE_WITH_WEB_IDENTITY)
            });
            if !only_federation {
                continue;
            }
            for (key, noun) in [
                ("AWS", "an AWS principal"),
                ("Service", "a service principal"),
            ] {
                for value in statement.principal_values(key) {
                    report_non_federated(value, noun, &actions, &name, cx);
                }
            }
        }
    }
}

/// An AWS or service principal granted only federation actions.
fn report_non_federated(
    value: &SVal,
    noun: &str,
    actions: &[&str],
    statement: &str,
    cx: &mut RuleContext<'_>,
) {
    let Some(text) = value.known() else {
        return;
    };
    cx.report(Diagnostic::new(
        &RULE.meta,
        value.span,
        format!(
            "`{text}` is {noun}, which starts a session with `sts:AssumeRole`, but {statement} grants it only {}, the call of identity-provider users",
            and_list(actions)
        ),
    ));
}
