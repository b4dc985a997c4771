//! TL204 `trust-account-wide`: a trust names a whole account, delegating the choice of who may
//! assume the role to that account's identity policies.
//!
//! `arn:aws:iam::A:root` and the bare `"A"` both mean the account, not its root user: "Using
//! the account ARN in the Principal element does not limit permissions to only the root user"
//! [UG:reference_policies_elements_principal]. Every principal of that account whose identity
//! policy allows `sts:AssumeRole` on the role can then assume it
//! [UG:id_roles_use_permissions-to-switch]. That is the documented way to delegate to an
//! account, so this is an `info`, never a risk: checkov's CKV_AWS_61 reported it as a
//! vulnerability and was corrected (bridgecrewio/checkov #7209).

use super::prelude::role_name;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::model::arn::{AwsPrincipal, classify_aws_principal};
use crate::model::{Document, DocumentKind, PrincipalForm};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL204",
        name: "trust-account-wide",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A trust names a whole account, delegating to that account's identity policies.",
        help: "This is how AWS delegates to an account; name exact role or user ARNs instead if only they should assume the role.",
        security_severity: 2.0,
        doc: include_str!("../../rules/trust-account-wide.md"),
    },
    check: Check::Document(&TrustAccountWide),
    unchecked_hint: None,
};

struct TrustAccountWide;

impl DocumentRule for TrustAccountWide {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        if document.kind != DocumentKind::Trust {
            return;
        }
        let own_account = document.owner.as_ref().and_then(|o| o.account.as_deref());
        for statement in document.statements.iter().filter(|s| s.is_allow()) {
            let Some(principal) = &statement.principal else {
                continue;
            };
            if matches!(principal.form, PrincipalForm::Star(_)) {
                continue;
            }
            for value in principal.values_of("AWS") {
                // An unknown value (a variable) is never a finding; the deploying account
                // (`data.aws_caller_identity.current.account_id`) is an account all the same.
                let Some(text) = value.identity() else {
                    continue;
                };
                let AwsPrincipal::Account { account } = classify_aws_principal(text) else {
                    continue;
                };
                let whose = if own_account == Some(account) {
                    format!("its own account `{account}`")
                } else {
                    format!("account `{account}`")
                };
                let mut diagnostic = Diagnostic::new(
                    &RULE.meta,
                    value.span,
                    format!(
                        "{} trusts {whose} as a whole: that account's identity policies decide which of its principals may assume it",
                        role_name(document)
                    ),
                );
                if text != account {
                    diagnostic = diagnostic.with_help(
                        "`arn:…:root` names the whole account, not its root user; this is how AWS delegates to an account. Name exact role or user ARNs instead if only they should assume the role.",
                    );
                }
                cx.report(diagnostic);
            }
        }
    }
}
