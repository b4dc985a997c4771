//! Well-known identity providers of role trust policies (GitHub Actions, Amazon EKS, GitLab,
//! Amazon Cognito, Google, Login with Amazon, Facebook) and the claim condition keys AWS
//! documents for each: `federated_providers.toml`, whose header names its sources and the
//! date they were taken (2026-12-04).
//!
//! A provider's claims are condition keys prefixed with its host/path
//! (`token.actions.githubusercontent.com:sub`) [UG:reference_policies_iam-condition-keys
//! §condition-keys-wif]; the federation rules (TL208–TL213) name providers in messages and
//! check keys against these lists.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::pattern::wildcard_match;

/// One provider of the data file (its `source` and the fields later rules read are for them
/// and for reviewers).
#[derive(Debug, Deserialize)]
pub struct Provider {
    /// A stable identifier the rules match on (`github`, `cognito`, …).
    pub id: String,
    /// How messages name it.
    pub name: String,
    /// Its host/path, with `*` for any run of characters (case-insensitive).
    pub patterns: Vec<String>,
    /// The claims AWS documents as condition keys for it, lower-case.
    pub claims: Vec<String>,
    /// Whether `claims` is every key AWS exposes for it, so that any other is never present.
    pub closed: bool,
    /// Whether its keys may carry any of its patterns as prefix, whatever the principal
    /// (Cognito's China-Region principal is regional, its keys are not).
    #[serde(default)]
    pub any_prefix: bool,
}

impl Provider {
    pub fn matches(&self, host_path: &str) -> bool {
        self.patterns
            .iter()
            .any(|p| wildcard_match(p, host_path, true))
    }

    /// Whether AWS documents `claim` as a condition key of this provider.
    pub fn documents(&self, claim: &str) -> bool {
        self.claims.iter().any(|c| c.eq_ignore_ascii_case(claim))
    }
}

#[derive(Deserialize)]
struct File {
    provider: Vec<Provider>,
}

static PROVIDERS: LazyLock<Vec<Provider>> = LazyLock::new(|| {
    toml::from_str::<File>(include_str!("federated_providers.toml"))
        .map(|file| file.provider)
        // The file is part of the build and checked by the tests below: an empty list here
        // would only make the rules quieter, never wrong.
        .unwrap_or_default()
});

/// The well-known provider with identifier `id` (`github`, `cognito`, …) if `host_path` is
/// one of its.
pub fn is(id: &str, host_path: &str) -> bool {
    provider(host_path).is_some_and(|p| p.id == id)
}

/// The well-known provider a host/path (an OIDC provider ARN's, or a built-in provider's
/// domain) belongs to.
pub fn provider(host_path: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().find(|p| p.matches(host_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_and_names_its_sources() {
        assert_eq!(PROVIDERS.len(), 7);
        let raw: toml::Table = toml::from_str(include_str!("federated_providers.toml")).unwrap();
        let entries = raw["provider"].as_array().unwrap();
        for entry in entries {
            let source = entry["source"].as_str().unwrap();
            assert!(source.starts_with("https://"), "{entry}");
            for claim in entry["claims"].as_array().unwrap() {
                let claim = claim.as_str().unwrap();
                assert_eq!(claim, claim.to_ascii_lowercase());
            }
            assert!(entry["closed"].is_bool());
        }
    }

    #[test]
    fn providers_are_found_by_host_and_path() {
        let github = provider("token.actions.githubusercontent.com").unwrap();
        assert_eq!(github.id, "github");
        assert!(is("github", "TOKEN.actions.githubusercontent.com"));
        assert!(std::ptr::eq(
            provider("token.actions.githubusercontent.com/octo-enterprise").unwrap(),
            github
        ));
        assert_eq!(
            provider("oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE")
                .unwrap()
                .name,
            "Amazon EKS"
        );
        assert!(provider("token.actions.githubusercontent.com.evil.example").is_none());
        assert!(provider("auth.example.com").is_none());
        assert_eq!(
            provider("cognito-identity.amazonaws.com").unwrap().id,
            "cognito"
        );
    }
}
