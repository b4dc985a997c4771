//! `trustlint graph`: the JSON contract, the DOT and Mermaid pictures (snapshotted, reviewed by
//! hand), `--from`/`--to` filtering, errors of use, options shared with `lint`, determinism
//! across thread counts, and the real assume chain of cloudsplaining's account dump.
//!
//! `testdata/graph/` is a small account pair as `aws iam get-role` prints it: a GitHub OIDC
//! provider → `ci-deployer` (111122223333) → `app-runtime` (same account, trust names the exact
//! ARN: a certain edge) and → `prod-deployer` (444455556666, cross account with a tag
//! condition: uncertain); Lambda → `app-runtime`; a SAML provider → `sso-admin`; account
//! 999988887777 with an ExternalId → `vendor-audit`; `*` within the organization →
//! `org-reader`.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use support::{trustlint, trustlint_with_stdin};

const FIXTURE: &str = "testdata/graph";

const OIDC: &str = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
const SAML: &str = "arn:aws:iam::444455556666:saml-provider/Okta";
const CI_DEPLOYER: &str = "arn:aws:iam::111122223333:role/ci-deployer";
const APP_RUNTIME: &str = "arn:aws:iam::111122223333:role/app-runtime";
const PROD_DEPLOYER: &str = "arn:aws:iam::444455556666:role/prod-deployer";
const SSO_ADMIN: &str = "arn:aws:iam::444455556666:role/sso-admin";
const ORG_READER: &str = "arn:aws:iam::444455556666:role/org-reader";
const VENDOR_AUDIT: &str = "arn:aws:iam::444455556666:role/vendor-audit";
const LAMBDA: &str = "lambda.amazonaws.com";
const VENDOR_ACCOUNT: &str = "999988887777";

const CORPUS: &str = "../shared/corpus";
const CLOUDSPLAINING: &str =
    "../shared/corpus/account-authorization-details/cloudsplaining/examples/files/example.json";
const STARTING: &str = "arn:aws:iam::200611803367:role/privesc-AssumeRole-starting-role";
const INTERMEDIATE: &str = "arn:aws:iam::200611803367:role/privesc-AssumeRole-intermediate-role";
const ENDING: &str = "arn:aws:iam::200611803367:role/privesc-AssumeRole-ending-role";

// ---------------------------------------------------------------------------------------------
// Helpers

/// `trustlint graph <args…>` in-process; the run must succeed.
fn graph(args: &[&str]) -> String {
    let mut all = vec!["graph"];
    all.extend_from_slice(args);
    let outcome = trustlint(&all);
    assert_eq!(outcome.code, 0, "{all:?}: {}", outcome.stderr);
    outcome.stdout
}

fn graph_json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let text = graph(&all);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn node_ids(json: &Value) -> BTreeSet<String> {
    json["nodes"]
        .as_array()
        .expect("nodes array")
        .iter()
        .map(|n| n["id"].as_str().expect("id").to_string())
        .collect()
}

fn edge_pairs(json: &Value) -> BTreeSet<(String, String)> {
    json["edges"]
        .as_array()
        .expect("edges array")
        .iter()
        .map(|e| {
            (
                e["from"].as_str().expect("from").to_string(),
                e["to"].as_str().expect("to").to_string(),
            )
        })
        .collect()
}

