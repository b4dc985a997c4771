//! Speed, measured against the read-and-parse floor (DESIGN §5).
//!
//! `floor/*` walks the same files and only reads and parses them (no rules, no rendering);
//! `lint/*` is the whole run as `trustlint lint` does it. The ratio between the two is the cost
//! of everything trustlint adds on top of reading its input. Each is measured on the public
//! corpus beside the project (`../shared/corpus`, when present) and on a generated corpus of
//! trust and identity policies.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};

use common::read_and_parse;

mod common;

fn lint_all(root: &Path) -> usize {
    common::lint_all(root).diagnostics.len()
}

/// A generated project: `count` trust policies (some risky) and as many identity policies.
fn generated_corpus(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..count {
        let account = format!("{:012}", 100_000_000_000u64 + (i as u64 % 50));
        let principal = if i % 10 == 0 {
            "\"*\"".to_string()
        } else {
            format!("\"arn:aws:iam::{account}:role/caller-{i}\"")
        };
        let trust = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"Trust{i}","Effect":"Allow","Principal":{{"AWS":{principal}}},"Action":"sts:AssumeRole","Condition":{{"StringEquals":{{"sts:ExternalId":"ext-{i}"}}}}}},{{"Effect":"Allow","Principal":{{"Service":"lambda.amazonaws.com"}},"Action":"sts:AssumeRole"}}]}}"#
        );
        let identity = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":["sts:AssumeRole"],"Resource":"arn:aws:iam::{account}:role/target-{i}"}},{{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket-{i}/*"}}]}}"#
        );
        let sub = dir.path().join(format!("team-{}", i % 20));
        std::fs::create_dir_all(&sub).expect("dir");
        std::fs::write(sub.join(format!("trust-{i}.json")), trust).expect("write");
        std::fs::write(sub.join(format!("identity-{i}.json")), identity).expect("write");
    }
    dir
}

fn corpora() -> Vec<(String, PathBuf, Option<tempfile::TempDir>)> {
    let generated = generated_corpus(5_000);
    let mut corpora = vec![(
        "generated-10k".to_string(),
        generated.path().to_path_buf(),
        Some(generated),
    )];
    let shared = Path::new("../shared/corpus");
    if shared.is_dir() {
        corpora.push(("shared-corpus".to_string(), shared.to_path_buf(), None));
    }
    corpora
}

fn pipeline(c: &mut Criterion) {
    for (name, root, _keep) in corpora() {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        group.bench_function("floor: read+parse", |b| b.iter(|| read_and_parse(&root)));
        group.bench_function("lint: end to end", |b| b.iter(|| lint_all(&root)));
        group.finish();
    }
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
