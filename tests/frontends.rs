//! The front ends that carry identity (issue 3): `get-account-authorization-details` dumps in
//! the CLI form (decoded documents) and the API form (URL-encoded documents, spans mapped back
//! into the dump), dumps paged over several files, and `get-role`, `get-user`, `get-group`,
//! `get-policy-version` outputs.
//!
//! Fixtures are in `testdata/frontends/` (`generate.py` writes the dumps); the real-world
//! dumps are in the corpus beside the project (`../shared/corpus/account-authorization-details`).

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use support::trustlint;
use trustlint::graph::Graph;
use trustlint::model::{Attachment, Inventory, OwnerKind};
use trustlint::syntax::json::Dialect;
use trustlint::syntax::{Format, Parsed, parse_file};

const DUMPS: &str = "../shared/corpus/account-authorization-details";
const FIXTURES: &str = "testdata/frontends";

/// `trustlint lint --isolated --format json <args…>`, parsed.
fn lint_json(args: &[&str]) -> Value {
    let mut argv = vec!["lint", "--isolated", "--format", "json"];
    argv.extend_from_slice(args);
    let outcome = trustlint(&argv);
    assert!(
        outcome.code == 0 || outcome.code == 1,
        "exit {}: {}",
        outcome.code,
        outcome.stderr
    );
    serde_json::from_str(&outcome.stdout).unwrap_or_else(|e| panic!("{e}: {}", outcome.stdout))
}

fn diagnostics(json: &Value) -> &[Value] {
    json["diagnostics"].as_array().unwrap()
}

fn offsets(diagnostic: &Value) -> (usize, usize) {
    let span = &diagnostic["span"];
    (
        span["start"]["offset"].as_u64().unwrap() as usize,
        span["end"]["offset"].as_u64().unwrap() as usize,
    )
}

fn corpus_present() -> bool {
    if Path::new(DUMPS).is_dir() {
        true
    } else {
        eprintln!("SKIPPED: {DUMPS} does not exist; the corpus dump tests check nothing");
        false
    }
}

fn json_files(dir: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path.to_str().unwrap().replace('\\', "/"));
        }
    }
}