fn edge<'a>(json: &'a Value, from: &str, to: &str) -> &'a Value {
    json["edges"]
        .as_array()
        .expect("edges array")
        .iter()
        .find(|e| e["from"] == from && e["to"] == to)
        .unwrap_or_else(|| panic!("no edge {from} -> {to} in {json:#}"))
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn pairs(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn corpus_present() -> bool {
    if Path::new(CORPUS).is_dir() {
        true
    } else {
        eprintln!("SKIPPED: {CORPUS} does not exist; the dump tests check nothing without it");
        false
    }
}

// ---------------------------------------------------------------------------------------------
// The JSON contract

#[test]
fn json_contract_shape_and_kinds() {
    let json = graph_json(&["--isolated", FIXTURE]);
    let top: BTreeSet<&str> = json
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert!(
        top.is_superset(&["version", "nodes", "edges"].into()),
        "{top:?}"
    );
    assert_eq!(json["version"], 1);
    let kinds = [
        "role",
        "user",
        "group",
        "account",
        "service",
        "federated",
        "any",
    ];
    for node in json["nodes"].as_array().unwrap() {
        assert!(node["id"].is_string(), "{node}");
        let kind = node["kind"].as_str().expect("kind is a string");
        assert!(kinds.contains(&kind), "{node}");
        assert!(node["defined"].is_boolean(), "{node}");
    }
    let ids = node_ids(&json);
    for e in json["edges"].as_array().unwrap() {
        assert!(ids.contains(e["from"].as_str().unwrap()), "{e}");
        assert!(ids.contains(e["to"].as_str().unwrap()), "{e}");
        assert!(
            e["conditions"]
                .as_array()
                .expect("conditions array")
                .iter()
                .all(Value::is_string),
            "{e}"
        );
        assert!(e["uncertain"].is_boolean(), "{e}");
        assert!(e["action"].is_string(), "{e}");
        assert!(e["trust"]["path"].is_string(), "{e}");
        assert!(e["grant"].is_null() || e["grant"]["line"].is_u64(), "{e}");
    }
}

#[test]
fn json_fixture_nodes_and_edges() {
    let json = graph_json(&["--isolated", FIXTURE]);
    let kind_of = |id: &str| {
        json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("no node {id}"))["kind"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        node_ids(&json),
        set(&[
            "*",
            VENDOR_ACCOUNT,
            OIDC,
            CI_DEPLOYER,
            APP_RUNTIME,
            PROD_DEPLOYER,
            SSO_ADMIN,
            ORG_READER,
            VENDOR_AUDIT,
            SAML,
            LAMBDA,
        ])
    );
    assert_eq!(kind_of("*"), "any");
    assert_eq!(kind_of(VENDOR_ACCOUNT), "account");
    assert_eq!(kind_of(OIDC), "federated");
    assert_eq!(kind_of(SAML), "federated");
    assert_eq!(kind_of(LAMBDA), "service");
    assert_eq!(kind_of(CI_DEPLOYER), "role");
    assert_eq!(
        edge_pairs(&json),
        pairs(&[
            ("*", ORG_READER),
            (VENDOR_ACCOUNT, VENDOR_AUDIT),
            (OIDC, CI_DEPLOYER),
            (CI_DEPLOYER, APP_RUNTIME),
            (CI_DEPLOYER, PROD_DEPLOYER),
            (SAML, SSO_ADMIN),
            (LAMBDA, APP_RUNTIME),
        ])
    );

    // Same account, trust naming the exact role ARN: no identity grant needed (AWS-SEMANTICS
    // §1), no condition: certain.
    let same = edge(&json, CI_DEPLOYER, APP_RUNTIME);
    assert_eq!(same["uncertain"], false);
    assert_eq!(same["conditions"], serde_json::json!([]));
    assert_eq!(same["grant"], Value::Null);
    assert_eq!(same["action"], "sts:AssumeRole");
    // Cross account: the caller's identity side is not in the input, and a condition.
    let cross = edge(&json, CI_DEPLOYER, PROD_DEPLOYER);
    assert_eq!(cross["uncertain"], true);
    assert_eq!(
        cross["conditions"],
        serde_json::json!(["StringEquals aws:PrincipalTag/team = platform"])
    );
    let oidc = edge(&json, OIDC, CI_DEPLOYER);
    assert_eq!(oidc["action"], "sts:AssumeRoleWithWebIdentity");
    assert_eq!(oidc["uncertain"], true);
    assert!(
        oidc["conditions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c.as_str().unwrap().ends_with(
                "token.actions.githubusercontent.com:sub = repo:example-org/app:ref:refs/heads/main"
            )),
        "{oidc}"
    );
    assert_eq!(
        edge(&json, SAML, SSO_ADMIN)["action"],
        "sts:AssumeRoleWithSAML"
    );
    assert_eq!(
        edge(&json, VENDOR_ACCOUNT, VENDOR_AUDIT)["conditions"],
        serde_json::json!(["StringEquals sts:ExternalId = f3a9c2e1-7b4d-4e8a-9c6f-2d1e0b5a7c93"])
    );
}

