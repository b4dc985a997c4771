//! The command line, end to end: exit codes, output formats, options, configuration, standard
//! input, the `rule` subcommand, and the two project folders `testdata/clean/` (must stay
//! silent) and `testdata/example/` (the README's demo, snapshotted).
//!
//! Process-level checks run the real binary with `assert_cmd` (real exit codes, stdin,
//! environment, files); checks that need a pretend terminal call `trustlint::cli::run`
//! in-process with an [`Environment`].
//!
//! Rule-specific behaviour belongs to `tests/rules.rs`; here most runs select TL201 (the
//! finished reference rule) or override severities through the configuration, so these tests
//! pin the command line and not the catalog.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;
use trustlint::cli::{Environment, run};
use trustlint::rules::REGISTRY;

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers

/// A trust open to every AWS principal: TL201 at line 7, column 29.
const ANY_PRINCIPAL: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AnyoneMayAssume",
      "Effect": "Allow",
      "Principal": { "AWS": "*" },
      "Action": "sts:AssumeRole"
    }
  ]
}
"#;

/// A correct Lambda service-role trust.
const SERVICE_ROLE: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "lambda.amazonaws.com" },
      "Action": "sts:AssumeRole",
      "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } }
    }
  ]
}
"#;

/// Two findings from two rules of the TL2 family: TL201 (error) and TL204 (info).
const ANY_AND_ACCOUNT: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Anyone", "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "sts:AssumeRole" },
    { "Sid": "Partner", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::444455556666:root" }, "Action": "sts:AssumeRole" }
  ]
}
"#;

/// Cut off in the middle: TL001.
const TRUNCATED: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Princ"#;

/// The value `"*"` comes after non-ASCII text on its line: `é` is two bytes and one scalar,
/// `🔑` four bytes, two UTF-16 units and one scalar. JSON columns count scalars.
const UNICODE_LINE: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    { \"Sid\": \"Clé🔑\", \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"*\" }, \"Action\": \"sts:AssumeRole\" }\n  ]\n}\n";
/// Where `"*"` is in [`UNICODE_LINE`] (computed by hand; the test recomputes it too).
const UNICODE_STAR: (usize, usize, usize) = (4, 63, 112); // line, scalar column, byte offset

fn bin() -> Command {
    let mut cmd = Command::cargo_bin("trustlint").expect("the trustlint binary is built");
    cmd.env_remove("NO_COLOR").timeout(Duration::from_secs(120));
    cmd
}

/// The result of one process run.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "output is not JSON ({e}):\n{}\n{}",
                self.stdout, self.stderr
            )
        })
    }

    fn diagnostics(&self) -> Vec<Value> {
        self.json()["diagnostics"]
            .as_array()
            .expect("diagnostics array")
            .clone()
    }

    /// The set of codes found (from `--format json` output).
    fn codes(&self) -> BTreeSet<String> {
        self.diagnostics()
            .iter()
            .map(|d| d["code"].as_str().expect("code").to_string())
            .collect()
    }
}

