//! The public corpus beside the project (`../shared/corpus`, see its README): output does not
//! depend on the thread count, and the policies AWS itself accepted are silent for the
//! validity rules (TL0xx, TL1xx).
//!
//! Tests run with the package root as working directory. When the corpus is absent (a
//! checkout without it), these tests say so and pass: they cannot check anything then.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

const CORPUS: &str = "../shared/corpus";

fn corpus_present() -> bool {
    if Path::new(CORPUS).is_dir() {
        true
    } else {
        eprintln!("SKIPPED: {CORPUS} does not exist; the corpus tests check nothing without it");
        false
    }
}

fn trustlint(args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("trustlint")
        .unwrap()
        .args(args)
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    let code = output.status.code().expect("trustlint ended by itself");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(code, 101, "{stderr}");
    (code, stdout, stderr)
}

// ---------------------------------------------------------------------------------------------
// Determinism

#[test]
fn corpus_output_is_identical_whatever_the_thread_count() {
    if !corpus_present() {
        return;
    }
    for format in ["json", "full"] {
        let run = |threads: &str| {
            let (code, stdout, stderr) = trustlint(&[
                "lint",
                "--isolated",
                "--select",
                "ALL",
                "--color",
                "never",
                "--format",
                format,
                "--threads",
                threads,
                CORPUS,
            ]);
            assert!(
                code == 0 || code == 1,
                "--threads {threads}: exit {code}: {stderr}"
            );
            stdout
        };
        let one = run("1");
        let four = run("4");
        assert!(!one.is_empty());
        if one != four {
            let first = one
                .lines()
                .zip(four.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(one.lines().count().min(four.lines().count()));
            panic!(
                "--format {format}: --threads 1 and --threads 4 differ first at line {}:\n  1: {:?}\n  4: {:?}",
                first + 1,
                one.lines().nth(first),
                four.lines().nth(first)
            );
        }
        if format == "json" {
            let json: Value = serde_json::from_str(&one).unwrap();
            let files = json["summary"]["files"].as_u64().unwrap();
            assert!(files > 1_000, "the whole corpus was walked: {files} files");
            // Paths are as given: relative to the working directory, `/`-separated.
            for d in json["diagnostics"].as_array().unwrap() {
                let path = d["path"].as_str().unwrap();
                assert!(path.starts_with("../shared/corpus/"), "{path}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Silence on what AWS accepted

/// Findings on AWS-accepted policies that are right, because the file is a documentation
/// template with a placeholder where AWS needs a real value: AWS itself would reject the file
/// as printed. Each entry: (file name, code, the placeholder that causes it).
///
/// Everything else found in these folders is a false positive (or a corpus problem to
/// explain), never an entry here.
const PLACEHOLDERS: &[(&str, &str, &str)] = &[
    // `"AWS": "Example Corp's AWS Account ID"`: prose where the account ID goes.
    (
        "confused-deputy__block00.json",
        "TL112",
        "Example Corp's AWS Account ID",
    ),
    // `"AWS": "ACCOUNT-B-ID"`: an account placeholder, not 12 digits.
    (
        "id_credentials_mfa_configure-api-require__block00.json",
        "TL112",
        "ACCOUNT-B-ID",
    ),
    (
        "id_credentials_mfa_configure-api-require__block01.json",
        "TL112",
        "ACCOUNT-B-ID",
    ),
    // `arn:aws:iam::account-id:saml-provider/…`: `account-id` in the ARN's account field.
    (
        "id_roles_create_for-idp_saml__block00.json",
        "TL112",
        "account-id",
    ),
    (
        "id_roles_providers_enable-console-saml__block00.json",
        "TL112",
        "account-id",
    ),
    (
        "id_roles_providers_saml__block00.json",
        "TL112",
        "account-id",
    ),
    // `"AWS": " arn:aws:iam::111122223333:user/AdminUser"`: a leading space inside the value
    // (a typo on the docs page); IAM does not trim principal values.
    (
        "reference_policies_iam-condition-keys__block10.json",
        "TL112",
        "leading space",
    ),
];

/// The folders of AWS-authored or AWS-accepted policies.
const ACCEPTED: &[&str] = &[
    "aws-managed-policies/policies",
    "aws-docs-iam-user-guide/trust-policies",
];

#[test]
fn aws_accepted_policies_have_no_validity_findings() {
    if !corpus_present() {
        return;
    }
    let paths: Vec<String> = ACCEPTED.iter().map(|p| format!("{CORPUS}/{p}")).collect();
    let mut args = vec![
        "lint",
        "--isolated",
        "--select",
        "TL0,TL1",
        "--format",
        "json",
    ];
    args.extend(paths.iter().map(String::as_str));
    let (code, stdout, stderr) = trustlint(&args);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert!(
        json["summary"]["documents"].as_u64().unwrap() > 1_600,
        "every policy was read: {}",
        json["summary"]
    );

    let mut unexpected = Vec::new();
    let mut allowed_seen = BTreeSet::new();
    for d in json["diagnostics"].as_array().unwrap() {
        let path = d["path"].as_str().unwrap();
        let code = d["code"].as_str().unwrap();
        let file = path.rsplit('/').next().unwrap();
        match PLACEHOLDERS
            .iter()
            .find(|(f, c, _)| *f == file && *c == code)
        {
            Some(entry) => {
                allowed_seen.insert(*entry);
            }
            None => unexpected.push(format!(
                "{path}:{}:{}: {code} {}",
                d["span"]["start"]["line"],
                d["span"]["start"]["column"],
                d["message"].as_str().unwrap()
            )),
        }
    }
    assert!(
        unexpected.is_empty(),
        "{} finding(s) on policies AWS accepted (false positives, or placeholders to list in \
         PLACEHOLDERS with a reason):\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    // An allow-list entry that no longer matches anything is stale: remove it.
    let stale: Vec<_> = PLACEHOLDERS
        .iter()
        .filter(|e| !allowed_seen.contains(*e))
        .collect();
    assert!(stale.is_empty(), "stale PLACEHOLDERS entries: {stale:?}");
}
