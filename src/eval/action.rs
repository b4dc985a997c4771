//! Does a statement's `Action` / `NotAction` cover an action? Action names are
//! case-insensitive and take `*` and `?` [UG:reference_policies_elements_action].

use super::Tri;
use crate::model::pattern::wildcard_match;
use crate::model::{SVal, Statement};

/// The call that starts a role session with AWS credentials [STS-API].
pub const ASSUME_ROLE: &str = "sts:AssumeRole";
/// The call that starts a role session with a SAML assertion [STS-API].
pub const ASSUME_ROLE_WITH_SAML: &str = "sts:AssumeRoleWithSAML";
/// The call that starts a role session with a web identity (OIDC) token [STS-API].
pub const ASSUME_ROLE_WITH_WEB_IDENTITY: &str = "sts:AssumeRoleWithWebIdentity";

/// The actions a role trust statement can grant (AWS-SEMANTICS §4; STS service reference).
pub const TRUST_ACTIONS: &[&str] = &[
    ASSUME_ROLE,
    ASSUME_ROLE_WITH_SAML,
    ASSUME_ROLE_WITH_WEB_IDENTITY,
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
];

/// The calls that start a role session.
pub const ASSUME_ACTIONS: &[&str] = &[
    ASSUME_ROLE,
    ASSUME_ROLE_WITH_SAML,
    ASSUME_ROLE_WITH_WEB_IDENTITY,
];

/// Whether one `Action` value matches `action`.
pub fn value_matches(value: &SVal, action: &str) -> Tri {
    match value.known() {
        Some(pattern) => Tri::from_bool(wildcard_match(pattern, action, true)),
        None => Tri::Unknown,
    }
}

/// Whether the statement's action element covers `action`. A statement with neither
/// `Action` nor `NotAction` covers nothing (AWS rejects it).
pub fn covers(statement: &Statement, action: &str) -> Tri {
    if let Some(list) = &statement.action {
        Tri::any(list.values.iter().map(|v| value_matches(v, action)))
    } else if let Some(list) = &statement.not_action {
        !Tri::any(list.values.iter().map(|v| value_matches(v, action)))
    } else {
        Tri::No
    }
}

/// Whether the statement covers any of `actions`.
pub fn covers_any(statement: &Statement, actions: &[&str]) -> Tri {
    Tri::any(actions.iter().map(|a| covers(statement, a)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Val, ValueList};
    use crate::source::Span;

    #[test]
    fn actions_are_case_insensitive() {
        let s = Statement {
            action: Some(ValueList::known(&["STS:assumerole"])),
            ..Statement::default()
        };
        assert_eq!(covers(&s, "sts:AssumeRole"), Tri::Yes);
    }

    #[test]
    fn not_action_covers_everything_else() {
        let s = Statement {
            not_action: Some(ValueList::known(&["iam:*"])),
            ..Statement::default()
        };
        assert_eq!(covers(&s, "sts:AssumeRole"), Tri::Yes);
        assert_eq!(covers(&s, "iam:PassRole"), Tri::No);
    }

    #[test]
    fn unknown_action_is_unknown() {
        let mut s = Statement {
            action: Some(ValueList::known(&[])),
            ..Statement::default()
        };
        s.action.as_mut().unwrap().values.push(SVal {
            value: Val::Unknown("var.action".into()),
            span: Span::file_start(0),
        });
        assert_eq!(covers(&s, "sts:AssumeRole"), Tri::Unknown);
    }
}
