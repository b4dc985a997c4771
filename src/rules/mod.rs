//! The rule catalog: metadata, the two kinds of checks, and the one [`REGISTRY`] list.
//!
//! One rule, one name, four places (DESIGN §2): `src/rules/<snake_name>.rs`,
//! `rules/<kebab-name>.md`, `testdata/rules/<kebab-name>/`, and its line in [`REGISTRY`].

use crate::config::Settings;
use crate::graph::Graph;
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};

mod action_principal_mismatch;
mod assume_any_role;
mod assume_cycle;
mod assume_missing_identity_permission;
mod assume_resource_not_a_role;
mod boundary_blocks_assume;
mod chain_missing_set_source_identity;
mod chain_missing_tag_session;
mod chained_session_over_one_hour;
mod cognito_trust_unrestricted;
mod condition_key_never_present;
mod condition_operator_invalid;
mod condition_type_mismatch;
mod conditioned_trust_shadowed;
mod cross_account_trust_without_external_id;
mod dangling_assume_grant;
mod data;
mod duplicate_key;
mod duplicate_sid;
mod escalation_via_assume_chain;
mod external_entry_reaches_privileged_role;
mod external_id_weak;
mod github_oidc_missing_sub;
mod github_oidc_sub_too_broad;
mod identity_has_principal;
mod identity_missing_resource;
mod invalid_effect;
pub mod invalid_policy_shape;
mod invalid_principal;
mod invalid_version;
mod legacy_version_with_variables;
mod mfa_condition_not_enforced;
mod missing_version;
mod notaction_grants_assume;
mod oidc_condition_key_mismatch;
mod oidc_missing_conditions;
pub mod parse_error;
mod passrole_star;
mod prelude;
mod principal_arn_pattern_too_broad;
mod principal_partial_wildcard;
mod principal_unique_id;
mod redundant_session_principal;
mod roles_anywhere_missing_actions;
mod saml_trust_missing_aud;
mod self_assume_not_trusted;
mod service_trust_without_source_condition;
mod trust_account_wide;
mod trust_any_principal;
mod trust_condition_ineffective;
mod trust_expired_window;
mod trust_invalid_action;
mod trust_missing_principal;
mod trust_names_missing_principal;
mod trust_notprincipal;
mod trust_org_wide;
mod trust_policy_too_large;
mod trust_resource_element;
mod trust_star_string_principal;
mod trust_wildcard_action;
mod unknown_policy_element;
mod unreachable_role;
pub mod unreadable_file;
mod unresolved_value;
mod wildcard_in_exact_operator;

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    /// Kebab-case name: the rule's page is `rules/<name>.md`.
    pub name: &'static str,
    pub severity: Severity,
    /// Off unless selected (`--select`, `extend-select`).
    pub enabled_by_default: bool,
    pub summary: &'static str,
    /// General advice on fixing a finding; a finding may carry more specific help.
    pub help: &'static str,
    /// SARIF `security-severity` (0.0–10.0).
    pub security_severity: f32,
    /// The rule's page, as `trustlint rule` prints it.
    pub doc: &'static str,
}

impl RuleMeta {
    pub fn url(&self) -> String {
        format!(
            "{}/blob/main/rules/{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            self.name
        )
    }
}

/// What a rule sees besides the document.
pub struct RuleContext<'a> {
    pub settings: &'a Settings,
    diagnostics: Vec<Diagnostic>,
    /// Per rule code: how many documents the rule could not check for want of configuration.
    unchecked: Vec<(&'static str, usize)>,
}

impl<'a> RuleContext<'a> {
    pub fn new(settings: &'a Settings) -> Self {
        RuleContext {
            settings,
            diagnostics: Vec::new(),
            unchecked: Vec::new(),
        }
    }

    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Records that a rule had to stay silent on a document for want of configuration.
    pub fn unchecked(&mut self, code: &'static str) {
        match self.unchecked.iter_mut().find(|(c, _)| *c == code) {
            Some((_, count)) => *count += 1,
            None => self.unchecked.push((code, 1)),
        }
    }

    /// How many findings have been reported so far.
    pub fn reported(&self) -> usize {
        self.diagnostics.len()
    }