fn finish(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("the binary runs");
    let run = Run {
        code: output
            .status
            .code()
            .expect("exited, not killed (timeout or signal)"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "trustlint panicked:\n{}",
        run.stderr
    );
    run
}

/// Runs `trustlint <args>` in `dir`.
fn tl(dir: &Path, args: &[&str]) -> Run {
    finish(bin().current_dir(dir).args(args))
}

/// Runs `trustlint <args>` in `dir` with `stdin` as standard input.
fn tl_stdin(dir: &Path, args: &[&str], stdin: &str) -> Run {
    finish(
        bin()
            .current_dir(dir)
            .args(args)
            .write_stdin(stdin.to_string()),
    )
}

/// A temporary tree whose root holds an empty `.git/`, so configuration discovery stops there
/// and a stray `trustlint.toml` above the temporary directory cannot change results.
fn tree(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    dir
}

fn write(root: &Path, path: &str, text: &str) -> PathBuf {
    let path = root.join(path);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn set(codes: &[&str]) -> BTreeSet<String> {
    codes.iter().map(|c| c.to_string()).collect()
}

/// 1-based line, 1-based column in Unicode scalars, of a byte offset, computed independently
/// of trustlint.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

const ANSI_ESCAPE: &str = "\u{1b}[";

// ---------------------------------------------------------------------------------------------
// 1. Exit codes

#[test]
fn exit_0_when_clean() {
    let dir = tree(&[("service.json", SERVICE_ROLE)]);
    let run = tl(
        dir.path(),
        &["lint", "--isolated", "--select", "TL201", "service.json"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "No problems found in 1 file.\n");
    assert_eq!(run.stderr, "");
}

#[test]
fn exit_1_on_an_error_finding_by_default() {
    let dir = tree(&[("any.json", ANY_PRINCIPAL)]);
    let run = tl(dir.path(), &["lint", "--isolated", "any.json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("TL201"), "{}", run.stdout);
}

/// A configuration that turns TL201 into a finding of the given severity.
fn tl201_at(severity: &str) -> TempDir {
    tree(&[
        ("any.json", ANY_PRINCIPAL),
        (
            "trustlint.toml",
            &format!("[lint]\nselect = [\"TL201\"]\n\n[lint.severity]\nTL201 = \"{severity}\"\n"),
        ),
    ])
}

#[test]
fn fail_on_thresholds() {
    // (severity of the only finding, --fail-on or None for the default, expected exit code)
    let cases = [
        ("error", None, 1),
        ("warning", None, 1), // the default threshold is `warning`
        ("info", None, 0),    // info never fails a run by default
        ("warning", Some("error"), 0),
        ("error", Some("error"), 1),
        ("info", Some("warning"), 0),
        ("info", Some("info"), 1),
        ("warning", Some("info"), 1),
        ("error", Some("never"), 0),
        ("warning", Some("never"), 0),
    ];
    for (severity, fail_on, expected) in cases {
        let dir = tl201_at(severity);
        let mut args = vec!["lint", "--format", "json"];
        if let Some(threshold) = fail_on {
            args.extend(["--fail-on", threshold]);
        }
        args.push(".");
        let run = tl(dir.path(), &args);
        assert_eq!(
            run.code, expected,
            "a {severity} finding with --fail-on {fail_on:?}: {run:?}"
        );
        // The finding is reported whatever the threshold, at the configured severity.
        let diagnostics = run.diagnostics();
        assert_eq!(diagnostics.len(), 1, "{run:?}");
        assert_eq!(diagnostics[0]["severity"], severity);
    }
}

#[test]
fn exit_zero_reports_but_exits_0() {
    let dir = tree(&[("any.json", ANY_PRINCIPAL)]);
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--exit-zero",
            "--format",
            "concise",
            "any.json",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("any.json:7:29: TL201 error:"),
        "{}",
        run.stdout
    );
}

#[test]
fn exit_2_on_usage_errors() {
    let dir = tree(&[("any.json", ANY_PRINCIPAL)]);
    for args in [
        vec!["lint", "--no-such-flag", "any.json"],
        vec!["lint", "--select", "XX9", "any.json"],
        vec!["lint", "--ignore", "TL9999", "any.json"],
        vec!["lint", "--extend-select", "no-such-rule", "any.json"],
        vec!["lint", "--format", "xml", "any.json"],
        vec!["lint", "--fail-on", "sometimes", "any.json"],
        vec!["lint", "--color", "rainbow", "any.json"],
        vec!["lint", "--config", "missing.toml", "any.json"],
        vec!["lint", "--config", "x.toml", "--isolated", "any.json"],
        vec!["frobnicate"],
        vec![],
    ] {
        let run = tl(dir.path(), &args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert_eq!(run.stdout, "", "{args:?}: errors of use go to stderr");
        assert!(!run.stderr.is_empty(), "{args:?}: says what is wrong");
    }
    let run = tl(dir.path(), &["lint", "--select", "XX9", "any.json"]);
    assert!(
        run.stderr.contains("`XX9`"),
        "names the bad selector: {}",
        run.stderr
    );
}

#[test]
fn exit_2_on_an_unknown_config_key_pointing_at_it() {
    let dir = tree(&[
        ("any.json", ANY_PRINCIPAL),
        (
            "bad.toml",
            "[lint]\nselect = [\"TL2\"]\nselekt = [\"TL2\"]\n",
        ),
    ]);
    let run = tl(dir.path(), &["lint", "--config", "bad.toml", "any.json"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("selekt"), "{}", run.stderr);
    assert!(
        run.stderr.contains("bad.toml:3:1"),
        "path:line:col of the key: {}",
        run.stderr
    );

    // The same when the file is discovered rather than named.
    let dir = tree(&[
        ("any.json", ANY_PRINCIPAL),
        (
            "trustlint.toml",
            "[accounts]\nown = []\nours = [\"111122223333\"]\n",
        ),
    ]);
    let run = tl(dir.path(), &["lint", "any.json"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("ours"), "{}", run.stderr);
    assert!(run.stderr.contains("trustlint.toml:3:1"), "{}", run.stderr);
}

#[test]
fn exit_2_on_a_bad_account_id_in_config() {
    for bad in [
        "11112222333",
        "1111222233334",
        "abcdefghijkl",
        "1111-2222-3333",
        " 111122223333",
    ] {
        let toml = format!("[accounts]\nown = [\"111122223333\", \"{bad}\"]\n");
        let dir = tree(&[("any.json", ANY_PRINCIPAL), ("trustlint.toml", &toml)]);
        let run = tl(dir.path(), &["lint", "any.json"]);
        assert_eq!(run.code, 2, "{bad:?}: {run:?}");
        assert!(run.stderr.contains(bad), "{bad:?}: {}", run.stderr);
        assert!(run.stderr.contains("12 digits"), "{bad:?}: {}", run.stderr);
        // `own = ["111122223333", "` is 24 characters: the bad value starts at column 24.
        assert!(
            run.stderr.contains("trustlint.toml:2:24"),
            "{bad:?}: points at the value: {}",
            run.stderr
        );
    }
}

#[test]
fn exit_2_on_bad_config_values() {
    for (toml, needle, at) in [
        (
            "[lint]\nfail-on = \"sometimes\"\n",
            "sometimes",
            "trustlint.toml:2:11",
        ),
        (
            "[lint]\nselect = [\"TL201\", \"XX\"]\n",
            "`XX`",
            "trustlint.toml:2:20",
        ),
        (
            "[lint.severity]\nTL201 = \"fatal\"\n",
            "fatal",
            "trustlint.toml:2:9",
        ),
        ("[lint]\nselect = \"TL201\"\n", "", "trustlint.toml:2:"),
        (
            "[sessions]\nduration = 60\n",
            "900 to 43200",
            "trustlint.toml:2:12",
        ),
        (
            "[inventory]\ncomplete = \"yes\"\n",
            "",
            "trustlint.toml:2:12",
        ),
        ("[inventory]\nwhole = true\n", "whole", "trustlint.toml:2:1"),
        ("[lint\n", "", "trustlint.toml:1:"),
    ] {
        let dir = tree(&[("any.json", ANY_PRINCIPAL), ("trustlint.toml", toml)]);
        let run = tl(dir.path(), &["lint", "any.json"]);
        assert_eq!(run.code, 2, "{toml:?}: {run:?}");
        assert!(run.stderr.contains(needle), "{toml:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(at),
            "{toml:?}: expected {at}: {}",
            run.stderr
        );
    }
}

#[test]
fn unreadable_or_unparsable_input_exits_1() {
    let dir = tree(&[("broken.json", TRUNCATED), ("service.json", SERVICE_ROLE)]);
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--format",
            "json",
            "broken.json",
            "service.json",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.codes(), set(&["TL001"]));

    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--format",
            "json",
            "no-such-file.json",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.codes(), set(&["TL002"]));
    assert_eq!(run.diagnostics()[0]["path"], "no-such-file.json");

    // Even with every other rule off, reading problems are findings.
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201",
            "--format",
            "json",
            "broken.json",
        ],
    );
    assert_eq!(
        run.code, 0,
        "TL001 is a rule like any other and can be deselected: {run:?}"
    );
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL0",
            "--format",
            "json",
            "broken.json",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
}

// ---------------------------------------------------------------------------------------------
// 2. Output formats

/// Checks that [`UNICODE_STAR`] is right, so the format tests below compare against truth.
#[test]
fn unicode_fixture_positions_are_right() {
    let offset = UNICODE_LINE.find("\"*\"").unwrap();
    let (line, column) = line_col(UNICODE_LINE, offset);
    assert_eq!((line, column, offset), UNICODE_STAR);
    // The byte column and the UTF-16 column differ from the scalar column, so the tests can
    // tell them apart.
    let line_start = UNICODE_LINE[..offset].rfind('\n').unwrap() + 1;
    assert_ne!(offset - line_start + 1, column);
    assert_ne!(
        UNICODE_LINE[line_start..offset].encode_utf16().count() + 1,
        column
    );
}

/// One TL201 finding on [`UNICODE_LINE`] in `f.json`, in the given format.
fn unicode_run(format: &str, extra: &[&str]) -> Run {
    let dir = tree(&[("f.json", UNICODE_LINE)]);
    let mut args = vec![
        "lint",
        "--isolated",
        "--select",
        "TL201",
        "--format",
        format,
    ];
    args.extend(extra);
    args.push("f.json");
    let run = tl(dir.path(), &args);
    assert_eq!(run.code, 1, "{run:?}");
    run
}

/// The message and help of the TL201 finding on [`UNICODE_LINE`], from the JSON output.
fn unicode_message_and_help() -> (String, String) {
    let d = &unicode_run("json", &[]).diagnostics()[0];
    (
        d["message"].as_str().unwrap().to_string(),
        d["help"].as_str().unwrap().to_string(),
    )
}

#[test]
fn concise_format_is_one_exact_line_per_finding() {
    let (message, _) = unicode_message_and_help();
    let (line, column, _) = UNICODE_STAR;
    let run = unicode_run("concise", &["-q"]);
    assert_eq!(
        run.stdout,
        format!("f.json:{line}:{column}: TL201 error: {message}\n")
    );
    // Messages are lower-case sentences without a trailing period.
    assert!(message.chars().next().unwrap().is_lowercase(), "{message}");
    assert!(!message.ends_with('.'), "{message}");

    // Without -q the summary line follows; several findings are sorted by path then position.
    let dir = tree(&[("b.json", ANY_AND_ACCOUNT), ("a.json", ANY_PRINCIPAL)]);
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201,TL204",
            "--format",
            "concise",
            ".",
        ],
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert!(
        lines[0].starts_with("a.json:7:29: TL201 error: "),
        "{}",
        run.stdout
    );
    assert!(
        lines[1].starts_with("b.json:4:65: TL201 error: "),
        "{}",
        run.stdout
    );
    assert!(
        lines[2].starts_with("b.json:5:66: TL204 info: "),
        "{}",
        run.stdout
    );
    assert_eq!(
        lines[3],
        "Found 3 problems (2 errors, 0 warnings, 1 info) in 2 files."
    );
}

#[test]
fn json_format_has_exactly_the_contract_fields() {
    // Two files: the Unicode one, and one whose TL201 carries a secondary label.
    let labelled = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "*" },
      "Action": "sts:AssumeRole",
      "Condition": { "StringEquals": { "sts:ExternalId": "d5f9a8c1" } }
    }
  ]
}
"#;
    let dir = tree(&[("f.json", UNICODE_LINE), ("sub/labelled.json", labelled)]);
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201",
            "--format",
            "json",
            "f.json",
            "sub",
        ],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.ends_with("}\n"));
    let json = run.json();

    assert_eq!(
        keys(&json),
        BTreeSet::from(["version", "tool", "summary", "diagnostics"])
    );
    assert_eq!(json["version"], 1);
    assert_eq!(keys(&json["tool"]), BTreeSet::from(["name", "version"]));
    assert_eq!(json["tool"]["name"], "trustlint");
    assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        keys(&json["summary"]),
        BTreeSet::from([
            "files",
            "documents",
            "principals",
            "edges",
            "errors",
            "warnings",
            "infos"
        ])
    );
    for key in keys(&json["summary"]) {
        assert!(json["summary"][key].is_u64(), "summary.{key} is a count");
    }
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(json["summary"]["documents"], 2);
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(json["summary"]["warnings"], 0);
    assert_eq!(json["summary"]["infos"], 0);

    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 2);
    let texts = [UNICODE_LINE, labelled];
    let paths = ["f.json", "sub/labelled.json"];
    let check_span = |span: &Value, text: &str| {
        assert_eq!(keys(span), BTreeSet::from(["start", "end"]));
        for end in ["start", "end"] {
            let position = &span[end];
            assert_eq!(keys(position), BTreeSet::from(["line", "column", "offset"]));
            let offset = position["offset"].as_u64().unwrap() as usize;
            let (line, column) = line_col(text, offset);
            assert_eq!(position["line"], line, "{end} line of {span}");
            assert_eq!(position["column"], column, "{end} column of {span}");
        }
    };
    let mut labels = 0;
    for (d, (text, path)) in diagnostics.iter().zip(texts.iter().zip(paths)) {
        assert_eq!(
            keys(d),
            BTreeSet::from([
                "code", "name", "severity", "message", "path", "span", "labels", "help", "url"
            ])
        );
        assert_eq!(d["code"], "TL201");
        assert_eq!(d["name"], "trust-any-principal");
        assert_eq!(d["severity"], "error");
        assert_eq!(d["path"], path, "paths are as given, `/`-separated");
        assert!(!d["message"].as_str().unwrap().is_empty());
        assert!(!d["help"].as_str().unwrap().is_empty());
        assert_eq!(
            d["url"],
            "https://github.com/trustlint/trustlint/blob/main/rules/trust-any-principal.md"
        );
        check_span(&d["span"], text);
        // The span covers exactly the offending value.
        let start = d["span"]["start"]["offset"].as_u64().unwrap() as usize;
        let end = d["span"]["end"]["offset"].as_u64().unwrap() as usize;
        assert_eq!(&text[start..end], "\"*\"");
        for label in d["labels"].as_array().unwrap() {
            assert_eq!(keys(label), BTreeSet::from(["path", "span", "message"]));
            assert_eq!(label["path"], path);
            assert!(!label["message"].as_str().unwrap().is_empty());
            check_span(&label["span"], text);
            labels += 1;
        }
    }
    assert!(labels > 0, "the labelled fixture yields a secondary label");

    // The Unicode finding, against hand-computed numbers: columns count scalars.
    let (line, column, offset) = UNICODE_STAR;
    let span = &diagnostics[0]["span"];
    assert_eq!(span["start"]["line"], line);
    assert_eq!(span["start"]["column"], column);
    assert_eq!(span["start"]["offset"], offset);
    assert_eq!(span["end"]["line"], line);
    assert_eq!(span["end"]["column"], column + 3);
    assert_eq!(span["end"]["offset"], offset + 3);
}

