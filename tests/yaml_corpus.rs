//! The YAML reader over every CloudFormation YAML template of the public corpus
//! (`../shared/corpus/cloudformation`): no panic on any file, and every file parses except the
//! deliberately broken fixtures of cfn-lint (`cfn-lint-fixture-templates/bad/`) and empty files.
//!
//! Tests run with the package root as working directory. Without the corpus (a checkout
//! without it), the test checks nothing and passes.

use std::path::{Path, PathBuf};

use trustlint::syntax::yaml;

const CORPUS: &str = "../shared/corpus/cloudformation";

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
        {
            out.push(path);
        }
    }
}

#[test]
fn every_corpus_template_parses_without_panic() {
    let root = Path::new(CORPUS);
    if !root.is_dir() {
        return;
    }
    let mut files = Vec::new();
    yaml_files(root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no YAML under {CORPUS}");

    let mut failures = Vec::new();
    let mut panics = Vec::new();
    for (id, path) in files.iter().enumerate() {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue; // not UTF-8: the reader never sees such a file
        };
        let shown = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        let result = std::panic::catch_unwind(|| yaml::parse(&text, id as u32));
        let expect_error = shown
            .replace('\\', "/")
            .contains("cfn-lint-fixture-templates/bad/")
            || text.trim().is_empty();
        match result {
            Err(_) => panics.push(shown),
            Ok(Err(error)) if !expect_error => {
                failures.push(format!("{shown}:{}: {}", error.span.start, error.message))
            }
            Ok(Ok(documents)) => {
                // Every span is a range of the file's text, on character boundaries.
                for document in &documents {
                    let range = document.span.range();
                    assert!(
                        text.get(range).is_some(),
                        "{shown}: span {:?}",
                        document.span
                    );
                }
            }
            Ok(Err(_)) => {}
        }
    }
    assert!(panics.is_empty(), "panicked on:\n{}", panics.join("\n"));
    assert!(
        failures.is_empty(),
        "{} of {} files failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
