//! TL102 `invalid-effect`: a statement's `Effect` is missing or not exactly `Allow` or `Deny`.
//!
//! "The Effect element is required … Valid values for Effect are Allow and Deny. The Effect
//! value is case sensitive." [UG:reference_policies_elements_effect]; Access Analyzer errors
//! "Missing effect" and "Invalid effect" [AA-checks]. The raw tree is read (not the model) so
//! that a missing `Effect` is told apart from one of the wrong type (TL004's) and from one only
//! known at deploy time (silent).

use super::prelude::raw_statement_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::syntax::tree::{Node, NodeKind};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL102",
        name: "invalid-effect",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A statement's Effect is missing or not exactly `Allow` or `Deny`.",
        help: "Set `\"Effect\"` to exactly `\"Allow\"` or `\"Deny\"`.",
        security_severity: 5.0,
        doc: include_str!("../../rules/invalid-effect.md"),
    },
    check: Check::Document(&InvalidEffect),
    unchecked_hint: None,
};

struct InvalidEffect;

impl DocumentRule for InvalidEffect {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (statement, index) in raw_statements(&document.raw) {
            let Some(members) = statement.as_object() else {
                continue;
            };
            let name = raw_statement_name(statement, index);
            let effects: Vec<&Node> = members
                .iter()
                .filter(|m| m.key == "Effect")
                .map(|m| &m.value)
                .collect();
            if effects.is_empty() {
                let start = statement.span.start as usize;
                let opening = Span::new(statement.span.file, start, start + 1);
                let mut diagnostic = Diagnostic::new(
                    &RULE.meta,
                    opening,
                    format!("{name} has no `Effect`; IAM requires `Allow` or `Deny`"),
                )
                .with_help("Add `\"Effect\": \"Allow\"` (or `\"Deny\"`) to the statement.");
                // `effect` is not read as `Effect` (TL101 reports the key itself).
                if let Some(other) = members
                    .iter()
                    .find(|m| m.key.eq_ignore_ascii_case("Effect"))
                {
                    diagnostic = diagnostic.with_label(
                        other.key_span,
                        format!("`{}` is not the `Effect` element", other.key),
                    );
                }
                cx.report(diagnostic);
                continue;
            }
            for effect in effects {
                // Wrong types are TL004's; unknown values are never findings.
                let NodeKind::Str(value) = &effect.kind else {
                    continue;
                };
                if value == "Allow" || value == "Deny" {
                    continue;
                }
                let (message, help) = match suggestion(value) {
                    Some(right) if value.trim() == right => (
                        format!(
                            "`Effect` of {name} is `{value:?}`; remove the spaces around `{right}`"
                        ),
                        format!("Write `\"Effect\": \"{right}\"`."),
                    ),
                    Some(right) => (
                        format!(
                            "`Effect` of {name} is `{value}`; the value is case-sensitive: write `{right}`"
                        ),
                        format!("Write `\"Effect\": \"{right}\"`."),
                    ),
                    None => (
                        format!(
                            "`Effect` of {name} is `{value}`; IAM accepts only `Allow` or `Deny`"
                        ),
                        RULE.meta.help.to_string(),
                    ),
                };
                cx.report(Diagnostic::new(&RULE.meta, effect.span, message).with_help(help));
            }
        }
    }
}

/// `allow`, ` ALLOW ` → `Allow`.
fn suggestion(value: &str) -> Option<&'static str> {
    let trimmed = value.trim();
    ["Allow", "Deny"]
        .into_iter()
        .find(|right| right.eq_ignore_ascii_case(trimmed))
}

/// The statement objects of every top-level `Statement` member, with their index when the
/// member is an array.
fn raw_statements(root: &Node) -> Vec<(&Node, Option<usize>)> {
    let Some(members) = root.as_object() else {
        return Vec::new();
    };
    members
        .iter()
        .filter(|m| m.key == "Statement")
        .flat_map(|m| match &m.value.kind {
            NodeKind::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, s)| (s, Some(i)))
                .collect(),
            _ => vec![(&m.value, None)],
        })
        .collect()
}
