//! TL219 `trust-org-wide`: a role trusts every principal of an AWS Organization.
//!
//! `{"AWS": "*"}` restricted by `aws:PrincipalOrgID` or `aws:PrincipalOrgPaths` admits every
//! principal of every account in the organization (or organizational unit)
//! [UG:reference_policies_condition-keys]. That is a common, deliberate pattern, not a public
//! trust, so TL201 leaves it alone (checkov #6839/#7304 reported it as public) and this rule
//! only records the reach as an `info`.

use super::prelude::{any_principal_grants, role_name};
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::condition::{Operator, SetOp};
use crate::eval::principal::{CallerScope, admits_any_aws_principal, caller_scope};
use crate::model::{Clause, Document, Effect, Statement};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL219",
        name: "trust-org-wide",
        severity: Severity::Info,
        enabled_by_default: true,
        summary: "A role trusts every principal of an AWS Organization.",
        help: "If not the whole organization needs the role, name the accounts or roles that do, or narrow the condition with `aws:PrincipalOrgPaths` or `aws:PrincipalArn`.",
        security_severity: 3.0,
        doc: include_str!("../../rules/trust-org-wide.md"),
    },
    check: Check::Document(&TrustOrgWide),
    unchecked_hint: None,
};

struct TrustOrgWide;

impl DocumentRule for TrustOrgWide {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        for (statement, star) in any_principal_grants(document) {
            if caller_scope(statement, document) != CallerScope::Organization {
                continue;
            }
            let found = org_clause(statement, document);
            let reach = match found {
                Some((clause, _)) => describe_reach(clause),
                None => "an AWS Organization".to_string(),
            };
            // Conditions on tags or the session do not narrow this: any account of the
            // organization can create a principal that meets them.
            let mut diagnostic = Diagnostic::new(
                &RULE.meta,
                star.span,
                format!(
                    "{} can be assumed by principals of any account in {reach}",
                    role_name(document)
                ),
            );
            if let Some((clause, in_deny)) = found {
                diagnostic = diagnostic.with_label(
                    clause.key.span,
                    if in_deny {
                        "this Deny of everyone outside the organization is what limits the callers"
                    } else {
                        "this organization condition is what limits the callers"
                    },
                );
            }
            cx.report(diagnostic);
        }
    }
}

fn is_org_key(key: &str) -> bool {
    key.eq_ignore_ascii_case("aws:PrincipalOrgID")
        || key.eq_ignore_ascii_case("aws:PrincipalOrgPaths")
}

/// The clause that scopes the statement to an organization: a positive one in the Allow
/// (`false`), else a negated one in a Deny of everyone outside it (`true`).
fn org_clause<'a>(statement: &'a Statement, document: &'a Document) -> Option<(&'a Clause, bool)> {
    let all_known = |c: &Clause| c.values.iter().all(|v| v.known().is_some());
    statement
        .clauses()
        .iter()
        .find(|c| {
            is_org_key(&c.key.value)
                && Operator::parse(&c.operator.value).is_some_and(Operator::is_positive)
                && all_known(c)
        })
        .map(|c| (c, false))
        .or_else(|| {
            document
                .statements
                .iter()
                .filter(|s| s.effect() == Some(Effect::Deny) && admits_any_aws_principal(s))
                .flat_map(Statement::clauses)
                .find(|c| {
                    is_org_key(&c.key.value)
                        && Operator::parse(&c.operator.value)
                            .is_some_and(|op| op.is_negated() && op.set != SetOp::ForAnyValue)
                        && all_known(c)
                })
                .map(|c| (c, true))
        })
}

/// "organization `o-a1b2c3d4e5`" or "organization path `o-…/r-…/ou-…/*` or `…`".
fn describe_reach(clause: &Clause) -> String {
    let paths = clause
        .key
        .value
        .eq_ignore_ascii_case("aws:PrincipalOrgPaths");
    let values: Vec<String> = clause
        .values
        .iter()
        .map(|v| match v.known() {
            Some(text) => format!("`{text}`"),
            None => "an unknown value".to_string(),
        })
        .collect();
    // "in organization `a` or `b`": the values are ORed.
    let noun = if paths {
        "organization path"
    } else {
        "organization"
    };
    let list = match values.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    format!("{noun} {list}")
}
