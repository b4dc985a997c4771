//! TL003 `duplicate-key`: an object repeats a key.
//!
//! RFC 8259 leaves the meaning of repeated names open ("the behavior of software that receives
//! such an object is unpredictable"), so tools disagree: most parsers (and trustlint's model)
//! keep the last member, others the first or reject the text. A policy whose `Effect`,
//! `Principal` or condition block is written twice can therefore mean different things to the
//! tool that reviewed it and to AWS. The check walks the raw spanned tree, which keeps every
//! member in source order; key comparison is exact (`Effect` and `effect` are different keys —
//! an unknown-case element is TL101's, a condition key repeated in another case is TL116's).

use super::prelude::raw_statement_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::syntax::tree::{Node, NodeKind};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL003",
        name: "duplicate-key",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "An object repeats a key; parsers disagree on which one wins.",
        help: "Keep one of the keys and merge their values.",
        security_severity: 5.0,
        doc: include_str!("../../rules/duplicate-key.md"),
    },
    check: Check::Document(&DuplicateKey),
    unchecked_hint: None,
};

struct DuplicateKey;

impl DocumentRule for DuplicateKey {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        let mut place = Place::default();
        walk(&document.raw, &mut place, cx);
    }
}

/// Where an object sits, for messages: the statement it belongs to (if any) and the path of
/// keys below it (`Condition.StringEquals`). Held as references into the tree and only put
/// into words when a key is repeated: the walk visits every member of every document.
#[derive(Default)]
struct Place<'a> {
    /// The statement's object, and its index when `Statement` is an array.
    statement: Option<(&'a Node, Option<usize>)>,
    path: Vec<Step<'a>>,
}

/// One step of a [`Place`]'s path.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl Place<'_> {
    fn describe(&self) -> String {
        // Keys are joined by dots; an index follows what precedes it (`Action[0]`).
        let mut inner = String::new();
        for (at, step) in self.path.iter().enumerate() {
            match step {
                Step::Key(key) => {
                    if at > 0 {
                        inner.push('.');
                    }
                    inner.push_str(key);
                }
                Step::Index(index) => inner.push_str(&format!("[{index}]")),
            }
        }
        let statement = self
            .statement
            .map(|(node, index)| raw_statement_name(node, index));
        match (statement, inner.is_empty()) {
            (None, true) => "at the top level of the policy".to_string(),
            (None, false) => format!("in `{inner}`"),
            (Some(statement), true) => format!("in {statement}"),
            (Some(statement), false) => format!("in `{inner}` of {statement}"),
        }
    }
}

fn walk<'a>(node: &'a Node, place: &mut Place<'a>, cx: &mut RuleContext<'_>) {
    match &node.kind {
        NodeKind::Object(members) => {
            for (index, member) in members.iter().enumerate() {
                // Report each later occurrence once, pointing back at the first one.
                if let Some(first) = members[..index].iter().find(|m| m.key == member.key) {
                    let key = &member.key;
                    cx.report(
                        Diagnostic::new(
                            &RULE.meta,
                            member.key_span,
                            format!("key `{key}` is repeated {}", place.describe()),
                        )
                        .with_label(first.key_span, "first defined here")
                        .with_help(format!(
                            "Keep one `{key}` and merge the values into it: JSON parsers \
                             disagree on which duplicate wins, so a reviewer's tool and AWS may \
                             read different policies."
                        )),
                    );
                }
            }
            for member in members {
                let at_top = place.statement.is_none() && place.path.is_empty();
                if at_top && member.key == "Statement" {
                    walk_statements(&member.value, place, cx);
                } else {
                    place.path.push(Step::Key(&member.key));
                    walk(&member.value, place, cx);
                    place.path.pop();
                }
            }
        }
        NodeKind::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                place.path.push(Step::Index(index));
                walk(item, place, cx);
                place.path.pop();
            }
        }
        _ => {}
    }
}

/// The top-level `Statement` value: one object, or an array of them.
fn walk_statements<'a>(node: &'a Node, place: &mut Place<'a>, cx: &mut RuleContext<'_>) {
    match &node.kind {
        NodeKind::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let mut inner = Place {
                    statement: Some((item, Some(index))),
                    path: Vec::new(),
                };
                walk(item, &mut inner, cx);
            }
        }
        NodeKind::Object(_) => {
            let mut inner = Place {
                statement: Some((node, None)),
                path: Vec::new(),
            };
            walk(node, &mut inner, cx);
        }
        _ => {
            place.path.push(Step::Key("Statement"));
            walk(node, place, cx);
            place.path.pop();
        }
    }
}
