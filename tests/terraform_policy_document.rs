//! `data "aws_iam_policy_document"` blocks lowered to the JSON policy the AWS provider renders,
//! with spans on the HCL that wrote each value (issue 4).
//!
//! Each case is a Terraform module in `testdata/frontends/terraform/policy-document/<case>/`.
//! Its lowered documents are snapshotted beside it (`tree.snap`: every value with the
//! `file:line:column` and source text of its span), and the tests below assert what the
//! provider would render and what `trustlint lint` reports, so that a wrong snapshot cannot be
//! accepted unnoticed.

mod support;

use std::path::PathBuf;

use serde_json::{Value, json};
use support::trustlint;
use trustlint::discover::discover;
use trustlint::model::Document;
use trustlint::syntax::terraform::Modules;
use trustlint::syntax::tree::{Node, NodeKind};
use trustlint::syntax::{Format, parse_file};

const CASES: &str = "testdata/frontends/terraform/policy-document";

/// One module: its files (name, text) by file ID, and the documents its `.tf` files yield.
struct Lowered {
    files: Vec<(String, String)>,
    documents: Vec<Document>,
}

fn lower(case: &str) -> Lowered {
    let dir = PathBuf::from(CASES).join(case);
    let mut candidates = discover(&[dir], 1);
    let modules = Modules::load(&mut candidates, 1 << 20);
    let mut files = Vec::new();
    let mut documents = Vec::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let text = std::fs::read_to_string(&candidate.path).unwrap();
        let name = candidate.path.file_name().unwrap().to_string_lossy();
        files.push((name.to_string(), text.clone()));
        if candidate.format == Some(Format::Terraform) {
            let parsed = parse_file(
                &text,
                index as u32,
                &candidate.display,
                Format::Terraform,
                modules.of(&candidate.path),
            );
            assert!(
                parsed.syntax_errors.is_empty(),
                "{:?}",
                parsed.syntax_errors
            );
            documents.extend(parsed.documents);
        }
    }
    Lowered { files, documents }
}

impl Lowered {
    /// The document of the role named `role`.
    fn of_role(&self, role: &str) -> &Document {
        self.documents
            .iter()
            .find(|d| d.owner.as_ref().and_then(|o| o.name.as_deref()) == Some(role))
            .unwrap_or_else(|| panic!("no document of role {role}"))
    }

    /// Where a span is, and the source text it covers (its first line, shortened).
    fn place(&self, span: trustlint::source::Span) -> String {
        let (name, text) = &self.files[span.file as usize];
        let before = &text[..span.start as usize];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        let covered = text[span.range()].lines().next().unwrap_or("");
        let covered: String = covered.chars().take(40).collect();
        format!("{name}:{line}:{column} `{covered}`")
    }

    fn text_at(&self, span: trustlint::source::Span) -> &str {
        &self.files[span.file as usize].1[span.range()]
    }

    /// Every document as an indented tree, each value followed by where its span is.
    fn render(&self) -> String {
        let mut out = String::new();
        for document in &self.documents {
            let owner = match &document.owner {
                Some(owner) => format!("of `{}`", owner.name.as_deref().unwrap_or("?")),
                None => "on its own".to_string(),
            };
            out.push_str(&format!("## {} {owner}\n", document.kind.noun()));
            self.render_node(&document.raw, 0, &mut out);
            out.push('\n');
        }
        out
    }

    fn render_node(&self, node: &Node, depth: usize, out: &mut String) {
        let pad = "  ".repeat(depth);
        let at = self.place(node.span);
        match &node.kind {
            NodeKind::Object(members) => {
                out.push_str(&format!("{{  ‹{at}›\n"));
                for member in members {
                    out.push_str(&format!(
                        "{pad}  {} ‹{}›: ",
                        member.key,
                        self.place(member.key_span)
                    ));
                    self.render_node(&member.value, depth + 1, out);
                }
                out.push_str(&format!("{pad}}}\n"));
            }
            NodeKind::Array(items) => {
                out.push_str(&format!("[  ‹{at}›\n"));
                for item in items {
                    out.push_str(&format!("{pad}  "));
                    self.render_node(item, depth + 1, out);
                }
                out.push_str(&format!("{pad}]\n"));
            }
            NodeKind::Str(text) => out.push_str(&format!("{text:?}  ‹{at}›\n")),
            NodeKind::Unknown(text) => out.push_str(&format!("unknown({text})  ‹{at}›\n")),
            NodeKind::Symbol(symbol) => out.push_str(&format!(
                "symbol({} = {})  ‹{at}›\n",
                symbol.text, symbol.identity
            )),
            NodeKind::Number(text) => out.push_str(&format!("{text}  ‹{at}›\n")),
            NodeKind::Bool(value) => out.push_str(&format!("{value}  ‹{at}›\n")),
            NodeKind::Null => out.push_str(&format!("null  ‹{at}›\n")),
        }
    }
}

