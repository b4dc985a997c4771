//! `--statistics`: how many findings each rule produced, instead of the findings.

use std::fmt::Write;

use crate::lint::LintResult;

/// (code, name, severity, count) per rule with findings, in code order.
pub fn counts(result: &LintResult) -> Vec<(&'static str, &'static str, usize)> {
    let mut rows: Vec<(&'static str, &'static str, usize)> = Vec::new();
    for d in &result.diagnostics {
        match rows.iter_mut().find(|(code, _, _)| *code == d.rule.code) {
            Some(row) => row.2 += 1,
            None => rows.push((d.rule.code, d.rule.name, 1)),
        }
    }
    rows.sort();
    rows
}

pub fn render(result: &LintResult) -> String {
    let mut out = String::new();
    for (code, name, count) in counts(result) {
        let _ = writeln!(out, "{count:>6}  {code}  {name}");
    }
    out
}
