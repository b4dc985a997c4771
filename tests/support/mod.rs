//! Helpers shared by the integration tests: run the CLI in-process.

#![allow(dead_code)]

use serde_json::Value;
use trustlint::cli::{Environment, Outcome, run};

/// Runs `trustlint <args…>` with no standard input.
pub fn trustlint(args: &[&str]) -> Outcome {
    trustlint_with_stdin(args, "")
}

pub fn trustlint_with_stdin(args: &[&str], stdin: &str) -> Outcome {
    let mut input = stdin.as_bytes();
    let argv = std::iter::once("trustlint").chain(args.iter().copied());
    run(argv, &mut input, Environment::default())
}

/// The codes of a run's findings, from the JSON output.
pub fn codes_of(outcome: &Outcome) -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_str(&outcome.stdout).unwrap_or_else(|e| panic!("{e}: {}", outcome.stdout));
    json["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_string())
        .collect()
}

/// `trustlint lint --isolated --format json <args…>`, parsed; the run must not fail.
pub fn lint_json(args: &[&str]) -> Value {
    let mut argv = vec!["lint", "--isolated", "--format", "json"];
    argv.extend_from_slice(args);
    let outcome = trustlint(&argv);
    assert!(
        outcome.code <= 1,
        "exit {}: {}",
        outcome.code,
        outcome.stderr
    );
    serde_json::from_str(&outcome.stdout).unwrap_or_else(|e| panic!("{e}: {}", outcome.stdout))
}

/// (code, path, line, column) of every finding of a JSON report.
pub fn findings(json: &Value) -> Vec<(String, String, u64, u64)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
                d["span"]["start"]["line"].as_u64().unwrap(),
                d["span"]["start"]["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The number of findings per rule code of a JSON report, one `CODE count` line each, in
/// code order: a corpus snapshot that shows what a change does to every rule at once.
pub fn counts_by_code(json: &Value) -> String {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for diagnostic in json["diagnostics"].as_array().expect("diagnostics array") {
        *counts
            .entry(diagnostic["code"].as_str().expect("code"))
            .or_default() += 1;
    }
    counts
        .iter()
        .map(|(code, count)| format!("{code} {count}\n"))
        .collect()
}
