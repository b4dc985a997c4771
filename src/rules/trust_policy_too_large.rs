//! TL119 `trust-policy-too-large`: a policy IAM would refuse for its size or its characters.
//!
//! [UG:reference_iam-quotas]: a role trust policy is limited by the account's "Role trust
//! policy length" quota (2,048 characters by default, raised on request), a customer managed
//! policy to 6,144 characters, and "IAM doesn't count white space when calculating the size of
//! a policy against these limits". Policy documents "can contain only the following Unicode
//! characters: horizontal tab (U+0009), linefeed (U+000A), carriage return (U+000D), and
//! characters in the range U+0020 to U+00FF". Access Analyzer reports the first as "Policy
//! size exceeds role trust policy quota".
//!
//! The size is that of the JSON AWS receives, which for Terraform and CloudFormation is the
//! rendered document, not the source: it is counted on the document's tree, as serialized
//! JSON without whitespace. A value known only at deploy time counts as nothing, so the count
//! is a lower bound and a finding is certain. The inline-policy quotas (an aggregate over all
//! of a user's, group's or role's inline policies) need more than one document and are left
//! out. Only characters written literally are judged: whether IAM accepts a `\u…` escape of
//! one is not documented. Documents AWS returned (an account dump, `get-role` output) are not
//! judged at all: IAM accepted them, so they are within the account's quotas whatever the
//! count says, and a finding there would be one the user cannot justify or act on.

use super::prelude::opening;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::arn::{Arn, is_account_id, is_aws_managed_policy, is_deploying_account};
use crate::model::{Attachment, Document, DocumentKind};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::syntax::tree::{Node, NodeKind};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL119",
        name: "trust-policy-too-large",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A policy is larger than its IAM quota, or holds characters IAM does not accept.",
        help: "Shorten the policy (merge statements, drop duplicates) or raise the account's \"Role trust policy length\" quota and set `[quotas] role-trust-policy-length`.",
        security_severity: 1.0,
        doc: include_str!("../../rules/trust-policy-too-large.md"),
    },
    check: Check::Document(&TrustPolicyTooLarge),
    unchecked_hint: None,
};

/// The size of a customer managed policy, not adjustable [UG:reference_iam-quotas].
pub const MANAGED_POLICY_LENGTH: usize = 6_144;

struct TrustPolicyTooLarge;

impl DocumentRule for TrustPolicyTooLarge {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind == DocumentKind::Resource || read_from_aws(document) {
            return;
        }
        check_characters(&document.raw, cx);
        let quota = match (&document.kind, &document.attachment) {
            (DocumentKind::Trust, _) => Some((
                cx.settings.trust_policy_length as usize,
                "trust policy",
                "the role trust policy length quota",
                RULE.meta.help,
            )),
            (_, Attachment::Managed { arn }) if !is_aws_managed_policy(arn) => Some((
                MANAGED_POLICY_LENGTH,
                "managed policy",
                "the managed policy size limit",
                "Split the policy into two managed policies, or shorten it: the 6,144-character limit cannot be raised.",
            )),
            _ => None,
        };
        let Some((quota, noun, what, help)) = quota else {
            return;
        };
        let size = Size::of(&document.raw);
        if size.chars <= quota {
            return;
        }
        let count = if size.exact {
            format!("{}", size.chars)
        } else {
            format!("at least {}", size.chars)
        };
        cx.report(
            Diagnostic::new(
                &RULE.meta,
                opening(document.span),
                format!(
                    "this {noun} has {count} characters not counting whitespace, over {what} of {quota}: IAM refuses it"
                ),
            )
            .with_help(help),
        );
    }
}

/// Whether the document is one AWS returned (an account dump, `get-role` output): its owner
/// or its managed policy ARN names a real account, not a deploying one. IAM accepted it, so it
/// is within the account's quotas (a larger trust means a raised quota; a dump shows
/// characters after URL-decoding, where escapes can no longer be told from literal text).
fn read_from_aws(document: &Document) -> bool {
    let real = |account: &str| is_account_id(account) && !is_deploying_account(account);
    let owner = document
        .owner
        .as_ref()
        .and_then(|o| o.account.as_deref())
        .is_some_and(real);
    let managed = match &document.attachment {
        Attachment::Managed { arn } => Arn::parse(arn).is_some_and(|a| real(a.account)),
        _ => false,
    };
    owner || managed
}

