//! CloudFormation and SAM templates: how values are resolved (pseudo parameters, `!Sub`,
//! `!GetAtt`/`!Ref` in the graph, `!FindInMap`, `!If`, `!ImportValue`, parameters), policy
//! documents given as JSON strings, YAML anchors and multi-document files, and YAML that is
//! not a template (Kubernetes, GitHub Actions, docker-compose, Helm), which must stay silent.
//!
//! Fixtures are in `testdata/frontends/cloudformation/`. The span snapshots show the rendered
//! `full` output: the caret on a `"*"` in YAML, in a JSON template, inside a JSON-string
//! document, and on a `!Sub`-built principal. The corpus test lints the real templates beside
//! the project (`../shared/corpus/cloudformation`) and snapshots the count of findings per rule.
//!
//! Runs select `ALL` but TL005 `unresolved-value` (off by default), which reports every
//! unknown value by design: these tests are about the verdicts, which unknowns never reach.

mod support;

use std::path::Path;

use serde_json::Value;
use support::{counts_by_code, findings, lint_json, trustlint};

const FIXTURES: &str = "testdata/frontends/cloudformation";
const CORPUS: &str = "../shared/corpus/cloudformation";

/// (code, line, column) of every finding of `--select ALL` over one fixture, linted alone.
fn found(case: &str) -> Vec<(String, u64, u64)> {
    let path = format!("{FIXTURES}/{case}");
    findings(&lint_json(&["--select", "ALL", "--ignore", "TL005", &path]))
        .into_iter()
        .map(|(code, _, line, column)| (code, line, column))
        .collect()
}

fn finding(code: &str, line: u64, column: u64) -> (String, u64, u64) {
    (code.to_string(), line, column)
}

/// `trustlint lint --select ALL --format json <dir>` with the `trustlint.toml` the fixture holds.
fn lint_with_config(case: &str) -> Value {
    let path = format!("{FIXTURES}/{case}");
    let outcome = trustlint(&[
        "lint", "--select", "ALL", "--ignore", "TL005", "--format", "json", &path,
    ]);
    assert!(
        outcome.code <= 1,
        "exit {}: {}",
        outcome.code,
        outcome.stderr
    );
    serde_json::from_str(&outcome.stdout).unwrap_or_else(|e| panic!("{e}: {}", outcome.stdout))
}

