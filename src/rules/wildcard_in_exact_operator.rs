//! TL118 `wildcard-in-exact-operator`: a `StringEquals`-family condition value holds `*` or
//! `?`, which that operator compares literally.
//!
//! "Wildcards match only in `String*Like` operators and in the ARN operators": `StringEquals`,
//! `StringNotEquals` and their `IgnoreCase` forms treat `*` and `?` as the characters
//! themselves [UG:reference_policies_elements_condition_operators], so the value almost never
//! matches and the statement silently does nothing (an Allow that admits no one, a Deny that
//! denies no one). Access Analyzer reports it as "Wildcard without like operator"; the
//! CircleCI server-terraform PR #291 is the real breakage (a wildcard `sub` under
//! `StringEquals` made `AssumeRoleWithWebIdentity` fail). `ArnEquals`/`ArnNotEquals` take
//! wildcards exactly like `ArnLike` ([`BaseOp::takes_wildcards`]) and are not reported.
//!
//! The escapes `${*}`, `${?}` and `${$}` stand for the literal characters
//! [UG:reference_policies_variables], so a value that writes them means the character.

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::condition::Operator;
use crate::model::pattern::has_wildcard;
use crate::model::{Document, DocumentKind};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL118",
        name: "wildcard-in-exact-operator",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A `StringEquals`-family condition value holds `*` or `?`, which it compares literally.",
        help: "Use `StringLike` (or `StringNotLike`) for a pattern, or `ArnLike` for an ARN; keep `StringEquals` only if the value really contains `*` or `?`, written `${*}` or `${?}`.",
        security_severity: 4.0,
        doc: include_str!("../../rules/wildcard-in-exact-operator.md"),
    },
    check: Check::Document(&WildcardInExactOperator),
    unchecked_hint: None,
};

struct WildcardInExactOperator;

impl DocumentRule for WildcardInExactOperator {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind == DocumentKind::Resource {
            return;
        }
        for statement in &document.statements {
            for clause in statement.clauses().iter().filter(|c| !c.unreadable) {
                let Some(operator) = Operator::parse(&clause.operator.value) else {
                    continue;
                };
                if !operator.base.is_exact_string() {
                    continue;
                }
                for value in &clause.values {
                    let Some(text) = value.known() else {
                        continue;
                    };
                    if !has_wildcard(&without_escapes(text)) {
                        continue;
                    }
                    let name = &clause.operator.value;
                    cx.report(
                        Diagnostic::new(
                            &RULE.meta,
                            value.span,
                            format!(
                                "`{name}` compares `{}` with `{text}` literally: `*` and `?` are not wildcards here",
                                clause.key.value
                            ),
                        )
                        .with_label(
                            clause.operator.span,
                            "an exact comparison: only the `…Like` and ARN operators take wildcards",
                        ),
                    );
                }
            }
        }
    }
}

/// The value without the policy-variable escapes for literal characters (`${*}`, `${?}`,
/// `${$}`).
fn without_escapes(text: &str) -> String {
    text.replace("${*}", "")
        .replace("${?}", "")
        .replace("${$}", "")
}

#[cfg(test)]
mod tests {
    use super::without_escapes;
    use crate::model::pattern::has_wildcard;

    #[test]
    fn escaped_wildcards_are_literal_characters() {
        assert!(!has_wildcard(&without_escapes("a${*}b${?}")));
        assert!(has_wildcard(&without_escapes("repo:org/*")));
    }
}