    /// The findings reported since the first `from`, to complete them.
    pub fn reported_since(&mut self, from: usize) -> &mut [Diagnostic] {
        let from = from.min(self.diagnostics.len());
        &mut self.diagnostics[from..]
    }

    pub fn finish(self) -> (Vec<Diagnostic>, Vec<(&'static str, usize)>) {
        (self.diagnostics, self.unchecked)
    }
}

/// A check that runs on one document at a time, in parallel.
pub trait DocumentRule: Sync {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>);
}

/// A check that runs once, on the principal graph of every file of the run.
pub trait GraphRule: Sync {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>);
}

/// How a rule's findings come about.
pub enum Check {
    /// Raised by the reading stage (a file that cannot be read or parsed).
    Reading,
    Document(&'static dyn DocumentRule),
    Graph(&'static dyn GraphRule),
}

pub struct Rule {
    pub meta: RuleMeta,
    pub check: Check,
    /// The line printed after the human output when the rule had to skip documents for want
    /// of configuration (given the count).
    pub unchecked_hint: Option<fn(usize) -> String>,
}

/// Every rule, in code order.
pub static REGISTRY: &[&Rule] = &[
    &parse_error::RULE,
    &unreadable_file::RULE,
    &duplicate_key::RULE,
    &invalid_policy_shape::RULE,
    &unresolved_value::RULE,
    &unknown_policy_element::RULE,
    &invalid_effect::RULE,
    &invalid_version::RULE,
    &legacy_version_with_variables::RULE,
    &duplicate_sid::RULE,
    &trust_resource_element::RULE,
    &trust_notprincipal::RULE,
    &trust_missing_principal::RULE,
    &identity_has_principal::RULE,
    &trust_star_string_principal::RULE,
    &principal_partial_wildcard::RULE,
    &invalid_principal::RULE,
    &principal_unique_id::RULE,
    &trust_invalid_action::RULE,
    &action_principal_mismatch::RULE,
    &condition_operator_invalid::RULE,
    &condition_type_mismatch::RULE,
    &wildcard_in_exact_operator::RULE,
    &trust_policy_too_large::RULE,
    &roles_anywhere_missing_actions::RULE,
    &redundant_session_principal::RULE,
    &identity_missing_resource::RULE,
    &missing_version::RULE,
    &trust_any_principal::RULE,
    &trust_condition_ineffective::RULE,
    &principal_arn_pattern_too_broad::RULE,
    &trust_account_wide::RULE,
    &cross_account_trust_without_external_id::RULE,
    &external_id_weak::RULE,
    &mfa_condition_not_enforced::RULE,
    &github_oidc_missing_sub::RULE,
    &github_oidc_sub_too_broad::RULE,
    &oidc_missing_conditions::RULE,
    &oidc_condition_key_mismatch::RULE,
    &cognito_trust_unrestricted::RULE,
    &saml_trust_missing_aud::RULE,
    &service_trust_without_source_condition::RULE,
    &trust_wildcard_action::RULE,
    &conditioned_trust_shadowed::RULE,
    &condition_key_never_present::RULE,
    &trust_expired_window::RULE,
    &trust_org_wide::RULE,
    &assume_any_role::RULE,
    &assume_resource_not_a_role::RULE,
    &passrole_star::RULE,
    &notaction_grants_assume::RULE,
    &assume_missing_identity_permission::RULE,
    &dangling_assume_grant::RULE,
    &trust_names_missing_principal::RULE,
    &self_assume_not_trusted::RULE,
    &chain_missing_tag_session::RULE,
    &chain_missing_set_source_identity::RULE,
    &chained_session_over_one_hour::RULE,
    &assume_cycle::RULE,
    &escalation_via_assume_chain::RULE,
    &external_entry_reaches_privileged_role::RULE,
    &unreachable_role::RULE,
    &boundary_blocks_assume::RULE,
];

/// Looks a rule up by code or name.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    REGISTRY
        .iter()
        .copied()
        .find(|r| r.meta.code.eq_ignore_ascii_case(code_or_name) || r.meta.name == code_or_name)
}
