//! TL302 `assume-resource-not-a-role`: an identity policy grants `sts:AssumeRole` on a
//! resource that cannot be a role.
//!
//! The `AssumeRole*` calls act on one resource type, the role
//! (`arn:<partition>:iam::<account>:role/<path/>name`; AWS-SEMANTICS §8), and an identity
//! policy's `Resource` only applies to requests on matching ARNs
//! [UG:reference_policies_elements_resource]. A user, group or policy ARN, an ARN of another
//! service, an ARN without `role/`, with a region, or with an account ID that is not 12 digits
//! matches no role, so the grant does nothing — usually a typo or a trust principal pasted
//! into the wrong place, and the caller is then denied. Whether a pattern can match a role is
//! decided exactly ([`may_match_a_role`]).
//!
//! Only statements whose actions are all named assume actions are checked: a statement that
//! also grants `s3:GetObject`, or `sts:*`, is not useless on a bucket ARN.

use super::prelude::describe;
use super::prelude::identity_grants::{is_own_identity_policy, may_match_a_role, shown};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::ASSUME_ACTIONS;
use crate::model::arn::{Arn, is_account_id};
use crate::model::pattern::has_wildcard;
use crate::model::{Document, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL302",
        name: "assume-resource-not-a-role",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "An identity policy grants `sts:AssumeRole` on a resource that cannot be a role.",
        help: "Use the ARN of the role to assume: `arn:aws:iam::<12-digit account>:role/<path/>name`.",
        security_severity: 1.0,
        doc: include_str!("../../rules/assume-resource-not-a-role.md"),
    },
    check: Check::Document(&AssumeResourceNotARole),
    unchecked_hint: None,
};

struct AssumeResourceNotARole;

impl DocumentRule for AssumeResourceNotARole {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if !is_own_identity_policy(document) {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            let Some(action) = only_assume_action(statement) else {
                continue;
            };
            let Some(resources) = &statement.resource else {
                continue;
            };
            for value in &resources.values {
                if may_match_a_role(value) != Tri::No {
                    continue;
                }
                let text = shown(value);
                cx.report(Diagnostic::new(
                    &RULE.meta,
                    value.span,
                    format!(
                        "{} allows `{action}` on `{text}`, which {}: the action applies to roles only, so this grant has no effect",
                        describe(statement, index),
                        why_not_a_role(value.known().unwrap_or(text))
                    ),
                ));
            }
        }
    }
}

/// The assume action an `Allow` statement grants, when every action it names is one of
/// [`ASSUME_ACTIONS`] written out (case-insensitively).
fn only_assume_action(statement: &Statement) -> Option<&'static str> {
    if !statement.is_allow() {
        return None;
    }
    let values = &statement.action.as_ref()?.values;
    let mut first = None;
    for value in values {
        let text = value.known()?;
        let action = ASSUME_ACTIONS
            .iter()
            .copied()
            .find(|a| a.eq_ignore_ascii_case(text))?;
        first.get_or_insert(action);
    }
    first
}

/// Why a value that matches no role ARN is not one, in words.
fn why_not_a_role(text: &str) -> String {
    let Some(arn) = Arn::parse(text) else {
        return "is not an ARN".to_string();
    };
    if !has_wildcard(arn.service) && arn.service != "iam" {
        return format!("is an ARN of service `{}`, not IAM", arn.service);
    }
    if !has_wildcard(arn.region) && !arn.region.is_empty() {
        return format!("has a region (`{}`), and IAM ARNs have none", arn.region);
    }
    if !has_wildcard(arn.account) && !is_account_id(arn.account) {
        return format!("names account `{}`, not a 12-digit account ID", arn.account);
    }
    if has_wildcard(arn.resource) {
        return "matches no role ARN".to_string();
    }
    match arn.resource.split_once('/') {
        Some(("user", _)) => "is a user ARN, not a role ARN".to_string(),
        Some(("group", _)) => "is a group ARN, not a role ARN".to_string(),
        Some(("policy", _)) => "is a policy ARN, not a role ARN".to_string(),
        _ => "is not a role ARN (`role/<name>` after the account)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::why_not_a_role;

    #[test]
    fn reasons_name_the_mistake() {
        assert_eq!(
            why_not_a_role("arn:aws:iam::111122223333:user/alice"),
            "is a user ARN, not a role ARN"
        );
        assert_eq!(
            why_not_a_role("arn:aws:s3:::bucket"),
            "is an ARN of service `s3`, not IAM"
        );
        assert_eq!(
            why_not_a_role("arn:aws:iam::1111222233:role/x"),
            "names account `1111222233`, not a 12-digit account ID"
        );
        assert_eq!(
            why_not_a_role("arn:aws:iam::111122223333:admin"),
            "is not a role ARN (`role/<name>` after the account)"
        );
        assert_eq!(why_not_a_role("admin"), "is not an ARN");
    }
}
