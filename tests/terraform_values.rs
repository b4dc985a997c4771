//! Terraform values: a finding that depends on a value written in `terraform.tfvars`, in a
//! `*.auto.tfvars` that overrides it, in a variable's default, in a local built from locals, or
//! interpolated from known values is placed exactly where that value is written; the same
//! shapes with a value the linter cannot know (a variable without a value, `data.*`, a function
//! result, `templatefile(...)`, a conditional) are silent.
//!
//! The span snapshots at the end show the rendered `full` output: the caret on the offending
//! value inside `jsonencode(...)`, inside a heredoc, on the `identifiers`, `actions` and
//! condition `values` of a `data "aws_iam_policy_document"`, and in a `.tfvars` file with the
//! reference it came through labelled.
//!
//! Runs select `ALL` but TL005 `unresolved-value` (off by default), which reports every
//! unknown value by design: these tests are about the verdicts, which unknowns never reach.

mod support;

use serde_json::Value;
use support::{findings, lint_json, trustlint};

const VALUES: &str = "testdata/frontends/terraform/values";
const SPANS: &str = "testdata/frontends/terraform/spans";

/// (path, line, column, message) of every label of the finding at `index`.
fn labels(json: &Value, index: usize) -> Vec<(String, u64, u64, String)> {
    json["diagnostics"][index]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["path"].as_str().unwrap().to_string(),
                l["span"]["start"]["line"].as_u64().unwrap(),
                l["span"]["start"]["column"].as_u64().unwrap(),
                l["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn finding(code: &str, path: String, line: u64, column: u64) -> (String, String, u64, u64) {
    (code.to_string(), path, line, column)
}

fn came_through(
    path: String,
    line: u64,
    column: u64,
    reference: &str,
) -> (String, u64, u64, String) {
    (
        path,
        line,
        column,
        format!("the value comes in through `{reference}` here"),
    )
}

#[test]
fn a_tfvars_value_replaces_the_default() {
    let dir = format!("{VALUES}/tfvars");
    let json = lint_json(&["--select", "ALL", "--ignore", "TL005", &dir]);
    // The default names one role; terraform.tfvars a pattern (TL111), which is what deploys.
    assert_eq!(
        findings(&json),
        vec![finding("TL111", format!("{dir}/terraform.tfvars"), 1, 16)]
    );
    assert_eq!(
        labels(&json, 0),
        vec![came_through(
            format!("{dir}/main.tf"),
            14,
            27,
            "var.ci_principal"
        )]
    );
}

#[test]
fn auto_tfvars_override_terraform_tfvars_in_name_order() {
    let dir = format!("{VALUES}/auto-tfvars");
    let json = lint_json(&["--select", "ALL", "--ignore", "TL005", &dir]);
    // `trusted`: terraform.tfvars, then a-base.auto.tfvars, then b-override.auto.tfvars ("*").
    // `policy_version`: terraform.tfvars has a typo that a-base.auto.tfvars corrects, so there
    // is no TL103.
    assert_eq!(
        findings(&json),
        vec![finding(
            "TL201",
            format!("{dir}/b-override.auto.tfvars"),
            1,
            11
        )]
    );
    assert_eq!(
        labels(&json, 0),
        vec![came_through(
            format!("{dir}/main.tf"),
            16,
            58,
            "var.trusted"
        )]
    );
}

#[test]
fn a_variable_default_is_the_value_without_tfvars() {
    let dir = format!("{VALUES}/default");
    let json = lint_json(&["--select", "ALL", "--ignore", "TL005", &dir]);
    assert_eq!(
        findings(&json),
        vec![finding("TL204", format!("{dir}/variables.tf"), 4, 13)]
    );
    assert_eq!(
        labels(&json, 0),
        vec![came_through(
            format!("{dir}/main.tf"),
            5,
            58,
            "var.partner_account"
        )]
    );
}

#[test]
fn a_local_built_from_locals_is_followed_to_its_template() {
    let dir = format!("{VALUES}/local-chain");
    let json = lint_json(&["--select", "ALL", "--ignore", "TL005", &dir]);
    // `trusted_roots = [local.tooling_root]`, `tooling_root = "…${local.tooling_account}:root"`:
    // the finding is on the template that makes the ARN, and each reference on the way back to
    // the role is labelled.
    assert_eq!(
        findings(&json),
        vec![finding("TL204", format!("{dir}/locals.tf"), 4, 21)]
    );
    let message = json["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("`777788889999`"), "{message}");
    assert_eq!(
        labels(&json, 0),
        vec![
            came_through(format!("{dir}/locals.tf"), 5, 22, "local.tooling_root"),
            came_through(format!("{dir}/main.tf"), 5, 58, "local.trusted_roots"),
        ]
    );
}

#[test]
fn interpolations_of_known_values_are_resolved_in_place() {
    let dir = format!("{VALUES}/interpolation");
    let json = lint_json(&["--select", "ALL", "--ignore", "TL005", &dir]);
    // `"arn:aws:iam::${local.acct}:root"` is an account (TL204);
    // `"arn:aws:iam::${local.acct}:role/${var.role_path}-*"` a pattern (TL111).
    assert_eq!(
        findings(&json),
        vec![
            finding("TL204", format!("{dir}/main.tf"), 16, 47),
            finding("TL111", format!("{dir}/main.tf"), 17, 47),
        ]
    );
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(messages[0].contains("`444455556666`"), "{messages:?}");
    assert!(
        messages[1].contains("`arn:aws:iam::444455556666:role/deploy-*`"),
        "{messages:?}"
    );
}

#[test]
fn unknown_values_are_never_findings() {
    let dir = format!("{VALUES}/unknown");
    // Each file holds a trust that would be a finding if its value were known: a variable
    // without a value, values read from data sources, a function result, templatefile(), a
    // conditional with a "*" branch.
    assert_eq!(
        findings(&lint_json(&["--select", "ALL", "--ignore", "TL005", &dir])),
        vec![]
    );
    for file in [
        "variable.tf",
        "data.tf",
        "function.tf",
        "templatefile.tf",
        "conditional.tf",
    ] {
        let path = format!("{dir}/{file}");
        assert!(std::path::Path::new(&path).is_file(), "{path}");
        assert_eq!(
            findings(&lint_json(&["--select", "ALL", "--ignore", "TL005", &path])),
            vec![],
            "{path}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Span snapshots: the rendered output, caret on the offending value.

/// `trustlint lint --isolated --select <code> --format full --color never <path>`.
fn rendered(code: &str, path: &str) -> String {
    let outcome = trustlint(&[
        "lint",
        "--isolated",
        "--select",
        code,
        "--format",
        "full",
        "--color",
        "never",
        path,
    ]);
    assert_eq!(outcome.code, 1, "{}{}", outcome.stdout, outcome.stderr);
    outcome.stdout
}

#[test]
fn span_inside_jsonencode() {
    // The second element of the principal list, not the list or the object around it.
    insta::assert_snapshot!(rendered("TL111", &format!("{SPANS}/jsonencode.tf")));
}

#[test]
fn span_inside_an_indented_heredoc() {
    insta::assert_snapshot!(rendered("TL102", &format!("{SPANS}/heredoc.tf")));
}

#[test]
fn span_on_policy_document_identifiers() {
    insta::assert_snapshot!(rendered("TL201", &format!("{SPANS}/policy-document.tf")));
}

#[test]
fn span_on_policy_document_actions() {
    insta::assert_snapshot!(rendered("TL215", &format!("{SPANS}/policy-document.tf")));
}

#[test]
fn span_on_policy_document_condition_values() {
    insta::assert_snapshot!(rendered("TL104", &format!("{SPANS}/policy-document.tf")));
}

#[test]
fn span_on_a_tfvars_value_with_its_reference_labelled() {
    insta::assert_snapshot!(rendered("TL111", &format!("{VALUES}/tfvars")));
}
