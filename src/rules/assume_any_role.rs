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
use super::prelude::identity_grants::{covers_every_role, limits_roles, resource_covering, shown};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::{covers, value_matches};
use crate::model::{Document, DocumentKind};
use crate::report::diagnostic::{Diagnostic, Severity};

/// The action the rule is about.
const ASSUME_ROLE: &str = "sts:AssumeRole";

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
        if document.kind != DocumentKind::Identity {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            let Some(actions) = &statement.action else {
                continue;
            };
            if !statement.is_allow() || covers(statement, ASSUME_ROLE) != Tri::Yes {
                continue;
            }
            if limits_roles(statement) != Tri::No {
                continue;
            }
            let Some(resource) = resource_covering(statement, covers_every_role) else {
                continue;
            };
            let written = shown(resource);
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                resource.span,
                format!(
                    "{} allows `{ASSUME_ROLE}` on `{written}`, which is every role of every account: the principal can assume any role whose trust policy trusts its account",
                    describe(statement, index)
                ),
            );
            if let Some(action) = actions
                .values
                .iter()
                .find(|v| value_matches(v, ASSUME_ROLE) == Tri::Yes)
                .filter(|v| v.known() != Some(ASSUME_ROLE))
            {
                diagnostic = diagnostic.with_label(
                    action.span,
                    format!("`{}` grants `{ASSUME_ROLE}`", action.value.written()),
                );
            }
            cx.report(diagnostic);
        }
    }
}
