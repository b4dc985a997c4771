//! TL123 `missing-version`: a policy has no `Version` element.
//!
//! Without `Version`, AWS reads a policy as `2008-10-17`, where "variables such as
//! `${aws:username}` aren't recognized as variables and are instead treated as literal strings"
//! [UG:reference_policies_elements_version]; Access Analyzer: "Missing version" [AA-checks].
//! An `info`: a policy without variables means the same either way. When variables do appear,
//! TL104 reports the consequence. Resource policies belong to other services and are left
//! alone. Presence is read from the source tree, so a `Version` of the wrong JSON type is
//! TL004's.

use super::prelude::opening;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::variables::first_policy_variable;
use crate::model::{Document, DocumentKind};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL123",
        name: "missing-version",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "The policy has no Version element, so AWS reads it as 2008-10-17.",
        help: "Add `\"Version\": \"2012-10-17\"` as the first element of the policy.",
        security_severity: 1.0,
        doc: include_str!("../../rules/missing-version.md"),
    },
    check: Check::Document(&MissingVersion),
    unchecked_hint: None,
};

struct MissingVersion;

impl DocumentRule for MissingVersion {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind == DocumentKind::Resource {
            return;
        }
        let Some(members) = document.raw.as_object() else {
            return;
        };
        if document.version.is_some() || members.iter().any(|m| m.key == "Version") {
            return;
        }
        // With policy variables the missing version changes the policy's meaning: TL104
        // reports that, as a warning; saying it twice would be noise.
        if first_policy_variable(document).is_some() {
            return;
        }
        cx.report(Diagnostic::new(
            &RULE.meta,
            opening(document.span),
            format!(
                "this {} has no `Version`, so AWS reads it as `2008-10-17`, where policy variables such as `${{aws:username}}` are plain text",
                document.kind.noun()
            ),
        ));
    }
}
