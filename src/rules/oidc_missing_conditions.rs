//! TL210 `oidc-missing-conditions`: a role trusts an OpenID Connect provider other than
//! GitHub Actions (Amazon EKS, GitLab, a custom one) without a condition on its `sub` claim.
//!
//! An OIDC provider issues tokens to every identity it knows: each pod's service account of an
//! EKS cluster, each GitLab project's pipelines, each user of a custom IdP. The trust policy
//! decides which of them get the role, through the provider's claims as condition keys
//! (`<host/path>:sub`, `<host/path>:aud`) [UG:reference_policies_iam-condition-keys
//! §condition-keys-wif]. Access Analyzer reports a trust without them ("Missing condition key
//! for oidc principal: Add condition keys with a prefix that matches your federated OIDC
//! principals"), and Checkmarx/kics #6702 asks the same for GitLab and other CI providers.
//!
//! No condition on the provider's claims at all is an error; a condition on the audience
//! alone is a warning: the audience names the client the token is for, the same for every
//! identity of that client (`sts.amazonaws.com` for every EKS service account). `sub` and
//! `aud` are in every token (required OpenID Connect claims), so `…IfExists` still compares
//! them; a subject pattern of `*` alone pins nothing. A condition on any other key (another
//! claim, or what the IdP sets in the token: the source identity, session tags
//! [UG:id_credentials_temp_control-access_monitor]), one the linter cannot read, or a Deny on
//! the subject may pin the caller, and keeps the rule silent.
//! GitHub Actions is TL208's, Amazon Cognito TL212's.

use super::data::federated_providers;
use super::prelude::federation::{
    grants, is_key, matches_everything, non_requiring_clause, pins, requiring_clauses,
    restricted_elsewhere,
};
use super::prelude::role_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::action::ASSUME_ROLE_WITH_WEB_IDENTITY;
use crate::model::Document;
use crate::model::arn::FederatedPrincipal;
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL210",
        name: "oidc-missing-conditions",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A role trusts an OpenID Connect provider without a condition on its `sub` claim.",
        help: "Pin the subject: `\"StringEquals\": {\"<provider>:sub\": \"<subject>\"}` (for EKS, `system:serviceaccount:<namespace>:<service-account>`), together with `<provider>:aud`.",
        security_severity: 8.0,
        doc: include_str!("../../rules/oidc-missing-conditions.md"),
    },
    check: Check::Document(&OidcMissingConditions),
    unchecked_hint: None,
};

struct OidcMissingConditions;

impl DocumentRule for OidcMissingConditions {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for grant in grants(document, ASSUME_ROLE_WITH_WEB_IDENTITY) {
            let FederatedPrincipal::Oidc { provider, .. } = grant.provider else {
                continue;
            };
            if federated_providers::is("github", provider) {
                continue;
            }
            let (Some(sub), Some(aud)) = (grant.claim_key("sub"), grant.claim_key("aud")) else {
                continue;
            };
            let statement = grant.statement;
            let sub_clauses = requiring_clauses(statement, &sub);
            if sub_clauses.iter().copied().any(pins)
                || restricted_elsewhere(document, statement, ASSUME_ROLE_WITH_WEB_IDENTITY, &sub)
            {
                continue;
            }
            // A condition on any other key may pin the caller: another claim of the provider
            // (or, on one AWS does not expose, make the trust dead: TL211's), or what the IdP
            // sets in the token, such as the source identity or session tags (AWS's own
            // example pins `sts:SourceIdentity` beside the audience).
            let other_claim = statement
                .clauses()
                .iter()
                .any(|c| !is_key(c, &sub) && !is_key(c, &aud) && pins(c));
            if other_claim {
                continue;
            }
            let audience = statement
                .clauses()
                .iter()
                .find(|c| is_key(c, &aud) && pins(c));
            let named = federated_providers::provider(provider)
                .map_or(String::new(), |p| format!(" ({})", p.name));
            let role = role_name(document);
            let mut diagnostic = match audience {
                None => Diagnostic::new(
                    &RULE.meta,
                    grant.value.span,
                    format!("{role} trusts the OIDC provider `{provider}`{named} with no condition on its claims: any identity it issues a token to can assume it"),
                ),
                Some(aud_clause) => Diagnostic::new(
                    &RULE.meta,
                    grant.value.span,
                    format!("{role} trusts the OIDC provider `{provider}`{named} checking only the audience: any identity with a token for that audience can assume it"),
                )
                .with_severity(Severity::Warning)
                .with_label(aud_clause.key.span, "the audience is the same for every identity of this client"),
            };
            diagnostic = diagnostic.with_help(format!(
                "Pin the subject: `\"StringEquals\": {{\"{sub}\": \"<subject>\"}}`{}.",
                if federated_providers::is("eks", provider) {
                    " with `system:serviceaccount:<namespace>:<service-account>`"
                } else {
                    ""
                }
            ));
            if let Some(star) = sub_clauses.iter().find_map(|c| {
                c.values
                    .iter()
                    .find(|v| matches_everything(&c.operator.value, v))
            }) {
                diagnostic = diagnostic.with_label(star.span, "`*` matches every subject");
            } else if let Some(weak) = non_requiring_clause(statement, &sub) {
                diagnostic = diagnostic.with_label(
                    weak.operator.span,
                    format!(
                        "`{}` does not require the subject to be one of the listed values",
                        weak.operator.value
                    ),
                );
            }
            cx.report(diagnostic);
        }
    }
}
