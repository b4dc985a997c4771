//! TL114 `trust-invalid-action`: a trust statement names an action that does not exist, or
//! one a role trust policy cannot grant.
//!
//! A role trust policy grants the calls that start a role session and the permissions
//! `AssumeRole` checks on the role: `sts:AssumeRole`, `sts:AssumeRoleWithSAML`,
//! `sts:AssumeRoleWithWebIdentity`, `sts:TagSession`, `sts:SetSourceIdentity`,
//! `sts:SetContext` (AWS-SEMANTICS §4; the STS Service Authorization Reference, bundled in
//! `data/sts_actions.txt`). Action names are case-insensitive and take `*` and `?`
//! [UG:reference_policies_elements_action], so a value is judged by what it matches:
//!
//! * a value that matches no STS action at all (`sts:AssumeRoles`, or no `service:` prefix)
//!   is Access Analyzer's error "Invalid action: The action … does not exist" [AA-checks],
//!   which holds in any statement, `Allow` or `Deny`, `Action` or `NotAction`;
//! * in an `Allow` statement's `Action`, an STS action that is not a trust action
//!   (`sts:GetCallerIdentity`) or an action of another service (`s3:GetObject`) grants the
//!   principal nothing through this policy: a trust policy is only consulted for the role's
//!   STS calls. In a `Deny` or a `NotAction` such a value takes nothing away from anyone, and
//!   is not reported.
//!
//! `*`, `sts:*` and `sts:Assume*` match trust actions: they are TL215's. A value with a wildcard
//! in its service part, a `${…}` substitution or an unknown value is not judged.

use super::data::sts_actions::STS_ACTIONS;
use super::prelude::describe;
use super::prelude::trust_actions::statements_of_trust;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::pattern::{has_wildcard, wildcard_match};
use crate::model::{Document, Effect, SVal};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL114",
        name: "trust-invalid-action",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust statement names an action that does not exist or that a trust policy cannot grant.",
        help: "Use the STS actions a trust grants: `sts:AssumeRole`, `sts:AssumeRoleWithSAML`, `sts:AssumeRoleWithWebIdentity`, `sts:TagSession`, `sts:SetSourceIdentity` or `sts:SetContext`; permissions on other services belong in the role's permission policies.",
        security_severity: 3.0,
        doc: include_str!("../../rules/trust-invalid-action.md"),
    },
    check: Check::Document(&TrustInvalidAction),
    unchecked_hint: None,
};

struct TrustInvalidAction;

/// What is wrong with one action value.
#[derive(Debug, PartialEq, Eq)]
enum Problem {
    /// No `service:` prefix.
    NoPrefix,
    /// An `sts:` value that matches no STS action.
    NoSuchStsAction,
    /// STS actions, none of which a trust grants.
    NotTrustAction(Vec<String>),
    /// An action of another service.
    OtherService,
}

impl Problem {
    /// Whether the value is wrong wherever it appears (AWS would call it invalid), not only
    /// when an `Allow` grants it.
    fn is_invalid_anywhere(&self) -> bool {
        matches!(self, Problem::NoPrefix | Problem::NoSuchStsAction)
    }
}

/// Judges one known action value, or `None` when it is fine or not judged.
fn problem(value: &str) -> Option<Problem> {
    if value == "*" || value.contains("${") {
        return None;
    }
    let Some((service, _)) = value.split_once(':') else {
        return Some(Problem::NoPrefix);
    };
    if has_wildcard(service) {
        return None;
    }
    if !service.eq_ignore_ascii_case("sts") {
        return Some(Problem::OtherService);
    }
    let matched: Vec<_> = STS_ACTIONS
        .iter()
        .filter(|a| wildcard_match(value, &a.action, true))
        .collect();
    if matched.is_empty() {
        Some(Problem::NoSuchStsAction)
    } else if matched.iter().any(|a| a.trust) {
        None
    } else {
        Some(Problem::NotTrustAction(
            matched.iter().map(|a| a.action.clone()).collect(),
        ))
    }
}

impl DocumentRule for TrustInvalidAction {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (index, statement) in statements_of_trust(document).iter().enumerate() {
            let allow = statement.effect() == Some(Effect::Allow);
            let lists = [(&statement.action, true), (&statement.not_action, false)];
            for (list, is_action) in lists {
                let Some(list) = list else {
                    continue;
                };
                for value in &list.values {
                    let Some(text) = value.known() else {
                        continue;
                    };
                    let Some(problem) = problem(text) else {
                        continue;
                    };
                    if problem.is_invalid_anywhere() || (allow && is_action) {
                        cx.report(diagnostic(
                            value,
                            text,
                            &problem,
                            &describe(statement, index),
                        ));
                    }
                }
            }
        }
    }
}

fn diagnostic(value: &SVal, text: &str, problem: &Problem, statement: &str) -> Diagnostic {
    let message = match problem {
        Problem::NoPrefix => format!(
            "`{text}` in {statement} is not an action: actions are written `service:Action`, such as `sts:AssumeRole`"
        ),
        Problem::NoSuchStsAction => {
            if has_wildcard(text) {
                format!("`{text}` in {statement} matches no STS action")
            } else {
                format!("`{text}` in {statement} is not an STS action: it does not exist")
            }
        }
        Problem::NotTrustAction(matched) if has_wildcard(text) => format!(
            "{statement} grants `{text}`, which matches only STS actions a role trust policy does not grant ({}): they belong in identity policies",
            matched.join(", ")
        ),
        Problem::NotTrustAction(_) => format!(
            "{statement} grants `{text}`, an STS action a role trust policy does not grant: it belongs in identity policies"
        ),
        Problem::OtherService => format!(
            "{statement} grants `{text}`, an action of another service: a role trust policy only grants STS actions on the role, such as `sts:AssumeRole`"
        ),
    };
    Diagnostic::new(&RULE.meta, value.span, message)
}

#[cfg(test)]
mod tests {
    use super::{Problem, problem};

    #[test]
    fn trust_actions_and_their_wildcards_are_fine() {
        for ok in [
            "sts:AssumeRole",
            "STS:assumerolewithsaml",
            "sts:*",
            "sts:Assume*",
            "sts:Tag?ession",
            "*",
            "s*:AssumeRole",
        ] {
            assert_eq!(problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn judges_the_rest() {
        assert_eq!(problem("sts:AssumeRoles"), Some(Problem::NoSuchStsAction));
        assert_eq!(problem("sts:Foo*"), Some(Problem::NoSuchStsAction));
        assert_eq!(problem("AssumeRole"), Some(Problem::NoPrefix));
        assert_eq!(problem("s3:GetObject"), Some(Problem::OtherService));
        assert_eq!(
            problem("sts:GetCallerIdentity"),
            Some(Problem::NotTrustAction(vec![
                "sts:GetCallerIdentity".into()
            ]))
        );
        assert_eq!(
            problem("sts:Get*Token"),
            Some(Problem::NotTrustAction(vec![
                "sts:GetDelegatedAccessToken".into(),
                "sts:GetFederationToken".into(),
                "sts:GetServiceBearerToken".into(),
                "sts:GetSessionToken".into(),
                "sts:GetWebIdentityToken".into(),
            ]))
        );
    }
}
