//! Finding files: what a walk reads, what it skips silently, what it never enters, and how
//! paths that cannot be read (links, FIFOs, denied files) become TL002 findings instead of
//! hangs or crashes. Every run here is the real binary with a time limit.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// `{"AWS": "*"}` trust: TL201.
const ANY_PRINCIPAL: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "sts:AssumeRole" }
  ]
}
"#;

/// A correct identity policy.
const IDENTITY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AssumeDeployRole",
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Resource": "arn:aws:iam::111122223333:role/deploy"
    }
  ]
}
"#;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn diagnostics(&self) -> Vec<Value> {
        let json: Value = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", self.stdout, self.stderr));
        json["diagnostics"].as_array().expect("diagnostics").clone()
    }

    /// (path, code) of every finding.
    fn findings(&self) -> BTreeSet<(String, String)> {
        self.diagnostics()
            .iter()
            .map(|d| {
                (
                    d["path"].as_str().unwrap().to_string(),
                    d["code"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    fn message_for(&self, path: &str) -> String {
        self.diagnostics()
            .iter()
            .find(|d| d["path"] == path)
            .map(|d| d["message"].as_str().unwrap().to_string())
            .unwrap_or_default()
    }
}

/// `trustlint lint --isolated --format json <args>` in `dir`, which must end within a minute.
fn lint(dir: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("trustlint")
        .unwrap()
        .current_dir(dir)
        .args(["lint", "--isolated", "--format", "json"])
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let run = Run {
        code: output
            .status
            .code()
            .expect("trustlint ended by itself (no hang, no signal)"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_ne!(run.code, 101, "a panic");
    run
}

fn tree() -> TempDir {
    tempfile::tempdir().unwrap()
}

fn write(root: &Path, path: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn pairs(items: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|(p, c)| (p.to_string(), c.to_string()))
        .collect()
}

#[test]
fn only_iam_material_is_reported() {
    let dir = tree();
    let root = dir.path();
    write(root, "policies/trust.json", ANY_PRINCIPAL);
    write(
        root,
        "policies/trust.json5",
        "// JSON5: comments, unquoted keys, trailing commas\n{\n  Version: '2012-10-17',\n  Statement: [\n    { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', },\n  ],\n}\n",
    );
    write(
        root,
        "policies/trust.jsonc",
        "{\n  /* JSONC */\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    // the bad one\n    { \"Effect\": \"Allow\", \"Principal\": { \"AWS\": \"*\" }, \"Action\": \"sts:AssumeRole\" },\n  ],\n}\n",
    );
    write(
        root,
        "roles/get-role.json",
        r#"{
    "Role": {
        "Path": "/",
        "RoleName": "open",
        "RoleId": "AROAEXAMPLEID1234567",
        "Arn": "arn:aws:iam::111122223333:role/open",
        "CreateDate": "2024-01-01T00:00:00+00:00",
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]},
        "MaxSessionDuration": 3600
    }
}
"#,
    );
    write(root, "policies/identity.json", IDENTITY);
    write(
        root,
        "package.json",
        r#"{ "name": "infra", "version": "1.0.0", "scripts": { "test": "jest" }, "dependencies": { "aws-cdk-lib": "2.150.0" } }"#,
    );
    write(
        root,
        "tsconfig.json",
        "{\n  // not strict JSON, and not ours\n  \"compilerOptions\": { \"strict\": true, },\n}\n",
    );
    write(
        root,
        "composer.json",
        "{ \"require\": { \"php\": \">=8.1\" }, }",
    );
    write(
        root,
        ".vscode/settings.json",
        "{ // editor settings\n \"editor.tabSize\": 2 }",
    );
    // A PNG: signature, then an IHDR chunk and some binary bytes (NUL included).
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0".to_vec();
    png.extend((0u8..=255).cycle().take(2048));
    write(root, "assets/logo.png", &png);
    write(
        root,
        "README.md",
        "# infra\n\n\"Statement\": this README mentions IAM words.\n",
    );
    write(
        root,
        "main.tf",
        "# Terraform is not read yet; this is not JSON at all {\n",
    );

    let run = lint(root, &["."]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(
        run.findings(),
        pairs(&[
            ("policies/trust.json", "TL201"),
            ("policies/trust.json5", "TL201"),
            ("policies/trust.jsonc", "TL201"),
            ("roles/get-role.json", "TL201"),
        ]),
        "{}",
        run.stdout
    );

    // The same files named one by one: unrelated JSON is still silent.
    let run = lint(
        root,
        &[
            "package.json",
            "tsconfig.json",
            "composer.json",
            "assets/logo.png",
            "README.md",
            "policies/identity.json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.findings(), pairs(&[]));
}

#[test]
fn gitignored_files_are_skipped_unless_named() {
    let dir = tree();
    let root = dir.path();
    write(root, ".gitignore", "ignored.json\ngenerated/\n");
    write(root, "ignored.json", ANY_PRINCIPAL);
    write(root, "generated/role.json", ANY_PRINCIPAL);
    write(root, "kept.json", ANY_PRINCIPAL);
    // A nested .gitignore applies below its directory.
    write(root, "sub/.gitignore", "*.local.json\n");
    write(root, "sub/dev.local.json", ANY_PRINCIPAL);
    write(root, "dev.local.json", ANY_PRINCIPAL);

    let walked = lint(root, &["."]);
    assert_eq!(
        walked.findings(),
        pairs(&[("dev.local.json", "TL201"), ("kept.json", "TL201")]),
        "{}",
        walked.stdout
    );
    // Named explicitly, an ignored file is read.
    let named = lint(root, &[".", "ignored.json", "sub/dev.local.json"]);
    assert_eq!(
        named.findings(),
        pairs(&[
            ("dev.local.json", "TL201"),
            ("ignored.json", "TL201"),
            ("kept.json", "TL201"),
            ("sub/dev.local.json", "TL201"),
        ]),
        "{}",
        named.stdout
    );
    // Named twice (directly and through the walk): reported once.
    let twice = lint(root, &["kept.json", "."]);
    assert_eq!(twice.diagnostics().len(), 2, "{}", twice.stdout);
}

#[test]
fn dependency_and_vcs_directories_are_never_entered() {
    let dir = tree();
    let root = dir.path();
    for skipped in [
        "node_modules",
        ".terraform",
        "cdk.out",
        ".git",
        "app/node_modules/pkg",
        "infra/.terraform/modules/iam",
        "stacks/cdk.out/asset.123",
    ] {
        write(root, &format!("{skipped}/bad.json"), ANY_PRINCIPAL);
        // A truncated file too: not even parse errors come from there.
        write(root, &format!("{skipped}/broken.json"), "{\"Statement\": [");
    }
    write(root, "app/roles/bad.json", ANY_PRINCIPAL);
    // Names that merely resemble skipped directories are walked.
    write(root, "node_modules_backup/bad.json", ANY_PRINCIPAL);
    write(root, "terraform/bad.json", ANY_PRINCIPAL);
    write(root, "git/bad.json", ANY_PRINCIPAL);

    let run = lint(root, &["."]);
    assert_eq!(
        run.findings(),
        pairs(&[
            ("app/roles/bad.json", "TL201"),
            ("git/bad.json", "TL201"),
            ("node_modules_backup/bad.json", "TL201"),
            ("terraform/bad.json", "TL201"),
        ]),
        "{}",
        run.stdout
    );
    // Walking from a parent directory given by another name behaves the same.
    let run = lint(root, &["app"]);
    assert_eq!(
        run.findings(),
        pairs(&[("app/roles/bad.json", "TL201")]),
        "{}",
        run.stdout
    );
    // A file inside them named explicitly is read.
    let run = lint(root, &["node_modules/bad.json"]);
    assert_eq!(run.findings(), pairs(&[("node_modules/bad.json", "TL201")]));
}

/// Whether this process can read a file whose mode is 000 (root can).
fn can_read_unreadable(path: &Path) -> bool {
    std::fs::read(path).is_ok()
}

#[test]
fn links_fifos_and_denied_paths_are_findings_not_hangs() {
    use std::os::unix::fs::{PermissionsExt, symlink};

    let dir = tree();
    let root = dir.path();
    write(root, "tree/good.json", ANY_PRINCIPAL);
    write(root, "tree/z-last.json", ANY_PRINCIPAL);
    // A loop: tree/loop → tree.
    symlink(".", root.join("tree/loop")).unwrap();
    // A longer loop: tree/a/b/up → tree/a.
    std::fs::create_dir_all(root.join("tree/a/b")).unwrap();
    symlink("..", root.join("tree/a/b/up")).unwrap();
    // A broken link, and a link to a good file outside the tree (followed, read).
    symlink("nowhere.json", root.join("tree/dangling.json")).unwrap();
    write(root, "outside/target.json", ANY_PRINCIPAL);
    symlink("../outside/target.json", root.join("tree/linked.json")).unwrap();
    // A FIFO with a policy name: opening it would block forever.
    let status = std::process::Command::new("mkfifo")
        .arg(root.join("tree/pipe.json"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    // A file and a folder nobody may read.
    write(root, "tree/secret.json", ANY_PRINCIPAL);
    write(root, "tree/closed/inner.json", ANY_PRINCIPAL);
    let mode = |path: &str, mode: u32| {
        std::fs::set_permissions(root.join(path), std::fs::Permissions::from_mode(mode)).unwrap();
    };
    mode("tree/secret.json", 0o000);
    mode("tree/closed", 0o000);
    let root_user = can_read_unreadable(&root.join("tree/secret.json"));

    let run = lint(root, &["tree"]);
    // Restore permissions so the temporary directory can be removed.
    mode("tree/closed", 0o755);
    mode("tree/secret.json", 0o644);

    let found = run.findings();
    let mut expected = pairs(&[
        ("tree/good.json", "TL201"),
        ("tree/z-last.json", "TL201"),
        ("tree/linked.json", "TL201"),
        ("tree/loop", "TL002"),
        ("tree/a/b/up", "TL002"),
        ("tree/dangling.json", "TL002"),
        ("tree/pipe.json", "TL002"),
    ]);
    if root_user {
        eprintln!(
            "running as root, which reads mode-000 files: the permission-denied part of this test is skipped"
        );
        expected.extend(pairs(&[
            ("tree/secret.json", "TL201"),
            ("tree/closed/inner.json", "TL201"),
        ]));
    } else {
        expected.extend(pairs(&[
            ("tree/secret.json", "TL002"),
            ("tree/closed", "TL002"),
        ]));
    }
    assert_eq!(found, expected, "{}", run.stdout);
    assert_eq!(run.code, 1);

    assert!(
        run.message_for("tree/loop").contains("loop"),
        "{}",
        run.stdout
    );
    assert!(
        run.message_for("tree/a/b/up").contains("loop"),
        "{}",
        run.stdout
    );
    assert!(
        run.message_for("tree/dangling.json")
            .contains("broken link"),
        "{}",
        run.stdout
    );
    assert!(
        run.message_for("tree/pipe.json")
            .contains("not a regular file"),
        "{}",
        run.stdout
    );
    if !root_user {
        assert!(
            run.message_for("tree/secret.json")
                .contains("permission denied"),
            "{}",
            run.stdout
        );
        assert!(
            run.message_for("tree/closed").contains("permission denied"),
            "{}",
            run.stdout
        );
    }
    // TL002 points at the start of the file, line 1 column 1.
    for d in run.diagnostics().iter().filter(|d| d["code"] == "TL002") {
        assert_eq!(d["span"]["start"]["line"], 1);
        assert_eq!(d["span"]["start"]["column"], 1);
        assert_eq!(d["span"]["start"]["offset"], 0);
    }

    // Named explicitly, the FIFO and the broken link are findings too.
    let run = lint(
        root,
        &["tree/pipe.json", "tree/dangling.json", "tree/good.json"],
    );
    assert_eq!(
        run.findings(),
        pairs(&[
            ("tree/dangling.json", "TL002"),
            ("tree/good.json", "TL201"),
            ("tree/pipe.json", "TL002"),
        ]),
        "{}",
        run.stdout
    );
}
