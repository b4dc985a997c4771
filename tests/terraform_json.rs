//! Terraform's JSON syntax (`.tf.json`, `.tfvars.json`): read like `.tf` and `.tfvars`, in the
//! same modules, with the same findings, each pointing at the characters of the JSON that wrote
//! the value.

mod support;

use serde_json::Value;
use support::{findings, lint_json, trustlint_with_stdin};

const FIXTURES: &str = "testdata/frontends/terraform-json";

fn finding(code: &str, path: &str, line: u64, column: u64) -> (String, String, u64, u64) {
    (code.to_string(), path.to_string(), line, column)
}

/// The text of the file a diagnostic (or label) points into, at its span.
fn underlined(item: &Value) -> String {
    let text = std::fs::read_to_string(item["path"].as_str().unwrap()).unwrap();
    let start = item["span"]["start"]["offset"].as_u64().unwrap() as usize;
    let end = item["span"]["end"]["offset"].as_u64().unwrap() as usize;
    text[start..end].to_string()
}

/// The 1-based line and column of the `nth` occurrence of `needle` in a file.
fn position_of(path: &str, needle: &str, nth: usize) -> (u64, u64) {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("no {needle:?} #{nth} in {path}"))
        .0;
    let line = text[..at].matches('\n').count() + 1;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line as u64, text[line_start..at].chars().count() as u64 + 1)
}

