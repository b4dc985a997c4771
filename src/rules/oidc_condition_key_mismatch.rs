//! TL211 `oidc-condition-key-mismatch`: a web-identity trust tests a claim key that is never
//! in its requests: a key of another provider, or a claim AWS does not expose for the
//! provider.
//!
//! A token's claims reach the request as keys prefixed with its own provider's host/path
//! [UG:reference_policies_iam-condition-keys §condition-keys-wif]; a request from provider A
//! carries no `B:sub`. A key that is never present makes a positive condition false, so the
//! statement can never match (a dead trust), and makes `…IfExists`, `Not…` and `Null: true`
//! true, so the condition restricts nothing (AWS-SEMANTICS §5; decided by
//! `eval::condition::evaluate` with the key absent). A typical cause: a trust copied between
//! EKS clusters, or a GitHub Enterprise issuer (`…/<slug>`) tested with the public issuer's
//! keys.
//!
//! A claim counts as absent only for a provider whose list of keys AWS documents as complete
//! (`closed` in `data/federated_providers.toml`: Amazon Cognito's `aud`, `sub`, `amr`). AWS STS
//! exposes further claims of GitHub, Google, CircleCI and OCI since January 2026, and that list
//! is not yet checked against an AWS page, so no claim of those providers (nor of a custom
//! one) is called absent. Statements that also name principals the linter cannot read, or
//! non-federated ones, are left alone.

use super::data::federated_providers;
use super::prelude::federation::{is_provider_prefix, split_claim_key};
use super::prelude::{and_list, role_name};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{ASSUME_ROLE_WITH_WEB_IDENTITY, covers};
use crate::eval::condition::{KeyState, Request, evaluate};
use crate::model::arn::classify_federated_principal;
use crate::model::{Clause, Document, DocumentKind, PrincipalForm, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL211",
        name: "oidc-condition-key-mismatch",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A web-identity trust tests a claim key that is never in its requests.",
        help: "Prefix each claim key with the host/path of the statement's `Federated` provider (`<host/path>:sub`), and use only the claims AWS exposes for it.",
        security_severity: 5.0,
        doc: include_str!("../../rules/oidc-condition-key-mismatch.md"),
    },
    check: Check::Document(&OidcConditionKeyMismatch),
    unchecked_hint: None,
};

struct OidcConditionKeyMismatch;

/// The claim-key prefixes of a statement's providers, when every principal it names is a
/// known OIDC or built-in provider.
fn provider_prefixes(statement: &Statement) -> Option<Vec<&str>> {
    let principal = statement.principal.as_ref()?;
    let PrincipalForm::Map(entries) = &principal.form else {
        return None;
    };
    let mut prefixes = Vec::new();
    for entry in entries {
        if entry.key.value != "Federated" {
            return None;
        }
        for value in &entry.values {
            prefixes.push(classify_federated_principal(value.known()?).claim_prefix()?);
        }
    }
    (!prefixes.is_empty()).then_some(prefixes)
}

/// Whether a key's prefix names the same provider as a statement's: equal (case-insensitive,
/// a trailing `/` aside), or both of one provider whose keys take any of its prefixes.
fn same_provider(key_prefix: &str, provider: &str) -> bool {
    let trim = |p: &str| p.trim_end_matches('/').to_ascii_lowercase();
    trim(key_prefix) == trim(provider)
        || federated_providers::provider(provider).is_some_and(|p| {
            p.any_prefix && federated_providers::provider(key_prefix).is_some_and(|k| k.id == p.id)
        })
}

/// Why a clause on a key that is never present matters: it makes the statement dead, or it
/// restricts nothing. `None` when that cannot be decided.
fn consequence(clause: &Clause) -> Option<&'static str> {
    let request = Request::default().with(&clause.key.value, KeyState::Absent);
    match evaluate(clause, &request) {
        Tri::No => Some("the statement can never match"),
        Tri::Yes => Some("the condition restricts nothing"),
        Tri::Unknown => None,
    }
}

impl DocumentRule for OidcConditionKeyMismatch {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        for statement in &document.statements {
            if !statement.is_allow() || covers(statement, ASSUME_ROLE_WITH_WEB_IDENTITY) != Tri::Yes
            {
                continue;
            }
            let Some(prefixes) = provider_prefixes(statement) else {
                continue;
            };
            for clause in statement.clauses().iter().filter(|c| !c.unreadable) {
                let Some((prefix, claim)) = split_claim_key(&clause.key.value) else {
                    continue;
                };
                if !is_provider_prefix(prefix) {
                    continue;
                }
                let role = role_name(document);
                let why = match prefixes.iter().find(|p| same_provider(prefix, p)) {
                    None => format!(
                        "`{}` names the provider `{prefix}`, but the statement trusts {}: no request to {role} carries it",
                        clause.key.value,
                        and_list(&prefixes)
                    ),
                    Some(provider) => match federated_providers::provider(provider) {
                        Some(known) if known.closed && !known.documents(claim) => format!(
                            "AWS exposes no `{claim}` claim of {} (only {}): no request to {role} carries `{}`",
                            known.name,
                            known
                                .claims
                                .iter()
                                .map(|c| format!("`{c}`"))
                                .collect::<Vec<_>>()
                                .join(", "),
                            clause.key.value
                        ),
                        _ => continue,
                    },
                };
                let Some(consequence) = consequence(clause) else {
                    continue;
                };
                cx.report(
                    Diagnostic::new(
                        &RULE.meta,
                        clause.key.span,
                        format!("{why}, so {consequence}"),
                    )
                    .with_label(
                        clause.operator.span,
                        format!("`{}` on a key that is never present", clause.operator.value),
                    ),
                );
            }
        }
    }
}
