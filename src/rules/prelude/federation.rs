//! What the federation rules (TL208–TL213) share: which trust statements grant a session to
//! an identity provider, the provider behind a `Federated` value, and whether a statement
//! requires a claim condition key.
//!
//! A provider's claims reach the trust policy as condition keys prefixed with its host/path:
//! `token.actions.githubusercontent.com:sub` for the OIDC provider
//! `arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com`,
//! `cognito-identity.amazonaws.com:aud` for the built-in Cognito provider
//! [UG:reference_policies_iam-condition-keys §condition-keys-wif]. Condition keys are
//! case-insensitive [UG:reference_policies_elements_condition].

use crate::eval::Tri;
use crate::eval::action::{ASSUME_ROLE_WITH_WEB_IDENTITY, covers};
use crate::eval::condition::{BaseOp, Operator};
use crate::model::arn::{FederatedPrincipal, classify_federated_principal};
use crate::model::{Clause, Document, DocumentKind, Effect, SVal, Statement};
use crate::rules::data::federated_providers;

/// One known `Federated` value of an Allow statement that grants a federation action.
pub struct Grant<'a> {
    pub statement: &'a Statement,
    pub value: &'a SVal,
    pub provider: FederatedPrincipal<'a>,
}

impl Grant<'_> {
    /// The prefix of the provider's claim keys: an OIDC provider's host/path, or a built-in
    /// provider's domain. `None` for SAML providers, whose keys are `saml:…`.
    pub fn claim_prefix(&self) -> Option<&str> {
        self.provider.claim_prefix()
    }

    /// `<prefix>:<claim>`, the condition key of one of the provider's claims.
    pub fn claim_key(&self, claim: &str) -> Option<String> {
        self.claim_prefix()
            .map(|prefix| format!("{prefix}:{claim}"))
    }
}

/// The known `Federated` values of a trust policy's Allow statements that surely grant
/// `action`. Unknown values are left out: a rule stays silent on them.
pub fn grants<'a>(document: &'a Document, action: &'a str) -> Vec<Grant<'a>> {
    if document.kind != DocumentKind::Trust {
        return Vec::new();
    }
    document
        .statements
        .iter()
        .filter(|s| s.is_allow() && covers(s, action) == Tri::Yes)
        .flat_map(|statement| {
            statement
                .principal_values("Federated")
                .filter_map(move |value| {
                    let provider = classify_federated_principal(value.known()?);
                    (!matches!(provider, FederatedPrincipal::Invalid(_))).then_some(Grant {
                        statement,
                        value,
                        provider,
                    })
                })
        })
        .collect()
}

/// Whether a clause's key is `key`. Keys are case-insensitive; a provider registered with a
/// trailing `/` (`auth.example.com/`) is matched with or without it, since the linter cannot
/// tell which form AWS expects there.
pub fn is_key(clause: &Clause, key: &str) -> bool {
    let trim = |k: &str| k.replacen("/:", ":", 1);
    clause.key.value.eq_ignore_ascii_case(key)
        || trim(&clause.key.value).eq_ignore_ascii_case(&trim(key))
}

/// The claims every OpenID Connect ID token carries: `sub` and `aud` are "REQUIRED" (OpenID
/// Connect Core 1.0 §2, https://openid.net/specs/openid-connect-core-1_0.html#IDToken). On a
/// key that is always present, `…IfExists` and `ForAllValues:` compare its one value as the
/// plain operator does, so they restrict as much.
const REQUIRED_CLAIMS: &[&str] = &["sub", "aud"];

/// Whether a clause restricts its key to the listed values: an operator that is false when the
/// key is absent and true only for the listed values ([`Operator::is_positive`]) — or, on a
/// claim every token carries, any operator that is neither `Not…` nor `Null` — with values.
fn requires(clause: &Clause) -> bool {
    let always_present = clause.key.value.rsplit_once(':').is_some_and(|(_, claim)| {
        REQUIRED_CLAIMS
            .iter()
            .any(|c| c.eq_ignore_ascii_case(claim))
    });
    !clause.values.is_empty()
        && Operator::parse(&clause.operator.value).is_some_and(|op| {
            op.is_positive() || (always_present && !op.is_negated() && op.base != BaseOp::Null)
        })
}

/// The clauses of a statement that require `key` (see [`requires`]).
pub fn requiring_clauses<'a>(statement: &'a Statement, key: &str) -> Vec<&'a Clause> {
    statement
        .clauses()
        .iter()
        .filter(|c| is_key(c, key) && requires(c))
        .collect()
}