fn messages(json: &Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

/// The edges of `trustlint graph --format json` over one fixture, as `from -> to`, with the
/// stack's deploying-account prefix dropped and ` (uncertain)` / ` (grant)` marks.
fn edges(case: &str, isolated: bool) -> Vec<String> {
    let path = format!("{FIXTURES}/{case}");
    let mut args = vec!["graph", "--format", "json"];
    if isolated {
        args.push("--isolated");
    }
    args.push(&path);
    let outcome = trustlint(&args);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let graph: Value = serde_json::from_str(&outcome.stdout).unwrap();
    // A directory's templates are each their own stack: the account is named after the file.
    let file = if Path::new(&path).is_dir() {
        format!("{path}/stack.yaml")
    } else {
        path.clone()
    };
    let account = format!("<account of {file}>");
    let short = |id: &Value| {
        id.as_str()
            .unwrap()
            .replace(&format!("arn:aws:iam::{account}:"), "")
            .replace(&account, "account")
    };
    graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut edge = format!("{} -> {}", short(&e["from"]), short(&e["to"]));
            if e["uncertain"].as_bool().unwrap() {
                edge.push_str(" (uncertain)");
            }
            if !e["grant"].is_null() {
                edge.push_str(" (grant)");
            }
            edge
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Pseudo parameters

#[test]
fn account_id_is_the_stacks_own_account_so_its_trust_is_not_cross_account() {
    // `[accounts] own` is set, so TL205 judges every other account; the stack's own account,
    // written as `${AWS::AccountId}` or `!Ref AWS::AccountId`, is never a third party.
    let json = lint_with_config("pseudo-parameters");
    let dir = format!("{FIXTURES}/pseudo-parameters");
    assert_eq!(
        findings(&json),
        vec![
            ("TL204".to_string(), format!("{dir}/stack.yaml"), 15, 19),
            ("TL204".to_string(), format!("{dir}/stack.yaml"), 16, 19),
        ]
    );
    for message in messages(&json) {
        assert!(message.contains("trusts its own account"), "{message}");
    }
}

#[test]
fn partition_in_an_arn_names_the_stacks_role_in_the_graph() {
    // `arn:${AWS::Partition}:iam::${AWS::AccountId}:role/caller` is the role `caller` of the
    // same stack: a same-account trust naming its exact ARN is an edge with no grant needed.
    assert_eq!(
        edges("pseudo-parameters", false),
        vec![
            "account -> role/ops (uncertain)",
            "role/caller -> role/target",
            "codebuild.amazonaws.com -> role/caller",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Intrinsic functions

#[test]
fn sub_of_literal_parts_is_resolved_and_a_parameter_makes_it_unknown() {
    // `!Sub ["arn:aws:iam::${Partner}:root", {Partner: "444455556666"}]` is an account (TL204);
    // `${PartnerAccount}` is a parameter, so neither its account nor its `deploy-*` pattern is
    // reported (no TL204, no TL111).
    assert_eq!(found("sub.yaml"), vec![finding("TL204", 17, 20)]);
    let json = lint_json(&[
        "--select",
        "ALL",
        "--ignore",
        "TL005",
        &format!("{FIXTURES}/sub.yaml"),
    ]);
    assert!(
        messages(&json)[0].contains("`444455556666`"),
        "{:?}",
        messages(&json)
    );
}

#[test]
fn getatt_and_ref_join_the_stacks_principals_in_the_graph() {
    // `!GetAtt Runner.Arn` in a trust; grants attached by `!Ref` through a RolePolicy, a
    // managed policy's `Users`, an `AWS::IAM::Policy`'s `Groups` (alice is a member by `!Ref`).
    assert_eq!(
        edges("references.yaml", true),
        vec![
            "account -> role/shared (uncertain)",
            "role/runner -> role/deploy",
            "role/runner -> role/shared (grant)",
            "user/alice -> role/shared (grant)",
            "user/bob -> role/shared (grant)",
            "ec2.amazonaws.com -> role/runner",
        ]
    );
}

#[test]
fn find_in_map_over_literal_mappings_reports_the_mapped_value() {
    // The dev role's principal is the mapping's "*": the finding is where "*" is written. The
    // stage role looks up a key given by a parameter: unknown, silent.
    assert_eq!(found("find-in-map.yaml"), vec![finding("TL201", 10, 18)]);
}

#[test]
fn if_means_either_branch_and_a_finding_of_one_branch_says_which() {
    // `!If [IsProd, "*", "*"]` is "*" either way: one finding, no condition. `!If [IsProd, "*",
    // <own account>]` is public only when `IsProd` is true, account-wide when it is false.
    let json = lint_json(&[
        "--select",
        "ALL",
        "--ignore",
        "TL005",
        &format!("{FIXTURES}/if.yaml"),
    ]);
    assert_eq!(
        findings(&json)
            .into_iter()
            .map(|(code, _, line, column)| (code, line, column))
            .collect::<Vec<_>>(),
        vec![
            finding("TL201", 20, 38),
            finding("TL201", 31, 33),
            finding("TL204", 31, 38)
        ]
    );
    let messages = messages(&json);
    assert!(messages[0].contains("role `agree`") && !messages[0].contains("when"));
    assert!(
        messages[1].ends_with("(when condition `IsProd` is true)"),
        "{messages:?}"
    );
    assert!(
        messages[2].ends_with("(when condition `IsProd` is false)"),
        "{messages:?}"
    );
}

#[test]
fn import_value_is_unknown() {
    assert_eq!(found("import-value.yaml"), vec![]);
}

#[test]
fn a_parameter_default_is_not_the_deployed_value() {
    // `Default: "*"` for the principal and `"sts:*"` for the action: each deployment may pass
    // other values, so neither TL201 nor TL215 is reported.
    assert_eq!(found("parameter-default.yaml"), vec![]);
}

// ---------------------------------------------------------------------------------------------
// Documents as JSON strings

/// (line, column, end column) of the one finding over a fixture.
fn place(case: &str) -> (u64, u64, u64) {
    let json = lint_json(&[
        "--select",
        "ALL",
        "--ignore",
        "TL005",
        &format!("{FIXTURES}/{case}"),
    ]);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let span = &diagnostics[0]["span"];
    (
        span["start"]["line"].as_u64().unwrap(),
        span["start"]["column"].as_u64().unwrap(),
        span["end"]["column"].as_u64().unwrap(),
    )
}

#[test]
fn a_json_string_trust_in_yaml_is_reported_inside_the_string() {
    // `\"*\"` starts at column 129 of line 9 and is five characters as written.
    assert_eq!(place("json-string.yaml"), (9, 129, 134));
}

#[test]
fn a_json_string_trust_in_a_json_template_is_reported_inside_the_string() {
    assert_eq!(place("json-string.json"), (9, 133, 138));
}

// ---------------------------------------------------------------------------------------------
// YAML shapes

#[test]
fn an_aliased_statement_opens_both_roles_and_is_reported_where_it_is_written() {
    assert_eq!(found("anchors.yaml"), vec![finding("TL201", 16, 20)]);
    assert_eq!(
        edges("anchors.yaml", true),
        vec!["* -> role/first", "* -> role/second"]
    );
}

#[test]
fn every_document_of_a_multi_document_file_is_read() {
    let json = lint_json(&[
        "--select",
        "ALL",
        &format!("{FIXTURES}/multi-document.yaml"),
    ]);
    assert_eq!(
        findings(&json)
            .into_iter()
            .map(|(code, _, line, column)| (code, line, column))
            .collect::<Vec<_>>(),
        vec![finding("TL201", 11, 46), finding("TL201", 22, 46)]
    );
    let messages = messages(&json);
    assert!(messages[0].contains("role `first`"), "{messages:?}");
    assert!(messages[1].contains("role `second`"), "{messages:?}");
}

#[test]
fn yaml_that_is_not_a_template_is_skipped_silently() {
    // Each names `AWS::…` somewhere, so each passes the cheap sniff; none is a template. The Helm
    // template is not even valid YAML before rendering, and must not give TL001.
    let dir = format!("{FIXTURES}/non-templates");
    let files = [
        "deployment.yaml",
        ".github/workflows/deploy.yml",
        "docker-compose.yml",
        "chart/values.yaml",
        "chart/templates/role.yaml",
    ];
    for file in files {
        let path = format!("{dir}/{file}");
        assert!(Path::new(&path).is_file(), "{path}");
        let outcome = trustlint(&[
            "lint",
            "--isolated",
            "--select",
            "ALL",
            "--format",
            "json",
            &path,
        ]);
        assert_eq!(outcome.code, 0, "{path}: {}", outcome.stdout);
        let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
        assert_eq!(findings(&json), vec![], "{path}");
        assert_eq!(json["summary"]["documents"], 0, "{path}");
    }
    let json = lint_json(&["--select", "ALL", "--ignore", "TL005", &dir]);
    assert_eq!(findings(&json), vec![]);
    assert_eq!(json["summary"]["documents"], 0);
}

#[test]
fn sam_function_policy_documents_are_checked_and_policy_templates_are_not() {
    // `AWSLambdaBasicExecutionRole`, `S3ReadPolicy` and `SQSSendMessagePolicy` are not
    // documents; the inline document with a Principal is (TL109), and so is a single document
    // given as `Policies` (TL122).
    assert_eq!(
        found("sam.yaml"),
        vec![finding("TL109", 22, 15), finding("TL122", 34, 13)]
    );
}

// ---------------------------------------------------------------------------------------------
// Spans, as a person sees them

fn rendered(case: &str) -> String {
    let path = format!("{FIXTURES}/spans/{case}");
    let outcome = trustlint(&[
        "lint",
        "--isolated",
        "--select",
        "ALL",
        "--format",
        "full",
        "--color",
        "never",
        &path,
    ]);
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    outcome.stdout
}

#[test]
fn span_on_a_star_in_a_yaml_trust() {
    insta::assert_snapshot!(rendered("yaml-star.yaml"));
}

#[test]
fn span_in_a_json_template() {
    insta::assert_snapshot!(rendered("json-template.json"));
}

#[test]
fn span_inside_a_json_string_document() {
    insta::assert_snapshot!(rendered("json-string.yaml"));
}

#[test]
fn span_on_a_sub_built_principal() {
    insta::assert_snapshot!(rendered("sub-principal.yaml"));
}

// ---------------------------------------------------------------------------------------------
// The corpus of real templates

#[test]
fn corpus_templates_lint_without_failure_and_only_bad_templates_are_unreadable() {
    if !Path::new(CORPUS).is_dir() {
        return;
    }
    let json = lint_json(&["--select", "ALL", "--ignore", "TL005", CORPUS]);
    for diagnostic in json["diagnostics"].as_array().unwrap() {
        let code = diagnostic["code"].as_str().unwrap();
        let path = diagnostic["path"].as_str().unwrap();
        if code.starts_with("TL0") {
            assert!(
                path.contains("/cfn-lint-fixture-templates/bad/"),
                "{code} on a template that is not one of cfn-lint's bad fixtures: {path}: {}",
                diagnostic["message"]
            );
        }
    }
    insta::assert_snapshot!(counts_by_code(&json));
}