/// RFC 3986 percent-decoding (what botocore's `unquote` does).
fn unquote(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

// ---------------------------------------------------------------------------------------------
// The corpus dumps

/// The one finding the corpus dumps may give: the AWS CLI reference's example prints
/// `GroupDetailList[].AttachedManagedPolicies` as an object for groups `Admins` and `Dev`
/// (TL004, and the object is still read as a one-element list).
const QUIRKS: &[(&str, &str, usize, &str)] = &[
    (
        "aws-cli-example/get-account-authorization-details.json",
        "TL004",
        68,
        "`AttachedManagedPolicies` of group `Admins` must be an array, found an object; it is read as a one-element array",
    ),
    (
        "aws-cli-example/get-account-authorization-details.json",
        "TL004",
        80,
        "`AttachedManagedPolicies` of group `Dev` must be an array, found an object; it is read as a one-element array",
    ),
];

#[test]
fn every_corpus_dump_loads_with_no_validity_finding_but_the_documented_quirk() {
    if !corpus_present() {
        return;
    }
    let mut files = Vec::new();
    json_files(Path::new(DUMPS), &mut files);
    assert!(files.len() >= 12, "{files:?}");
    let mut found = Vec::new();
    for file in &files {
        let json = lint_json(&["--select", "TL0", file]);
        assert!(
            json["summary"]["documents"].as_u64().unwrap() > 0,
            "{file} yields documents: {}",
            json["summary"]
        );
        for d in diagnostics(&json) {
            found.push((
                file.strip_prefix(&format!("{DUMPS}/")).unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["span"]["start"]["line"].as_u64().unwrap() as usize,
                d["message"].as_str().unwrap().to_string(),
            ));
        }
    }
    let expected: Vec<(String, String, usize, String)> = QUIRKS
        .iter()
        .map(|(f, c, l, m)| (f.to_string(), c.to_string(), *l, m.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn the_quirk_is_still_read_as_a_one_element_list() {
    if !corpus_present() {
        return;
    }
    let path = format!("{DUMPS}/aws-cli-example/get-account-authorization-details.json");
    let (_, inventory) = load(&[&path]);
    let admins = inventory
        .entities
        .iter()
        .find(|e| e.arn == "arn:aws:iam::123456789012:group/Admins")
        .unwrap();
    let attached: Vec<&str> = admins
        .managed_policies
        .iter()
        .map(|p| p.value.as_str())
        .collect();
    assert_eq!(attached, ["arn:aws:iam::aws:policy/AdministratorAccess"]);
    // A truncated page (`IsTruncated: true`) does not claim its account complete.
    assert!(inventory.complete_accounts.is_empty());
}

/// cloudsplaining's example account: 44 users, 5 groups, 78 roles and 84 managed policies.
/// Every role's trust, every inline policy and every managed policy's default version is a
/// document; counted here from the file independently of the front end.
#[test]
fn cloudsplaining_example_reads_every_role_trust_and_policy() {
    if !corpus_present() {
        return;
    }
    let path = format!("{DUMPS}/cloudsplaining/examples/files/example.json");
    let dump: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let list = |key: &str| dump[key].as_array().unwrap().clone();
    let (users, groups, roles, policies) = (
        list("UserDetailList"),
        list("GroupDetailList"),
        list("RoleDetailList"),
        list("Policies"),
    );
    assert_eq!(roles.len(), 78);
    let inline = |items: &[Value], key: &str| -> usize {
        items
            .iter()
            .map(|i| i[key].as_array().map_or(0, Vec::len))
            .sum()
    };
    let trusts = roles
        .iter()
        .filter(|r| r["AssumeRolePolicyDocument"].is_object())
        .count();
    assert_eq!(trusts, 78);
    let defaults = policies
        .iter()
        .filter(|p| {
            p["PolicyVersionList"]
                .as_array()
                .unwrap()
                .iter()
                .any(|v| v["IsDefaultVersion"] == Value::Bool(true))
        })
        .count();
    let expected_documents = trusts
        + inline(&users, "UserPolicyList")
        + inline(&groups, "GroupPolicyList")
        + inline(&roles, "RolePolicyList")
        + defaults;

    let json = lint_json(&["--select", "TL0", &path]);
    assert!(diagnostics(&json).is_empty(), "{json}");
    let summary = &json["summary"];
    assert_eq!(
        summary["documents"].as_u64().unwrap() as usize,
        expected_documents,
        "{summary}"
    );
    let defined = users.len() + groups.len() + roles.len();
    assert!(
        summary["principals"].as_u64().unwrap() as usize >= defined,
        "{summary}: at least {defined} users, groups and roles"
    );

    // Each of the 78 trusts is owned by its role; the chain roles are there.
    let (graph, inventory) = load(&[&path]);
    assert_eq!(
        inventory
            .entities
            .iter()
            .filter(|e| e.kind == OwnerKind::Role)
            .count(),
        78
    );
    // The file joins principals of two accounts (cloudsplaining's fixtures); it is whole and
    // not truncated, so both are complete.
    let accounts: BTreeSet<&str> = users
        .iter()
        .chain(&groups)
        .chain(&roles)
        .map(|p| p["Arn"].as_str().unwrap().split(':').nth(4).unwrap())
        .collect();
    assert_eq!(
        inventory
            .complete_accounts
            .iter()
            .map(String::as_str)
            .collect::<BTreeSet<_>>(),
        accounts
    );
    let trust_owners: BTreeSet<&str> = graph
        .documents
        .iter()
        .filter(|d| d.attachment == Attachment::Trust)
        .filter_map(|d| d.owner.as_ref()?.arn.as_deref())
        .collect();
    assert_eq!(trust_owners.len(), 78);
    for name in [
        "privesc-AssumeRole-starting-role",
        "privesc-AssumeRole-intermediate-role",
        "privesc-AssumeRole-ending-role",
    ] {
        assert!(
            trust_owners
                .iter()
                .any(|arn| arn.ends_with(&format!("/{name}"))),
            "{name}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// URL-encoded documents

/// Lints the decoded and the encoded form of one dump with every rule, and checks that they
/// give the same findings, each at the characters that encode the decoded finding's text.
fn same_findings_at_mapped_positions(decoded: &str, encoded: &str) -> Vec<Value> {
    let decoded_text = std::fs::read_to_string(decoded).unwrap();
    let encoded_text = std::fs::read_to_string(encoded).unwrap();
    let plain = lint_json(&["--select", "ALL", decoded]);
    let coded = lint_json(&["--select", "ALL", encoded]);
    for key in [
        "documents",
        "principals",
        "edges",
        "errors",
        "warnings",
        "infos",
    ] {
        assert_eq!(
            plain["summary"][key], coded["summary"][key],
            "summary.{key}: {} vs {}",
            plain["summary"], coded["summary"]
        );
    }
    let (a, b) = (diagnostics(&plain), diagnostics(&coded));
    assert_eq!(a.len(), b.len(), "{a:#?}\n{b:#?}");
    for (d, e) in a.iter().zip(b) {
        assert_eq!(d["code"], e["code"]);
        assert_eq!(d["message"], e["message"]);
        let (ds, de) = offsets(d);
        let (es, ee) = offsets(e);
        if de == ds + 1 && matches!(&decoded_text[ds..de], "{" | "[") && ee == es + 1 {
            // A finding about a missing element underlines the statement's opening `{` as
            // the node's start plus one byte (`rules::prelude::opening`, `invalid_effect`):
            // in an encoded document that is the `%` of `%7B`. The start is still exact.
            assert_eq!(unquote(&encoded_text[es..es + 3]), decoded_text[ds..de]);
        } else {
            assert_eq!(
                unquote(&encoded_text[es..ee]),
                decoded_text[ds..de],
                "{} `{}` at {}..{} of the encoded dump",
                e["code"],
                e["message"],
                es,
                ee
            );
        }
        let labels = |x: &Value| x["labels"].as_array().unwrap().clone();
        assert_eq!(labels(d).len(), labels(e).len());
        for (l, m) in labels(d).iter().zip(&labels(e)) {
            assert_eq!(l["message"], m["message"]);
            let (ls, le) = offsets(l);
            let (ms, me) = offsets(m);
            assert_eq!(unquote(&encoded_text[ms..me]), decoded_text[ls..le]);
        }
    }
    b.to_vec()
}

#[test]
fn an_encoded_dump_gives_the_findings_of_the_decoded_dump_at_the_encoded_characters() {
    let found = same_findings_at_mapped_positions(
        &format!("{FIXTURES}/dump-decoded.json"),
        &format!("{FIXTURES}/dump-encoded.json"),
    );
    let codes: BTreeSet<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    for code in [
        "TL003", "TL105", "TL106", "TL122", "TL201", "TL205", "TL215",
    ] {
        assert!(codes.contains(code), "{code} in {codes:?}");
    }
    // The `"*"` of `{"AWS": "*"}` is underlined as written: `%22%2A%22`.
    let text = std::fs::read_to_string(format!("{FIXTURES}/dump-encoded.json")).unwrap();
    let any = found.iter().find(|d| d["code"] == "TL201").unwrap();
    let (start, end) = offsets(any);
    assert_eq!(&text[start..end], "%22%2A%22");
}

#[test]
fn the_aws_cli_example_encoded_gives_the_same_findings_and_the_quirk() {
    let found = same_findings_at_mapped_positions(
        &format!("{FIXTURES}/aws-cli-example-decoded.json"),
        &format!("{FIXTURES}/aws-cli-example-encoded.json"),
    );
    let quirks = found.iter().filter(|d| d["code"] == "TL004").count();
    assert_eq!(quirks, 2, "{found:#?}");
}

#[test]
fn a_truncated_encoded_document_is_a_parse_error_where_it_stops() {
    let path = format!("{FIXTURES}/dump-truncated.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let json = lint_json(&["--select", "ALL", &path]);
    let errors: Vec<&Value> = diagnostics(&json)
        .iter()
        .filter(|d| d["code"] == "TL001")
        .collect();
    assert_eq!(errors.len(), 1, "{json}");
    let (start, end) = offsets(errors[0]);
    // The cut falls inside the string `"Allow"`: `%22Allow%2` is an unterminated string that
    // runs to the end of the dump value, whose closing quote follows.
    assert_eq!(&text[start..end], "%22Allow%2");
    assert_eq!(&text[end..end + 2], "\",");
    let line_start = text[..start].rfind('\n').unwrap() + 1;
    assert!(
        text[line_start..start]
            .trim_start()
            .starts_with("\"AssumeRolePolicyDocument\": \"%7B")
    );
    // The rest of the dump is still read: every other document and its findings.
    let decoded = lint_json(&["--select", "ALL", &format!("{FIXTURES}/dump-decoded.json")]);
    assert_eq!(
        json["summary"]["documents"].as_u64().unwrap() + 1,
        decoded["summary"]["documents"].as_u64().unwrap()
    );
    let codes: BTreeSet<&str> = diagnostics(&json)
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for code in ["TL003", "TL105", "TL106", "TL205", "TL215"] {
        assert!(codes.contains(code), "{code} in {codes:?}");
    }
    assert!(
        !codes.contains("TL201"),
        "the truncated trust was the TL201 one"
    );
}

// ---------------------------------------------------------------------------------------------
// A dump over several pages

fn parse(path: &str) -> Parsed {
    let text = std::fs::read_to_string(path).unwrap();
    parse_file(
        &text,
        0,
        "policy.json",
        Format::Json(Dialect::Strict),
        &Default::default(),
    )
}

/// Parses files as `lint` does and builds the graph.
fn load(paths: &[&str]) -> (Graph, Inventory) {
    let mut documents = Vec::new();
    let mut inventory = Inventory::default();
    for (file, path) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let parsed = parse_file(
            &text,
            file as u32,
            path,
            Format::Json(Dialect::Strict),
            &Default::default(),
        );
        assert!(parsed.syntax_errors.is_empty(), "{path}");
        documents.extend(parsed.documents);
        inventory.entities.extend(parsed.inventory.entities);
        inventory
            .complete_accounts
            .extend(parsed.inventory.complete_accounts);
    }
    let copy = Inventory {
        entities: inventory.entities.clone(),
        complete_accounts: inventory.complete_accounts.clone(),
        ..Inventory::default()
    };
    (Graph::build(documents, copy), inventory)
}

#[test]
fn a_dump_paged_over_two_files_is_one_inventory() {
    let page1 = format!("{FIXTURES}/paged/page-1.json");
    let page2 = format!("{FIXTURES}/paged/page-2.json");
    let (graph, inventory) = load(&[&page1, &page2]);
    // Page 1 is truncated and claims nothing; the last page claims the account of its roles.
    assert_eq!(inventory.complete_accounts, ["111122223333"]);

    // alice (page 1) has her inline policy, her group's (page 1) and the managed policy
    // `assume-ops` attached on page 1 and defined on page 2 (its default version only).
    let alice = graph.find("arn:aws:iam::111122223333:user/alice").unwrap();
    let alice = graph.node(alice);
    assert!(alice.is_defined());
    let attachments: Vec<&Attachment> = alice
        .identity
        .iter()
        .map(|&d| &graph.documents[d].attachment)
        .collect();
    assert_eq!(attachments.len(), 3, "{attachments:?}");
    assert!(attachments.contains(&&Attachment::Managed {
        arn: "arn:aws:iam::111122223333:policy/assume-ops".into()
    }));
    let managed = alice
        .identity
        .iter()
        .map(|&d| &graph.documents[d])
        .find(|d| matches!(d.attachment, Attachment::Managed { .. }))
        .unwrap();
    assert_eq!(
        managed.statements[0].sid.as_ref().unwrap().known(),
        Some("AssumeOps"),
        "the default version (v2)"
    );
    // The role `vendor-audit` (page 2) has its boundary resolved to the same document.
    let vendor = graph
        .find("arn:aws:iam::111122223333:role/vendor-audit")
        .unwrap();
    assert!(matches!(graph.node(vendor).boundary, Some((_, Some(_)))));

    // Linting the two pages is linting the whole dump.
    let paged = lint_json(&["--select", "ALL", &format!("{FIXTURES}/paged")]);
    let whole = lint_json(&["--select", "ALL", &format!("{FIXTURES}/dump-decoded.json")]);
    for key in ["documents", "principals", "edges"] {
        assert_eq!(
            paged["summary"][key], whole["summary"][key],
            "summary.{key}: {} vs {}",
            paged["summary"], whole["summary"]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// get-role, get-user, get-group, get-policy-version

#[test]
fn cli_outputs_load() {
    // These outputs define their principal without listing its policies: a partial entity,
    // whose identity side the graph reads as unknown (see `Inventory::partial_entities`).
    let cases: &[(&str, u64, OwnerKind)] = &[
        ("get-role-encoded.json", 1, OwnerKind::Role),
        ("get-user.json", 0, OwnerKind::User),
        ("get-group.json", 0, OwnerKind::Group),
    ];
    for (file, documents, kind) in cases {
        let path = format!("{FIXTURES}/cli/{file}");
        let json = lint_json(&[&path]);
        assert_eq!(json["summary"]["documents"], *documents, "{file}");
        let parsed = parse(&path);
        assert!(parsed.inventory.entities.is_empty(), "{file}");
        assert!(parsed.inventory.complete_accounts.is_empty(), "{file}");
        let kinds: Vec<OwnerKind> = parsed
            .inventory
            .partial_entities
            .iter()
            .map(|e| e.kind)
            .collect();
        assert_eq!(kinds, [*kind], "{file}");
    }

    // The role of `get-role`, with the output's session duration and boundary; its
    // URL-encoded trust is read and the TL201 finding underlines the encoded `"*"`.
    let path = format!("{FIXTURES}/cli/get-role-encoded.json");
    let parsed = parse(&path);
    let role = &parsed.inventory.partial_entities[0];
    assert_eq!(role.max_session_duration, Some(7200));
    assert_eq!(
        role.boundary.as_ref().unwrap().value,
        "arn:aws:iam::111122223333:policy/boundary"
    );
    let json = lint_json(&["--select", "TL201", &path]);
    let text = std::fs::read_to_string(&path).unwrap();
    let (start, end) = offsets(&diagnostics(&json)[0]);
    assert_eq!(&text[start..end], "%22%2A%22");

    // `get-policy-version` is linted on its own (no ARN in the output to attach it by).
    let path = format!("{FIXTURES}/cli/get-policy-version.json");
    let parsed = parse(&path);
    assert_eq!(parsed.documents.len(), 1);
    assert_eq!(parsed.documents[0].attachment, Attachment::Standalone);
    let json = lint_json(&[&path]);
    let codes: Vec<&str> = diagnostics(&json)
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["TL122"]);
}