#[test]
fn json_format_with_statistics_adds_counts_per_rule() {
    let dir = tree(&[("a.json", ANY_PRINCIPAL), ("b.json", ANY_AND_ACCOUNT)]);
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201,TL204",
            "--format",
            "json",
            "--statistics",
            ".",
        ],
    );
    let json = run.json();
    assert_eq!(
        json["diagnostics"].as_array().unwrap().len(),
        3,
        "findings are kept"
    );
    assert_eq!(
        json["statistics"],
        serde_json::json!([
            { "code": "TL201", "name": "trust-any-principal", "count": 2 },
            { "code": "TL204", "name": "trust-account-wide", "count": 1 }
        ])
    );
}

#[test]
fn json_format_when_clean_is_still_the_contract() {
    let dir = tree(&[("service.json", SERVICE_ROLE)]);
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201",
            "--format",
            "json",
            "-q",
            ".",
        ],
    );
    assert_eq!(run.code, 0);
    let json = run.json();
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(json["summary"]["documents"], 1);
}

#[test]
fn github_format_is_one_workflow_command_per_finding() {
    let (message, help) = unicode_message_and_help();
    let (line, column, _) = UNICODE_STAR;
    let run = unicode_run("github", &[]);
    assert_eq!(
        run.stdout,
        format!(
            "::error file=f.json,line={line},col={column},endLine={line},endColumn={},title=trustlint (TL201)::{message} [trust-any-principal] {help}\n",
            column + 3
        ),
        "no summary line in a machine format"
    );

    // Severity maps to the command; `,` and `:` in a path are escaped as property values.
    let dir = tl201_at("warning");
    std::fs::rename(dir.path().join("any.json"), dir.path().join("a,b:c.json")).unwrap();
    let run = tl(dir.path(), &["lint", "--format", "github", "."]);
    assert!(
        run.stdout.starts_with("::warning file=a%2Cb%3Ac.json,line=7,col=29,endLine=7,endColumn=32,title=trustlint (TL201)::"),
        "{}",
        run.stdout
    );
    let dir = tl201_at("info");
    let run = tl(dir.path(), &["lint", "--format", "github", "."]);
    assert!(
        run.stdout.starts_with("::notice file=any.json,"),
        "{}",
        run.stdout
    );
}

