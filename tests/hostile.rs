//! Hostile input: whatever the files hold, trustlint reports each bad file (TL001 or TL002)
//! with its path, keeps reporting the good ones, and never panics (exit 101), overflows its
//! stack, hangs or reads a huge file into memory.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// `{"AWS": "*"}` trust: a good file (it parses) with a bad policy (TL201).
const ANY_PRINCIPAL: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "sts:AssumeRole" }
  ]
}
"#;

const DEPTH: usize = 100_000;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// path → codes found in it, in output order.
    fn by_path(&self) -> BTreeMap<String, Vec<String>> {
        let json: Value = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", self.stdout, self.stderr));
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for d in json["diagnostics"].as_array().unwrap() {
            map.entry(d["path"].as_str().unwrap().to_string())
                .or_default()
                .push(d["code"].as_str().unwrap().to_string());
        }
        map
    }
}

fn trustlint(dir: &Path, args: &[&str], stdin: Option<Vec<u8>>) -> Run {
    let mut cmd = Command::cargo_bin("trustlint").unwrap();
    cmd.current_dir(dir)
        .args(args)
        .timeout(Duration::from_secs(120));
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    let output = cmd.output().unwrap();
    let run = Run {
        code: output
            .status
            .code()
            .expect("trustlint ended by itself: no stack overflow (SIGSEGV/SIGABRT), no timeout"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert_ne!(run.code, 101, "trustlint panicked:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// Every rule over the folder, as JSON.
fn lint_everything(root: &Path) -> Run {
    trustlint(
        root,
        &[
            "lint",
            "--isolated",
            "--select",
            "ALL",
            "--format",
            "json",
            ".",
        ],
        None,
    )
}

fn deep_arrays() -> String {
    format!(
        "{{\"Statement\": {}{}}}",
        "[".repeat(DEPTH),
        "]".repeat(DEPTH)
    )
}

#[test]
fn hostile_files_are_findings_and_the_good_file_is_still_linted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let put = |name: &str, bytes: &[u8]| std::fs::write(root.join(name), bytes).unwrap();

    put("good.json", ANY_PRINCIPAL.as_bytes());
    put(
        "truncated.json",
        &ANY_PRINCIPAL.as_bytes()[..ANY_PRINCIPAL.len() / 2],
    );
    put("deep-arrays.json", deep_arrays().as_bytes());
    let deep_objects = format!(
        "// deep\n{{\"Statement\": [{}1{}]}}",
        "{\"a\": ".repeat(DEPTH),
        "}".repeat(DEPTH)
    );
    put("deep-objects.jsonc", deep_objects.as_bytes());
    put("nul.json", b"{\"Statement\": [{\"Sid\": \"a\0b\"}]}");
    put(
        "invalid-utf8.json",
        b"{\"Statement\": [{\"Sid\": \"caf\xe9\"}]}",
    );
    put("empty.json", b"");
    put("blank.json", b"  \n\t\n");
    // Over the default 32 MiB limit; sparse, so quick to make.
    let huge = std::fs::File::create(root.join("huge.json")).unwrap();
    huge.set_len(50 * 1024 * 1024).unwrap();
    drop(huge);

    let run = trustlint(root, &["lint", "--isolated", "--format", "json", "."], None);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let found = run.by_path();
    let expected: BTreeMap<String, Vec<String>> = [
        ("blank.json", "TL001"),
        ("deep-arrays.json", "TL001"),
        ("deep-objects.jsonc", "TL001"),
        ("empty.json", "TL001"),
        ("good.json", "TL201"),
        ("huge.json", "TL002"),
        ("invalid-utf8.json", "TL002"),
        ("nul.json", "TL002"),
        ("truncated.json", "TL001"),
    ]
    .into_iter()
    .map(|(p, c)| (p.to_string(), vec![c.to_string()]))
    .collect();
    assert_eq!(found, expected, "{}", run.stdout);

    // The reasons are concrete.
    let concise = trustlint(
        root,
        &["lint", "--isolated", "--format", "concise", "."],
        None,
    );
    let line = |name: &str| {
        concise
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{name}:")))
            .unwrap_or_else(|| panic!("{name} reported: {}", concise.stdout))
            .to_string()
    };
    assert!(
        line("huge.json").contains("larger than the limit"),
        "{}",
        line("huge.json")
    );
    assert!(
        line("invalid-utf8.json").contains("UTF-8"),
        "{}",
        line("invalid-utf8.json")
    );
    assert!(line("nul.json").contains("NUL"), "{}", line("nul.json"));
    assert!(
        line("deep-arrays.json").contains("nesting"),
        "{}",
        line("deep-arrays.json")
    );
    assert!(
        line("good.json").starts_with("good.json:4:48: TL201 error: "),
        "{}",
        line("good.json")
    );

    // The human format renders every one of them too, without panicking.
    let full = trustlint(root, &["lint", "--isolated", "--color", "never", "."], None);
    assert_eq!(full.code, 1);
    assert!(
        full.stdout
            .ends_with("Found 9 problems (9 errors, 0 warnings, 0 infos) in 9 files.\n"),
        "{}",
        full.stdout
    );
}

#[test]
fn lone_surrogates_and_odd_escapes_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let cases = [
        (
            "lone-high.json",
            r#"{"Statement":[{"Sid":"\ud800","Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#,
        ),
        (
            "lone-low.json",
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"\udc00*"},"Action":"sts:AssumeRole"}]}"#,
        ),
        (
            "bad-escape.json",
            r#"{"Statement":[{"Effect":"Allow\q","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#,
        ),
        (
            "control-char.json",
            "{\"Statement\":[{\"Effect\":\"Al\u{1}low\"}]}",
        ),
        (
            "huge-number.json",
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":123456789012345678901234567890e99999},"Action":"sts:AssumeRole"}]}"#,
        ),
        (
            "bom.json",
            "\u{feff}{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}",
        ),
        ("two-boms.json", "\u{feff}\u{feff}{\"Statement\":[]}"),
        (
            "crlf.json",
            "{\r\n\"Statement\":[\r\n{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}\r\n",
        ),
        ("statement-number.json", r#"{"Statement": 12}"#),
        ("top-level-array.json", r#"[{"Statement": []}]"#),
    ];
    for (name, text) in cases {
        std::fs::write(root.join(name), text).unwrap();
    }
    for format in ["json", "full", "concise", "github"] {
        let run = trustlint(
            root,
            &[
                "lint",
                "--isolated",
                "--select",
                "ALL",
                "--format",
                format,
                ".",
            ],
            None,
        );
        assert!(run.code == 0 || run.code == 1, "{format}: {}", run.code);
    }
    let run = lint_everything(root);
    let found = run.by_path();
    // Every file that cannot be a valid policy is reported.
    for name in [
        "lone-high.json",
        "lone-low.json",
        "bad-escape.json",
        "control-char.json",
        "bom.json",
        "crlf.json",
    ] {
        assert!(found.contains_key(name), "{name} reported: {found:?}");
    }
    // A BOM is skipped, and positions stay byte offsets into the file (BOM included).
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let bom = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "bom.json" && d["code"] == "TL201")
        .unwrap_or_else(|| panic!("TL201 in bom.json: {found:?}"));
    let text = std::fs::read_to_string(root.join("bom.json")).unwrap();
    let offset = bom["span"]["start"]["offset"].as_u64().unwrap() as usize;
    assert_eq!(&text[offset..offset + 3], "\"*\"");
    // CRLF line ends: the line number counts lines, not CRs.
    let crlf = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "crlf.json" && d["code"] == "TL201")
        .unwrap_or_else(|| panic!("TL201 in crlf.json: {found:?}"));
    assert_eq!(crlf["span"]["start"]["line"], 3);
    assert_eq!(crlf["span"]["start"]["column"], 38);
}

