//! TL105 `duplicate-sid`: two statements share a Sid, or a Sid has characters IAM does not
//! allow.
//!
//! "In IAM, the Sid value must be unique within a JSON policy" and "The Sid element supports
//! ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)"
//! [UG:reference_policies_elements_sid]; Access Analyzer error "Unique Sids required"
//! [AA-checks]. IAM answers `MalformedPolicyDocument: Statement IDs (SID) must be
//! alpha-numeric` (aws-cloudformation/cfn-lint #708, #1376) and "The Statement Ids in the
//! policy are not unique" (Wolox/carthage_cache #22).
//!
//! The charset part is reported only for IAM documents (trust, identity, boundary): other
//! services' resource policies accept more (S3 bucket and KMS key policies take spaces,
//! thinkinglabs/aws-iam-policy #5). Sids are compared exactly; an empty Sid is treated as no
//! Sid.

use std::collections::HashMap;

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::{Document, DocumentKind, SVal};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL105",
        name: "duplicate-sid",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "Two statements share a Sid, or a Sid has characters IAM does not allow.",
        help: "Give every statement a unique Sid of letters and digits.",
        security_severity: 4.0,
        doc: include_str!("../../rules/duplicate-sid.md"),
    },
    check: Check::Document(&DuplicateSid),
    unchecked_hint: None,
};

struct DuplicateSid;

impl DocumentRule for DuplicateSid {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        let is_iam = matches!(
            document.kind,
            DocumentKind::Trust | DocumentKind::Identity | DocumentKind::Boundary
        );
        let mut first_use: HashMap<&str, &SVal> = HashMap::new();
        for sid in document.statements.iter().filter_map(|s| s.sid.as_ref()) {
            let Some(text) = sid.known().filter(|t| !t.is_empty()) else {
                continue;
            };
            match first_use.get(text) {
                Some(first) => cx.report(
                    Diagnostic::new(
                        &RULE.meta,
                        sid.span,
                        format!(
                            "Sid `{text}` is used by another statement; IAM requires each Sid to be unique within a policy"
                        ),
                    )
                    .with_label(first.span, "first used here")
                    .with_help(format!(
                        "Give one of the statements another Sid (for example `{text}2`), or merge them if they grant the same thing."
                    )),
                ),
                None => {
                    first_use.insert(text, sid);
                    // Once per distinct Sid: a repeated one is already reported above.
                    if is_iam {
                        check_charset(text, sid, cx);
                    }
                }
            }
        }
    }
}

fn check_charset(text: &str, sid: &SVal, cx: &mut RuleContext<'_>) {
    let mut bad: Vec<char> = text
        .chars()
        .filter(|c| !c.is_ascii_alphanumeric())
        .collect();
    if bad.is_empty() {
        return;
    }
    bad.sort_unstable();
    bad.dedup();
    let shown: Vec<String> = bad
        .iter()
        .map(|c| match c {
            ' ' => "space".to_string(),
            c => format!("`{c}`"),
        })
        .collect();
    let cleaned: String = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    let help = if cleaned.is_empty() {
        "Use only ASCII letters and digits in a Sid.".to_string()
    } else {
        format!("Use only ASCII letters and digits, for example `{cleaned}`.")
    };
    cx.report(
        Diagnostic::new(
            &RULE.meta,
            sid.span,
            format!(
                "Sid `{text}` has characters IAM does not allow ({}): a Sid in an IAM policy may hold only ASCII letters and digits",
                shown.join(", ")
            ),
        )
        .with_severity(Severity::Info)
        .with_help(help),
    );
}
