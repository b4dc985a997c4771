//! TL304 `notaction-grants-assume`: an identity `Allow` with `NotAction` grants
//! `sts:AssumeRole` on every role without naming it.
//!
//! `NotAction` with `Allow` grants *"all of the applicable actions or services that are not
//! listed"* [UG:reference_policies_elements_notaction], so a list that does not exclude
//! `sts:AssumeRole` (`"NotAction": "iam:*"`, the shape of AWS's `PowerUserAccess`) grants it
//! too. With a `Resource` covering every role, the principal can assume any role whose trust
//! policy trusts its account [UG:id_roles_use_permissions-to-switch], an effect the policy's
//! author may not have had in mind. cfn_nag (W15–W17) and ScoutSuite flag `NotAction` grants
//! for the same reason.
//!
//! This rule owns the `NotAction` case and TL301 `assume-any-role` the `Action` case, so a
//! statement gets one finding, not two. It is an `info`: a broad `NotAction` grant is usually
//! deliberate, and the point is to make its reach onto roles visible. Which `Resource` values
//! cover every role, and which conditions limit the roles reached, is decided as for TL301
//! (`prelude::identity_grants`).

use super::prelude::describe;
use super::prelude::identity_grants::{covers_every_role, shown, unlimited_grants};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::action::ASSUME_ROLE;
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL304",
        name: "notaction-grants-assume",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "An Allow with NotAction grants `sts:AssumeRole` on every role without naming it.",
        help: "Add `sts:AssumeRole` (or `sts:*`) to `NotAction`, or grant the roles the principal needs in a statement of their own.",
        security_severity: 3.0,
        doc: include_str!("../../rules/notaction-grants-assume.md"),
    },
    check: Check::Document(&NotactionGrantsAssume),
    unchecked_hint: None,
};

struct NotactionGrantsAssume;

impl DocumentRule for NotactionGrantsAssume {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (index, statement, resource) in
            unlimited_grants(document, ASSUME_ROLE, covers_every_role)
        {
            let Some(not_action) = &statement.not_action else {
                continue;
            };
            cx.report(
                Diagnostic::new(
                    &RULE.meta,
                    not_action.key_span,
                    format!(
                        "{} uses `NotAction` without excluding `{ASSUME_ROLE}`, so it grants `{ASSUME_ROLE}` on every role of every account: the principal can assume any role whose trust policy trusts its account",
                        describe(statement, index)
                    ),
                )
                .with_label(
                    resource.span,
                    format!("`{}` covers every role", shown(resource)),
                ),
            );
        }
    }
}