/// Display width of a text in a terminal, for the few characters the fixtures use.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if c as u32 >= 0x1F000 { 2 } else { 1 })
        .sum()
}

#[test]
fn full_format_underlines_the_exact_value() {
    let run = unicode_run("full", &["--color", "never"]);
    let (message, help) = unicode_message_and_help();
    let (line, column, _) = UNICODE_STAR;
    let out = &run.stdout;
    assert!(
        out.starts_with(&format!("error[TL201]: {message}\n")),
        "{out}"
    );
    assert!(
        out.contains(&format!("┌─ f.json:{line}:{column}\n")),
        "{out}"
    );
    assert!(out.contains(&format!("= help: {help}\n")), "{out}");
    assert!(
        out.contains(
            "= rule: TL201 trust-any-principal — https://github.com/trustlint/trustlint/blob/main/rules/trust-any-principal.md\n"
        ),
        "{out}"
    );
    assert!(
        out.ends_with("Found 1 problem (1 error, 0 warnings, 0 infos) in 1 file.\n"),
        "{out}"
    );

    // The source line, then the carets exactly under `"*"` (terminal cells: `🔑` takes two).
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(&format!("{line} │ ")))
        .unwrap_or_else(|| panic!("source line {line} shown: {out}"));
    let source = lines[at].split_once("│ ").unwrap().1;
    let carets = lines[at + 1].split_once("│ ").unwrap().1;
    assert_eq!(source, UNICODE_LINE.lines().nth(line - 1).unwrap());
    let value_at = display_width(&source[..source.find("\"*\"").unwrap()]);
    assert_eq!(
        carets.trim_end(),
        format!("{}^^^", " ".repeat(value_at)),
        "{out}"
    );
}

// Snapshots of the demo project in every format (reviewed by hand; see tests/snapshots/).

fn example(format: &str) -> trustlint::cli::Outcome {
    support::trustlint(&[
        "lint",
        "--format",
        format,
        "--color",
        "never",
        "testdata/example",
    ])
}

#[test]
fn example_snapshot_full() {
    let outcome = example("full");
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    insta::assert_snapshot!("example_full", outcome.stdout);
}

#[test]
fn example_snapshot_concise() {
    let outcome = example("concise");
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    insta::assert_snapshot!("example_concise", outcome.stdout);
}

#[test]
fn example_snapshot_json() {
    let outcome = example("json");
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    insta::assert_snapshot!("example_json", outcome.stdout);
}

#[test]
fn example_snapshot_github() {
    let outcome = example("github");
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    insta::assert_snapshot!("example_github", outcome.stdout);
}

// ---------------------------------------------------------------------------------------------
// 3. Options

/// A folder with TL001 (broken.json), TL201 and TL204 (mixed.json).
fn selection_tree() -> TempDir {
    tree(&[("broken.json", TRUNCATED), ("mixed.json", ANY_AND_ACCOUNT)])
}

fn codes_with(dir: &Path, selection: &[&str]) -> BTreeSet<String> {
    let mut args = vec!["lint", "--isolated", "--format", "json"];
    args.extend(selection);
    args.push(".");
    let run = tl(dir, &args);
    assert_ne!(run.code, 2, "{selection:?}: {run:?}");
    run.codes()
}

