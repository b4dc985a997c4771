//! The Terraform front end (issue 4): a module's files read together (variables, `.tfvars`,
//! locals across files), findings placed in the `.tf` or `.tfvars` that holds the value, HCL
//! errors as TL001, files without IAM skipped. Rule-by-rule `.tf` cases live with each rule's
//! fixtures (`testdata/rules/<rule>/{fail,pass}/*.tf`).
//!
//! Runs select `ALL` but TL005 `unresolved-value` (off by default), which reports every
//! unknown value by design: these tests are about the verdicts, which unknowns never reach.

mod support;

use serde_json::Value;
use support::{findings, lint_json, trustlint};

const FIXTURES: &str = "testdata/frontends/terraform";

#[test]
fn an_object_repeating_a_key_keeps_its_last_value_as_terraform_does() {
    let dir = format!("{FIXTURES}/repeated-keys");
    let json = lint_json(&["--select", "ALL", "--ignore", "TL005", &dir]);
    assert_eq!(
        findings(&json),
        vec![("TL201".to_string(), format!("{dir}/main.tf"), 11, 27)]
    );
}

#[test]
fn a_policy_read_with_file_is_checked_as_the_roles_document_in_its_own_file() {
    let dir = format!("{FIXTURES}/file-function");
    let expected = vec![
        (
            "TL001".to_string(),
            format!("{dir}/infra/broken.json"),
            2,
            16,
        ),
        (
            "TL201".to_string(),
            format!("{dir}/policies/trust.json"),
            3,
            58,
        ),
    ];
    // Reached by the walk or only through the module, the JSON is checked once, as the trust
    // policy of its role (TL201 needs a trust policy; a standalone file would be inferred).
    for root in [dir.clone(), format!("{dir}/infra")] {
        let json = lint_json(&["--select", "ALL", "--ignore", "TL005", &root]);
        assert_eq!(findings(&json), expected, "{root}");
        let owner = &json["diagnostics"][1]["message"];
        assert!(owner.as_str().unwrap().contains("role `public`"), "{owner}");
    }
}

#[test]
fn a_var_file_terraform_does_not_load_by_itself_is_not_read() {
    // `sandbox.tfvars` sets `trusted = "*"`; a plain apply deploys the default role ARN.
    let json = lint_json(&[
        "--select",
        "ALL",
        "--ignore",
        "TL005",
        &format!("{FIXTURES}/var-files"),
    ]);
    assert_eq!(findings(&json), vec![]);
}

#[test]
fn a_module_reads_variables_tfvars_and_locals_across_files() {
    // The role's extra policy allows `sts:AssumeRole` on `*` (TL301), not this test's subject.
    let json = lint_json(&["--ignore", "TL301", &format!("{FIXTURES}/module")]);
    // `z.auto.tfvars` is loaded after `terraform.tfvars`, so its "*" is what gets deployed;
    // the finding points at it, and the role's name is its template with the default filled in.
    assert_eq!(
        findings(&json),
        vec![(
            "TL201".to_string(),
            format!("{FIXTURES}/module/z.auto.tfvars"),
            2,
            16
        )]
    );
    let message = json["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("role `deploy-dev`"), "{message}");
    // The value is written in `z.auto.tfvars`: the finding also shows the references it came
    // in through, from the local that uses the variable back to the role.
    let labels: Vec<(String, u64, String)> = json["diagnostics"][0]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["path"].as_str().unwrap().to_string(),
                l["span"]["start"]["line"].as_u64().unwrap(),
                l["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        labels,
        vec![
            (
                format!("{FIXTURES}/module/locals.tf"),
                6,
                "the value comes in through `var.ci_principal` here".to_string()
            ),
            (
                format!("{FIXTURES}/module/main.tf"),
                5,
                "the value comes in through `local.trust` here".to_string()
            ),
        ]
    );
}

#[test]
fn a_file_named_alone_is_read_with_its_module() {
    // A pre-commit hook names only the changed file: its module's other files still give the
    // values (the principal from `z.auto.tfvars`), but only the named file is checked.
    let main = format!("{FIXTURES}/module/main.tf");
    let json = lint_json(&["--select", "TL201,TL204", &main]);
    assert_eq!(
        findings(&json),
        vec![(
            "TL201".to_string(),
            format!("{FIXTURES}/module/z.auto.tfvars"),
            2,
            16
        )]
    );
    // Named alone, a file with no IAM of its own yields nothing, even though its module has.
    let outputs = format!("{FIXTURES}/module/outputs.tf");
    assert_eq!(
        findings(&lint_json(&[
            "--select", "ALL", "--ignore", "TL005", &outputs
        ])),
        vec![]
    );
}

#[test]
fn invalid_hcl_is_one_parse_error_at_its_position_and_the_run_goes_on() {
    let json = lint_json(&[FIXTURES]);
    let found = findings(&json);
    assert!(
        found.contains(&("TL001".to_string(), format!("{FIXTURES}/invalid.tf"), 5, 3)),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f.0 == "TL201"), "{found:?}");
    // A file of other resources holds nothing to check and is not counted.
    assert!(!found.iter().any(|f| f.1.ends_with("no-iam.tf")));
}

