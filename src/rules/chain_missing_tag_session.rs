//! TL405 `chain-missing-tag-session`: an `AssumeRole*` call carries session tags but the
//! target role's trust policy does not allow `sts:TagSession` for the caller, so the call
//! fails: "For roles that don't have this permission in the trust policy, the `AssumeRole`
//! operation will fail" [UG:id_session-tags].
//!
//! A call carries tags when the trust statement admitting the caller cannot be met without
//! them (`aws:RequestTag/…`, `aws:TagKeys`, `sts:TransitiveTagKeys` required), or when an
//! earlier hop of the chain demanded transitive tags (`sts:TransitiveTagKeys` required):
//! transitive tags "persist during role chaining" (same page), so every later hop passes them
//! again. Only the trust side is judged; how AWS weighs the caller's own `sts:TagSession`
//! grant on a chained hop is not spelled out, so it is never reported.

use super::prelude::session_attribute::{Attribute, breaks, diagnostic};
use super::{Check, GraphRule, Rule, RuleContext, RuleMeta};
use crate::graph::Graph;
use crate::report::diagnostic::Severity;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL405",
        name: "chain-missing-tag-session",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A role is assumed with session tags, but its trust policy does not allow `sts:TagSession` for the caller.",
        help: "Add `sts:TagSession` to the trust statement that admits the caller.",
        security_severity: 2.0,
        doc: include_str!("../../rules/chain-missing-tag-session.md"),
    },
    check: Check::Graph(&ChainMissingTagSession),
    unchecked_hint: None,
};

/// Session tags: passed now when a request-tag key is present, passed on when transitive.
const TAGS: Attribute = Attribute {
    action: "sts:TagSession",
    noun: "session tags",
    carried_by: |key| {
        key.get(..15)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("aws:RequestTag/"))
            || key.eq_ignore_ascii_case("aws:TagKeys")
            || key.eq_ignore_ascii_case("sts:TransitiveTagKeys")
    },
    passed_on_by: |key| key.eq_ignore_ascii_case("sts:TransitiveTagKeys"),
    caller_needs_action: false,
};

struct ChainMissingTagSession;

impl GraphRule for ChainMissingTagSession {
    fn check(&self, graph: &Graph, cx: &mut RuleContext<'_>) {
        for found in breaks(graph, &TAGS) {
            cx.report(diagnostic(graph, &RULE.meta, &TAGS, &found));
        }
    }
}