#[test]
fn select_ignore_and_extend_select() {
    let dir = selection_tree();
    let dir = dir.path();
    let default = codes_with(dir, &[]);
    assert!(
        default.is_superset(&set(&["TL001", "TL201", "TL204"])),
        "{default:?}"
    );

    let exact = [
        (vec!["--select", "TL201"], vec!["TL201"]),
        (vec!["--select", "tl201"], vec!["TL201"]),
        (vec!["--select", "TL2"], vec!["TL201", "TL204"]),
        (vec!["--select", "TL20"], vec!["TL201", "TL204"]),
        (vec!["--select", "tl0"], vec!["TL001"]),
        (vec!["--select", "trust-account-wide"], vec!["TL204"]),
        (
            vec!["--select", "TL201,trust-account-wide"],
            vec!["TL201", "TL204"],
        ),
        (
            vec!["--select", "TL201", "--select", "TL001"],
            vec!["TL001", "TL201"],
        ),
        (
            vec!["--select", "TL0", "--extend-select", "TL204"],
            vec!["TL001", "TL204"],
        ),
        (vec!["--select", "TL2", "--ignore", "TL204"], vec!["TL201"]),
        (
            vec!["--select", "ALL", "--ignore", "TL1,TL2"],
            vec!["TL001"],
        ),
        (vec!["--select", "TL201", "--ignore", "TL201"], vec![]),
        (
            vec![
                "--select",
                "TL201",
                "--extend-select",
                "TL204",
                "--ignore",
                "TL2",
            ],
            vec![],
        ),
    ];
    for (selection, expected) in exact {
        assert_eq!(codes_with(dir, &selection), set(&expected), "{selection:?}");
    }

    let all = codes_with(dir, &["--select", "ALL"]);
    assert!(
        all.is_superset(&default),
        "ALL selects at least the defaults: {all:?}"
    );

    for (ignore, gone) in [
        ("TL204", "TL204"),
        ("trust-any-principal", "TL201"),
        ("TL0", "TL001"),
        ("parse-error", "TL001"),
    ] {
        let codes = codes_with(dir, &["--ignore", ignore]);
        assert!(!codes.contains(gone), "--ignore {ignore}: {codes:?}");
        let mut expected = default.clone();
        expected.remove(gone);
        assert_eq!(codes, expected, "--ignore {ignore} removes only {gone}");
    }
    let codes = codes_with(dir, &["--ignore", "TL2"]);
    assert!(!codes.iter().any(|c| c.starts_with("TL2")), "{codes:?}");
    assert!(codes.contains("TL001"));
}

#[test]
fn statistics_counts_per_rule_instead_of_listing() {
    let dir = tree(&[("a.json", ANY_PRINCIPAL), ("b.json", ANY_AND_ACCOUNT)]);
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201,TL204",
            "--statistics",
            "--color",
            "never",
            ".",
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "     2  TL201  trust-any-principal\n     1  TL204  trust-account-wide\n\
         Found 3 problems (2 errors, 0 warnings, 1 info) in 2 files.\n"
    );
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201,TL204",
            "--statistics",
            "--format",
            "concise",
            "-q",
            ".",
        ],
    );
    assert_eq!(
        run.stdout,
        "     2  TL201  trust-any-principal\n     1  TL204  trust-account-wide\n"
    );
}

#[test]
fn quiet_drops_the_summary_line() {
    let dir = tree(&[("any.json", ANY_PRINCIPAL), ("service.json", SERVICE_ROLE)]);
    let loud = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201",
            "--format",
            "concise",
            ".",
        ],
    );
    let quiet = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201",
            "--format",
            "concise",
            "-q",
            ".",
        ],
    );
    assert_eq!(loud.code, 1);
    assert_eq!(quiet.code, 1, "-q does not change the exit code");
    assert!(loud.stdout.contains("Found 1 problem"), "{}", loud.stdout);
    assert!(!quiet.stdout.contains("Found"), "{}", quiet.stdout);
    assert_eq!(quiet.stdout.lines().count(), 1, "{}", quiet.stdout);
    assert!(quiet.stdout.starts_with("any.json:7:29: TL201 error: "));

    let full = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201",
            "--quiet",
            "--color",
            "never",
            ".",
        ],
    );
    assert!(full.stdout.contains("error[TL201]"));
    assert!(!full.stdout.contains("Found"), "{}", full.stdout);

    // Clean and quiet: nothing at all.
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201",
            "-q",
            "service.json",
        ],
    );
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
}

#[test]
fn color_choice_and_no_color() {
    let dir = tree(&[("any.json", ANY_PRINCIPAL)]);
    let args = ["lint", "--isolated", "any.json"];
    let with = |extra: &[&str], no_color: Option<&str>| {
        let mut cmd = bin();
        cmd.current_dir(dir.path()).args(args).args(extra);
        if let Some(value) = no_color {
            cmd.env("NO_COLOR", value);
        }
        finish(&mut cmd)
    };
    let always = with(&["--color", "always"], None);
    assert!(always.stdout.contains(ANSI_ESCAPE), "{:?}", always.stdout);
    let never = with(&["--color", "never"], None);
    assert!(!never.stdout.contains(ANSI_ESCAPE), "{:?}", never.stdout);
    let auto_piped = with(&[], None);
    assert!(
        !auto_piped.stdout.contains(ANSI_ESCAPE),
        "a pipe is not a terminal"
    );
    let no_color = with(&["--color", "auto"], Some("1"));
    assert!(!no_color.stdout.contains(ANSI_ESCAPE));
    // An explicit choice on the command line wins over NO_COLOR (https://no-color.org).
    let forced = with(&["--color", "always"], Some("1"));
    assert!(forced.stdout.contains(ANSI_ESCAPE));
    // Colour is decoration only: the text is the same.
    assert_eq!(strip_ansi(&always.stdout), never.stdout);
    // Machine formats never carry escapes.
    for format in ["json", "github", "concise"] {
        let run = with(&["--color", "always", "--format", format], None);
        assert!(
            !run.stdout.contains(ANSI_ESCAPE),
            "{format}: {:?}",
            run.stdout
        );
    }

    // With `auto`, a terminal gets colour unless NO_COLOR is set (in-process: a pretend tty).
    let path = dir.path().join("any.json");
    let path = path.to_str().unwrap();
    let in_process = |environment: Environment, extra: &[&str]| {
        let argv = ["trustlint", "lint", "--isolated"]
            .into_iter()
            .chain(extra.iter().copied())
            .chain([path]);
        run(argv, &mut std::io::empty(), environment)
    };
    let tty = Environment {
        stdout_is_terminal: true,
        no_color: false,
    };
    let tty_no_color = Environment {
        stdout_is_terminal: true,
        no_color: true,
    };
    assert!(in_process(tty, &[]).stdout.contains(ANSI_ESCAPE));
    assert!(!in_process(tty_no_color, &[]).stdout.contains(ANSI_ESCAPE));
    assert!(
        !in_process(tty, &["--color", "never"])
            .stdout
            .contains(ANSI_ESCAPE)
    );
    assert!(
        in_process(tty_no_color, &["--color", "always"])
            .stdout
            .contains(ANSI_ESCAPE)
    );
    assert!(
        !in_process(Environment::default(), &[])
            .stdout
            .contains(ANSI_ESCAPE)
    );
    // A report written to a file is plain, even when standard output is a terminal.
    let report = dir.path().join("report.txt");
    let outcome = in_process(tty, &["--output", report.to_str().unwrap()]);
    assert_eq!(outcome.code, 1);
    let written = std::fs::read_to_string(&report).unwrap();
    assert!(written.contains("error[TL201]"));
    assert!(!written.contains(ANSI_ESCAPE));
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters final-byte
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn output_file_receives_the_report() {
    let dir = tree(&[("any.json", ANY_PRINCIPAL)]);
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--format",
            "json",
            "--output",
            "out/report.json",
            "any.json",
        ],
    );
    // The directory does not exist: an error of use, said on stderr.
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("out/report.json"), "{}", run.stderr);

    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--format",
            "json",
            "--output",
            "report.json",
            "any.json",
        ],
    );
    assert_eq!(
        run.code, 1,
        "the exit code still tells the findings: {run:?}"
    );
    assert_eq!(run.stdout, "", "nothing on stdout");
    assert_eq!(run.stderr, "");
    let written = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    let piped = tl(
        dir.path(),
        &["lint", "--isolated", "--format", "json", "any.json"],
    );
    assert_eq!(written, piped.stdout, "the same bytes as on stdout");

    // The report file is not linted on a later run (it is no policy) and is overwritten.
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--format",
            "concise",
            "--output",
            "report.json",
            ".",
        ],
    );
    assert_eq!(run.code, 1);
    let written = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    assert!(
        written.starts_with("any.json:7:29: TL201 error: "),
        "{written}"
    );
}