#[test]
fn a_wildcard_principal_is_found_at_its_characters_in_the_json() {
    let path = format!("{FIXTURES}/role/main.tf.json");
    let json = lint_json(&["--select", "TL201", &path]);
    // Inside `"${jsonencode({… AWS = \"*\" …})}"`, the value is the HCL string `"*"`, written
    // `\"*\"` in the JSON; in a local written as a JSON object, it is `"*"`.
    assert_eq!(
        findings(&json),
        vec![
            finding("TL201", &path, 7, 125),
            finding("TL201", &path, 21, 32),
        ]
    );
    assert_eq!(position_of(&path, r#"\"*\""#, 0), (7, 125));
    assert_eq!(position_of(&path, r#""AWS": "*""#, 0), (21, 25));
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(underlined(&diagnostics[0]), r#"\"*\""#);
    assert_eq!(underlined(&diagnostics[1]), r#""*""#);
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(message.starts_with("role `public-inline`"), "{message}");
    // The second came in through `local.trust`: the label is on the reference, in the JSON
    // string that holds it.
    let labels = diagnostics[1]["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 1, "{labels:?}");
    assert_eq!(underlined(&labels[0]), "local.trust");
}

#[test]
fn a_policy_document_data_source_reads_its_principals_blocks() {
    let path = format!("{FIXTURES}/policy-document/main.tf.json");
    let json = lint_json(&["--select", "TL201,TL204,TL219", &path]);
    // `statement` as an array of blocks and as one object; `principals` as an array and as one
    // object; the `condition` block of `pinned` scopes its "*" to an organization.
    assert_eq!(
        findings(&json),
        vec![
            finding("TL204", &path, 11, 47),
            finding("TL201", &path, 11, 81),
            finding("TL219", &path, 19, 57),
        ]
    );
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(
        underlined(&diagnostics[0]),
        r#""arn:aws:iam::111122223333:root""#
    );
    assert_eq!(underlined(&diagnostics[1]), r#""*""#);
    assert!(
        diagnostics[1]["message"]
            .as_str()
            .unwrap()
            .starts_with("role `partners`")
    );
}

#[test]
fn variables_come_from_tfvars_json_and_from_tf_files_of_the_module() {
    let dir = format!("{FIXTURES}/variables");
    let json = lint_json(&["--select", "TL201", &dir]);
    // `var.trusted` is set in `terraform.tfvars.json`; `var.prefix` has its default in
    // `variables.tf`, and makes the role's name.
    assert_eq!(
        findings(&json),
        vec![finding(
            "TL201",
            &format!("{dir}/terraform.tfvars.json"),
            3,
            14
        )]
    );
    let diagnostic = &json["diagnostics"][0];
    let message = diagnostic["message"].as_str().unwrap();
    assert!(message.starts_with("role `team-deploy`"), "{message}");
    let labels = diagnostic["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 1, "{labels:?}");
    assert_eq!(labels[0]["path"], format!("{dir}/main.tf.json"));
    assert_eq!(underlined(&labels[0]), "var.trusted");

    // Named alone (a pre-commit hook), the file still takes its values from its module.
    let main = format!("{dir}/main.tf.json");
    let alone = lint_json(&["--select", "TL201", &main]);
    assert_eq!(findings(&alone), findings(&json));
}

#[test]
fn invalid_json_is_one_parse_error_at_its_position_and_the_run_goes_on() {
    let dir = format!("{FIXTURES}/invalid");
    let json = lint_json(&["--select", "TL001,TL201", &dir]);
    assert_eq!(
        findings(&json),
        vec![
            // An HCL expression inside a JSON string that is not valid: at its place in the
            // string.
            finding("TL001", &format!("{dir}/bad-expression.tf.json"), 5, 58),
            // Invalid JSON: the JSON front end's error, where the comma is missing.
            finding("TL001", &format!("{dir}/broken.tf.json"), 5, 25),
            finding("TL201", &format!("{dir}/good.tf.json"), 6, 127),
        ]
    );
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let broken = diagnostics[1]["message"].as_str().unwrap();
    assert!(broken.contains("expected `,`"), "{broken}");
    // A policy written as a JSON string of JSON: the value inside it, as written.
    assert_eq!(underlined(&diagnostics[2]), r#"\"*\""#);
}

#[test]
fn a_module_mixes_both_syntaxes() {
    let dir = format!("{FIXTURES}/mixed");
    let json = lint_json(&["--select", "TL201", &dir]);
    // `main.tf` reads a policy document and a local from `trust.tf.json`, whose local reads a
    // variable declared in `variables.tf.json` and set in `terraform.tfvars`; `trust.tf.json`
    // reads a local of `main.tf` whose variable `ci.auto.tfvars.json` sets.
    assert_eq!(
        findings(&json),
        vec![
            finding("TL201", &format!("{dir}/ci.auto.tfvars.json"), 1, 18),
            finding("TL201", &format!("{dir}/trust.tf.json"), 8, 57),
        ]
    );
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("role `ci`")
    );
    let labels: Vec<(String, String)> = diagnostics[0]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["path"].as_str().unwrap().to_string(), underlined(l)))
        .collect();
    assert_eq!(
        labels,
        vec![
            (format!("{dir}/main.tf"), "var.ci_principal".to_string()),
            (format!("{dir}/trust.tf.json"), "local.ci_trust".to_string()),
        ]
    );
    assert!(
        diagnostics[1]["message"]
            .as_str()
            .unwrap()
            .starts_with("role `app-prod`"),
        "{}",
        diagnostics[1]["message"]
    );
}

#[test]
fn a_tf_json_file_is_never_read_as_a_policy_file() {
    let dir = tempfile::tempdir().unwrap();
    // A policy document, by its content; by its name, Terraform JSON with no block in it.
    std::fs::write(
        dir.path().join("policy.tf.json"),
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}"#,
    )
    .unwrap();
    // Terraform JSON of other providers holds nothing to check and is not counted.
    std::fs::write(
        dir.path().join("bucket.tf.json"),
        r#"{"resource": {"aws_s3_bucket": {"b": {"bucket": "logs"}}}}"#,
    )
    .unwrap();
    let json = lint_json(&["--select", "ALL", dir.path().to_str().unwrap()]);
    assert_eq!(findings(&json), vec![]);
    assert_eq!(json["summary"]["files"], 0);
}

#[test]
fn standard_input_named_tf_json_is_terraform() {
    let text = std::fs::read_to_string(format!("{FIXTURES}/role/main.tf.json")).unwrap();
    let outcome = trustlint_with_stdin(
        &[
            "lint",
            "--isolated",
            "--format",
            "json",
            "--select",
            "TL201",
            "--stdin-filename",
            "main.tf.json",
            "-",
        ],
        &text,
    );
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    // Its local is its own: read with the file.
    assert_eq!(
        findings(&json),
        vec![
            finding("TL201", "main.tf.json", 7, 125),
            finding("TL201", "main.tf.json", 21, 32),
        ]
    );
}

#[test]
fn hostile_terraform_json_is_a_finding_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    // Nesting the JSON front end allows, deeper than hcl-edit reads.
    let deep = format!(
        r#"{{"locals": {{"x": {}1{}}}, "resource": {{"aws_iam_role": {{"r": {{"assume_role_policy": "${{jsonencode(local.x)}}"}}}}}}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    std::fs::write(dir.path().join("deep.tf.json"), deep).unwrap();
    // Strings in interpolations in strings, without end.
    let strings = format!(
        r#"{{"resource": {{"aws_iam_role": {{"r": {{"assume_role_policy": "{}"}}}}}}}}"#,
        r#"${\""#.repeat(20_000)
    );
    std::fs::write(dir.path().join("strings.tf.json"), strings).unwrap();
    std::fs::write(dir.path().join("empty.tf.json"), "").unwrap();
    std::fs::write(dir.path().join("array.tf.json"), "[]").unwrap();
    let json = lint_json(&["--select", "ALL", dir.path().to_str().unwrap()]);
    let codes: Vec<(String, String)> = findings(&json)
        .into_iter()
        .map(|(code, path, ..)| {
            let name = path.rsplit('/').next().unwrap().to_string();
            (name, code)
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            ("array.tf.json".to_string(), "TL001".to_string()),
            ("deep.tf.json".to_string(), "TL001".to_string()),
            ("empty.tf.json".to_string(), "TL001".to_string()),
            ("strings.tf.json".to_string(), "TL001".to_string()),
        ]
    );
}
