//! Documents that depend on conditions decided at deployment (CloudFormation `Fn::If`) are
//! checked once per decision of them; this merges what each decision finds.

use super::{LintOptions, label_origins};
use crate::report::diagnostic::Diagnostic;
use crate::rules::{Check, RuleContext};
use crate::syntax::{Origin, Variant};

/// The document rules over each variant of a document with undecided conditions
/// (CloudFormation `Fn::If`): a finding that holds whatever the conditions is reported as it
/// is; one that holds only for some decisions says which.
pub fn check(variants: &[Variant], origins: &[Origin], options: &LintOptions) -> Vec<Diagnostic> {
    let mut reported = Vec::new();
    let mut start = 0;
    while start < variants.len() {
        let group = variants[start].group;
        let end = start
            + variants[start..]
                .iter()
                .take_while(|v| v.group == group)
                .count();
        let decisions: Vec<&[(String, bool)]> = variants[start..end]
            .iter()
            .map(|v| v.choices.as_slice())
            .collect();
        // Each finding (by rule and place), with the decisions it holds for.
        let mut found: Vec<(Diagnostic, Vec<usize>)> = Vec::new();
        for (index, variant) in variants[start..end].iter().enumerate() {
            let mut cx = RuleContext::new(&options.settings);
            for rule in options.selection.rules() {
                if let Check::Document(check) = rule.check {
                    check.check(&variant.document, &mut cx);
                }
            }
            for mut diagnostic in cx.finish().0 {
                label_origins(&mut diagnostic, variant.document.span, origins);
                let same = |(d, _): &&mut (Diagnostic, Vec<usize>)| {
                    d.rule.code == diagnostic.rule.code && d.span == diagnostic.span
                };
                match found.iter_mut().find(same) {
                    Some((_, holds)) => holds.push(index),
                    None => found.push((diagnostic, vec![index])),
                }
            }
        }
        // The same finding from different branches (`!If [c, "*", "*"]`): where together they
        // hold for every decision, one finding, at the place the first decision gives.
        let mut merged: Vec<(Diagnostic, Vec<usize>)> = Vec::new();
        for (diagnostic, holds) in found {
            let same = |(d, _): &&mut (Diagnostic, Vec<usize>)| {
                d.rule.code == diagnostic.rule.code && d.message == diagnostic.message
            };
            match merged.iter_mut().find(same) {
                Some((_, all)) if holds.iter().all(|h| !all.contains(h)) => all.extend(holds),
                _ => merged.push((diagnostic, holds)),
            }
        }
        for (mut diagnostic, holds) in merged {
            if holds.len() < decisions.len() {
                diagnostic.message = format!(
                    "{} (when {})",
                    diagnostic.message,
                    describe_decisions(&decisions, &holds)
                );
            }
            reported.push(diagnostic);
        }
        start = end;
    }
    reported
}

/// The decisions `holds` (indexes into `decisions`) in words: one condition when it alone
/// tells them apart (`` `IsProd` is true ``), else each decision in full.
fn describe_decisions(decisions: &[&[(String, bool)]], holds: &[usize]) -> String {
    let conditions = decisions.first().map_or(&[][..], |d| d);
    for (at, (name, _)) in conditions.iter().enumerate() {
        for value in [true, false] {
            let matching: Vec<usize> = (0..decisions.len())
                .filter(|&i| decisions[i][at].1 == value)
                .collect();
            if matching == holds {
                return format!("condition `{name}` is {value}");
            }
        }
    }
    holds
        .iter()
        .map(|&i| {
            decisions[i]
                .iter()
                .map(|(name, value)| format!("`{name}` is {value}"))
                .collect::<Vec<_>>()
                .join(" and ")
        })
        .collect::<Vec<_>>()
        .join(", or ")
}