#[test]
fn threads_do_not_change_the_output() {
    let mut files = Vec::new();
    for i in 0..40 {
        let text = if i % 3 == 0 {
            ANY_AND_ACCOUNT
        } else if i % 3 == 1 {
            ANY_PRINCIPAL
        } else {
            TRUNCATED
        };
        files.push((format!("d{}/p{i:02}.json", i % 5), text));
    }
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let dir = tree(&files);
    for format in ["json", "full", "concise"] {
        let one = tl(
            dir.path(),
            &[
                "lint",
                "--isolated",
                "--threads",
                "1",
                "--format",
                format,
                ".",
            ],
        );
        assert_eq!(one.code, 1);
        for threads in ["2", "4", "16"] {
            let many = tl(
                dir.path(),
                &[
                    "lint",
                    "--isolated",
                    "--threads",
                    threads,
                    "--format",
                    format,
                    ".",
                ],
            );
            assert_eq!(
                one.stdout, many.stdout,
                "--threads {threads} --format {format}"
            );
        }
    }
}

#[test]
fn config_file_option() {
    let dir = tree(&[
        ("mixed.json", ANY_AND_ACCOUNT),
        (
            "conf/only-accounts.toml",
            "[lint]\nselect = [\"trust-account-wide\"]\n",
        ),
    ]);
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--config",
            "conf/only-accounts.toml",
            "--format",
            "json",
            ".",
        ],
    );
    assert_eq!(run.codes(), set(&["TL204"]));
    assert_eq!(run.code, 0, "TL204 is an info");
    // The command line's --select replaces the file's; its --ignore adds to it.
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--config",
            "conf/only-accounts.toml",
            "--select",
            "TL201",
            "--format",
            "json",
            ".",
        ],
    );
    assert_eq!(run.codes(), set(&["TL201"]));
    let run = tl(
        dir.path(),
        &[
            "lint",
            "--config",
            "conf/only-accounts.toml",
            "--ignore",
            "TL204",
            "--format",
            "json",
            ".",
        ],
    );
    assert_eq!(run.codes(), set(&[]));
}

#[test]
fn isolated_ignores_the_discovered_config() {
    let dir = tree(&[
        ("policies/any.json", ANY_PRINCIPAL),
        ("trustlint.toml", "[lint]\nignore = [\"TL201\"]\n"),
    ]);
    let with_config = tl(dir.path(), &["lint", "--format", "json", "policies"]);
    assert_eq!(with_config.codes(), set(&[]), "{with_config:?}");
    assert_eq!(with_config.code, 0);
    let isolated = tl(
        dir.path(),
        &["lint", "--isolated", "--format", "json", "policies"],
    );
    assert!(isolated.codes().contains("TL201"), "{isolated:?}");
    assert_eq!(isolated.code, 1);
    // --isolated also skips a broken configuration.
    write(dir.path(), "trustlint.toml", "[lint]\nbogus = 1\n");
    assert_eq!(
        tl(dir.path(), &["lint", "--format", "json", "policies"]).code,
        2
    );
    assert_eq!(
        tl(
            dir.path(),
            &["lint", "--isolated", "--format", "json", "policies"]
        )
        .code,
        1
    );
}

#[test]
fn config_is_discovered_from_the_first_path_upwards() {
    let config = "[lint]\nignore = [\"TL201\"]\n";
    let dir = tree(&[
        ("project/deploy/roles/any.json", ANY_PRINCIPAL),
        ("project/trustlint.toml", config),
    ]);
    let root = dir.path();
    // From the directory above, the directory itself, and below it.
    for (cwd, path) in [
        (root.to_path_buf(), "project/deploy/roles"),
        (root.join("project"), "deploy/roles/any.json"),
        (root.join("project/deploy"), "roles"),
        (root.join("project/deploy/roles"), "."),
        (root.join("project/deploy/roles"), "any.json"),
    ] {
        let run = tl(&cwd, &["lint", "--format", "json", path]);
        assert_eq!(
            run.codes(),
            set(&[]),
            "lint {path} in {}: {run:?}",
            cwd.display()
        );
    }
    // `.trustlint.toml` is found too.
    std::fs::rename(
        root.join("project/trustlint.toml"),
        root.join("project/.trustlint.toml"),
    )
    .unwrap();
    let run = tl(root, &["lint", "--format", "json", "project/deploy/roles"]);
    assert_eq!(run.codes(), set(&[]), "{run:?}");
    // A config beside the linted folder, not above it, is not used.
    std::fs::rename(
        root.join("project/.trustlint.toml"),
        root.join("project/deploy/other.toml"),
    )
    .unwrap();
    write(root, "project/elsewhere/trustlint.toml", config);
    let run = tl(root, &["lint", "--format", "json", "project/deploy/roles"]);
    assert_eq!(run.codes(), set(&["TL201"]), "{run:?}");
    // The search stops at the git root: a config above it is not used.
    write(root, "trustlint.toml", config);
    std::fs::create_dir(root.join("project/.git")).unwrap();
    let run = tl(root, &["lint", "--format", "json", "project/deploy/roles"]);
    assert_eq!(run.codes(), set(&["TL201"]), "{run:?}");
    std::fs::remove_dir(root.join("project/.git")).unwrap();
    let run = tl(root, &["lint", "--format", "json", "project/deploy/roles"]);
    assert_eq!(run.codes(), set(&[]), "{run:?}");
}

