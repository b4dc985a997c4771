//! TL213 `saml-trust-missing-aud`: a role trusts a SAML provider without a `SAML:aud`
//! condition.
//!
//! AWS: "When you create the trust policy for your role, you must use three values that
//! ensure that the role can be assumed only by your application": the action
//! `sts:AssumeRoleWithSAML`, the SAML provider as `Federated` principal, and "a `StringEquals`
//! condition to test that the `saml:aud` attribute from the SAML response matches the SAML
//! federation endpoint for AWS" [UG:id_roles_create_for-idp_saml]. `SAML:aud` is the response's
//! `Recipient` [UG:reference_policies_iam-condition-keys §condition-keys-saml]: the endpoint
//! the response was sent to.
//!
//! AWS accepts the global endpoint `https://signin.aws.amazon.com/saml` and regional ones
//! (`https://<region-code>.signin.aws.amazon.com/saml`, [UG:create-role-saml-IdP-tasks]); the
//! list of Regions changes, so the rule checks only that the condition is there, not its
//! value. The console's programmatic-only SAML roles pin SAML attributes instead ("You must
//! specify at least one attribute"), so a condition on another `saml:` key keeps the rule
//! silent, as does a condition it cannot read.

use super::prelude::federation::{grants, is_key, matches_everything, pins, restricted_elsewhere};
use super::prelude::role_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::action::ASSUME_ROLE_WITH_SAML;
use crate::model::Document;
use crate::model::arn::FederatedPrincipal;
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL213",
        name: "saml-trust-missing-aud",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A role trusts a SAML provider without a `SAML:aud` condition.",
        help: "Add `\"StringEquals\": {\"SAML:aud\": \"https://signin.aws.amazon.com/saml\"}` (or your Region's `https://<region-code>.signin.aws.amazon.com/saml`).",
        security_severity: 5.0,
        doc: include_str!("../../rules/saml-trust-missing-aud.md"),
    },
    check: Check::Document(&SamlTrustMissingAud),
    unchecked_hint: None,
};

const AUD: &str = "SAML:aud";

struct SamlTrustMissingAud;

impl DocumentRule for SamlTrustMissingAud {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for grant in grants(document, ASSUME_ROLE_WITH_SAML) {
            let FederatedPrincipal::Saml { name, .. } = grant.provider else {
                continue;
            };
            let statement = grant.statement;
            let pinned = statement.clauses().iter().any(|c| {
                let key = &c.key.value;
                pins(c)
                    && key
                        .get(..5)
                        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("saml:"))
            });
            if pinned || restricted_elsewhere(document, statement, ASSUME_ROLE_WITH_SAML, AUD) {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                grant.value.span,
                format!(
                    "{} trusts the SAML provider `{name}` without a `SAML:aud` condition: it does not check that the SAML response was addressed to the AWS sign-in endpoint",
                    role_name(document)
                ),
            );
            if let Some(weak) = statement
                .clauses()
                .iter()
                .find(|c| is_key(c, AUD) && !pins(c))
            {
                diagnostic = match weak
                    .values
                    .iter()
                    .find(|v| matches_everything(&weak.operator.value, v))
                {
                    Some(star) => diagnostic.with_label(star.span, "`*` matches every recipient"),
                    None => diagnostic.with_label(
                        weak.operator.span,
                        format!(
                            "`{}` does not require the response's recipient to be the listed endpoints",
                            weak.operator.value
                        ),
                    ),
                };
            }
            cx.report(diagnostic);
        }
    }
}
