//! TL406 `chain-missing-set-source-identity`: an `AssumeRole*` call carries a source identity
//! but the target's trust policy, or on a chained hop the calling role's identity policies, do
//! not allow `sts:SetSourceIdentity`, so the call fails.
//!
//! A call carries a source identity when the trust statement admitting the caller cannot be
//! met without `sts:SourceIdentity`, or when an earlier hop of the chain demanded one: the
//! value "persists when a role is used to assume another role", and then "permissions for
//! `sts:SetSourceIdentity` are required in both the permissions policy of the principal who is
//! assuming the role and in the role trust policy of the target role. Otherwise, the assume
//! role operation will fail" [UG:id_credentials_temp_control-access_monitor]. The caller side
//! is judged only when all of the calling role's policies are loaded.

use super::prelude::session_attribute::{Attribute, breaks, diagnostic};
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::graph::Graph;
use crate::report::diagnostic::Severity;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL406",
        name: "chain-missing-set-source-identity",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A role is assumed with a source identity, but `sts:SetSourceIdentity` is not allowed on that hop.",
        help: "Allow `sts:SetSourceIdentity` in the target's trust policy and, for a chained hop, in the calling role's identity policy.",
        security_severity: 2.0,
        doc: include_str!("../../rules/chain-missing-set-source-identity.md"),
    },
    check: Check::Graph(&ChainMissingSetSourceIdentity),
    unchecked_hint: None,
};

/// A source identity: set once, carried by every later session of the chain.
pub(super) const SOURCE_IDENTITY: Attribute = Attribute {
    action: "sts:SetSourceIdentity",
    noun: "a source identity",
    carried_by: |key| key.eq_ignore_ascii_case("sts:SourceIdentity"),
    passed_on_by: |key| key.eq_ignore_ascii_case("sts:SourceIdentity"),
    caller_needs_action: true,
};

struct ChainMissingSetSourceIdentity;

impl GraphRule for ChainMissingSetSourceIdentity {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        for found in breaks(graph, &SOURCE_IDENTITY) {
            cx.report(diagnostic(graph, &RULE.meta, &SOURCE_IDENTITY, &found));
        }
    }
}
