//! TL005 `unresolved-value`: a value a verdict depends on is not known statically.
//!
//! A Terraform variable, a module output or a CloudFormation parameter is known only at
//! deployment. trustlint never guesses such a value (it is neither `*` nor empty); every rule
//! whose verdict depends on it stays silent (RULES "Unknown values"). That silence is
//! invisible, so this rule, off by default, lists what was not checked: one finding per
//! unknown value in the elements that decide who can assume a role — `Effect`, `Principal`,
//! `Action`/`NotAction` and `Condition` of a trust policy; `Effect`, `Action`/`NotAction` of
//! an identity policy, and its `Resource`/`NotResource` where the statement may grant an
//! action on roles (`sts:AssumeRole*`, `sts:TagSession`, `sts:SetSourceIdentity`,
//! `iam:PassRole`: a log group's ARN decides nothing here) — and per statement or condition
//! block that is unknown as a whole.
//!
//! A reference to a resource the input defines (`aws_iam_role.app.arn`, `!GetAtt App.Arn`)
//! is not reported: its name may be set at deployment, but the principal graph knows which
//! identity it is, so the verdicts that need it were reached.

use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::Tri;
use crate::eval::action::covers_any;
use crate::model::{Document, DocumentKind, PrincipalForm, SVal, Val, ValueList};
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::syntax::tree::{Node, NodeKind};

/// The identity-side actions on roles: a statement's resources matter to a verdict only when
/// it may grant one of them.
const ROLE_ACTIONS: &[&str] = &[
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "iam:PassRole",
];

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL005",
        name: "unresolved-value",
        severity: Severity::Info,
        enabled_by_default: false,
        summary: "A value a verdict depends on is unknown until deployment, so it was not checked.",
        help: "Nothing is wrong: this lists what trustlint could not check. Give a Terraform variable a value in a `.tfvars` file beside the module to have it checked.",
        security_severity: 0.0,
        doc: include_str!("../../rules/unresolved-value.md"),
    },
    check: Check::Document(&UnresolvedValue),
    unchecked_hint: None,
};

struct UnresolvedValue;

impl DocumentRule for UnresolvedValue {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        let trust = match document.kind {
            DocumentKind::Trust => true,
            DocumentKind::Identity => false,
            DocumentKind::Boundary | DocumentKind::Resource => return,
        };
        let mut found = Found::default();
        for (span, what) in unknown_statements(document) {
            found.push(span, what, "a statement".to_string());
        }
        for statement in &document.statements {
            if let Some(effect) = &statement.effect {
                found.value(effect, || "`Effect`".to_string());
            }
            found.list(statement.action.as_ref(), "`Action`");
            found.list(statement.not_action.as_ref(), "`NotAction`");
            if trust {
                if let Some(principal) = &statement.principal {
                    match &principal.form {
                        PrincipalForm::Unknown(value) | PrincipalForm::Star(value) => {
                            found.value(value, || "`Principal`".to_string());
                        }
                        PrincipalForm::Map(entries) => {
                            for entry in entries {
                                for value in &entry.values {
                                    found.value(value, || {
                                        format!("`Principal` `{}`", entry.key.value)
                                    });
                                }
                            }
                        }
                    }
                }
                for clause in statement.clauses() {
                    if clause.unreadable {
                        // The whole block unknown, or one operator's keys.
                        let element = if clause.operator.value == clause.key.value {
                            "`Condition`".to_string()
                        } else {
                            format!("condition `{}`", clause.operator.value)
                        };
                        found.push(clause.key.span, &clause.key.value, element);
                        continue;
                    }
                    for value in &clause.values {
                        found.value(value, || {
                            format!(
                                "condition `{}` on `{}`",
                                clause.operator.value, clause.key.value
                            )
                        });
                    }
                }
            } else if covers_any(statement, ROLE_ACTIONS) != Tri::No {
                found.list(statement.resource.as_ref(), "`Resource`");
                found.list(statement.not_resource.as_ref(), "`NotResource`");
            }
        }
        found.0.sort_by_key(|(span, ..)| (span.start, span.end));
        found.0.dedup_by_key(|(span, ..)| *span);
        for (span, what, element) in found.0 {
            cx.report(Diagnostic::new(
                &RULE.meta,
                span,
                format!(
                    "{element} of this {} is `{what}`, unknown until deployment: what depends on it was not checked",
                    document.kind.noun()
                ),
            ));
        }
    }
}

/// The unknown values found in a document: (span, expression, element).
#[derive(Default)]
struct Found(Vec<(Span, String, String)>);

impl Found {
    fn push(&mut self, span: Span, what: &str, element: String) {
        self.0.push((span, what.to_string(), element));
    }

    /// Records `value` if it is unknown; `element` names where it stands, built only then.
    fn value(&mut self, value: &SVal, element: impl FnOnce() -> String) {
        if let Val::Unknown(what) = &value.value {
            self.push(value.span, what, element());
        }
    }

    fn list(&mut self, list: Option<&ValueList>, element: &str) {
        for value in list.into_iter().flat_map(|l| &l.values) {
            self.value(value, || element.to_string());
        }
    }
}

/// The statements that are unknown as a whole, read from the source tree (lowering keeps
/// only the fact that there is one).
fn unknown_statements(document: &Document) -> Vec<(Span, &str)> {
    let Some(node) = document.raw.get("Statement") else {
        return Vec::new();
    };
    let items: &[Node] = match &node.kind {
        NodeKind::Array(items) => items,
        _ => std::slice::from_ref(node),
    };
    items
        .iter()
        .filter_map(|item| match &item.kind {
            NodeKind::Unknown(what) => Some((item.span, what.as_str())),
            _ => None,
        })
        .collect()
}
