//! The whole public corpus beside the project (`../shared/corpus`: AWS documentation
//! examples, AWS managed policies, account dumps, CloudFormation templates, extracted trust
//! policies), linted in place with every rule selected, and the number of findings per rule
//! snapshotted. A rule change that moves any count shows up in review, where it must be
//! explained: the corpus is mostly good policies, so a rising count is a false-positive
//! suspect.

mod support;

use std::path::Path;

use support::{counts_by_code, lint_json};

const CORPUS: &str = "../shared/corpus";

#[test]
fn corpus_finding_counts_per_rule() {
    if !Path::new(CORPUS).is_dir() {
        return;
    }
    let json = lint_json(&["--select", "ALL", CORPUS]);
    insta::assert_snapshot!(counts_by_code(&json));
}
