//! TL206 `external-id-weak`: an `sts:ExternalId` condition that does not pin the external ID,
//! or names one AWS would never receive.
//!
//! The external ID guards a third party's access against the confused deputy only if the
//! trust requires the exact value the third party issued: it "must be unique among Example
//! Corp's customers" [UG:confused-deputy]. `sts:ExternalId` is present only when the caller
//! passes it (AWS-SEMANTICS §5), so in an Allow:
//!
//! * `StringLike` with a wildcard accepts every ID the pattern matches (`*`: any ID at all);
//! * `…IfExists` is true for a caller who passes none
//!   [UG:reference_policies_elements_condition_operators];
//! * a `Not…` operator is true for a caller who passes none, or any other ID.
//!
//! These are withheld when the same statement also pins the ID exactly (clauses are ANDed),
//! or when a Deny of the document refuses callers without it (as TL205 reads it).
//!
//! AWS accepts an external ID of 2 to 1,224 characters: letters, digits and `+ = , . @ : / -`
//! [UG:reference_iam-quotas], plus `_` (the STS `AssumeRole` API pattern `[\w+=,.@:/-]*`).
//! A policy value outside that can never be passed, so the statement is dead. `*` and `?`
//! are left to TL118 and to the wildcard finding above.
//!
//! The same external ID reused in trusts for different accounts is left out: one vendor may
//! run several accounts that all present the ID it issued you, and the linter cannot tell
//! which accounts belong to one vendor (and it would need more than one document).

use super::prelude::clauses_on;
use super::prelude::enforcing_deny::{EXTERNAL_ID, denies_without_external_id};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::condition::{BaseOp, SetOp};
use crate::model::pattern::has_wildcard;
use crate::model::{Document, DocumentKind, Effect, Statement, Val};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::rules::data::condition_keys::KeyType;

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL206",
        name: "external-id-weak",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "An `sts:ExternalId` condition does not pin the external ID, or names one AWS never receives.",
        help: "Require the exact ID the third party issued: `\"StringEquals\": {\"sts:ExternalId\": \"<id>\"}` (2–1,224 characters of letters, digits and `_+=,.@:/-`).",
        security_severity: 5.0,
        doc: include_str!("../../rules/external-id-weak.md"),
    },
    check: Check::Document(&ExternalIdWeak),
    unchecked_hint: None,
};

/// The lengths AWS accepts [UG:reference_iam-quotas].
const LENGTH: std::ops::RangeInclusive<usize> = 2..=1224;

struct ExternalIdWeak;

impl DocumentRule for ExternalIdWeak {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        for statement in &document.statements {
            let effect = statement.effect();
            if effect.is_none() {
                continue;
            }
            for (clause, op) in clauses_on(statement, EXTERNAL_ID) {
                if !is_string(op.base) {
                    continue;
                }
                for value in &clause.values {
                    // A symbol stands for deploy-time text (`${AWS::AccountId}`): only its
                    // identity is known, not the characters AWS will receive.
                    let Val::Known(text) = &value.value else {
                        continue;
                    };
                    if let Some(problem) = invalid(text) {
                        cx.report(Diagnostic::new(
                            &RULE.meta,
                            value.span,
                            format!(
                                "no caller can pass the external ID `{text}`: {problem}, and AWS accepts 2 to 1,224 letters, digits and `_+=,.@:/-`"
                            ),
                        ));
                    }
                }
                if effect != Some(Effect::Allow)
                    || pins_external_id(statement)
                    || document.may_hide_deny()
                    || denies_without_external_id(document, statement)
                {
                    continue;
                }
                let name = &clause.operator.value;
                let weakness = if op.if_exists {
                    Some(format!(
                        "`{name}` is true for a caller who passes no external ID"
                    ))
                } else if op.is_negated() {
                    Some(format!(
                        "`{name}` is true for a caller who passes no external ID, or any other one"
                    ))
                } else if op.base == BaseOp::StringLike && op.set != SetOp::ForAllValues {
                    clause
                        .values
                        .iter()
                        .filter_map(|v| v.known())
                        .find(|t| has_wildcard(t) && !t.contains("${"))
                        .map(|pattern| {
                            format!(
                                "`{name}` accepts every external ID that matches `{pattern}`, not one issued ID"
                            )
                        })
                } else {
                    None
                };
                if let Some(weakness) = weakness {
                    cx.report(Diagnostic::new(
                        &RULE.meta,
                        clause.operator.span,
                        format!("{weakness}: the confused-deputy guard does not hold"),
                    ));
                }
            }
        }
    }
}

/// Whether the operator compares strings (`String…`), the operators for `sts:ExternalId`.
fn is_string(base: BaseOp) -> bool {
    KeyType::of_operator(base) == Some(KeyType::String)
}

/// Whether the statement requires one exact external ID: a positive string clause whose
/// values are all known and free of wildcards (a `StringEquals` value is literal anyway).
/// A clause the linter cannot read may be that too.
fn pins_external_id(statement: &Statement) -> bool {
    statement.clauses().iter().any(|c| c.unreadable)
        || clauses_on(statement, EXTERNAL_ID).any(|(clause, op)| {
            op.is_positive()
                && op.set == SetOp::Single
                && is_string(op.base)
                && !clause.values.is_empty()
                && clause.values.iter().all(|v| {
                    v.known().is_some_and(|t| {
                        !t.contains("${") && (!op.base.takes_wildcards() || !has_wildcard(t))
                    })
                })
        })
}

/// Why AWS would never receive `text` as an external ID, if it would not. Wildcards and
/// policy variables are not judged here.
fn invalid(text: &str) -> Option<String> {
    if text.contains("${") {
        return None;
    }
    let bad = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "_+=,.@:/-*?".contains(*c)));
    if let Some(bad) = bad {
        return Some(match bad {
            ' ' => "it contains a space".to_string(),
            c if c.is_control() => format!("it contains the control character U+{:04X}", c as u32),
            c => format!("it contains `{c}`"),
        });
    }
    let length = text.chars().count();
    if has_wildcard(text) {
        return None;
    }
    if !LENGTH.contains(&length) {
        return Some(format!(
            "it is {length} character{} long",
            if length == 1 { "" } else { "s" }
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::invalid;

    #[test]
    fn external_id_values() {
        assert_eq!(invalid("a1b2c3_d4+e=f,g.h@i:j/k-l"), None);
        assert_eq!(invalid("x").as_deref(), Some("it is 1 character long"));
        assert_eq!(invalid("").as_deref(), Some("it is 0 characters long"));
        assert_eq!(invalid("my id").as_deref(), Some("it contains a space"));
        assert_eq!(invalid("id#1").as_deref(), Some("it contains `#`"));
        assert_eq!(invalid(&"a".repeat(1224)), None);
        assert!(invalid(&"a".repeat(1225)).is_some());
        assert_eq!(invalid("tenant-*"), None);
        assert_eq!(invalid("${aws:username}"), None);
    }
}
