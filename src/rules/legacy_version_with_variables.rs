//! TL104 `legacy-version-with-variables`: the policy uses the 2008-10-17 language version (or
//! none), where policy variables are literal text.
//!
//! "If you do not include a Version element, the value defaults to 2008-10-17, but newer
//! features, such as policy variables, will not work with your policy. For example, variables
//! such as ${aws:username} aren't recognized as variables and are instead treated as literal
//! strings" [UG:reference_policies_elements_version]. So a `${…}` in such a policy matches only
//! the literal text: a warning. `2008-10-17` without any variable still works as written, but
//! AWS says "Do not use this version for any new policies" (same page): an info. A missing
//! `Version` without variables is TL123's.

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::Document;
use crate::model::variables::first_policy_variable;
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL104",
        name: "legacy-version-with-variables",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "The policy uses the 2008-10-17 language version (or none), where policy variables are literal text.",
        help: "Set `\"Version\": \"2012-10-17\"`.",
        security_severity: 4.0,
        doc: include_str!("../../rules/legacy-version-with-variables.md"),
    },
    check: Check::Document(&LegacyVersionWithVariables),
    unchecked_hint: None,
};

const LEGACY: &str = "2008-10-17";

struct LegacyVersionWithVariables;

impl DocumentRule for LegacyVersionWithVariables {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        let version = match &document.version {
            Some(version) => match version.known() {
                Some(LEGACY) => Some(version),
                // Current, invalid (TL103) or unknown: nothing to say here.
                _ => return,
            },
            None => {
                // A `Version` of the wrong type is TL004's, not a missing one.
                if document.raw.get("Version").is_some() {
                    return;
                }
                None
            }
        };
        let first_variable = first_policy_variable(document);
        match (first_variable, version) {
            (Some((value, variable)), version) => {
                let message = match version {
                    Some(_) => format!(
                        "policy variable `{variable}` is matched as literal text under `Version` `2008-10-17`"
                    ),
                    None => format!(
                        "policy variable `{variable}` is matched as literal text: the policy has no `Version`, so IAM reads it as `2008-10-17`"
                    ),
                };
                let mut diagnostic = Diagnostic::new(&RULE.meta, value.span, message).with_help(
                    match version {
                        Some(_) => "Change the policy to `\"Version\": \"2012-10-17\"` so that IAM substitutes policy variables.",
                        None => "Add `\"Version\": \"2012-10-17\"` at the top of the policy so that IAM substitutes policy variables.",
                    },
                );
                if let Some(version) = version {
                    diagnostic = diagnostic.with_label(
                        version.span,
                        "this language version does not substitute policy variables",
                    );
                }
                cx.report(diagnostic);
            }
            (None, Some(version)) => cx.report(
                Diagnostic::new(
                    &RULE.meta,
                    version.span,
                    "`2008-10-17` is the legacy policy language version; policy variables and newer features need `2012-10-17`",
                )
                .with_severity(Severity::Info)
                .with_help("Use `\"Version\": \"2012-10-17\"`; AWS advises against `2008-10-17` for new or updated policies."),
            ),
            (None, None) => {}
        }
    }
}
