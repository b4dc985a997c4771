//! `[[principal]]` entries in `trustlint.toml`: plain policy files attached to a user, group or
//! role ARN feed the principal graph; each attached file is linted once, with the kind its entry
//! gives it; configuration errors point at the entry.

mod support;

use std::path::Path;

use serde_json::Value;
use support::trustlint;
use tempfile::TempDir;
use trustlint::config;
use trustlint::graph::NodeKind;
use trustlint::lint::{LintOptions, LintResult, lint};
use trustlint::selection::Selection;

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers

const ACCOUNT: &str = "111122223333";

/// The trust of `role/deploy`: the user `alice` of the same account, by exact ARN.
const TRUST_ALICE: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:user/alice" },
      "Action": "sts:AssumeRole"
    }
  ]
}
"#;

/// A trust naming the whole account: callers need an identity grant.
const TRUST_ACCOUNT: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:root" },
      "Action": "sts:AssumeRole"
    }
  ]
}
"#;

/// A trust with a `Resource` element (TL106 at line 8, column 7). Alone it reads as an STS
/// endpoint policy (every statement has a `Resource`, only AWS principals): no TL106 then.
const TRUST_WITH_RESOURCE: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:root" },
      "Action": "sts:AssumeRole",
      "Resource": "*"
    }
  ]
}
"#;

/// An identity policy allowing `sts:AssumeRole` on `role/deploy`.
const GRANT_DEPLOY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AssumeDeploy",
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Resource": "arn:aws:iam::111122223333:role/deploy"
    }
  ]
}
"#;

/// The same grant with a duplicated Sid (TL105).
const GRANT_DEPLOY_DUPLICATE_SID: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AssumeDeploy",
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Resource": "arn:aws:iam::111122223333:role/deploy"
    },
    {
      "Sid": "AssumeDeploy",
      "Effect": "Allow",
      "Action": "sts:TagSession",
      "Resource": "arn:aws:iam::111122223333:role/deploy"
    }
  ]
}
"#;

/// A permissions boundary that allows everything.
const BOUNDARY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
}
"#;

/// A temporary tree whose root holds an empty `.git/`, so configuration discovery stops there.
fn tree(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    dir
}

fn path_of(dir: &TempDir, relative: &str) -> String {
    dir.path().join(relative).to_str().unwrap().to_string()
}

/// `trustlint lint --format json <args>`, parsed.
fn lint_json(args: &[&str]) -> Value {
    let mut all = vec!["lint", "--format", "json", "--exit-zero"];
    all.extend_from_slice(args);
    let outcome = trustlint(&all);
    assert_eq!(outcome.code, 0, "{outcome:?}");
    serde_json::from_str(&outcome.stdout).unwrap_or_else(|e| panic!("{e}: {}", outcome.stdout))
}

fn summary(json: &Value, key: &str) -> u64 {
    json["summary"][key].as_u64().expect(key)
}

fn diagnostics_of<'a>(json: &'a Value, code: &str) -> Vec<&'a Value> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect()
}

/// A lint run through the library, with the configuration found for `root`.
fn run_library(root: &Path) -> LintResult {
    let config_path = config::discover(root).expect("a trustlint.toml");
    let loaded = config::load(&config_path).unwrap_or_else(|e| panic!("{e:?}"));
    lint(&LintOptions {
        paths: vec![root.to_path_buf()],
        stdin: None,
        settings: Default::default(),
        selection: Selection::defaults(),
        threads: 2,
        max_file_size: config::DEFAULT_MAX_FILE_SIZE,
        principals: Some(loaded.principals),
    })
}

/// Whether the graph has an edge `from` → `to` (ARNs).
fn can_assume(result: &LintResult, from: &str, to: &str) -> bool {
    let graph = &result.graph;
    let (Some(from), Some(to)) = (graph.find(from), graph.find(to)) else {
        return false;
    };
    graph.out_edges(from).any(|e| e.to == to)
}

fn user(name: &str) -> String {
    format!("arn:aws:iam::{ACCOUNT}:user/{name}")
}

fn role(name: &str) -> String {
    format!("arn:aws:iam::{ACCOUNT}:role/{name}")
}

/// 1-based line and column of a byte offset, computed independently of trustlint.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

// ---------------------------------------------------------------------------------------------
// The graph grows