/// The tree as plain JSON; an unknown value is the string `<unknown>`.
fn plain(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Object(members) => Value::Object(
            members
                .iter()
                .map(|m| (m.key.clone(), plain(&m.value)))
                .collect(),
        ),
        NodeKind::Array(items) => Value::Array(items.iter().map(plain).collect()),
        NodeKind::Str(text) => json!(text),
        NodeKind::Unknown(_) => json!("<unknown>"),
        NodeKind::Symbol(symbol) => json!(format!("<{}>", symbol.identity)),
        NodeKind::Number(text) => json!(text),
        NodeKind::Bool(value) => json!(value),
        NodeKind::Null => Value::Null,
    }
}

fn snapshot(case: &str) -> Lowered {
    let lowered = lower(case);
    let rendered = lowered.render();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(std::fs::canonicalize(PathBuf::from(CASES).join(case)).unwrap());
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("tree", rendered));
    lowered
}

/// `trustlint lint --isolated --format json` on a case: (code, path, line, column, text).
fn lint(case: &str) -> Vec<(String, String, u64, u64, String)> {
    let dir = format!("{CASES}/{case}");
    let outcome = trustlint(&["lint", "--isolated", "--format", "json", &dir]);
    assert!(
        outcome.code <= 1,
        "exit {}: {}",
        outcome.code,
        outcome.stderr
    );
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap().to_string();
            let start = d["span"]["start"]["offset"].as_u64().unwrap() as usize;
            let end = d["span"]["end"]["offset"].as_u64().unwrap() as usize;
            let text = std::fs::read_to_string(&path).unwrap()[start..end].to_string();
            (
                d["code"].as_str().unwrap().to_string(),
                path.rsplit('/').next().unwrap().to_string(),
                d["span"]["start"]["line"].as_u64().unwrap(),
                d["span"]["start"]["column"].as_u64().unwrap(),
                text,
            )
        })
        .collect()
}

fn finding(
    code: &str,
    file: &str,
    line: u64,
    column: u64,
    text: &str,
) -> (String, String, u64, u64, String) {
    (code.into(), file.into(), line, column, text.into())
}

#[test]
fn any_principal_points_at_the_star_in_identifiers() {
    let lowered = snapshot("any-principal");
    let document = lowered.of_role("open");
    assert_eq!(
        plain(&document.raw),
        json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Action": ["sts:AssumeRole"],
                "Principal": {"AWS": ["*"]},
            }],
        })
    );
    assert_eq!(
        lint("any-principal"),
        [finding("TL201", "main.tf", 8, 22, "\"*\"")]
    );
}

#[test]
fn type_star_with_star_identifiers_is_the_bare_string() {
    let lowered = snapshot("star-string");
    let document = lowered.of_role("star");
    let statement = &document.raw.get("Statement").unwrap();
    let NodeKind::Array(statements) = &statement.kind else {
        panic!("Statement is an array");
    };
    let principal = statements[0].get("Principal").unwrap();
    assert_eq!(principal.as_str(), Some("*"));
    assert_eq!(lowered.text_at(principal.span), "\"*\"");
    assert_eq!(
        lint("star-string"),
        [finding("TL110", "main.tf", 9, 22, "\"*\"")]
    );
}

#[test]
fn conditions_group_by_test_and_variable() {
    let lowered = snapshot("conditions");
    let document = lowered.of_role("org");
    assert_eq!(
        plain(&document.raw),
        json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "OrgOnly",
                "Effect": "Allow",
                // A set: the repeated action is gone.
                "Action": ["sts:AssumeRole", "sts:TagSession"],
                "Principal": {"AWS": ["*"]},
                "Condition": {
                    // Two blocks, one key: the values are ORed.
                    "StringEquals": {"aws:PrincipalOrgID": ["o-abc123def4", "o-zzz999yyy8"]},
                    // `&{` is the provider's escape for a policy variable.
                    "StringLike": {"aws:PrincipalTag/team": ["${aws:username}-*"]},
                },
            }],
        })
    );
    // Org-scoped, not public: TL219 instead of TL201, pointing at the `"*"` once more.
    let found = lint("conditions");
    assert_eq!(found, [finding("TL219", "main.tf", 10, 22, "\"*\"")]);
}