/// `[inventory] complete` makes a same-account principal missing from a `get-role` output an
/// error (exit 1); an explicit `[lint.severity]` still wins.
#[test]
fn declared_complete_inventory_makes_missing_principals_errors() {
    let get_role = r#"{"Role": {"RoleName": "deploy", "Arn": "arn:aws:iam::111122223333:role/deploy",
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::111122223333:user/bob"}, "Action": "sts:AssumeRole"}]}}}"#;
    let severity_of = |toml: &str| {
        let dir = tree(&[("deploy.json", get_role), ("trustlint.toml", toml)]);
        let run = tl(
            dir.path(),
            &["lint", "--format", "json", "--select", "TL403", "."],
        );
        let severities: Vec<String> = run
            .diagnostics()
            .iter()
            .map(|d| d["severity"].as_str().unwrap().to_string())
            .collect();
        (run.code, severities)
    };
    assert_eq!(severity_of(""), (0, vec![]));
    assert_eq!(
        severity_of("[inventory]\ncomplete = true\n"),
        (1, vec!["error".to_string()])
    );
    assert_eq!(
        severity_of("[inventory]\ncomplete = true\n[lint.severity]\nTL403 = \"info\"\n"),
        (0, vec!["info".to_string()])
    );
}

#[test]
fn lint_section_of_the_config() {
    let cases: [(&str, &[&str], BTreeSet<String>, i32); 6] = [
        (
            "[lint]\nselect = [\"TL2\"]\n",
            &[],
            set(&["TL201", "TL204"]),
            1,
        ),
        (
            "[lint]\nselect = [\"TL2\"]\nignore = [\"TL201\"]\n",
            &[],
            set(&["TL204"]),
            0,
        ),
        (
            "[lint]\nselect = [\"TL0\"]\nextend-select = [\"TL204\"]\n",
            &[],
            set(&["TL001", "TL204"]),
            1,
        ),
        // fail-on from the file; the command line wins over it.
        (
            "[lint]\nselect = [\"TL201\"]\nfail-on = \"never\"\n",
            &[],
            set(&["TL201"]),
            0,
        ),
        (
            "[lint]\nselect = [\"TL201\"]\nfail-on = \"never\"\n",
            &["--fail-on", "error"],
            set(&["TL201"]),
            1,
        ),
        // An info made a warning fails the run.
        (
            "[lint]\nselect = [\"TL204\"]\n\n[lint.severity]\ntrust-account-wide = \"warning\"\n",
            &[],
            set(&["TL204"]),
            1,
        ),
    ];
    for (toml, extra, expected, code) in cases {
        let dir = tree(&[
            ("broken.json", TRUNCATED),
            ("mixed.json", ANY_AND_ACCOUNT),
            ("trustlint.toml", toml),
        ]);
        let mut args = vec!["lint", "--format", "json"];
        args.extend(extra);
        args.push(".");
        let run = tl(dir.path(), &args);
        assert_eq!(run.codes(), expected, "{toml}");
        assert_eq!(run.code, code, "{toml} {extra:?}");
    }

    // Severity overrides show in every output, and by prefix too.
    let dir = tree(&[
        ("mixed.json", ANY_AND_ACCOUNT),
        (
            "trustlint.toml",
            "[lint]\nselect = [\"TL2\"]\n\n[lint.severity]\nTL2 = \"warning\"\n",
        ),
    ]);
    let run = tl(dir.path(), &["lint", "--format", "json", "."]);
    let severities: Vec<Value> = run
        .diagnostics()
        .iter()
        .map(|d| d["severity"].clone())
        .collect();
    assert_eq!(severities, ["warning", "warning"]);
    assert_eq!(run.json()["summary"]["warnings"], 2);
    assert_eq!(run.json()["summary"]["errors"], 0);
    let run = tl(dir.path(), &["lint", "--format", "concise", "-q", "."]);
    assert!(run.stdout.contains(": TL201 warning: "), "{}", run.stdout);
    assert!(run.stdout.contains(": TL204 warning: "), "{}", run.stdout);
}

#[test]
fn standard_input() {
    let dir = tree(&[]);
    let commented = "{\n  // who may assume the role\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{ \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"*\" }, \"Action\": \"sts:AssumeRole\", },],\n}\n";

    // Named .jsonc: comments and trailing commas are fine; the name is the path.
    let run = tl_stdin(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            "roles/x.jsonc",
            "-",
        ],
        commented,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.codes(), set(&["TL201"]));
    let d = &run.diagnostics()[0];
    assert_eq!(d["path"], "roles/x.jsonc");
    assert_eq!(d["span"]["start"]["line"], 4);
    let offset = d["span"]["start"]["offset"].as_u64().unwrap() as usize;
    assert_eq!(&commented[offset..offset + 3], "\"*\"");

    // Named .json: strict, so the comment is a parse error.
    let run = tl_stdin(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            "x.json",
            "-",
        ],
        commented,
    );
    assert_eq!(run.codes(), set(&["TL001"]), "{run:?}");
    assert_eq!(run.diagnostics()[0]["path"], "x.json");

    // Unnamed: read as strict JSON and reported as `-`.
    let run = tl_stdin(
        dir.path(),
        &["lint", "--isolated", "--format", "concise", "-q", "-"],
        ANY_PRINCIPAL,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.starts_with("-:7:29: TL201 error: "),
        "{}",
        run.stdout
    );
    let run = tl_stdin(
        dir.path(),
        &["lint", "--isolated", "--format", "json", "-"],
        commented,
    );
    assert_eq!(
        run.codes(),
        set(&["TL001"]),
        "unnamed input is strict JSON, and its errors are shown: {run:?}"
    );
    let run = tl_stdin(
        dir.path(),
        &["lint", "--isolated", "--format", "json", "-"],
        SERVICE_ROLE,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.json()["summary"]["documents"], 1);

    // Standard input alongside files; stdin is not read unless `-` is given.
    write(dir.path(), "a.json", ANY_PRINCIPAL);
    let run = tl_stdin(
        dir.path(),
        &[
            "lint",
            "--isolated",
            "--format",
            "concise",
            "-q",
            "a.json",
            "-",
            "--stdin-filename",
            "z.jsonc",
        ],
        commented,
    );
    let paths: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(paths, ["a.json", "z.jsonc"], "{}", run.stdout);
    let run = tl_stdin(
        dir.path(),
        &["lint", "--isolated", "--format", "concise", "-q", "a.json"],
        commented,
    );
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
}