#[test]
fn hostile_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["lint", "--isolated", "--format", "json", "-"];
    for (bytes, code) in [
        (deep_arrays().into_bytes(), "TL001"),
        (b"{\"Statement\": [\0]}".to_vec(), "TL002"),
        (b"{\"Statement\": [\"\xff\"]}".to_vec(), "TL002"),
        (b"{\"Statement\": [".to_vec(), "TL001"),
    ] {
        let run = trustlint(dir.path(), &args, Some(bytes));
        assert_eq!(run.code, 1, "{}", run.stdout);
        let found = run.by_path();
        assert_eq!(
            found.get("-"),
            Some(&vec![code.to_string()]),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn file_size_limit_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("good.json"), ANY_PRINCIPAL).unwrap();
    let size = ANY_PRINCIPAL.len().to_string();
    let smaller = (ANY_PRINCIPAL.len() - 1).to_string();

    let run = trustlint(
        root,
        &[
            "lint",
            "--isolated",
            "--format",
            "json",
            "--max-file-size",
            &size,
            ".",
        ],
        None,
    );
    assert_eq!(
        run.by_path().get("good.json"),
        Some(&vec!["TL201".to_string()])
    );
    let run = trustlint(
        root,
        &[
            "lint",
            "--isolated",
            "--format",
            "json",
            "--max-file-size",
            &smaller,
            ".",
        ],
        None,
    );
    assert_eq!(
        run.by_path().get("good.json"),
        Some(&vec!["TL002".to_string()]),
        "{}",
        run.stdout
    );

    std::fs::create_dir(root.join(".git")).unwrap();
    std::fs::write(
        root.join("trustlint.toml"),
        format!("[lint]\nmax-file-size = {smaller}\n"),
    )
    .unwrap();
    let run = trustlint(root, &["lint", "--format", "json", "."], None);
    assert_eq!(
        run.by_path().get("good.json"),
        Some(&vec!["TL002".to_string()]),
        "{}",
        run.stdout
    );
    // The command line wins over the file.
    let run = trustlint(
        root,
        &["lint", "--format", "json", "--max-file-size", &size, "."],
        None,
    );
    assert_eq!(
        run.by_path().get("good.json"),
        Some(&vec!["TL201".to_string()]),
        "{}",
        run.stdout
    );
}

