//! The fixture harness: every rule's `fail` cases must produce the rule (and their rendered
//! output is snapshotted beside them), every `pass` case must not.
//!
//! A case is a file, linted alone with `--isolated`, or a directory, linted with the
//! `trustlint.toml` it may hold.

mod support;

use std::path::{Path, PathBuf};

use support::{codes_of, trustlint};
use trustlint::rules::REGISTRY;

fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_none_or(|e| e != "snap" && e != "new"))
                .collect()
        })
        .unwrap_or_default();
    cases.sort();
    cases
}

/// The rules to check: all, or those named in `TRUSTLINT_RULE` (`TL201,TL204`) while
/// working on one.
fn rules() -> Vec<&'static trustlint::rules::Rule> {
    let only = std::env::var("TRUSTLINT_RULE").unwrap_or_default();
    REGISTRY
        .iter()
        .copied()
        .filter(|r| only.is_empty() || only.split(',').any(|c| c == r.meta.code))
        .collect()
}

fn lint(case: &Path, code: &str, format: &str) -> trustlint::cli::Outcome {
    let path = case.to_str().expect("UTF-8 path");
    let mut args = vec![
        "lint", "--select", code, "--format", format, "--color", "never",
    ];
    if case.is_file() {
        args.push("--isolated");
    }
    args.push(path);
    trustlint(&args)
}

#[test]
fn fail_cases_trigger_their_rule_and_match_snapshots() {
    let mut checked = 0;
    for rule in rules() {
        let dir = Path::new("testdata/rules")
            .join(rule.meta.name)
            .join("fail");
        for case in cases(&dir) {
            let outcome = lint(&case, rule.meta.code, "json");
            let codes = codes_of(&outcome);
            assert!(
                codes.iter().any(|c| c == rule.meta.code),
                "{} did not trigger {}: {:?}",
                case.display(),
                rule.meta.code,
                codes
            );
            let rendered = lint(&case, rule.meta.code, "full").stdout;
            let name = case.file_stem().unwrap().to_string_lossy().into_owned();
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_path(std::fs::canonicalize(&dir).unwrap());
            settings.set_prepend_module_to_snapshot(false);
            settings.set_input_file(&case);
            settings.bind(|| insta::assert_snapshot!(name, rendered));
            checked += 1;
        }
    }
    assert!(checked > 0, "no fail fixtures found");
}

#[test]
fn pass_cases_stay_silent() {
    let mut checked = 0;
    for rule in rules() {
        let dir = Path::new("testdata/rules")
            .join(rule.meta.name)
            .join("pass");
        for case in cases(&dir) {
            let outcome = lint(&case, rule.meta.code, "json");
            let codes = codes_of(&outcome);
            assert!(
                !codes.iter().any(|c| c == rule.meta.code),
                "{} must not trigger {}:\n{}",
                case.display(),
                rule.meta.code,
                lint(&case, rule.meta.code, "full").stdout
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no pass fixtures found");
}