/// The length of a document's JSON without whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Size {
    chars: usize,
    /// No value of the document is unknown: the count is the size AWS will see.
    exact: bool,
}

impl Size {
    fn of(node: &Node) -> Size {
        let mut size = Size {
            chars: 0,
            exact: true,
        };
        size.add(node);
        size
    }

    fn add(&mut self, node: &Node) {
        match &node.kind {
            NodeKind::Null => self.chars += 4,
            NodeKind::Bool(value) => self.chars += if *value { 4 } else { 5 },
            NodeKind::Number(text) => self.chars += text.chars().count(),
            NodeKind::Str(text) => self.chars += quoted_length(text),
            // Known at deploy time only: counted as nothing, so the total is a lower bound.
            NodeKind::Unknown(_) | NodeKind::Symbol(_) => self.exact = false,
            NodeKind::Array(items) => {
                self.chars += 2 + items.len().saturating_sub(1);
                for item in items {
                    self.add(item);
                }
            }
            NodeKind::Object(members) => {
                // `{}`, a `,` between members, a `:` in each.
                self.chars += 2 + members.len().saturating_sub(1) + members.len();
                for member in members {
                    self.chars += quoted_length(&member.key);
                    self.add(&member.value);
                }
            }
        }
    }
}

/// The characters a string takes in JSON, quotes and escapes included, whitespace not.
fn quoted_length(text: &str) -> usize {
    2 + text
        .chars()
        .map(|c| match c {
            ' ' => 0,
            '"' | '\\' | '\n' | '\t' | '\r' | '\u{8}' | '\u{c}' => 2,
            c if (c as u32) < 0x20 => 6,
            _ => 1,
        })
        .sum::<usize>()
}

/// Whether IAM accepts the character in a policy document.
fn is_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{ff}')
}

/// Reports the first string (key or value) with a character IAM does not accept, written
/// literally: a string whose span is longer than its text and quotes used escapes, and is
/// not judged.
fn check_characters(node: &Node, cx: &mut RuleContext<'_>) {
    let mut found: Option<(crate::source::Span, char)> = None;
    visit_strings(node, &mut |text, span| {
        if found.is_some() || span.range().len() > text.len() + 2 {
            return;
        }
        if let Some(c) = text.chars().find(|c| !is_allowed(*c)) {
            found = Some((span, c));
        }
    });
    if let Some((span, c)) = found {
        cx.report(Diagnostic::new(
            &RULE.meta,
            span,
            format!(
                "this string holds U+{:04X} (`{c}`): IAM accepts only tab, line feed, carriage return and U+0020 to U+00FF in a policy",
                c as u32
            ),
        ).with_help("Replace the character with one of Latin-1 (an ASCII hyphen for a dash, straight quotes for curly ones)."));
    }
}

fn visit_strings(node: &Node, visit: &mut dyn FnMut(&str, crate::source::Span)) {
    match &node.kind {
        NodeKind::Str(text) => visit(text, node.span),
        NodeKind::Array(items) => items.iter().for_each(|item| visit_strings(item, visit)),
        NodeKind::Object(members) => {
            for member in members {
                visit(&member.key, member.key_span);
                visit_strings(&member.value, visit);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::json::{Dialect, parse};

    fn size(text: &str) -> Size {
        Size::of(&parse(text, 0, Dialect::Strict).expect("valid JSON"))
    }

    #[test]
    fn size_is_the_json_without_whitespace() {
        assert_eq!(
            size(r#"{"a": ["b", "c d"]}"#).chars,
            r#"{"a":["b","cd"]}"#.len()
        );
        assert_eq!(size(r#"{ "Version" : "2012-10-17" }"#).chars, 24);
        assert_eq!(
            size(r#"{"a": "x\"y", "n": 12, "t": true}"#).chars,
            r#"{"a":"x\"y","n":12,"t":true}"#.len()
        );
        assert_eq!(size("{}").chars, 2);
    }

    #[test]
    fn characters_iam_accepts() {
        assert!(is_allowed('é') && is_allowed('\t') && is_allowed('~'));
        assert!(!is_allowed('–') && !is_allowed('\u{1}') && !is_allowed('’'));
    }
}
