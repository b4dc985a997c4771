//! TL111 `principal-partial-wildcard`: a wildcard inside an `AWS`, `Service` or `Federated`
//! principal value.
//!
//! "You cannot use a wildcard to match part of a principal name or ARN"; users and sessions
//! cannot be matched with `*` either [UG:reference_policies_elements_principal]. Access
//! Analyzer: ERROR "Unsupported wildcard in principal: Wildcards (*, ?) are not supported with
//! the principal key …" [AA-checks]. The rule covers trust and resource policies, the documents
//! that may carry a `Principal`.
//!
//! Only the whole value `"*"` is exempt. `{"AWS": "*"}` is documented (every principal);
//! `{"Service": "*"}` and `{"Federated": "*"}` are not, but the documentation only forbids
//! *partial* wildcards, so they are left alone rather than guessed at. `${…}` substitutions
//! (a CloudFormation `Fn::Sub`, a Terraform interpolation) are not wildcards and are removed
//! before looking.

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::pattern::has_wildcard;
use crate::model::{Document, DocumentKind, PrincipalForm};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL111",
        name: "principal-partial-wildcard",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A principal value has a wildcard that is not the whole value.",
        help: "List the exact principal ARNs, or trust the account and restrict the caller with an `ArnLike` condition on `aws:PrincipalArn`.",
        security_severity: 6.0,
        doc: include_str!("../../rules/principal-partial-wildcard.md"),
    },
    check: Check::Document(&PrincipalPartialWildcard),
    unchecked_hint: None,
};

struct PrincipalPartialWildcard;

/// The principal keys whose values are names or ARNs (`CanonicalUser` is an opaque ID).
const KEYS: &[&str] = &["AWS", "Service", "Federated"];

impl DocumentRule for PrincipalPartialWildcard {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if !matches!(document.kind, DocumentKind::Trust | DocumentKind::Resource) {
            return;
        }
        for statement in &document.statements {
            for principal in statement.principal.iter().chain(&statement.not_principal) {
                let PrincipalForm::Map(entries) = &principal.form else {
                    continue;
                };
                for entry in entries
                    .iter()
                    .filter(|e| KEYS.contains(&e.key.value.as_str()))
                {
                    for value in &entry.values {
                        let Some(text) = value.known() else {
                            continue;
                        };
                        if text == "*" || !has_wildcard(&without_substitutions(text)) {
                            continue;
                        }
                        let key = &entry.key.value;
                        let mut diagnostic = Diagnostic::new(
                            &RULE.meta,
                            value.span,
                            format!(
                                "the `{key}` principal `{text}` has a wildcard inside it; AWS does not support wildcards that match part of a principal name or ARN"
                            ),
                        );
                        if key != "AWS" {
                            diagnostic = diagnostic.with_help(format!(
                                "List each `{key}` principal exactly; there is no pattern form for them."
                            ));
                        }
                        cx.report(diagnostic);
                    }
                }
            }
        }
    }
}

/// The text with every `${…}` substitution removed (an unclosed `${` keeps the rest).
fn without_substitutions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::without_substitutions;

    #[test]
    fn substitutions_are_not_wildcards() {
        assert_eq!(
            without_substitutions("arn:aws:iam::${AWS::AccountId}:role/x"),
            "arn:aws:iam:::role/x"
        );
        assert_eq!(without_substitutions("a${b}c${d}"), "ac");
        assert_eq!(without_substitutions("a${b*"), "a${b*");
    }
}
