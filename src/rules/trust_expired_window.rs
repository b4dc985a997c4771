//! TL218 `trust-expired-window`: a trust statement limited to a time window that has ended,
//! or that starts implausibly far in the future.
//!
//! `aws:CurrentTime` (ISO 8601) and `aws:EpochTime` (seconds) are in every request
//! [UG:reference_policies_condition-keys], and the `Date…` operators compare them with the
//! policy's dates in either format [UG:reference_policies_elements_condition_operators]. An
//! Allow whose `DateLessThan` dates have all passed can never match again: the trust is dead,
//! which [UG:troubleshoot_roles] lists among the reasons a role cannot be assumed. One whose
//! `DateGreaterThan` dates all lie more than ten years ahead ([`FAR`]) is almost certainly a
//! typo (`2205` for `2025`) and admits no one until then.
//!
//! The time is the run's (`--now`, `[lint] now`, or the clock read once when the run starts),
//! taken from the settings so that output can be made not to change from day to day. The rule
//! is an `info` and off by default.

use super::prelude::clauses_on;
use super::prelude::describe;
use super::{Check, DocumentRule, Rule, RuleContext, RuleMeta};
use crate::eval::condition::{BaseOp, SetOp, parse_date};
use crate::model::{Document, DocumentKind, SVal};
use crate::report::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    meta: RuleMeta {
        code: "TL218",
        name: "trust-expired-window",
        severity: Severity::Info,
        enabled_by_default: false,
        summary: "A trust statement's time window has ended, or starts more than ten years from now.",
        help: "Remove the statement if the access has ended, or correct the date.",
        security_severity: 1.0,
        doc: include_str!("../../rules/trust-expired-window.md"),
    },
    check: Check::Document(&TrustExpiredWindow),
    unchecked_hint: None,
};

/// "Far in the future": more than ten years (3,653 days) after the run.
pub const FAR: i64 = 3_653 * 86_400;

/// The keys that hold the time of the request.
const TIME_KEYS: &[&str] = &["aws:CurrentTime", "aws:EpochTime"];

struct TrustExpiredWindow;

impl DocumentRule for TrustExpiredWindow {
    fn check(&self, document: &Document, cx: &mut RuleContext<'_>) {
        let Some(now) = cx.settings.now else {
            return;
        };
        if document.kind != DocumentKind::Trust {
            return;
        }
        for (index, statement) in document.statements.iter().enumerate() {
            if !statement.is_allow() {
                continue;
            }
            for key in TIME_KEYS {
                for (clause, op) in clauses_on(statement, key) {
                    if op.set != SetOp::Single || clause.values.is_empty() {
                        continue;
                    }
                    let Some(dates) = dates_of(&clause.values) else {
                        continue;
                    };
                    let name = &clause.operator.value;
                    let finding = match judge(op.base, &dates, now) {
                        Some((value, Window::Ended)) => Some((
                            value,
                            format!(
                                "{} admits callers only before `{}`, which has passed: it no longer admits anyone",
                                describe(statement, index),
                                value.value.written()
                            ),
                        )),
                        Some((value, Window::Far)) => Some((
                            value,
                            format!(
                                "{} admits callers only after `{}`, more than ten years from now: it admits no one until then",
                                describe(statement, index),
                                value.value.written()
                            ),
                        )),
                        None => None,
                    };
                    if let Some((value, message)) = finding {
                        cx.report(Diagnostic::new(&RULE.meta, value.span, message).with_label(
                            clause.operator.span,
                            format!("`{name}` on `{}`", clause.key.value),
                        ));
                    }
                }
            }
        }
    }
}

/// What is wrong with a clause's window.
enum Window {
    Ended,
    Far,
}

/// Judges a time clause's dates against `now`, with the value that decides.
fn judge<'a>(base: BaseOp, dates: &[(i64, &'a SVal)], now: i64) -> Option<(&'a SVal, Window)> {
    match base {
        // The values are ORed: the window ends at the latest of them …
        BaseOp::DateLessThan | BaseOp::DateLessThanEquals => {
            let &(end, value) = dates.iter().max_by_key(|(d, _)| *d)?;
            let ended = if base == BaseOp::DateLessThan {
                end <= now
            } else {
                end < now
            };
            ended.then_some((value, Window::Ended))
        }
        // … and starts at the earliest of them.
        BaseOp::DateGreaterThan | BaseOp::DateGreaterThanEquals => {
            let &(start, value) = dates.iter().min_by_key(|(d, _)| *d)?;
            (start > now.saturating_add(FAR)).then_some((value, Window::Far))
        }
        _ => None,
    }
}

/// Every value as a date, or `None` if any is unknown or not a date (the rule then says
/// nothing about the clause).
fn dates_of(values: &[SVal]) -> Option<Vec<(i64, &SVal)>> {
    values
        .iter()
        .map(|v| {
            let text = v.known()?;
            if text.contains("${") {
                return None;
            }
            Some((parse_date(text)?, v))
        })
        .collect()
}