/// A clause on `key` that does not require it (`Not…`, `Null`, `…IfExists` on an optional
/// claim), to point at in a finding.
pub fn non_requiring_clause<'a>(statement: &'a Statement, key: &str) -> Option<&'a Clause> {
    statement
        .clauses()
        .iter()
        .find(|c| is_key(c, key) && !requires(c))
}

/// Whether a policy value under `operator` matches every value of the key: a `Like` (or ARN)
/// pattern made of `*` alone.
pub fn matches_everything(operator: &str, value: &SVal) -> bool {
    Operator::parse(operator).is_some_and(|op| op.base.takes_wildcards())
        && value
            .known()
            .is_some_and(|text| !text.is_empty() && text.bytes().all(|b| b == b'*'))
}

/// Whether something the linter cannot judge may restrict `key` for `action` beyond the
/// statement's readable clauses: a condition it cannot read, a Deny it cannot see, or a Deny
/// of the action with a condition on the key (a `Not…` operator there requires the key as
/// surely as the Allow would).
pub fn restricted_elsewhere(
    document: &Document,
    statement: &Statement,
    action: &str,
    key: &str,
) -> bool {
    statement.clauses().iter().any(|c| c.unreadable)
        || document.may_hide_deny()
        || document.statements.iter().any(|deny| {
            deny.effect() == Some(Effect::Deny)
                && covers(deny, action) != Tri::No
                && deny
                    .clauses()
                    .iter()
                    .any(|c| c.unreadable || is_key(c, key))
        })
}

/// A grant of `sts:AssumeRoleWithWebIdentity` to GitHub Actions' OIDC provider
/// (`token.actions.githubusercontent.com`, or `…/<slug>` for an enterprise's own issuer) whose
/// subject the statement alone decides, with its `sub` key and the clauses requiring it.
pub struct GithubSubject<'a> {
    pub grant: Grant<'a>,
    /// `<provider>:sub`.
    pub key: String,
    /// The clauses that require the subject ([`requiring_clauses`]); none when it is free.
    pub clauses: Vec<&'a Clause>,
}

/// The GitHub grants of a trust whose subject TL208 and TL209 can judge: not when something
/// the linter cannot read, or a Deny, may restrict the subject ([`restricted_elsewhere`]), nor
/// when the statement pins the repository through another claim ([`pins_github_repository`]).
pub fn github_subjects(document: &Document) -> Vec<GithubSubject<'_>> {
    grants(document, ASSUME_ROLE_WITH_WEB_IDENTITY)
        .into_iter()
        .filter(|g| {
            matches!(g.provider, FederatedPrincipal::Oidc { provider, .. }
                if federated_providers::is("github", provider))
        })
        .filter_map(|grant| {
            let key = grant.claim_key("sub")?;
            if restricted_elsewhere(
                document,
                grant.statement,
                ASSUME_ROLE_WITH_WEB_IDENTITY,
                &key,
            ) || pins_github_repository(&grant)
            {
                return None;
            }
            let clauses = requiring_clauses(grant.statement, &key);
            Some(GithubSubject {
                grant,
                key,
                clauses,
            })
        })
        .collect()
}

/// GitHub claims that name the workflow's repository or its owner. AWS announced in January
/// 2026 that STS accepts provider-specific GitHub claims as condition keys ("AWS STS supports
/// validation of identity provider claims",
/// https://aws.amazon.com/about-aws/whats-new/2026/01/aws-sts-supports-validation-identity-provider-claims/);
/// that announcement was read only through posts quoting it (cageyv.dev, dev.classmethod.jp,
/// the aws-actions/configure-aws-credentials README), whose key lists differ, and no IAM User
/// Guide page was found (AWS-SEMANTICS §5). So this list is wider than any of them: a
/// condition on one of these claims is a restriction that may hold, and the rules stay silent.
const GITHUB_REPOSITORY_CLAIMS: &[&str] = &[
    "repository",
    "repository_id",
    "repository_owner",
    "repository_owner_id",
    "enterprise",
    "enterprise_id",
];

/// Whether the statement requires a GitHub claim naming the repository or its owner, by a
/// value that does not match everything.
fn pins_github_repository(grant: &Grant<'_>) -> bool {
    GITHUB_REPOSITORY_CLAIMS.iter().any(|claim| {
        grant.claim_key(claim).is_some_and(|key| {
            requiring_clauses(grant.statement, &key).iter().any(|c| {
                !c.values
                    .iter()
                    .any(|v| matches_everything(&c.operator.value, v))
            })
        })
    })
}

