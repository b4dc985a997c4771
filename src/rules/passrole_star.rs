//! TL303 `passrole-star`: an identity policy allows `iam:PassRole` on every role.
//!
//! *"To pass a role (and its permissions) to an AWS service, a user must have permissions to
//! pass the role to the service"* [UG:id_roles_use_passrole]: `iam:PassRole` is what stands
//! between a principal that can configure a service (launch an instance, create a function)
//! and the permissions of every role that service may run as. On `*`, or on a pattern that
//! covers every role of an account (`arn:aws:iam::111122223333:role/*`; a role can only be
//! passed within its own account), the principal can borrow any role the account has, which
//! is the service-edge privilege escalation. IAM Access Analyzer reports the same as the
//! security warnings "Pass role with star in resource" and "… and NotAction" [AA-checks];
//! cfn_nag as F38–F40.
//!
//! The grant is read after case-folding and wildcards (`iam:Pass*`, `iam:*`, `*`), and
//! through `NotAction` when it does not exclude `iam:PassRole`. A positive condition on the
//! role's tags or account (`iam:ResourceTag/…`, `aws:ResourceTag/…`) limits the roles and is
//! not reported; `iam:PassedToService` limits the service, not the roles, and is. Whether a
//! `Resource` pattern covers every role is decided exactly
//! ([`covers_every_role_of_an_account`]).

use super::prelude::describe;
use super::prelude::identity_grants::{
    covers_every_role_of_an_account, shown, unlimited_grants, wildcard_grant_label,
};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};

const PASS_ROLE: &str = "iam:PassRole";

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL303",
        name: "passrole-star",
        severity: Severity::Warning,
        enabled_by_default: true,
        summary: "An identity policy allows `iam:PassRole` on every role.",
        help: "List the ARNs of the roles the principal may pass in `Resource`, and add an `iam:PassedToService` condition naming the service they are for.",
        security_severity: 6.0,
        doc: include_str!("../../rules/passrole-star.md"),
    },
    check: Check::Document(&PassroleStar),
    unchecked_hint: None,
};

struct PassroleStar;

impl DocumentRule for PassroleStar {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (index, statement, resource) in
            unlimited_grants(document, PASS_ROLE, covers_every_role_of_an_account)
        {
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                resource.span,
                format!(
                    "{} allows `{PASS_ROLE}` on `{}`, which covers every role: the principal can hand any role of its account, with the role's permissions, to an AWS service it configures",
                    describe(statement, index),
                    shown(resource)
                ),
            );
            if let Some((span, label)) = wildcard_grant_label(statement, PASS_ROLE) {
                diagnostic = diagnostic.with_label(span, label);
            } else if let Some(not_action) = &statement.not_action {
                diagnostic = diagnostic.with_label(
                    not_action.key_span,
                    format!("`NotAction` does not exclude `{PASS_ROLE}`, so it grants it"),
                );
            }
            cx.report(diagnostic);
        }
    }
}
