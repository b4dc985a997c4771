//! TL212 `cognito-trust-unrestricted`: a role trusts Amazon Cognito identity pools without
//! pinning `cognito-identity.amazonaws.com:aud` to its identity pool; an info when it admits
//! unauthenticated (guest) identities.
//!
//! Every identity pool, in every account, gets its tokens from the same issuer,
//! `cognito-identity.amazonaws.com`; the token's `aud` is the identity pool ID. AWS: trust
//! policies of Cognito roles "must contain the cognito-identity.amazonaws.com:aud condition key
//! to restrict role assumption to users from your intended identity pools. A policy that
//! trusts Amazon Cognito identity pools without this condition creates a risk that a user from
//! an unintended identity pool can assume the role" ([STS-API] AssumeRoleWithWebIdentity,
//! `RoleArn`); the Cognito Developer Guide ("Role trust and permissions", "Security best
//! practices for Amazon Cognito identity pools") asks for `aud` and `amr` in every such role.
//!
//! `aud` is in every token, so `…IfExists` still compares it; a pattern of `*` alone pins
//! nothing. The multivalued `amr` holds `unauthenticated` alone for a guest
//! [UG:reference_policies_iam-condition-keys §condition-keys-wif]; when the `amr` conditions
//! hold for such a token (evaluated by `eval::condition`), the role is open to anyone who uses
//! the app without signing in: an info.

use super::prelude::federation::{grants, pins, provider_claim_clauses, restricted_elsewhere};
use super::prelude::role_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::ASSUME_ROLE_WITH_WEB_IDENTITY;
use crate::eval::condition::{KeyState, Request, evaluate};
use crate::model::Document;
use crate::model::arn::FederatedPrincipal;
use crate::model::pattern::wildcard_match;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::rules::data::federated_providers;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL212",
        name: "cognito-trust-unrestricted",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A role trusts Amazon Cognito identity pools without pinning the identity pool ID (`aud`).",
        help: "Add `\"StringEquals\": {\"cognito-identity.amazonaws.com:aud\": \"<region>:<identity-pool-id>\"}` and `\"ForAnyValue:StringLike\": {\"cognito-identity.amazonaws.com:amr\": \"authenticated\"}` (or `unauthenticated` for a guest role).",
        security_severity: 8.5,
        doc: include_str!("../../rules/cognito-trust-unrestricted.md"),
    },
    check: Check::Document(&CognitoTrustUnrestricted),
    unchecked_hint: None,
};

const GUEST: &str = "unauthenticated";

struct CognitoTrustUnrestricted;

impl DocumentRule for CognitoTrustUnrestricted {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for grant in grants(document, ASSUME_ROLE_WITH_WEB_IDENTITY) {
            let FederatedPrincipal::Domain(domain) = grant.provider else {
                continue;
            };
            if !federated_providers::is("cognito", domain) {
                continue;
            }
            let statement = grant.statement;
            let role = role_name(document);
            let aud = format!("{domain}:aud");
            let pinned = provider_claim_clauses(statement, "cognito", "aud")
                .into_iter()
                .any(pins);
            if !pinned
                && !restricted_elsewhere(document, statement, ASSUME_ROLE_WITH_WEB_IDENTITY, &aud)
            {
                cx.report(Diagnostic::new(
                    &RULE.meta,
                    grant.value.span,
                    format!("{role} trusts Amazon Cognito identity pools without pinning `cognito-identity.amazonaws.com:aud`: users of any identity pool, in any account, can assume it"),
                ));
            }
            // The guest companion: every `amr` condition holds for a guest's token.
            let amr = provider_claim_clauses(statement, "cognito", "amr");
            let Some(first) = amr.first() else {
                continue;
            };
            let request = Request::default()
                .with(&first.key.value, KeyState::Present(vec![GUEST.to_string()]));
            if Tri::all(amr.iter().map(|c| evaluate(c, &request))) != Tri::Yes {
                continue;
            }
            let at = amr
                .iter()
                .flat_map(|c| &c.values)
                .find(|v| v.known().is_some_and(|t| wildcard_match(t, GUEST, false)))
                .map_or(first.key.span, |v| v.span);
            cx.report(
                Diagnostic::new(
                    &RULE.meta,
                    at,
                    format!("{role} admits unauthenticated (guest) identities of its identity pool: anyone using the app without signing in can assume it"),
                )
                .with_severity(Severity::Info)
                .with_help("Give guests only what the app needs without a sign-in; use `authenticated` in the `amr` condition for roles of signed-in users."),
            );
        }
    }
}
