//! TL101 `unknown-policy-element`: a policy or statement has an element IAM does not define.
//!
//! The policy grammar [UG:reference_policies_grammar] defines exactly `Version`, `Id` and
//! `Statement` at the top and `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`,
//! `NotAction`, `Resource`, `NotResource` and `Condition` in a statement; Access Analyzer
//! reports anything else as the error "Invalid policy element" [AA-checks]. Resource policies
//! of other services share this grammar, so every document kind is checked.
//!
//! A key that differs from an element only in case (`effect`) is reported with a suggestion.
//! The IAM User Guide states that the *value* of `Effect` is case-sensitive; it does not say
//! so of element names, so the message stays neutral. (IAM has been seen rejecting a lowercase
//! `statement` with "Unknown field statement": pulumi/pulumi-aws-native #1616.) trustlint's own
//! model reads element names exactly, so such a key is ignored by every other rule.

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::syntax::tree::{Member, Node, NodeKind};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL101",
        name: "unknown-policy-element",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A policy or statement has an element IAM does not define.",
        help: "Remove the element or correct its spelling and case.",
        security_severity: 5.0,
        doc: include_str!("../../rules/unknown-policy-element.md"),
    },
    check: Check::Document(&UnknownPolicyElement),
    unchecked_hint: None,
};

/// Elements of the policy object [UG:reference_policies_grammar].
pub const POLICY_ELEMENTS: &[&str] = &["Version", "Id", "Statement"];

/// Elements of a statement object [UG:reference_policies_grammar].
pub const STATEMENT_ELEMENTS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

struct UnknownPolicyElement;

impl DocumentRule for UnknownPolicyElement {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        let Some(members) = document.raw.as_object() else {
            return;
        };
        for member in members {
            if !POLICY_ELEMENTS.contains(&member.key.as_str()) {
                report(member, Level::Policy, cx);
            }
        }
        for member in members.iter().filter(|m| m.key == "Statement") {
            let statements: Vec<&Node> = match &member.value.kind {
                NodeKind::Array(items) => items.iter().collect(),
                _ => vec![&member.value],
            };
            for statement in statements {
                // A statement of the wrong type is TL004's.
                let Some(elements) = statement.as_object() else {
                    continue;
                };
                for element in elements {
                    if !STATEMENT_ELEMENTS.contains(&element.key.as_str()) {
                        report(element, Level::Statement, cx);
                    }
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Policy,
    Statement,
}

impl Level {
    fn noun(self) -> &'static str {
        match self {
            Level::Policy => "a top-level policy element",
            Level::Statement => "a statement element",
        }
    }

    fn elements(self) -> &'static [&'static str] {
        match self {
            Level::Policy => POLICY_ELEMENTS,
            Level::Statement => STATEMENT_ELEMENTS,
        }
    }

    fn other(self) -> Level {
        match self {
            Level::Policy => Level::Statement,
            Level::Statement => Level::Policy,
        }
    }
}

fn report(member: &Member, level: Level, cx: &mut RuleContext<'_>) {
    let key = member.key.as_str();
    let (message, help) = if let Some(right) = same_but_case(key, level.elements()) {
        (
            format!("`{key}` is not {}; did you mean `{right}`?", level.noun()),
            format!("Write the element as `{right}`, exactly as the IAM policy grammar spells it."),
        )
    } else if let Some(right) = exact_or_case(key, level.other().elements()) {
        // An element written one level too high or too low (`Effect` beside `Statement`).
        let (place, destination) = match level {
            Level::Policy => ("inside each statement", "into each statement"),
            Level::Statement => (
                "at the top level of the policy, beside `Statement`",
                "to the top level of the policy, beside `Statement`",
            ),
        };
        (
            format!("`{key}` is not {}; `{right}` belongs {place}", level.noun()),
            format!("Move `{right}` {destination}."),
        )
    } else if let Some(right) = near_miss(key, level.elements()) {
        (
            format!("`{key}` is not {}; did you mean `{right}`?", level.noun()),
            format!("Rename the element to `{right}`."),
        )
    } else {
        (
            format!(
                "`{key}` is not {}; IAM defines only {}",
                level.noun(),
                list(level.elements())
            ),
            RULE.meta.help.to_string(),
        )
    };
    cx.report(Diagnostic::new(&RULE.meta, member.key_span, message).with_help(help));
}

/// The element `key` spells in another case (`effect` → `Effect`).
fn same_but_case(key: &str, elements: &[&'static str]) -> Option<&'static str> {
    elements
        .iter()
        .copied()
        .find(|e| *e != key && e.eq_ignore_ascii_case(key))
}

fn exact_or_case(key: &str, elements: &[&'static str]) -> Option<&'static str> {
    elements
        .iter()
        .copied()
        .find(|e| e.eq_ignore_ascii_case(key))
}

/// A likely misspelling: a plural (`Actions`, `Resources`) or one or two edits away
/// (`Princpal`). Short keys get no guess: `Id` is one edit from many words.
fn near_miss(key: &str, elements: &[&'static str]) -> Option<&'static str> {
    let lower = key.to_ascii_lowercase();
    if lower.len() < 4 {
        return None;
    }
    elements
        .iter()
        .copied()
        .filter(|e| e.len() >= 4)
        .map(|e| (edit_distance(&lower, &e.to_ascii_lowercase()), e))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, e)| e)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

fn list(elements: &[&str]) -> String {
    let quoted: Vec<String> = elements.iter().map(|e| format!("`{e}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(same_but_case("effect", STATEMENT_ELEMENTS), Some("Effect"));
        assert_eq!(same_but_case("Effect", STATEMENT_ELEMENTS), None);
        assert_eq!(near_miss("Actions", STATEMENT_ELEMENTS), Some("Action"));
        assert_eq!(near_miss("Princpal", STATEMENT_ELEMENTS), Some("Principal"));
        assert_eq!(near_miss("Description", STATEMENT_ELEMENTS), None);
        assert_eq!(near_miss("Ids", POLICY_ELEMENTS), None);
        assert_eq!(exact_or_case("Effect", STATEMENT_ELEMENTS), Some("Effect"));
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