#[test]
fn an_attached_trust_and_grant_make_an_edge() {
    let config = format!(
        r#"[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:role/deploy"
trust = "roles/deploy/trust.json"

[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:user/alice"
policies = ["users/alice.json"]
"#
    );
    let dir = tree(&[
        ("roles/deploy/trust.json", TRUST_ACCOUNT),
        ("users/alice.json", GRANT_DEPLOY),
        ("trustlint.toml", &config),
    ]);
    let root = dir.path().to_str().unwrap();

    // Without the entries the files are two loose documents: no role, no edge.
    let alone = lint_json(&["--isolated", root]);
    assert_eq!(summary(&alone, "edges"), 0, "{alone}");
    assert_eq!(summary(&alone, "documents"), 2, "{alone}");

    let attached = lint_json(&[root]);
    assert_eq!(summary(&attached, "documents"), 2, "{attached}");
    assert!(summary(&attached, "edges") >= 1, "{attached}");
    assert!(
        summary(&attached, "principals") > summary(&alone, "principals"),
        "{attached}"
    );

    // The edge itself: alice → deploy, with alice's grant.
    let result = run_library(dir.path());
    let graph = &result.graph;
    let alice = graph
        .find(&format!("arn:aws:iam::{ACCOUNT}:user/alice"))
        .unwrap();
    let deploy = graph
        .find(&format!("arn:aws:iam::{ACCOUNT}:role/deploy"))
        .unwrap();
    assert_eq!(graph.node(deploy).kind, NodeKind::Role);
    assert!(graph.node(alice).is_defined());
    let edge = graph
        .out_edges(alice)
        .find(|e| e.to == deploy)
        .expect("alice can assume deploy");
    assert!(
        edge.grant.is_some(),
        "the account-wide trust needs alice's grant"
    );
}

#[test]
fn a_users_groups_policies_are_inherited() {
    let config = format!(
        r#"[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:role/deploy"
trust = "trust.json"

[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:user/alice"
groups = ["developers"]

[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:group/developers"
policies = ["groups/developers.json"]
"#
    );
    let dir = tree(&[
        ("trust.json", TRUST_ACCOUNT),
        ("groups/developers.json", GRANT_DEPLOY),
        ("trustlint.toml", &config),
    ]);
    let json = lint_json(&[dir.path().to_str().unwrap()]);
    assert!(summary(&json, "edges") >= 1, "{json}");
    let result = run_library(dir.path());
    assert!(can_assume(&result, &user("alice"), &role("deploy")));
    let alice = result
        .graph
        .find(&format!("arn:aws:iam::{ACCOUNT}:user/alice"))
        .unwrap();
    assert_eq!(result.graph.node(alice).identity.len(), 1);
}

#[test]
fn the_boundary_is_found_by_its_synthetic_arn() {
    let config = format!(
        r#"[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:user/alice"
policies = ["alice.json"]
boundary = "boundary.json"
"#
    );
    let dir = tree(&[
        ("alice.json", GRANT_DEPLOY),
        ("boundary.json", BOUNDARY),
        ("trustlint.toml", &config),
    ]);
    let result = run_library(dir.path());
    let graph = &result.graph;
    let alice = graph.node(
        graph
            .find(&format!("arn:aws:iam::{ACCOUNT}:user/alice"))
            .unwrap(),
    );
    let (span, doc) = alice.boundary.expect("a boundary");
    let doc = doc.expect("the boundary document is loaded");
    assert!(
        result
            .sources
            .get(graph.documents[doc].file)
            .path
            .ends_with("boundary.json")
    );
    assert_eq!(
        graph.documents[doc].kind,
        trustlint::model::DocumentKind::Boundary
    );
    // The boundary's span points at its value in trustlint.toml.
    let source = result.sources.get(span.file);
    assert!(source.path.ends_with("trustlint.toml"), "{}", source.path);
    assert_eq!(&source.text[span.range()], "\"boundary.json\"");
    // Only alice's own policy is an identity policy; the boundary is not.
    assert_eq!(alice.identity.len(), 1);
}

#[test]
fn an_entitys_span_points_at_its_arn_in_the_configuration() {
    let config = format!(
        "# roles\n[[principal]]\narn = \"arn:aws:iam::{ACCOUNT}:role/deploy\"\ntrust = \"trust.json\"\n"
    );
    let dir = tree(&[("trust.json", TRUST_ALICE), ("trustlint.toml", &config)]);
    let result = run_library(dir.path());
    let entity = result
        .graph
        .entities
        .iter()
        .find(|e| e.name == "deploy")
        .expect("the role is defined");
    let source = result.sources.get(entity.span.file);
    assert!(source.path.ends_with("trustlint.toml"), "{}", source.path);
    assert_eq!(source.line_col(entity.span.start as usize).line, 3);
    assert_eq!(source.line_col(entity.span.start as usize).column, 7);
    assert_eq!(entity.account, ACCOUNT);
}

// ---------------------------------------------------------------------------------------------
// Linted once, with the right kind

#[test]
fn an_attached_trust_is_linted_once_as_a_trust() {
    let config = format!(
        "[[principal]]\narn = \"arn:aws:iam::{ACCOUNT}:role/deploy\"\ntrust = \"roles/deploy/trust.json\"\n"
    );
    let dir = tree(&[
        ("roles/deploy/trust.json", TRUST_WITH_RESOURCE),
        ("trustlint.toml", &config),
    ]);
    let root = dir.path().to_str().unwrap();

    // Alone, the document reads as an STS endpoint policy: TL106 stays silent.
    let alone = lint_json(&["--isolated", "--select", "TL106", root]);
    assert!(diagnostics_of(&alone, "TL106").is_empty(), "{alone}");

    // Attached as a trust, and also found by the walk: TL106 exactly once, at `"Resource"`.
    let json = lint_json(&["--select", "TL106", root]);
    let found = diagnostics_of(&json, "TL106");
    assert_eq!(found.len(), 1, "{json}");
    assert!(
        found[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("roles/deploy/trust.json")
    );
    assert_eq!(found[0]["span"]["start"]["line"], 8, "{json}");
    assert_eq!(summary(&json, "documents"), 1, "{json}");

    // Naming the file on the command line too changes nothing.
    let trust = path_of(&dir, "roles/deploy/trust.json");
    let json = lint_json(&["--select", "TL106", root, &trust]);
    assert_eq!(diagnostics_of(&json, "TL106").len(), 1, "{json}");
}

#[test]
fn an_attached_identity_policy_is_linted_as_identity() {
    // A `Principal` in an identity policy: alone it reads as a trust policy.
    let with_principal = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:root" },
      "Action": "sts:AssumeRole",
      "Resource": "arn:aws:iam::111122223333:role/deploy"
    }
  ]
}
"#;
    let config = format!(
        "[[principal]]\narn = \"arn:aws:iam::{ACCOUNT}:user/alice\"\npolicies = [\"alice.json\"]\n"
    );
    let dir = tree(&[("alice.json", with_principal), ("trustlint.toml", &config)]);
    let root = dir.path().to_str().unwrap();
    let alone = lint_json(&["--isolated", "--select", "TL109", root]);
    assert!(diagnostics_of(&alone, "TL109").is_empty(), "{alone}");
    let json = lint_json(&["--select", "TL109", root]);
    assert_eq!(diagnostics_of(&json, "TL109").len(), 1, "{json}");
}

#[test]
fn a_shared_managed_file_is_checked_once_and_feeds_every_owner() {
    let config = format!(
        r#"[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:role/deploy"
trust = "trust.json"

[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:user/alice"
policies = ["policies/assume-deploy.json"]

[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:user/bob"
policies = ["./policies/../policies/assume-deploy.json"]
"#
    );
    let dir = tree(&[
        ("trust.json", TRUST_ACCOUNT),
        ("policies/assume-deploy.json", GRANT_DEPLOY_DUPLICATE_SID),
        ("trustlint.toml", &config),
    ]);
    let root = dir.path().to_str().unwrap();
    let json = lint_json(&[root]);
    assert_eq!(diagnostics_of(&json, "TL105").len(), 1, "{json}");
    assert_eq!(summary(&json, "documents"), 2, "{json}");

    let result = run_library(dir.path());
    assert!(can_assume(&result, &user("alice"), &role("deploy")));
    assert!(can_assume(&result, &user("bob"), &role("deploy")));
    let graph = &result.graph;
    let identity = |name: &str| {
        let node = graph
            .find(&format!("arn:aws:iam::{ACCOUNT}:user/{name}"))
            .unwrap();
        graph.node(node).identity.clone()
    };
    assert_eq!(identity("alice"), identity("bob"));
    assert_eq!(identity("alice").len(), 1);
}

#[test]
fn a_trust_shared_by_two_roles_is_checked_once_and_trusts_for_both() {
    let config = format!(
        r#"[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:role/deploy"
trust = "shared/trust.json"

[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:role/deploy-eu"
trust = "shared/trust.json"

[[principal]]
arn = "arn:aws:iam::{ACCOUNT}:user/alice"
"#
    );
    let dir = tree(&[
        (
            "shared/trust.json",
            TRUST_WITH_RESOURCE.replace("root", "user/alice").as_str(),
        ),
        ("trustlint.toml", &config),
    ]);
    let json = lint_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(diagnostics_of(&json, "TL106").len(), 1, "{json}");
    assert_eq!(summary(&json, "documents"), 1, "{json}");
    // Same account, exact user ARN in the trust: no grant needed, one edge per role.
    let result = run_library(dir.path());
    assert!(can_assume(&result, &user("alice"), &role("deploy")));
    assert!(can_assume(&result, &user("alice"), &role("deploy-eu")));
}

#[test]
fn an_attached_file_outside_the_linted_paths_is_read() {
    let config = format!(
        "[[principal]]\narn = \"arn:aws:iam::{ACCOUNT}:role/deploy\"\ntrust = \"../shared/trust.json\"\n\n\
         [[principal]]\narn = \"arn:aws:iam::{ACCOUNT}:user/alice\"\npolicies = [\"users/alice.json\"]\n"
    );
    let dir = tree(&[
        ("shared/trust.json", TRUST_WITH_RESOURCE),
        ("project/users/alice.json", GRANT_DEPLOY),
        ("project/trustlint.toml", &config),
    ]);
    let json = lint_json(&[&path_of(&dir, "project/users")]);
    assert!(summary(&json, "edges") >= 1, "{json}");
    let found = diagnostics_of(&json, "TL106");
    assert_eq!(found.len(), 1, "{json}");
    let path = found[0]["path"].as_str().unwrap();
    assert!(path.ends_with("shared/trust.json"), "{path}");
    assert!(
        !path.contains(".."),
        "the display path is normalised: {path}"
    );
}

#[test]
fn an_attached_file_that_holds_no_policy_is_reported_at_the_file_and_the_entry() {
    let config = format!(
        "[[principal]]\narn = \"arn:aws:iam::{ACCOUNT}:role/deploy\"\ntrust = \"package.json\"\n"
    );
    let dir = tree(&[
        ("package.json", "{ \"name\": \"app\" }\n"),
        ("trustlint.toml", &config),
    ]);
    let json = lint_json(&[dir.path().to_str().unwrap()]);
    let found = diagnostics_of(&json, "TL004");
    assert_eq!(found.len(), 1, "{json}");
    assert!(found[0]["path"].as_str().unwrap().ends_with("package.json"));
    let label = &found[0]["labels"][0];
    assert!(label["path"].as_str().unwrap().ends_with("trustlint.toml"));
    assert_eq!(label["span"]["start"]["line"], 3, "{json}");
    assert_eq!(label["span"]["start"]["column"], 9, "{json}");
}

#[test]
fn an_attached_file_that_does_not_parse_is_a_parse_error_only() {
    let config = format!(
        "[[principal]]\narn = \"arn:aws:iam::{ACCOUNT}:role/deploy\"\ntrust = \"trust.json\"\n"
    );
    let dir = tree(&[
        ("trust.json", "{ \"Statement\": [ }\n"),
        ("trustlint.toml", &config),
    ]);
    let json = lint_json(&[dir.path().to_str().unwrap()]);
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["TL001"], "{json}");
}

#[test]
fn without_principal_entries_the_run_is_unchanged() {
    let dir = tree(&[
        ("trust.json", TRUST_ALICE),
        ("trustlint.toml", "[accounts]\nown = [\"111122223333\"]\n"),
    ]);
    let loaded = config::load(&dir.path().join("trustlint.toml")).unwrap();
    assert!(loaded.principals.is_empty());
    let json = lint_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(summary(&json, "files"), 1, "{json}");
}

// ---------------------------------------------------------------------------------------------
// Errors point at the entry

#[test]
fn configuration_errors_point_at_the_entry() {
    let role = format!("arn = \"arn:aws:iam::{ACCOUNT}:role/deploy\"");
    let user = format!("arn = \"arn:aws:iam::{ACCOUNT}:user/alice\"");
    let group = format!("arn = \"arn:aws:iam::{ACCOUNT}:group/developers\"");
    // (configuration, a word of the message, the value or key the error must point at)
    let cases: Vec<(String, &str, &str)> = vec![
        (
            format!("[[principal]]\n{role}\ntrusts = \"trust.json\"\n"),
            "trusts",
            "trusts",
        ),
        (
            "[[principal]]\narn = \"arn:aws:iam::111122223333:role/*\"\n".to_string(),
            "wildcard",
            "\"arn:aws:iam::111122223333:role/*\"",
        ),
        (
            "[[principal]]\narn = \"arn:aws:iam::111122223333:root\"\n".to_string(),
            "account",
            "\"arn:aws:iam::111122223333:root\"",
        ),
        (
            "[[principal]]\narn = \"deploy\"\n".to_string(),
            "not a user, group or role ARN",
            "\"deploy\"",
        ),
        (
            format!("[[principal]]\n{role}\ntrust = \"nope.json\"\n"),
            "nope.json",
            "\"nope.json\"",
        ),
        (
            format!("[[principal]]\n{role}\npolicies = [\"trust.json\", \"missing.json\"]\n"),
            "missing.json",
            "\"missing.json\"",
        ),
        (
            format!("[[principal]]\n{user}\ntrust = \"trust.json\"\n"),
            "is a user",
            "\"trust.json\"",
        ),
        (
            format!("[[principal]]\n{role}\ngroups = [\"developers\"]\n"),
            "is a role",
            "[\"developers\"]",
        ),
        (
            format!("[[principal]]\n{group}\nboundary = \"trust.json\"\n"),
            "only users and roles",
            "\"trust.json\"",
        ),
        (
            format!("[[principal]]\n{user}\ngroups = [\"arn:aws:iam::{ACCOUNT}:group/dev\"]\n"),
            "not its ARN",
            "\"arn:aws:iam::111122223333:group/dev\"",
        ),
        (
            format!("[[principal]]\n{role}\n\n[[principal]]\n{role}\n"),
            "line 2",
            // The second entry's value: the search below takes the last occurrence.
            "\"arn:aws:iam::111122223333:role/deploy\"",
        ),
        (
            format!(
                "[[principal]]\n{role}\ntrust = \"trust.json\"\n\n[[principal]]\n{user}\npolicies = [\"./trust.json\"]\n"
            ),
            "both a trust policy and a permission policy",
            "\"./trust.json\"",
        ),
        (
            format!("[[principal]]\n{role}\ntrust = \"dir\"\n"),
            "not a file",
            "\"dir\"",
        ),
    ];
    for (toml, needle, at) in cases {
        let dir = tree(&[
            ("trust.json", TRUST_ALICE),
            ("dir/keep.txt", ""),
            ("trustlint.toml", &toml),
        ]);
        let run = trustlint(&["lint", dir.path().to_str().unwrap()]);
        assert_eq!(run.code, 2, "{toml}: {run:?}");
        assert_eq!(run.stdout, "", "{toml}");
        assert!(run.stderr.contains(needle), "{toml}: {}", run.stderr);
        let offset = toml.rfind(at).unwrap_or_else(|| panic!("{at} in {toml}"));
        let (line, column) = line_col(&toml, offset);
        let location = format!("trustlint.toml:{line}:{column}");
        assert!(
            run.stderr.contains(&location),
            "{toml}: expected {location}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_missing_arn_is_an_error_at_the_entry() {
    let dir = tree(&[
        ("trust.json", TRUST_ALICE),
        ("trustlint.toml", "[[principal]]\ntrust = \"trust.json\"\n"),
    ]);
    let run = trustlint(&["lint", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("arn"), "{}", run.stderr);
    // At the entry's `[[principal]]` header.
    assert!(run.stderr.contains("trustlint.toml:1:1"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn an_attached_file_reached_twice_through_a_link_is_linted_once() {
    let config = format!(
        "[[principal]]\narn = \"arn:aws:iam::{ACCOUNT}:role/deploy\"\ntrust = \"roles/trust.json\"\n"
    );
    let dir = tree(&[
        ("roles/trust.json", TRUST_WITH_RESOURCE),
        ("trustlint.toml", &config),
    ]);
    std::os::unix::fs::symlink(
        dir.path().join("roles/trust.json"),
        dir.path().join("roles/alias.json"),
    )
    .unwrap();
    let json = lint_json(&["--select", "TL106", dir.path().to_str().unwrap()]);
    let found = diagnostics_of(&json, "TL106");
    assert_eq!(found.len(), 1, "{json}");
    // Shown under the file's own path, not the link's.
    assert!(
        found[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("roles/trust.json"),
        "{json}"
    );
    assert_eq!(summary(&json, "documents"), 1, "{json}");
}
