//! TL103 `invalid-version`: the policy `Version` is not `2012-10-17` or `2008-10-17`.
//!
//! "IAM supports the following Version element values: 2012-10-17 … 2008-10-17"
//! [UG:reference_policies_elements_version]; anything else is the Access Analyzer error
//! "Invalid version" [AA-checks]. The element is a language version, not a date the author
//! picks, so `2012-10-18` or `2024-01-01` is as wrong as `latest`. A missing `Version` is
//! TL123's and TL104's; a `Version` of the wrong type is TL004's; an unknown one is silent.

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::syntax::tree::NodeKind;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL103",
        name: "invalid-version",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "The policy Version is not `2012-10-17` or `2008-10-17`.",
        help: "Use `\"Version\": \"2012-10-17\"`.",
        security_severity: 5.0,
        doc: include_str!("../../rules/invalid-version.md"),
    },
    check: Check::Document(&InvalidVersion),
    unchecked_hint: None,
};

/// The policy language versions IAM accepts [UG:reference_policies_elements_version].
pub const VALID_VERSIONS: &[&str] = &["2012-10-17", "2008-10-17"];

struct InvalidVersion;

impl DocumentRule for InvalidVersion {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        let Some(members) = document.raw.as_object() else {
            return;
        };
        for member in members.iter().filter(|m| m.key == "Version") {
            let NodeKind::Str(value) = &member.value.kind else {
                continue;
            };
            if VALID_VERSIONS.contains(&value.as_str()) {
                continue;
            }
            let trimmed = value.trim();
            let (message, help) = if VALID_VERSIONS.contains(&trimmed) {
                (
                    format!("`Version` is {value:?}; remove the spaces around `{trimmed}`"),
                    format!("Write `\"Version\": \"{trimmed}\"`."),
                )
            } else {
                (
                    format!(
                        "`{value}` is not a policy language version; IAM accepts only `2012-10-17` (current) and `2008-10-17` (legacy)"
                    ),
                    "`Version` names the policy language, not the policy's date: use `\"Version\": \"2012-10-17\"`."
                        .to_string(),
                )
            };
            cx.report(Diagnostic::new(&RULE.meta, member.value.span, message).with_help(help));
        }
    }
}