#[test]
fn json_trust_location_points_at_the_principal_value() {
    let json = graph_json(&["--isolated", FIXTURE]);
    for e in json["edges"].as_array().unwrap() {
        let trust = &e["trust"];
        let path = trust["path"].as_str().unwrap();
        assert!(path.starts_with("testdata/graph/"), "{path}");
        let text = std::fs::read_to_string(path).unwrap();
        let line = text
            .lines()
            .nth(trust["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let at: String = line
            .chars()
            .skip(trust["column"].as_u64().unwrap() as usize - 1)
            .collect();
        let named = match e["from"].as_str().unwrap() {
            VENDOR_ACCOUNT => "arn:aws:iam::999988887777:root",
            other => other,
        };
        assert!(at.starts_with(&format!("\"{named}\"")), "{e}: {at}");
    }
}

#[test]
fn json_order_is_sorted_by_id() {
    let json = graph_json(&["--isolated", FIXTURE]);
    let ids: Vec<&str> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    let edges: Vec<(&str, &str)> = json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["from"].as_str().unwrap(), e["to"].as_str().unwrap()))
        .collect();
    let mut sorted = edges.clone();
    sorted.sort();
    assert_eq!(edges, sorted);
}

// ---------------------------------------------------------------------------------------------
// Pictures (snapshots reviewed by hand)

#[test]
fn dot_snapshot() {
    let text = graph(&["--isolated", "--format", "dot", FIXTURE]);
    insta::assert_snapshot!("fixture_dot", text);
}

#[test]
fn mermaid_snapshot() {
    let text = graph(&["--isolated", "--format", "mermaid", FIXTURE]);
    insta::assert_snapshot!("fixture_mermaid", text);
}

#[test]
fn dot_is_the_default_format() {
    let text = graph(&["--isolated", FIXTURE]);
    assert!(text.contains("digraph trustlint {"), "{text}");
    assert!(text.ends_with("}\n"), "{text}");
}

#[test]
fn mermaid_filtered_snapshot() {
    let text = graph(&[
        "--isolated",
        "--format",
        "mermaid",
        "--to",
        APP_RUNTIME,
        FIXTURE,
    ]);
    insta::assert_snapshot!("fixture_mermaid_to_app_runtime", text);
}

#[test]
fn uncertain_edges_are_dashed_or_dotted_and_certain_ones_solid() {
    let dot = graph(&["--isolated", "--format", "dot", FIXTURE]);
    let line = |from: &str, to: &str| {
        dot.lines()
            .find(|l| l.contains(&format!("\"{from}\" -> \"{to}\"")))
            .unwrap_or_else(|| panic!("no {from} -> {to} in {dot}"))
            .to_string()
    };
    assert!(!line(CI_DEPLOYER, APP_RUNTIME).contains("dashed"));
    assert!(line(CI_DEPLOYER, PROD_DEPLOYER).contains("style=dashed"));
    let mermaid = graph(&["--isolated", "--format", "mermaid", FIXTURE]);
    assert_eq!(mermaid.matches(" --> ").count(), 1, "{mermaid}");
    assert_eq!(mermaid.matches(" -.->").count(), 6, "{mermaid}");
    assert!(mermaid.starts_with("%%") && mermaid.contains("\nflowchart LR\n"));
}

// ---------------------------------------------------------------------------------------------
// --from / --to

#[test]
fn from_keeps_what_the_principal_reaches() {
    let json = graph_json(&["--isolated", "--from", OIDC, FIXTURE]);
    assert_eq!(
        node_ids(&json),
        set(&[OIDC, CI_DEPLOYER, APP_RUNTIME, PROD_DEPLOYER])
    );
    assert_eq!(
        edge_pairs(&json),
        pairs(&[
            (OIDC, CI_DEPLOYER),
            (CI_DEPLOYER, APP_RUNTIME),
            (CI_DEPLOYER, PROD_DEPLOYER)
        ])
    );
}

