//! TL216 `conditioned-trust-shadowed`: a conditioned Allow whose condition has no effect,
//! because another Allow of the same trust admits the same principal without one.
//!
//! Statements are ORed: a request is allowed if any Allow matches it (and no Deny does)
//! [UG:reference_policies_evaluation-logic]. So an Allow for principal P with a condition is
//! **widened, not narrowed**, by an unconditioned Allow that also covers P for the same
//! action: P gets in through the latter whatever the condition says. That is how
//! terraform-aws-modules/terraform-aws-lambda PR #771 left a service trust open ("an added
//! conditioned statement does not restrict the unconditioned service principal — it only
//! widens the trust"; AWS-SEMANTICS §5).
//!
//! An unconditioned Allow covers P when it names P itself (a bare account ID and its `:root`
//! ARN are the same principal), `{"AWS": "*"}` (for an `AWS` principal), or P's account: the
//! account principal admits every principal of the account on the trust side
//! [UG:reference_policies_elements_principal]; those principals still need an identity grant
//! for it, which the message says (AWS-SEMANTICS §1). Values the linter cannot read, and
//! statements whose effect or condition it cannot read, are never compared.

use super::prelude::{and_list, describe};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{TRUST_ACTIONS, covers};
use crate::model::arn::{AwsPrincipal, classify_aws_principal};
use crate::model::{Document, DocumentKind, Principal, SVal, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL216",
        name: "conditioned-trust-shadowed",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "A conditioned trust statement has no effect: another statement admits the same principal without conditions.",
        help: "Statements are ORed: put the condition on every statement that admits the principal, or remove the unconditioned statement.",
        security_severity: 5.0,
        doc: include_str!("../../rules/conditioned-trust-shadowed.md"),
    },
    check: Check::Document(&ConditionedTrustShadowed),
    unchecked_hint: None,
};

struct ConditionedTrustShadowed;

impl DocumentRule for ConditionedTrustShadowed {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        let statements = &document.statements;
        for (index, conditioned) in statements.iter().enumerate() {
            if !conditioned.is_allow() || !has_readable_condition(conditioned) {
                continue;
            }
            for value in principal_values(conditioned) {
                let Some(text) = value.1.known() else {
                    continue;
                };
                let found = statements.iter().enumerate().find_map(|(other, open)| {
                    if other == index || !is_unconditioned_allow(open) {
                        return None;
                    }
                    let actions = shared_actions(conditioned, open);
                    if actions.is_empty() {
                        return None;
                    }
                    let (by, how) = principal_values(open)
                        .filter_map(|(key, v)| {
                            Some((v, covers_principal(key, v.known()?, value.0, text)?))
                        })
                        .min_by_key(|(_, how)| *how)?;
                    Some((other, actions, by, how))
                });
                let Some((other, actions, by, how)) = found else {
                    continue;
                };
                let granted = granted_actions(conditioned);
                let for_actions = if actions.len() == granted.len() {
                    String::new()
                } else {
                    format!(" for {}", and_list(&actions))
                };
                let label = match how {
                    Cover::Same => format!(
                        "{} admits `{text}` without conditions",
                        describe(&statements[other], other)
                    ),
                    Cover::Account => format!(
                        "{} admits the whole account without conditions: `{text}` gets in through it wherever its identity policy allows the assume call",
                        describe(&statements[other], other)
                    ),
                    Cover::Anyone => format!(
                        "{} admits every AWS principal without conditions",
                        describe(&statements[other], other)
                    ),
                };
                cx.report(
                    Diagnostic::new(
                        &RULE.meta,
                        value.1.span,
                        format!(
                            "the condition of {} does not restrict `{text}`{for_actions}: {} admits {} without conditions, and statements are ORed",
                            describe(conditioned, index),
                            describe(&statements[other], other),
                            match how {
                                Cover::Same => "it",
                                Cover::Account => "its whole account",
                                Cover::Anyone => "every AWS principal",
                            }
                        ),
                    )
                    .with_label(by.span, label),
                );
            }
        }
    }
}

/// How an unconditioned principal value covers the conditioned one; the closest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cover {
    Same,
    Account,
    Anyone,
}

/// Whether the statement has a condition the linter can read (an unreadable one may be
/// empty once deployed).
fn has_readable_condition(statement: &Statement) -> bool {
    statement.clauses().iter().any(|c| !c.unreadable)
}

/// An Allow with no `Condition` at all (an unreadable one may restrict anything).
fn is_unconditioned_allow(statement: &Statement) -> bool {
    statement.is_allow() && statement.not_principal.is_none() && statement.clauses().is_empty()
}

/// The principal values of a statement with their key; the bare `"*"` counts as `AWS`.
fn principal_values(statement: &Statement) -> impl Iterator<Item = (&str, &SVal)> {
    statement.principal.iter().flat_map(Principal::entries)
}

/// The trust actions the statement certainly grants.
fn granted_actions(statement: &Statement) -> Vec<&'static str> {
    TRUST_ACTIONS
        .iter()
        .copied()
        .filter(|a| covers(statement, a) == Tri::Yes)
        .collect()
}

/// The trust actions both statements certainly grant.
fn shared_actions(conditioned: &Statement, open: &Statement) -> Vec<&'static str> {
    granted_actions(conditioned)
        .into_iter()
        .filter(|a| covers(open, a) == Tri::Yes)
        .collect()
}

/// Whether the unconditioned value `open` (under `open_key`) admits the principal `text`
/// (under `key`), and how.
fn covers_principal(open_key: &str, open: &str, key: &str, text: &str) -> Option<Cover> {
    if open_key != key {
        return None;
    }
    if key != "AWS" {
        return (open == text).then_some(Cover::Same);
    }
    let wanted = classify_aws_principal(text);
    match classify_aws_principal(open) {
        AwsPrincipal::Anyone => Some(if wanted == AwsPrincipal::Anyone {
            Cover::Same
        } else {
            Cover::Anyone
        }),
        AwsPrincipal::Account { account } => match wanted {
            AwsPrincipal::Account { account: a } => (a == account).then_some(Cover::Same),
            AwsPrincipal::User { account: a, .. }
            | AwsPrincipal::Role { account: a, .. }
            | AwsPrincipal::AssumedRole { account: a, .. }
            | AwsPrincipal::FederatedUser { account: a, .. } => {
                (a == account).then_some(Cover::Account)
            }
            _ => None,
        },
        AwsPrincipal::Invalid(_) => None,
        _ => (open == text).then_some(Cover::Same),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_covers_its_principals_and_its_root_arn() {
        let account = "111122223333";
        assert_eq!(
            covers_principal("AWS", account, "AWS", "arn:aws:iam::111122223333:root"),
            Some(Cover::Same)
        );
        assert_eq!(
            covers_principal("AWS", account, "AWS", "arn:aws:iam::111122223333:role/ci"),
            Some(Cover::Account)
        );
        assert_eq!(
            covers_principal("AWS", account, "AWS", "arn:aws:iam::444455556666:role/ci"),
            None
        );
        assert_eq!(
            covers_principal("AWS", "*", "Service", "lambda.amazonaws.com"),
            None
        );
        assert_eq!(
            covers_principal(
                "Service",
                "lambda.amazonaws.com",
                "Service",
                "lambda.amazonaws.com"
            ),
            Some(Cover::Same)
        );
    }
}