#[test]
fn heredoc_json_errors_point_into_the_heredoc() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("role.tf");
    std::fs::write(
        &path,
        "resource \"aws_iam_role\" \"r\" {\n  assume_role_policy = <<EOT\n{\"Version\": \"2012-10-17\", \"Statement\": [}\nEOT\n}\n",
    )
    .unwrap();
    let json = lint_json(&[path.to_str().unwrap()]);
    let found = findings(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "TL001");
    assert_eq!((found[0].2, found[0].3), (3, 41), "{found:?}");
}

#[test]
fn interpolations_and_unknown_values_are_never_findings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("role.tf"),
        r#"
resource "aws_iam_role" "a" {
  assume_role_policy = <<EOT
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": ${jsonencode(var.p)}, "Action": "sts:AssumeRole"}]}
EOT
}
resource "aws_iam_role" "b" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = module.x.arn }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role" "c" {
  assume_role_policy = file("${path.module}/trust.json")
}
resource "aws_iam_role" "d" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }, Action = "sts:AssumeRole" }] })
}
"#,
    )
    .unwrap();
    let json = lint_json(&[
        "--select",
        "ALL",
        "--ignore",
        "TL005",
        dir.path().to_str().unwrap(),
    ]);
    // The deploying account is unknown but is an account: its root is an account-wide trust
    // (TL204, a note), and nothing else is found.
    let path = dir.path().join("role.tf").to_string_lossy().into_owned();
    assert_eq!(findings(&json), vec![("TL204".to_string(), path, 14, 114)]);
}

#[test]
fn an_unknown_condition_principal_statement_or_effect_is_unknown_not_absent() {
    let dir = format!("{FIXTURES}/unknown-elements");
    let outcome = trustlint(&[
        "lint", "--format", "json", "--select", "ALL", "--ignore", "TL005", &dir,
    ]);
    assert!(outcome.code <= 1, "{}", outcome.stderr);
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    let found = findings(&json);
    // `Condition = var.cond` next to `"*"` may pin the caller: no TL201; the vendor account
    // with `sts:ExternalId = var.ext` requires one: no TL205; `Principal = var.p` is no
    // missing principal.
    // `Statement = [var.guard, …]` and `Effect = var.guard_effect` may be Denies of everyone
    // outside the organization, or requiring an external ID: no TL201, no TL205.
    assert_eq!(
        found,
        vec![
            ("TL204".to_string(), format!("{dir}/main.tf"), 17, 123),
            ("TL204".to_string(), format!("{dir}/main.tf"), 33, 125)
        ],
        "{found:?}"
    );
}

#[test]
fn a_counted_policy_document_is_read_through_its_index() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        r#"
data "aws_iam_policy_document" "trust" {
  count = 2
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "this" {
  count              = 2
  name               = "role-${count.index}"
  assume_role_policy = data.aws_iam_policy_document.trust[0].json
}
"#,
    )
    .unwrap();
    let json = lint_json(&["--select", "TL201", dir.path().to_str().unwrap()]);
    let found = findings(&json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].2, found[0].3), (8, 22), "{found:?}");
}

/// Shapes met in real Terraform repositories, each with exactly its findings: a byte-order
/// mark, a called module's default, a document inside `coalesce`, a template stored as
/// `.json`, resources through an aliased provider, resources that are not created.
#[test]
fn real_world_shapes_give_exactly_their_findings() {
    let review = format!("{FIXTURES}/review");
    for (case, expected) in [
        ("bom", vec![("TL123", 4, 25), ("TL411", 4, 25)]),
        ("called-module-default", vec![]),
        ("caller-identity-alias", vec![]),
        ("count-zero", vec![]),
        ("embedded-in-function", vec![("TL201", 13, 22)]),
        ("provider-alias", vec![]),
        ("templatefile-json", vec![]),
    ] {
        let dir = format!("{review}/{case}");
        let found: Vec<(String, u64, u64)> =
            findings(&lint_json(&["--select", "ALL", "--ignore", "TL005", &dir]))
                .into_iter()
                .map(|(code, _, line, column)| (code, line, column))
                .collect();
        let expected: Vec<(String, u64, u64)> = expected
            .into_iter()
            .map(|(code, line, column)| (code.to_string(), line, column))
            .collect();
        assert_eq!(found, expected, "{case}");
    }
}

#[test]
fn a_named_file_gets_the_findings_placed_in_it_and_those_of_its_own_documents() {
    let dir = format!("{FIXTURES}/review/named-file");
    let expected = vec![("TL201".to_string(), format!("{dir}/trust.tf"), 8, 22)];
    // The document is defined in trust.tf and used by role.tf: named alone, either file reports
    // it; the other file is read with it, its own findings not asked for.
    for named in ["trust.tf", "role.tf"] {
        let json = lint_json(&[
            "--select",
            "ALL",
            "--ignore",
            "TL005",
            &format!("{dir}/{named}"),
        ]);
        assert_eq!(findings(&json), expected, "{named}");
    }
}