/// A condition key's provider prefix and claim: `("cognito-identity.amazonaws.com", "aud")`.
/// A provider's host/path holds no `:`, so the prefix ends at the first one.
pub fn split_claim_key(key: &str) -> Option<(&str, &str)> {
    key.split_once(':')
}

/// Whether a key prefix is an identity provider's host/path: a domain, unlike the service
/// prefixes (`aws`, `sts`, `saml`).
pub fn is_provider_prefix(prefix: &str) -> bool {
    prefix.contains('.')
}

/// The clauses of a statement on `claim` of the well-known provider `id`, under any of its
/// prefixes (Cognito's keys are `cognito-identity.amazonaws.com.cn:…` in the China Regions).
pub fn provider_claim_clauses<'a>(
    statement: &'a Statement,
    id: &str,
    claim: &str,
) -> Vec<&'a Clause> {
    statement
        .clauses()
        .iter()
        .filter(|c| {
            split_claim_key(&c.key.value).is_some_and(|(prefix, c_claim)| {
                c_claim.eq_ignore_ascii_case(claim) && federated_providers::is(id, prefix)
            })
        })
        .collect()
}

/// Whether a clause restricts its key: it requires it ([`requiring_clauses`]) and none of its
/// values matches every value (the values are ORed).
pub fn pins(clause: &Clause) -> bool {
    requires(clause)
        && !clause
            .values
            .iter()
            .any(|v| matches_everything(&clause.operator.value, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::json::Dialect;
    use crate::syntax::{Format, parse_file};

    fn document(condition: &str) -> Document {
        let text = format!(
            r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow",
                "Principal": {{"Federated": "arn:aws:iam::111122223333:oidc-provider/auth.example.com/"}},
                "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {condition}}}]}}"#
        );
        let parsed = parse_file(
            &text,
            0,
            "trust.json",
            Format::Json(Dialect::Strict),
            &Default::default(),
        );
        parsed.documents.into_iter().next().unwrap()
    }

    #[test]
    fn if_exists_requires_a_claim_every_token_carries_but_not_an_optional_one() {
        let d = document(
            r#"{"StringEqualsIfExists": {"auth.example.com/:sub": "a", "auth.example.com/:amr": "b"},
                "StringNotEquals": {"auth.example.com/:aud": "c"}}"#,
        );
        let s = &d.statements[0];
        assert_eq!(requiring_clauses(s, "auth.example.com/:sub").len(), 1);
        assert!(requiring_clauses(s, "auth.example.com/:amr").is_empty());
        assert!(requiring_clauses(s, "auth.example.com/:aud").is_empty());
        assert!(non_requiring_clause(s, "auth.example.com/:aud").is_some());
    }

    #[test]
    fn keys_match_without_case_and_with_or_without_a_trailing_slash() {
        let d = document(r#"{"StringLike": {"AUTH.example.com:SUB": ["x", "*"]}}"#);
        let s = &d.statements[0];
        let grant = &grants(&d, ASSUME_ROLE_WITH_WEB_IDENTITY)[0];
        assert_eq!(grant.claim_prefix(), Some("auth.example.com/"));
        let clause = &requiring_clauses(s, "auth.example.com/:sub")[0];
        // One of the ORed values is `*`: the clause requires the key but pins nothing.
        assert!(!pins(clause));
        assert_eq!(
            split_claim_key("aws:RequestTag/a.b:c"),
            Some(("aws", "RequestTag/a.b:c"))
        );
        assert!(!is_provider_prefix("aws") && is_provider_prefix("gitlab.com"));
    }

    #[test]
    fn a_deny_on_the_key_may_restrict_it() {
        let text = r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
             "Action": "sts:AssumeRoleWithWebIdentity"},
            {"Effect": "Deny", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
             "Action": "sts:AssumeRoleWithWebIdentity",
             "Condition": {"StringNotEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:x"}}}]}"#;
        let parsed = parse_file(
            text,
            0,
            "trust.json",
            Format::Json(Dialect::Strict),
            &Default::default(),
        );
        let d = &parsed.documents[0];
        assert!(restricted_elsewhere(
            d,
            &d.statements[0],
            ASSUME_ROLE_WITH_WEB_IDENTITY,
            "cognito-identity.amazonaws.com:aud"
        ));
        assert!(!restricted_elsewhere(
            d,
            &d.statements[0],
            ASSUME_ROLE_WITH_WEB_IDENTITY,
            "cognito-identity.amazonaws.com:sub"
        ));
    }
}
