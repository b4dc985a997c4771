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

/// A generated Terraform project: `modules` directories of `roles` roles each (a third with
/// `jsonencode` trusts fed by a variable, a third with heredoc trusts, a third with inline role
/// policies), plus resources of other kinds that only cost parsing.
fn generated_terraform(modules: usize, roles: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for m in 0..modules {
        let module = dir.path().join(format!("module-{m}"));
        std::fs::create_dir_all(&module).expect("dir");
        let mut text = String::from("variable \"env\" {\n  default = \"prod\"\n}\n");
        for i in 0..roles {
            let account = format!("{:012}", 100_000_000_000u64 + (i as u64 % 50));
            text.push_str(&match i % 3 {
                0 => format!(
                    "resource \"aws_iam_role\" \"r{i}\" {{\n  name = \"role-{i}-${{var.env}}\"\n  assume_role_policy = jsonencode({{\n    Version = \"2012-10-17\"\n    Statement = [{{\n      Effect    = \"Allow\"\n      Principal = {{ AWS = \"arn:aws:iam::{account}:role/caller-{i}\" }}\n      Action    = \"sts:AssumeRole\"\n      Condition = {{ StringEquals = {{ \"sts:ExternalId\" = \"ext-{i}\" }} }}\n    }}]\n  }})\n}}\n"
                ),
                1 => format!(
                    "resource \"aws_iam_role\" \"r{i}\" {{\n  name = \"svc-{i}\"\n  assume_role_policy = <<-EOT\n    {{\"Version\": \"2012-10-17\", \"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": {{\"Service\": \"lambda.amazonaws.com\"}}, \"Action\": \"sts:AssumeRole\"}}]}}\n  EOT\n}}\n"
                ),
                _ => format!(
                    "resource \"aws_iam_role_policy\" \"p{i}\" {{\n  role = aws_iam_role.r{}.name\n  policy = jsonencode({{\n    Version = \"2012-10-17\"\n    Statement = [{{ Effect = \"Allow\", Action = [\"s3:GetObject\"], Resource = \"arn:aws:s3:::bucket-{i}/*\" }}]\n  }})\n}}\nresource \"aws_s3_bucket\" \"b{i}\" {{\n  bucket = \"bucket-{i}\"\n  tags = {{ Team = \"t{}\", Env = var.env }}\n}}\n",
                    i - 1,
                    i % 7
                ),
            });
        }
        std::fs::write(module.join("main.tf"), text).expect("write");
    }
    dir
}

/// hcl-edit alone on every `.tf` file: the parser's own speed, below the floor.
fn hcl_parse_only(files: &[String]) -> usize {
    files
        .iter()
        .map(|text| hcl_edit::parser::parse_body(text).map_or(0, |b| b.len()))
        .sum()
}

fn corpora() -> Vec<(String, PathBuf, Option<tempfile::TempDir>)> {
    let generated = generated_corpus(5_000);
    let terraform = generated_terraform(10, 600);
    let mut corpora = vec![
        (
            "generated-10k".to_string(),
            generated.path().to_path_buf(),
            Some(generated),
        ),
        (
            "generated-terraform".to_string(),
            terraform.path().to_path_buf(),
            Some(terraform),
        ),
    ];
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
        let tf: Vec<String> = walk_tf(&root);
        if !tf.is_empty() {
            let bytes: usize = tf.iter().map(String::len).sum();
            group.throughput(criterion::Throughput::Bytes(bytes as u64));
            group.bench_function("hcl-edit: parse only, 1 thread", |b| {
                b.iter(|| hcl_parse_only(&tf))
            });
        }
        group.bench_function("floor: read+parse", |b| b.iter(|| read_and_parse(&root)));
        group.bench_function("lint: end to end", |b| b.iter(|| lint_all(&root)));
        group.finish();
    }
}

/// The texts of the `.tf` files under `root`.
fn walk_tf(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "tf") {
                found.push(std::fs::read_to_string(path).expect("read"));
            }
        }
    }
    found
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