#[test]
fn to_keeps_what_reaches_the_principal() {
    let json = graph_json(&["--isolated", "--to", APP_RUNTIME, FIXTURE]);
    assert_eq!(
        node_ids(&json),
        set(&[OIDC, CI_DEPLOYER, APP_RUNTIME, LAMBDA])
    );
    assert_eq!(
        edge_pairs(&json),
        pairs(&[
            (OIDC, CI_DEPLOYER),
            (CI_DEPLOYER, APP_RUNTIME),
            (LAMBDA, APP_RUNTIME)
        ])
    );
}

#[test]
fn from_and_to_keep_the_paths_between() {
    let json = graph_json(&["--isolated", "--from", OIDC, "--to", PROD_DEPLOYER, FIXTURE]);
    assert_eq!(node_ids(&json), set(&[OIDC, CI_DEPLOYER, PROD_DEPLOYER]));
    assert_eq!(
        edge_pairs(&json),
        pairs(&[(OIDC, CI_DEPLOYER), (CI_DEPLOYER, PROD_DEPLOYER)])
    );
}

#[test]
fn from_and_to_without_a_path_show_both_ends_and_say_so() {
    let outcome = trustlint(&[
        "graph",
        "--isolated",
        "--format",
        "json",
        "--from",
        SSO_ADMIN,
        "--to",
        APP_RUNTIME,
        FIXTURE,
    ]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(node_ids(&json), set(&[SSO_ADMIN, APP_RUNTIME]));
    assert!(edge_pairs(&json).is_empty());
    assert!(
        outcome.stderr.contains("no principal path"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_unique_name_or_arn_resource_stands_for_the_arn() {
    let by_arn = graph_json(&["--isolated", "--from", CI_DEPLOYER, FIXTURE]);
    let by_name = graph_json(&["--isolated", "--from", "ci-deployer", FIXTURE]);
    let by_resource = graph_json(&["--isolated", "--from", "role/ci-deployer", FIXTURE]);
    assert_eq!(by_arn, by_name);
    assert_eq!(by_arn, by_resource);
    assert_eq!(
        node_ids(&by_arn),
        set(&[CI_DEPLOYER, APP_RUNTIME, PROD_DEPLOYER])
    );
}

#[test]
fn an_unknown_principal_is_an_error_of_use_with_near_matches() {
    let outcome = trustlint(&[
        "graph",
        "--isolated",
        "--from",
        "arn:aws:iam::111122223333:role/ci-deploy",
        FIXTURE,
    ]);
    assert_eq!(outcome.code, 2);
    assert!(outcome.stdout.is_empty());
    assert!(
        outcome.stderr.contains("names no principal") && outcome.stderr.contains(CI_DEPLOYER),
        "{}",
        outcome.stderr
    );

    let outcome = trustlint(&[
        "graph",
        "--isolated",
        "--to",
        "zzzz-nothing-like-it",
        FIXTURE,
    ]);
    assert_eq!(outcome.code, 2);
    assert!(
        outcome.stderr.contains("names no principal"),
        "{}",
        outcome.stderr
    );
    assert!(outcome.stderr.contains("11 nodes"), "{}", outcome.stderr);
}

#[test]
fn a_name_two_principals_share_is_an_error_listing_both() {
    let dir = tempfile::tempdir().unwrap();
    for account in ["111122223333", "444455556666"] {
        let text = format!(
            r#"{{"Role": {{"RoleName": "deploy", "Arn": "arn:aws:iam::{account}:role/deploy",
                "AssumeRolePolicyDocument": {{"Version": "2012-10-17", "Statement": [
                  {{"Effect": "Allow", "Principal": {{"Service": "ec2.amazonaws.com"}},
                    "Action": "sts:AssumeRole"}}]}}}}}}"#
        );
        std::fs::write(dir.path().join(format!("{account}.get-role.json")), text).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let outcome = trustlint(&["graph", "--isolated", "--from", "deploy", path]);
    assert_eq!(outcome.code, 2);
    assert!(
        outcome.stderr.contains("several principals")
            && outcome
                .stderr
                .contains("arn:aws:iam::111122223333:role/deploy")
            && outcome
                .stderr
                .contains("arn:aws:iam::444455556666:role/deploy"),
        "{}",
        outcome.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// Options shared with `lint`

#[test]
fn output_writes_the_graph_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("graph.dot");
    let outcome = trustlint(&[
        "graph",
        "--isolated",
        "--output",
        file.to_str().unwrap(),
        FIXTURE,
    ]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(outcome.stdout.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, graph(&["--isolated", FIXTURE]));
}

#[test]
fn standard_input_is_read_under_its_stdin_filename() {
    let text = std::fs::read_to_string("testdata/graph/app-runtime.get-role.json").unwrap();
    let outcome = trustlint_with_stdin(
        &[
            "graph",
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            "app-runtime.get-role.json",
            "-",
        ],
        &text,
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(
        edge_pairs(&json),
        pairs(&[(CI_DEPLOYER, APP_RUNTIME), (LAMBDA, APP_RUNTIME)])
    );
    assert_eq!(
        edge(&json, LAMBDA, APP_RUNTIME)["trust"]["path"],
        "app-runtime.get-role.json"
    );
}

#[test]
fn unreadable_input_is_left_out_and_counted_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "testdata/graph/app-runtime.get-role.json",
        dir.path().join("app-runtime.get-role.json"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.json"),
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Princ"#,
    )
    .unwrap();
    let outcome = trustlint(&[
        "graph",
        "--isolated",
        "--format",
        "json",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("warning: 1 problem (TL001)")
            && outcome.stderr.contains("trustlint lint"),
        "{}",
        outcome.stderr
    );
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(edge_pairs(&json).len(), 2);
}

#[test]
fn a_bad_configuration_is_an_error_of_use() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("trustlint.toml");
    std::fs::write(&config, "[lint]\nselect = [\"TL999\"]\n").unwrap();
    let outcome = trustlint(&["graph", "--config", config.to_str().unwrap(), FIXTURE]);
    assert_eq!(outcome.code, 2);
    assert!(outcome.stderr.contains("TL999"), "{}", outcome.stderr);

    let outcome = trustlint(&["graph", "--format", "png", FIXTURE]);
    assert_eq!(outcome.code, 2);
}

#[test]
fn max_file_size_leaves_large_files_out() {
    let outcome = trustlint(&[
        "graph",
        "--isolated",
        "--format",
        "json",
        "--max-file-size",
        "10",
        FIXTURE,
    ]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert!(node_ids(&json).is_empty(), "{json:#}");
    assert!(outcome.stderr.contains("TL002"), "{}", outcome.stderr);
}

#[test]
fn the_binary_prints_the_graph_and_exits_zero() {
    let output = Command::cargo_bin("trustlint")
        .unwrap()
        .args(["graph", "--isolated", "--format", "mermaid", FIXTURE])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        graph(&["--isolated", "--format", "mermaid", FIXTURE])
    );
}

// ---------------------------------------------------------------------------------------------
// Determinism

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let mut inputs = vec![FIXTURE.to_string(), "testdata/example".to_string()];
    if corpus_present() {
        inputs.push(format!("{CORPUS}/account-authorization-details"));
    }
    for input in &inputs {
        for format in ["dot", "mermaid", "json"] {
            let one = graph(&["--isolated", "--threads", "1", "--format", format, input]);
            for threads in ["2", "4", "8"] {
                let many = graph(&[
                    "--isolated",
                    "--threads",
                    threads,
                    "--format",
                    format,
                    input,
                ]);
                assert_eq!(one, many, "{input} --format {format} --threads {threads}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The real chain in cloudsplaining's example dump (issue 3)

#[test]
fn cloudsplaining_assume_role_chain_appears_in_the_json_graph() {
    if !corpus_present() {
        return;
    }
    assert!(
        Path::new(CLOUDSPLAINING).is_file(),
        "{CLOUDSPLAINING} is missing from the corpus"
    );
    let json = graph_json(&["--isolated", CLOUDSPLAINING]);
    for (from, to) in [(STARTING, INTERMEDIATE), (INTERMEDIATE, ENDING)] {
        let hop = edge(&json, from, to);
        // Same account, trust naming the exact role ARN, no condition, no boundary: the hop
        // needs no identity grant and is certain (AWS-SEMANTICS §1).
        assert_eq!(hop["uncertain"], false, "{hop}");
        assert_eq!(hop["action"], "sts:AssumeRole", "{hop}");
        assert_eq!(hop["trust"]["path"], CLOUDSPLAINING, "{hop}");
    }
    for role in [STARTING, INTERMEDIATE, ENDING] {
        let node = json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == role)
            .unwrap_or_else(|| panic!("no node {role}"));
        assert_eq!(node["kind"], "role");
        assert_eq!(node["defined"], true, "{node}");
    }

    // The chain is exactly what lies between its ends.
    let between = graph_json(&[
        "--isolated",
        "--from",
        STARTING,
        "--to",
        ENDING,
        CLOUDSPLAINING,
    ]);
    assert_eq!(node_ids(&between), set(&[STARTING, INTERMEDIATE, ENDING]));
    assert_eq!(
        edge_pairs(&between),
        pairs(&[(STARTING, INTERMEDIATE), (INTERMEDIATE, ENDING)])
    );
}

#[test]
fn cloudsplaining_chain_mermaid_snapshot() {
    if !corpus_present() {
        return;
    }
    let text = graph(&[
        "--isolated",
        "--format",
        "mermaid",
        "--to",
        ENDING,
        CLOUDSPLAINING,
    ]);
    insta::assert_snapshot!("cloudsplaining_to_ending_role_mermaid", text);
}

// ---------------------------------------------------------------------------------------------
// Escaping

/// A trust whose condition values hold every character DOT or Mermaid could read as syntax.
const HOSTILE_TRUST: &str = r##"{"Role": {"RoleName": "odd", "Arn": "arn:aws:iam::111122223333:role/odd",
  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole",
     "Condition": {"StringEquals": {"aws:RequestTag/note": "q\"uo\\N|p#i;<b>&amp;`x`\nnext}];"}}}]}}}"##;

#[test]
fn labels_with_syntax_characters_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("odd.get-role.json"), HOSTILE_TRUST).unwrap();
    let path = dir.path().to_str().unwrap();

    let dot = graph(&["--isolated", "--format", "dot", path]);
    let edge_line = dot.lines().find(|l| l.contains(" -> ")).expect("one edge");
    assert!(
        edge_line.contains(
            r#"label="StringEquals aws:RequestTag/note\n= q\"uo\\N|p#i;<b>&amp;amp;`x` next}];""#
        ),
        "{edge_line}"
    );
    assert_eq!(dot.lines().filter(|l| l.contains(" -> ")).count(), 1);

    let mermaid = graph(&["--isolated", "--format", "mermaid", path]);
    let edge_line = mermaid
        .lines()
        .find(|l| l.contains("-.->"))
        .expect("one edge");
    assert!(
        edge_line.contains(
            "|\"StringEquals aws:RequestTag/note<br>= q#quot;uo\\N#124;p#35;i;#lt;b#gt;#amp;amp;#96;x#96; next}];\"|"
        ),
        "{edge_line}"
    );

    // Graphviz itself reads the DOT, where it is installed (it is no dependency of the project).
    match std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(mut child) => {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(dot.as_bytes())
                .unwrap();
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success() && stderr.is_empty(), "{stderr}");
            let svg = String::from_utf8(output.stdout).unwrap();
            assert!(
                svg.contains("q&quot;uo\\N|p#i;&lt;b&gt;&amp;amp;`x` next}];"),
                "{svg}"
            );
        }
        Err(_) => eprintln!("SKIPPED: Graphviz `dot` is not installed"),
    }
}
