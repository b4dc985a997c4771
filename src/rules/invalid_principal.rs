//! TL112 `invalid-principal`: a principal key or value in a role trust policy is not a form
//! AWS accepts.
//!
//! The principal keys are `AWS`, `CanonicalUser`, `Federated` and `Service` (Access Analyzer
//! "Invalid principal key" [AA-checks]). An `AWS` value is `*`, a 12-digit account, or an
//! IAM/STS principal ARN (root, user, role, assumed-role, federated-user); a user group is never
//! a principal [UG:reference_policies_elements_principal]. A `Federated` value is an
//! identity-provider domain or a `saml-provider/` / `oidc-provider/` ARN ("Invalid federated
//! principal syntax in role trust policy"); a `Service` value is a lower-case
//! `service.amazonaws.com`-style name ("Invalid service principal format").
//!
//! Values this rule leaves to others, or cannot judge: wildcards (TL111), unique IDs such as
//! `AROA…` (TL113), unknown values, and text holding `${` (a substitution the front end could
//! not resolve). Only trust policies are checked: resource policies of other services accept
//! forms of their own (CloudFront origin access identities, for one).

use super::prelude::describe;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::arn::{
    AwsPrincipal, FederatedPrincipal, classify_aws_principal, classify_federated_principal,
    is_service_principal,
};
use crate::model::pattern::has_wildcard;
use crate::model::{Document, DocumentKind, PrincipalForm};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL112",
        name: "invalid-principal",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A principal key or value is not a form AWS accepts.",
        help: "Use a 12-digit account ID, an IAM/STS principal ARN, a service principal or an identity-provider ARN.",
        security_severity: 5.0,
        doc: include_str!("../../rules/invalid-principal.md"),
    },
    check: Check::Document(&InvalidPrincipal),
    unchecked_hint: None,
};

struct InvalidPrincipal;

const KEYS: &[&str] = &["AWS", "CanonicalUser", "Federated", "Service"];

impl DocumentRule for InvalidPrincipal {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            // `NotPrincipal` is itself an error in a trust policy (TL107); its values are not
            // judged a second time.
            let Some(principal) = &statement.principal else {
                continue;
            };
            let PrincipalForm::Map(entries) = &principal.form else {
                continue;
            };
            for entry in entries {
                let key = entry.key.value.as_str();
                if !KEYS.contains(&key) {
                    cx.report(unknown_key(
                        key,
                        entry.key.span,
                        &describe(statement, index),
                    ));
                    continue;
                }
                for value in &entry.values {
                    let Some(text) = value.known() else {
                        continue;
                    };
                    if (text != "*" && has_wildcard(text)) || text.contains("${") {
                        continue;
                    }
                    let problem = match key {
                        "AWS" => match classify_aws_principal(text) {
                            AwsPrincipal::Invalid(reason) => Some(reason.to_string()),
                            _ => None,
                        },
                        "Federated" => match classify_federated_principal(text) {
                            FederatedPrincipal::Invalid(reason) => Some(reason.to_string()),
                            _ => None,
                        },
                        "Service" if text != "*" => service_problem(text),
                        _ => None,
                    };
                    if let Some(reason) = problem {
                        let noun = match key {
                            "AWS" => "AWS principal",
                            "Federated" => "federated principal",
                            _ => "service principal",
                        };
                        let help = match key {
                            "Federated" => FEDERATED_HELP,
                            "Service" => SERVICE_HELP,
                            _ if text.contains(":group/") => GROUP_HELP,
                            _ => AWS_HELP,
                        };
                        cx.report(
                            Diagnostic::new(
                                &RULE.meta,
                                value.span,
                                format!("`{text}` is not a valid {noun}: {reason}"),
                            )
                            .with_help(help),
                        );
                    }
                }
            }
        }
    }
}

/// A key outside the four [AA-checks "Invalid principal key"]; one that differs from a valid
/// key only in case gets the spelling to use.
fn unknown_key(key: &str, span: Span, statement: &str) -> Diagnostic {
    let message = match KEYS.iter().find(|k| k.eq_ignore_ascii_case(key)) {
        Some(valid) => format!("`{key}` is not a principal key in {statement}; write `{valid}`"),
        None => format!(
            "`{key}` is not a principal key in {statement}; the keys are `AWS`, `Service`, `Federated` and `CanonicalUser`"
        ),
    };
    Diagnostic::new(&RULE.meta, span, message).with_help(
        "Use `AWS` for accounts, users and roles, `Service` for AWS services and `Federated` for identity providers.",
    )
}

const AWS_HELP: &str = "Use a 12-digit account ID or the exact ARN of an IAM user or role, such as `arn:aws:iam::111122223333:role/deploy`.";
const GROUP_HELP: &str = "To let a group's members assume the role, trust the account and grant the group `sts:AssumeRole` on this role in an identity policy.";
const FEDERATED_HELP: &str = "Use the ARN of an IAM identity provider (`arn:aws:iam::111122223333:saml-provider/…` or `…:oidc-provider/…`) or a built-in provider such as `cognito-identity.amazonaws.com`.";
const SERVICE_HELP: &str = "Write the service principal exactly as the service documents it, such as `lambda.amazonaws.com`.";

/// Why a `Service` value is not a service principal, if it is not one.
fn service_problem(text: &str) -> Option<String> {
    if is_service_principal(text) {
        return None;
    }
    let reason = if text.trim() != text {
        "it has leading or trailing whitespace"
    } else if is_service_principal(&text.to_ascii_lowercase()) {
        "service principals are lower-case and case-sensitive"
    } else {
        "expected a service name such as `lambda.amazonaws.com`"
    };
    Some(reason.to_string())
}
