//! Helpers shared by the integration tests: run the CLI in-process.

#![allow(dead_code)]

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