// `trustlint rule`

#[test]
fn rule_page_by_code_and_by_name() {
    let by_code = support::trustlint(&["rule", "TL201"]);
    assert_eq!(by_code.code, 0);
    assert!(
        by_code.stdout.starts_with("# TL201 trust-any-principal\n"),
        "{}",
        by_code.stdout
    );
    assert!(by_code.stdout.contains("\n## What it flags\n"));
    assert!(by_code.stdout.contains("\n## How to fix\n"));
    let by_name = support::trustlint(&["rule", "trust-any-principal"]);
    assert_eq!(by_name.code, 0);
    assert_eq!(by_code.stdout, by_name.stdout);
    assert_eq!(
        support::trustlint(&["rule", "tl201"]).stdout,
        by_code.stdout
    );

    // Every registered rule has a page that starts with its title.
    for rule in REGISTRY {
        let outcome = support::trustlint(&["rule", rule.meta.code]);
        assert_eq!(outcome.code, 0);
        let title = format!("# {} {}\n", rule.meta.code, rule.meta.name);
        assert!(
            outcome.stdout.starts_with(&title),
            "{}: {}",
            rule.meta.code,
            outcome.stdout
        );
    }

    // Also through the real binary, with a real exit code.
    let dir = tree(&[]);
    let run = tl(dir.path(), &["rule", "TL201"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, by_code.stdout);
}

#[test]
fn rule_all_lists_one_line_per_rule() {
    let outcome = support::trustlint(&["rule", "--all"]);
    assert_eq!(outcome.code, 0);
    let lines: Vec<&str> = outcome.stdout.lines().collect();
    assert_eq!(lines.len(), REGISTRY.len(), "{}", outcome.stdout);
    for (line, rule) in lines.iter().zip(REGISTRY) {
        let mut words = line.split_whitespace();
        assert_eq!(words.next(), Some(rule.meta.code), "{line}");
        assert_eq!(words.next(), Some(rule.meta.name), "{line}");
        assert_eq!(words.next(), Some(rule.meta.severity.as_str()), "{line}");
        assert!(line.contains(rule.meta.summary), "{line}");
    }
}

#[test]
fn rule_all_as_json() {
    let outcome = support::trustlint(&["rule", "--all", "--format", "json"]);
    assert_eq!(outcome.code, 0);
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), REGISTRY.len());
    for (entry, rule) in entries.iter().zip(REGISTRY) {
        assert_eq!(
            keys(entry),
            BTreeSet::from([
                "code",
                "name",
                "severity",
                "enabled_by_default",
                "summary",
                "url"
            ])
        );
        assert_eq!(entry["code"], rule.meta.code);
        assert_eq!(entry["name"], rule.meta.name);
        assert_eq!(entry["severity"], rule.meta.severity.as_str());
        assert_eq!(entry["enabled_by_default"], rule.meta.enabled_by_default);
        assert_eq!(entry["summary"], rule.meta.summary);
        assert_eq!(entry["url"], rule.meta.url());
    }
    let one = support::trustlint(&["rule", "TL201", "--format", "json"]);
    let one: Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(one["code"], "TL201");
    assert_eq!(one["name"], "trust-any-principal");
}

#[test]
fn unknown_rule_is_an_error_of_use() {
    for args in [
        vec!["rule", "TL999"],
        vec!["rule", "no-such-rule"],
        vec!["rule"],
        vec!["rule", "TL201", "--all"],
    ] {
        let outcome = support::trustlint(&args);
        assert_eq!(outcome.code, 2, "{args:?}");
        assert_eq!(outcome.stdout, "", "{args:?}");
        assert!(!outcome.stderr.is_empty(), "{args:?}");
    }
    let dir = tree(&[]);
    let run = tl(dir.path(), &["rule", "TL999"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("TL999"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// 8. testdata/clean stays silent; 9. testdata/example is the README demo

#[test]
fn clean_project_has_no_findings() {
    let outcome = support::trustlint(&["lint", "--format", "json", "testdata/clean"]);
    assert_eq!(outcome.code, 0, "{}{}", outcome.stdout, outcome.stderr);
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(
        json["diagnostics"],
        serde_json::json!([]),
        "testdata/clean must be silent:\n{}",
        support::trustlint(&["lint", "--color", "never", "testdata/clean"]).stdout
    );
    // Every policy in it was read and understood (none skipped as unrelated).
    let policies = std::fs::read_dir("testdata/clean")
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "json" || x == "json5" || x == "jsonc")
        })
        .count();
    assert!(policies >= 5, "{policies}");
    assert_eq!(json["summary"]["files"], policies);
    assert!(json["summary"]["documents"].as_u64().unwrap() >= policies as u64);

    let full = support::trustlint(&["lint", "testdata/clean"]);
    assert_eq!(full.code, 0);
    assert_eq!(
        full.stdout,
        format!("No problems found in {policies} files.\n")
    );
}

#[test]
fn clean_project_config_declares_its_accounts() {
    // The clean project's trusts are only "clean" with its own accounts known: without the
    // configuration, a cross-account rule may speak. The file must at least load.
    let outcome = support::trustlint(&[
        "lint",
        "--config",
        "testdata/clean/trustlint.toml",
        "--format",
        "json",
        "testdata/clean",
    ]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let text = std::fs::read_to_string("testdata/clean/trustlint.toml").unwrap();
    assert!(
        text.contains("[accounts]") && text.contains("own"),
        "{text}"
    );
}

#[test]
fn example_project_fails_with_its_findings() {
    let outcome = example("json");
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    let found: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |path: &str, code: &str| found.iter().any(|(p, c)| p.ends_with(path) && c == code);
    assert!(
        has("policies/public-bucket-reader.json", "TL201"),
        "{found:?}"
    );
    assert!(
        has("policies/vendor-monitoring.get-role.json", "TL205"),
        "{found:?}"
    );
    assert!(has("policies/org-auditor.json", "TL219"), "{found:?}");
    assert!(has("policies/ec2-instance-role.json", "TL106"), "{found:?}");
    // Nothing from the files that are not IAM material, nor from the good policies.
    for (path, code) in &found {
        for silent in [
            "package.json",
            "tsconfig.json",
            "ci-deploy.json5",
            "lambda-ingest.json",
            "deploy-permissions.json",
        ] {
            assert!(!path.ends_with(silent), "{path} {code}: {found:?}");
        }
    }
}
