//! TL120 `roles-anywhere-missing-actions`: a role trusts IAM Roles Anywhere without all three
//! actions the service needs to create a session.
//!
//! *"To use an IAM role with IAM Roles Anywhere, you must create a trust relationship with the
//! IAM Roles Anywhere service principal `rolesanywhere.amazonaws.com` … The policy must grant the
//! permissions: `sts:AssumeRole`, `sts:SetSourceIdentity`, `sts:TagSession`"* (IAM Roles Anywhere
//! User Guide, "Trust model"): the service sets the source identity and session tags from the
//! certificate. Access Analyzer reports the same as the error "Missing action for roles anywhere
//! trust policy" [AA-checks].
//!
//! The grants of every Allow statement that names the service count together, with wildcards
//! and case-folding (`src/eval/action.rs`). A statement the linter cannot read (an unknown
//! effect, principal or action) may be the one that grants an action, so the rule stays silent.

use super::prelude::and_list;
use super::prelude::trust_actions::{grants_service, service_values};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::model::Document;
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL120",
        name: "roles-anywhere-missing-actions",
        severity: Severity::Error,
        enabled_by_default: true,
        summary: "A trust to IAM Roles Anywhere lacks sts:AssumeRole, sts:SetSourceIdentity or sts:TagSession.",
        help: "Grant `rolesanywhere.amazonaws.com` all of `sts:AssumeRole`, `sts:SetSourceIdentity` and `sts:TagSession`.",
        security_severity: 2.0,
        doc: include_str!("../../rules/roles-anywhere-missing-actions.md"),
    },
    check: Check::Document(&RolesAnywhereMissingActions),
    unchecked_hint: None,
};

struct RolesAnywhereMissingActions;

const SERVICE: &str = "rolesanywhere.amazonaws.com";

/// The actions IAM Roles Anywhere needs, in the order AWS lists them.
const REQUIRED: &[&str] = &["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"];

impl DocumentRule for RolesAnywhereMissingActions {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        let Some(first) = service_values(document, SERVICE).next() else {
            return;
        };
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|action| grants_service(document, SERVICE, action) == Tri::No)
            .collect();
        if missing.is_empty() {
            return;
        }
        cx.report(Diagnostic::new(
            &RULE.meta,
            first.span,
            format!(
                "the trust to `{SERVICE}` lacks {}: IAM Roles Anywhere must be granted `sts:AssumeRole`, `sts:SetSourceIdentity` and `sts:TagSession` to create a session with this role",
                and_list(&missing)
            ),
        ));
    }
}
