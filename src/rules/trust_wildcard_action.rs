//! TL215 `trust-wildcard-action`: a trust statement grants its actions by wildcard or by
//! `NotAction`.
//!
//! Action names are case-insensitive and take `*` and `?`
//! [UG:reference_policies_elements_action], so `sts:*`, `sts:Assume*` or `NotAction` grant the
//! principal every matching trust action: all three ways to start a session, plus
//! `sts:TagSession` and `sts:SetSourceIdentity`, which let the caller set session tags and a
//! source identity that later policies may trust (AWS-SEMANTICS §1, §4). A wildcard also picks
//! up whatever trust actions AWS adds later. cfn_nag reports the same (F2, W14).

use super::prelude::and_list;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{TRUST_ACTIONS, covers};
use crate::model::pattern::{has_wildcard, wildcard_match};
use crate::model::{Document, DocumentKind, SVal, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL215",
        name: "trust-wildcard-action",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A trust statement grants actions by wildcard or NotAction.",
        help: "List the exact actions the principal needs, usually just `sts:AssumeRole` (plus `sts:TagSession` or `sts:SetSourceIdentity` only where session tags or a source identity are passed).",
        security_severity: 4.0,
        doc: include_str!("../../rules/trust-wildcard-action.md"),
    },
    check: Check::Document(&TrustWildcardAction),
    unchecked_hint: None,
};

struct TrustWildcardAction;

impl DocumentRule for TrustWildcardAction {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        for statement in document.statements.iter().filter(|s| s.is_allow()) {
            if let Some(action) = &statement.action {
                for value in &action.values {
                    check_value(statement, value, cx);
                }
            } else if let Some(not_action) = &statement.not_action {
                // What `NotAction` grants is everything it does not list; only certain answers
                // are named (an unknown value may exclude more).
                let granted: Vec<&str> = TRUST_ACTIONS
                    .iter()
                    .copied()
                    .filter(|a| covers(statement, a) == Tri::Yes)
                    .collect();
                if granted.is_empty() {
                    continue;
                }
                cx.report(Diagnostic::new(
                    &RULE.meta,
                    not_action.key_span,
                    format!(
                        "{} uses `NotAction`, which grants every action it does not list: {}",
                        statement_name(statement),
                        describe(&granted)
                    ),
                ));
            }
        }
    }
}

fn check_value(statement: &Statement, value: &SVal, cx: &mut RuleContext<'_>) {
    let Some(pattern) = value.known() else {
        return;
    };
    if !has_wildcard(pattern) {
        return;
    }
    let granted: Vec<&str> = TRUST_ACTIONS
        .iter()
        .copied()
        .filter(|a| wildcard_match(pattern, a, true))
        .collect();
    // A pattern that matches no trust action grants nothing here (TL114 reports it).
    if granted.is_empty() {
        return;
    }
    cx.report(Diagnostic::new(
        &RULE.meta,
        value.span,
        format!(
            "{} grants `{pattern}`, which matches {}",
            statement_name(statement),
            describe(&granted)
        ),
    ));
}

/// "statement `Sid1`" or "this statement".
fn statement_name(statement: &Statement) -> String {
    match statement.sid.as_ref().and_then(SVal::known) {
        Some(sid) if !sid.is_empty() => format!("statement `{sid}`"),
        _ => "this statement".to_string(),
    }
}

/// "every trust action (`a`, `b`, …)" or "`a`, `b` and `c`".
fn describe(actions: &[&str]) -> String {
    if actions.len() == TRUST_ACTIONS.len() {
        let quoted: Vec<String> = actions.iter().map(|a| format!("`{a}`")).collect();
        return format!("every trust action ({})", quoted.join(", "));
    }
    and_list(actions)
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn lists_read_naturally() {
        assert_eq!(describe(&["sts:AssumeRole"]), "`sts:AssumeRole`");
        assert_eq!(
            describe(&["sts:AssumeRole", "sts:TagSession", "sts:SetContext"]),
            "`sts:AssumeRole`, `sts:TagSession` and `sts:SetContext`"
        );
    }
}
