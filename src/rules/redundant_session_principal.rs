//! TL121 `redundant-session-principal`: a trust statement lists both a role and a session of
//! that same role.
//!
//! A role-session principal `arn:aws:sts::A:assumed-role/R/S` names one session of the role
//! `arn:aws:iam::A:role/R` [UG:reference_policies_elements_principal, "Role session
//! principals"]. Listed together with the role in one
//! `Principal` element, the session adds nothing: Access Analyzer's suggestion "Redundant
//! principal in role trust policy" says the pair *"does not allow or deny any different
//! permissions"* and recommends removing the assumed-role principal [AA-checks]. The check is
//! per statement, as Access Analyzer's is: in another statement the session may carry other
//! actions or conditions, and then it is not redundant. A session ARN carries the role's name,
//! never its path, so `role/team/R` and `assumed-role/R/S` match.

use super::prelude::describe;
use super::prelude::trust_actions::statements_of_trust;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::arn::{Arn, AwsPrincipal, classify_aws_principal};
use crate::model::{Document, SVal};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL121",
        name: "redundant-session-principal",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A trust statement lists both a role and a session of that role.",
        help: "Remove the `assumed-role/…` principal, as Access Analyzer recommends, or the role principal if only that session is meant to be trusted.",
        security_severity: 1.0,
        doc: include_str!("../../rules/redundant-session-principal.md"),
    },
    check: Check::Document(&RedundantSessionPrincipal),
    unchecked_hint: None,
};

struct RedundantSessionPrincipal;

/// `(partition, account, role name)` of a role or role-session principal.
fn role_of(text: &str) -> Option<(&str, &str, &str)> {
    let partition = Arn::parse(text)?.partition;
    match classify_aws_principal(text) {
        AwsPrincipal::Role {
            account,
            path_and_name,
        } => Some((partition, account, path_and_name.rsplit('/').next()?)),
        AwsPrincipal::AssumedRole {
            account,
            role_and_session,
        } => Some((partition, account, role_and_session.split('/').next()?)),
        _ => None,
    }
}

fn is_session(value: &SVal) -> bool {
    value
        .known()
        .is_some_and(|t| matches!(classify_aws_principal(t), AwsPrincipal::AssumedRole { .. }))
}

impl DocumentRule for RedundantSessionPrincipal {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (index, statement) in statements_of_trust(document).iter().enumerate() {
            let values: Vec<&SVal> = statement.principal_values("AWS").collect();
            for session in values.iter().filter(|v| is_session(v)) {
                let Some(text) = session.known() else {
                    continue;
                };
                let Some(role) = role_of(text) else {
                    continue;
                };
                let parent = values
                    .iter()
                    .find(|v| !is_session(v) && v.known().and_then(role_of) == Some(role));
                let Some(parent) = parent else {
                    continue;
                };
                let parent_text = parent.known().unwrap_or_default();
                cx.report(
                    Diagnostic::new(
                        &RULE.meta,
                        session.span,
                        format!(
                            "{} lists the session `{text}` beside its own role `{parent_text}`: the session principal is redundant and allows nothing the role principal does not",
                            describe(statement, index)
                        ),
                    )
                    .with_label(parent.span, "the role of that session"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::role_of;

    #[test]
    fn session_and_role_name_the_same_role_whatever_the_path() {
        assert_eq!(
            role_of("arn:aws:iam::111122223333:role/team/deploy"),
            role_of("arn:aws:sts::111122223333:assumed-role/deploy/alice")
        );
        assert_ne!(
            role_of("arn:aws:iam::111122223333:role/deploy"),
            role_of("arn:aws:sts::444455556666:assumed-role/deploy/alice")
        );
        assert_eq!(role_of("arn:aws:iam::111122223333:root"), None);
    }
}
