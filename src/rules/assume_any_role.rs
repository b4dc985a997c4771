//! TL301 `assume-any-role`: an identity policy allows `sts:AssumeRole` on every role of every
//! account.
//!
//! A role can be assumed when its trust policy and, for an account-wide or cross-account
//! trust, the caller's identity policy both allow it (AWS-SEMANTICS §1). The identity side is
//! the only gate the caller's own account controls, and AWS says what `*` does there: *"If
//! Resource is set to `*`, the user can assume any role in any account that trusts the user's
//! account"* [UG:id_roles_use_permissions-to-switch]. `arn:aws:iam::*:role/*` and the like
//! reach exactly as far; which patterns do is decided exactly
//! ([`covers_every_role`]). Prowler reports the same
//! (`iam_no_custom_policy_permissive_role_assumption`).
//!
//! Only `Action` grants are reported: a `NotAction` statement that does not exclude
//! `sts:AssumeRole` grants it implicitly, and TL304 owns that case, so one statement never
//! gets two findings. A positive condition on the role's account, organization or tags
//! (`aws:ResourceAccount`, `aws:ResourceOrgID`, `aws:ResourceTag/…`) limits the reach, so such
//! a statement is not reported; conditions on the caller (MFA, source IP) do not.
//! Permissions boundaries grant nothing and resource policies name no caller's grants, so only
//! identity policies are checked.

use super::prelude::describe;
use super::prelude::identity_grants::{
    covers_every_role, shown, unlimited_grants, wildcard_grant_label,
};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::action::ASSUME_ROLE;
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL301",
        name: "assume-any-role",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "An identity policy allows `sts:AssumeRole` on every role of every account.",
        help: "List the ARNs of the roles the principal needs to assume in `Resource` (`arn:aws:iam::111122223333:role/deploy`).",
        security_severity: 5.5,
        doc: include_str!("../../rules/assume-any-role.md"),
    },
    check: Check::Document(&AssumeAnyRole),
    unchecked_hint: None,
};

struct AssumeAnyRole;

impl DocumentRule for AssumeAnyRole {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (index, statement, resource) in
            unlimited_grants(document, ASSUME_ROLE, covers_every_role)
        {
            // `NotAction` statements are TL304's.
            if statement.action.is_none() {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                resource.span,
                format!(
                    "{} allows `{ASSUME_ROLE}` on `{}`, which is every role of every account: the principal can assume any role whose trust policy trusts its account",
                    describe(statement, index),
                    shown(resource)
                ),
            );
            if let Some((span, label)) = wildcard_grant_label(statement, ASSUME_ROLE) {
                diagnostic = diagnostic.with_label(span, label);
            }
            cx.report(diagnostic);
        }
    }
}