#[test]
fn source_and_override_documents_merge_by_sid() {
    let lowered = snapshot("merge");
    let deploy = json!({
        "Sid": "Deploy", "Effect": "Allow", "Action": ["sts:AssumeRole"],
        "Principal": {"AWS": ["arn:aws:iam::111122223333:role/deploy"]},
    });
    let ci = json!({
        "Sid": "Ci", "Effect": "Allow", "Action": ["sts:AssumeRole"],
        "Principal": {"AWS": ["arn:aws:iam::111122223333:role/ci"]},
    });
    let ec2 = json!({
        "Effect": "Allow", "Action": ["sts:AssumeRole"],
        "Principal": {"Service": ["ec2.amazonaws.com"]},
    });
    let break_glass = json!({
        "Sid": "BreakGlass", "Effect": "Allow", "Action": ["sts:AssumeRole"],
        "Principal": {"AWS": ["arn:aws:iam::111122223333:role/break-glass"]},
    });
    // Source statements first; the block's `Deploy` in place of the source's; the override's
    // `Ci` in place of the source's and its `BreakGlass` in place of the block's.
    assert_eq!(
        plain(&lowered.of_role("merged").raw),
        json!({"Version": "2012-10-17", "Statement": [deploy, ci, ec2, break_glass]})
    );
    // The deprecated arguments: `source_json` first, `override_json` (a jsonencode) last.
    let legacy = &lowered.of_role("legacy").raw;
    assert_eq!(
        plain(legacy),
        json!({
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "Deploy", "Effect": "Allow", "Action": "sts:AssumeRole",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:role/deploy"}},
                {"Sid": "Ci", "Effect": "Allow", "Action": "sts:AssumeRole",
                 "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}},
                ec2,
            ],
        })
    );
    // Each merged statement keeps the spans of the block that wrote it.
    let NodeKind::Array(statements) = &lowered.of_role("merged").raw.get("Statement").unwrap().kind
    else {
        panic!("Statement is an array");
    };
    let lines: Vec<String> = statements
        .iter()
        .map(|s| lowered.place(s.span).split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(
        lines,
        [
            "main.tf:62:3",
            "main.tf:37:3",
            "main.tf:26:3",
            "main.tf:47:3"
        ]
    );
    // Every `"*"` is replaced before deployment; `base` is checked where it is merged, not on
    // its own.
    assert_eq!(lint("merge"), []);
}

#[test]
fn unknown_merged_documents_keep_what_cannot_be_replaced() {
    let lowered = snapshot("unknown-merge");
    assert_eq!(
        plain(&lowered.of_role("partly-known").raw),
        json!({
            "Version": "2012-10-17",
            "Statement": [
                "<unknown>",
                // `MaybeReplaced`: the unknown override may replace it by its Sid.
                "<unknown>",
                {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": {"AWS": ["*"]}},
                "<unknown>",
            ],
        })
    );
    // Only the statement without a Sid is certain to be deployed, but an unknown statement
    // beside it may be a Deny of everyone outside the organization: nothing is reported.
    assert_eq!(lint("unknown-merge"), []);
}

#[test]
fn dynamic_blocks_are_unknown_in_place_and_silent() {
    let lowered = snapshot("dynamic");
    let statements = |role: &str| plain(&lowered.of_role(role).raw)["Statement"].clone();
    assert_eq!(
        statements("dynamic-statement"),
        json!([
            {"Sid": "Lambda", "Effect": "Allow", "Action": ["sts:AssumeRole"],
             "Principal": {"Service": ["lambda.amazonaws.com"]}},
            "<unknown>",
        ])
    );
    assert_eq!(
        statements("dynamic-principals"),
        json!([{"Effect": "Allow", "Action": ["sts:AssumeRole"], "Principal": "<unknown>"}])
    );
    // The condition the dynamic block makes may pin the caller: the `Condition` is unknown
    // (an unreadable clause in the model), the rest of the statement known.
    assert_eq!(
        statements("dynamic-condition"),
        json!([{"Effect": "Allow", "Action": ["sts:AssumeRole"],
                "Principal": {"AWS": ["*"]}, "Condition": "<unknown>"}])
    );
    assert_eq!(
        statements("unknown-identifiers"),
        json!([{"Effect": "Allow", "Action": ["sts:AssumeRole"],
                "Principal": {"AWS": "<unknown>"}}])
    );
    // The source's `Base` may be the statement the dynamic block replaces.
    assert_eq!(statements("with-base"), json!(["<unknown>", "<unknown>"]));
    assert_eq!(lint("dynamic"), []);
}

#[test]
fn identifiers_from_tfvars_are_resolved() {
    let lowered = snapshot("tfvars");
    assert_eq!(
        plain(&lowered.of_role("shared").raw)["Statement"],
        json!([
            {"Sid": "Trusted", "Effect": "Allow", "Action": ["sts:AssumeRole"],
             "Principal": {"AWS": ["*"]}},
            {"Sid": "Partner", "Effect": "Allow", "Action": ["sts:AssumeRole"],
             "Principal": {"AWS": ["arn:aws:iam::444455556666:role/ci"]},
             "Condition": {"StringEquals": {"sts:ExternalId": ["partner-7f3a"]}}},
        ])
    );
    // The `"*"` comes from terraform.tfvars, and the finding points there. It also admits
    // the partner without its external ID (TL216).
    assert_eq!(
        lint("tfvars"),
        [
            finding(
                "TL216",
                "main.tf",
                29,
                22,
                "\"arn:aws:iam::${var.partner_account}:role/ci\""
            ),
            finding("TL201", "terraform.tfvars", 1, 23, "\"*\"")
        ]
    );
}

#[test]
fn an_unknown_principal_is_still_a_principal_on_its_own() {
    let lowered = snapshot("standalone");
    let kinds: Vec<&str> = lowered.documents.iter().map(|d| d.kind.noun()).collect();
    assert_eq!(kinds, ["trust policy", "resource policy"]);
    let bucket = &lowered.documents[1].raw;
    assert_eq!(
        plain(bucket)["Statement"][0]["Principal"],
        json!("<unknown>"),
        "a principal whose type is unknown"
    );
    assert_eq!(lint("standalone"), []);
}
