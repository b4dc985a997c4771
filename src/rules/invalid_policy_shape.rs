//! TL004 `invalid-policy-shape`: a policy element has the wrong JSON type.
//!
//! The errors are collected while the tree is lowered to the model (`syntax::policy`), so
//! that one wrong element does not hide the rest of the document from the other rules. The
//! IAM policy grammar fixes each element's type ([UG:reference_policies_grammar]); Access
//! Analyzer reports a mismatch as the error "Data type mismatch" [AA-checks].

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::syntax::tree::{Node, NodeKind};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL004",
        name: "invalid-policy-shape",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A policy element has the wrong JSON type.",
        help: "Give the element the type the IAM policy grammar requires.",
        security_severity: 5.0,
        doc: include_str!("../../rules/invalid-policy-shape.md"),
    },
    check: Check::Document(&InvalidPolicyShape),
    unchecked_hint: None,
};

struct InvalidPolicyShape;

impl DocumentRule for InvalidPolicyShape {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for error in &document.shape_errors {
            // A value only known at deploy time (a Terraform variable standing for a whole
            // element) has no type yet: unknown is never a finding.
            if is_unknown_at(&document.raw, error.span) {
                continue;
            }
            let mut diagnostic = Diagnostic::new(&RULE.meta, error.span, error.message.clone());
            if let Some(help) = find_member(&document.raw, error.span).and_then(specific_help) {
                diagnostic = diagnostic.with_help(help);
            }
            cx.report(diagnostic);
        }
    }
}

/// Advice for the common mistakes, given the key whose value has the wrong type.
fn specific_help((key, value): (&str, &Node)) -> Option<String> {
    match (key, &value.kind) {
        ("Principal" | "NotPrincipal", NodeKind::Str(text)) => {
            let principal_key = if text.ends_with(".amazonaws.com") {
                "Service"
            } else if text.contains(":saml-provider/") || text.contains(":oidc-provider/") {
                "Federated"
            } else {
                "AWS"
            };
            Some(format!(
                "Only `\"*\"` may stand alone; name the principal under its type: `\"{key}\": {{\"{principal_key}\": {text:?}}}`."
            ))
        }
        ("Condition", NodeKind::Array(_)) => Some(
            "Merge the objects into one `Condition` object: its operators are ANDed, and the values of one key are ORed."
                .to_string(),
        ),
        ("Version" | "Id" | "Sid" | "Effect", NodeKind::Array(items)) => match items.as_slice() {
            [only] if only.as_str().is_some() => Some(format!(
                "Write `{key}` as a single string, without the brackets: `\"{key}\": {:?}`.",
                only.as_str().unwrap_or_default()
            )),
            _ => Some(format!("`{key}` takes a single string.")),
        },
        _ => None,
    }
}

/// The member whose value has exactly `span`, with its key. The whole tree is searched: spans
/// need not nest (a Terraform policy document merges statements written in other blocks and
/// files).
fn find_member(node: &Node, span: Span) -> Option<(&str, &Node)> {
    match &node.kind {
        NodeKind::Array(items) => items.iter().find_map(|item| find_member(item, span)),
        NodeKind::Object(members) => members.iter().find_map(|m| {
            if m.value.span == span {
                Some((m.key.as_str(), &m.value))
            } else {
                find_member(&m.value, span)
            }
        }),
        _ => None,
    }
}

/// Whether the node at exactly `span` is an unknown value (searching the whole tree, as above).
fn is_unknown_at(node: &Node, span: Span) -> bool {
    if node.span == span && matches!(node.kind, NodeKind::Unknown(_)) {
        return true;
    }
    match &node.kind {
        NodeKind::Array(items) => items.iter().any(|item| is_unknown_at(item, span)),
        NodeKind::Object(members) => members.iter().any(|m| is_unknown_at(&m.value, span)),
        _ => false,
    }
}

/// The finding for a wrong element type outside any policy document (in an account dump's
/// structure), raised while reading.
pub fn diagnostic(error: &crate::model::ShapeError) -> Diagnostic {
    Diagnostic::new(&RULE.meta, error.span, error.message.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::tree::Member;

    fn node(start: usize, end: usize, kind: NodeKind) -> Node {
        Node {
            span: Span::new(0, start, end),
            kind,
        }
    }

    #[test]
    fn an_unknown_element_is_not_a_shape_error() {
        let unknown = node(15, 30, NodeKind::Unknown("var.statements".into()));
        let root = node(
            0,
            31,
            NodeKind::Object(vec![Member {
                key: "Statement".into(),
                key_span: Span::new(0, 1, 12),
                value: unknown,
            }]),
        );
        assert!(is_unknown_at(&root, Span::new(0, 15, 30)));
        assert!(!is_unknown_at(&root, Span::new(0, 0, 31)));
        let (key, _) = find_member(&root, Span::new(0, 15, 30)).expect("member");
        assert_eq!(key, "Statement");
    }
}