/// A minified multi-megabyte one-line policy: the finding at its end is shown as a window of
/// the line, never the whole line.
#[test]
fn long_minified_line_is_shown_as_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let filler: Vec<String> = (0..20_000)
        .map(|i| {
            format!(
                r#"{{"Sid":"S{i}","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::111122223333:role/r{i}"}},"Action":"sts:AssumeRole"}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":[{},{{"Sid":"Last","Effect":"Allow","Principal":{{"AWS":"*"}},"Action":"sts:AssumeRole"}}]}}"#,
        filler.join(",")
    );
    assert!(text.len() > 2_000_000 && !text.contains('\n'));
    std::fs::write(root.join("minified.json"), &text).unwrap();

    let run = trustlint(
        root,
        &[
            "lint",
            "--isolated",
            "--select",
            "TL201",
            "--color",
            "never",
            "minified.json",
        ],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("error[TL201]"),
        "{}",
        &run.stdout[..run.stdout.len().min(2000)]
    );
    assert!(
        run.stdout.len() < 4_000,
        "the report shows a window, not the {}-byte line: {} bytes",
        text.len(),
        run.stdout.len()
    );
    let column = text.rfind("\"*\"").unwrap() + 1; // ASCII: bytes = scalars
    assert!(
        run.stdout.contains(&format!("minified.json:1:{column}")),
        "{}",
        run.stdout
    );
    // The window still has the value and its underline.
    assert!(run.stdout.contains("{\"AWS\":\"*\"}"), "{}", run.stdout);
    assert!(run.stdout.contains("^^^"), "{}", run.stdout);
}

#[test]
fn hostile_terraform_is_findings_and_the_good_file_is_still_linted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let put = |name: &str, bytes: &[u8]| std::fs::write(root.join(name), bytes).unwrap();
    put("good.json", ANY_PRINCIPAL.as_bytes());
    // hcl-edit stops at 64 levels of nesting with an error, never deeper.
    let deep = format!(
        "resource \"aws_iam_role\" \"r\" {{\n  assume_role_policy = jsonencode({}1{})\n}}\n",
        "{a = ".repeat(DEPTH),
        "}".repeat(DEPTH)
    );
    put("deep.tf", deep.as_bytes());
    let deep_heredoc = format!(
        "resource \"aws_iam_role\" \"h\" {{\n  assume_role_policy = <<EOT\n{}\nEOT\n}}\n",
        deep_arrays()
    );
    put("deep-heredoc.tf", deep_heredoc.as_bytes());
    put(
        "truncated.tf",
        b"resource \"aws_iam_role\" \"t\" {\n  assume_role_policy = jsonencode({",
    );
    put("binary.tf", b"resource \0\0\xff\xfe");
    std::fs::create_dir(root.join("cycle")).unwrap();
    // Locals that refer to each other: resolution gives up, the value is unknown.
    std::fs::write(
        root.join("cycle/main.tf"),
        "locals {\n  a = local.b\n  b = local.a\n}\nresource \"aws_iam_role\" \"c\" {\n  assume_role_policy = jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = \"Allow\", Principal = { AWS = local.a }, Action = \"sts:AssumeRole\" }] })\n}\n",
    )
    .unwrap();
    // Modules that call themselves and each other: never deployed on their own, instantiated
    // to a bounded depth from the root that calls them.
    for (dir, calls) in [("self", "./"), ("a", "../b"), ("b", "../a")] {
        std::fs::create_dir(root.join(dir)).unwrap();
        std::fs::write(
            root.join(dir).join("main.tf"),
            format!("variable \"p\" {{}}\nmodule \"again\" {{\n  source = \"{calls}\"\n  p = var.p\n}}\nresource \"aws_iam_role\" \"r\" {{\n  assume_role_policy = jsonencode({{ Version = \"2012-10-17\", Statement = [{{ Effect = \"Allow\", Principal = {{ AWS = var.p }}, Action = \"sts:AssumeRole\" }}] }})\n}}\n"),
        )
        .unwrap();
    }
    put(
        "root.tf",
        b"module \"a\" {\n  source = \"./a\"\n  p = \"arn:aws:iam::111122223333:role/x\"\n}\nmodule \"self\" {\n  source = \"./self\"\n  p = \"arn:aws:iam::111122223333:role/y\"\n}\n",
    );
    let run = trustlint(root, &["lint", "--isolated", "--format", "json", "."], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = run.by_path();
    for dir in ["self", "a", "b"] {
        assert_eq!(found.get(&format!("{dir}/main.tf")), None, "{found:?}");
    }
    for (path, code) in [
        ("deep.tf", "TL001"),
        ("deep-heredoc.tf", "TL001"),
        ("truncated.tf", "TL001"),
        ("binary.tf", "TL002"),
        ("good.json", "TL201"),
    ] {
        assert_eq!(
            found.get(path),
            Some(&vec![code.to_string()]),
            "{path}: {found:?}"
        );
    }
    assert_eq!(found.get("cycle/main.tf"), None, "{found:?}");
}

#[test]
fn hostile_templates_are_findings_and_the_good_template_is_still_linted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let put = |name: &str, bytes: &[u8]| std::fs::write(root.join(name), bytes).unwrap();
    let header = "AWSTemplateFormatVersion: \"2010-09-09\"\n";
    put(
        "good.yaml",
        format!("{header}Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: \"2012-10-17\"\n        Statement:\n          - Effect: Allow\n            Principal: {{ AWS: \"*\" }}\n            Action: sts:AssumeRole\n").as_bytes(),
    );
    // Nesting far past the reader's limit, in block and in flow style.
    put(
        "deep.yaml",
        format!(
            "{header}Resources: {}1{}\n",
            "[".repeat(DEPTH),
            "]".repeat(DEPTH)
        )
        .as_bytes(),
    );
    // An alias expansion bomb: ten levels of ten copies.
    let mut bomb = format!("{header}a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 10].join(", ");
        bomb.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    bomb.push_str("Resources: *a9\n");
    put("bomb.yaml", bomb.as_bytes());
    put(
        "truncated.yaml",
        format!("{header}Resources:\n  R:\n    Type: \"AWS::IAM::Role").as_bytes(),
    );
    put("binary.yaml", b"AWSTemplateFormatVersion: \0\0\xff\xfe");
    // Not a template, not even YAML: skipped silently.
    put(
        "chart.yaml",
        b"{{- if .Values.enabled }}\nkind: {{ .Values.kind }}\n",
    );
    let run = trustlint(root, &["lint", "--isolated", "--format", "json", "."], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = run.by_path();
    for (path, code) in [
        ("deep.yaml", "TL001"),
        ("bomb.yaml", "TL001"),
        ("truncated.yaml", "TL001"),
        ("binary.yaml", "TL002"),
        ("good.yaml", "TL201"),
    ] {
        assert_eq!(
            found.get(path),
            Some(&vec![code.to_string()]),
            "{path}: {found:?}"
        );
    }
    assert_eq!(found.get("chart.yaml"), None, "{found:?}");
}

/// Values built to stress the rules that read inside them: wildcard patterns that blow up an
/// automaton (TL301–TL304), dates out of every range (TL218), operators and keys thousands of
/// characters long (TL116, TL117, TL211), GitHub subjects of thousands of segments (TL209).
/// Each is a finding or nothing, never a panic or a stall, and the sound parts still give
/// their findings.
#[test]
fn hostile_policy_values_are_read_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let stars = format!("arn:aws:iam::*:role/{}", "*?".repeat(500));
    let star_a = format!("arn:aws:iam::????????????:role/{}", "*a".repeat(400));
    let identity = serde_json::json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": ["sts:AssumeRole", "iam:PassRole"],
        "Resource": [stars, "*".repeat(1000), star_a, "*"]}]});
    let dates = serde_json::json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": "sts:AssumeRole",
        "Condition": {
            "DateLessThan": {"aws:CurrentTime": ["99999999999999999999999", "-99999999999999",
                "9999-99-99T99:99:99Z", "2020-01-01T00:00:00+99:99", "", "0000-00-00"]},
            "DateGreaterThan": {"aws:EpochTime": "18446744073709551616"}}}]});
    let long_names = serde_json::json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": format!("arn:aws:iam::111122223333:oidc-provider/{}", "a".repeat(5000))},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {
            format!("{}StringEquals", "ForAnyValue:".repeat(50)): {"x": "y"},
            "BoolIfExists": {"aws:MultiFactorAuthPresent": ["tru\u{0}e"]},
            "StringEquals": {format!("{}:sub", "k".repeat(3000)): "repo:*"}}}]});
    let subjects = serde_json::json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub":
            [format!("repo:{}", "*/".repeat(2000)), "repo:", "repo:/", "", ":"]}}}]});
    for (name, document) in [
        ("identity.json", &identity),
        ("dates.json", &dates),
        ("long-names.json", &long_names),
        ("subjects.json", &subjects),
    ] {
        std::fs::write(root.join(name), document.to_string()).unwrap();
    }
    let run = lint_everything(root);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = run.by_path();
    // The plain `*` among the hostile patterns is still every role.
    assert!(
        found["identity.json"].contains(&"TL301".to_string()),
        "{found:?}"
    );
    assert!(
        found["identity.json"].contains(&"TL303".to_string()),
        "{found:?}"
    );
    // `repo:*/…` puts a wildcard in the owner segment.
    assert!(
        found["subjects.json"].contains(&"TL209".to_string()),
        "{found:?}"
    );
}
