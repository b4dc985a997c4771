//! The rule catalog checks itself (DESIGN §2): every rule lives in its four places, every page
//! has the agreed shape, and every page's examples do what the page says.
//!
//! Each test collects every problem it finds and fails once, listing them all, so that one run
//! shows everything still missing.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use support::trustlint_with_stdin;
use trustlint::rules::{Check, REGISTRY, Rule};

/// The sections of a rule page, in order (DESIGN §2; the helpers' brief).
const SECTIONS: &[&str] = &[
    "What it flags",
    "Why it matters",
    "Example",
    "Not flagged",
    "How to fix",
    "Configuration",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn snake(name: &str) -> String {
    name.replace('-', "_")
}

fn is_kebab(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && name.as_bytes()[0].is_ascii_lowercase()
}

fn is_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with("TL") && code[2..].bytes().all(|b| b.is_ascii_digit())
}

/// Fails with every problem at once.
fn assert_no_problems(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} problem(s) with {what}:\n  - {}\n",
        problems.len(),
        problems.join("\n  - ")
    );
}

/// The stems of the files in `dir` with extension `ext`.
fn stems(dir: &Path, ext: &str) -> Vec<String> {
    let mut stems: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    stems.sort();
    stems
}

/// The fixture cases in a `fail`/`pass` directory: files (other than snapshots) and
/// directories.
fn cases(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                || p.extension()
                    .is_none_or(|e| e != "snap" && e != "new" && e != "pending-snap")
        })
        .collect()
}

fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// (a) The four places
// ---------------------------------------------------------------------------------------------

#[test]
fn every_registered_rule_has_its_four_places() {
    let mut problems = Vec::new();
    for rule in REGISTRY {
        let meta = &rule.meta;
        let source = root()
            .join("src/rules")
            .join(format!("{}.rs", snake(meta.name)));
        if !source.is_file() {
            problems.push(format!(
                "{} {}: no source file {}",
                meta.code,
                meta.name,
                rel(&source)
            ));
        }
        let page = root().join("rules").join(format!("{}.md", meta.name));
        if !page.is_file() {
            problems.push(format!(
                "{} {}: no page {}",
                meta.code,
                meta.name,
                rel(&page)
            ));
        }
        for kind in ["fail", "pass"] {
            let dir = root().join("testdata/rules").join(meta.name).join(kind);
            if cases(&dir).is_empty() {
                problems.push(format!(
                    "{} {}: no `{kind}` fixture in {}/",
                    meta.code,
                    meta.name,
                    rel(&dir)
                ));
            }
        }
    }
    assert_no_problems("the four places of each rule", problems);
}

#[test]
fn every_rule_file_page_and_fixture_directory_is_registered() {
    let snakes: Vec<String> = REGISTRY.iter().map(|r| snake(r.meta.name)).collect();
    let names: Vec<&str> = REGISTRY.iter().map(|r| r.meta.name).collect();
    let mut problems = Vec::new();
    // `mod.rs` holds the registry and `prelude/` helpers shared by rules; every other file
    // is one rule.
    for stem in stems(&root().join("src/rules"), "rs") {
        if !["mod", "prelude"].contains(&stem.as_str()) && !snakes.contains(&stem) {
            problems.push(format!(
                "src/rules/{stem}.rs is not a registered rule (REGISTRY)"
            ));
        }
    }
    for stem in stems(&root().join("rules"), "md") {
        if !names.contains(&stem.as_str()) {
            problems.push(format!("rules/{stem}.md belongs to no registered rule"));
        }
    }
    if let Ok(entries) = fs::read_dir(root().join("testdata/rules")) {
        let mut dirs: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        dirs.sort();
        for dir in dirs {
            if !names.contains(&dir.as_str()) {
                problems.push(format!(
                    "testdata/rules/{dir}/ belongs to no registered rule"
                ));
            }
        }
    }
    assert_no_problems("unregistered rule files", problems);
}

#[test]
fn codes_are_unique_and_names_are_kebab_case() {
    let mut problems = Vec::new();
    let mut by_code: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut by_name: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for rule in REGISTRY {
        let meta = &rule.meta;
        by_code.entry(meta.code).or_default().push(meta.name);
        by_name.entry(meta.name).or_default().push(meta.code);
        if !is_code(meta.code) {
            problems.push(format!("{}: a code is `TL` and three digits", meta.code));
        }
        if !is_kebab(meta.name) {
            problems.push(format!(
                "{} `{}`: the name is not kebab-case",
                meta.code, meta.name
            ));
        }
    }
    for (code, names) in &by_code {
        if names.len() > 1 {
            problems.push(format!("code {code} is used by {}", names.join(", ")));
        }
    }
    for (name, codes) in &by_name {
        if codes.len() > 1 {
            problems.push(format!("name {name} is used by {}", codes.join(", ")));
        }
    }
    let codes: Vec<&str> = REGISTRY.iter().map(|r| r.meta.code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    if codes != sorted {
        problems.push(format!(
            "REGISTRY is not in code order: {}",
            codes.join(", ")
        ));
    }
    assert_no_problems("rule codes and names", problems);
}

// ---------------------------------------------------------------------------------------------
// (b) Page shape
// ---------------------------------------------------------------------------------------------

/// A rule page split at its `##` headings, outside code fences.
struct Page {
    /// The first line.
    title: String,
    /// Text between the title and the first `##` heading.
    preamble: String,
    /// `(heading, body)` in order.
    sections: Vec<(String, String)>,
}

fn parse_page(text: &str) -> Page {
    let mut lines = text.lines();
    let title = lines.next().unwrap_or("").to_string();
    let mut preamble = String::new();
    let mut sections: Vec<(String, String)> = Vec::new();
    let mut in_fence = false;
    for line in lines {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if !in_fence && let Some(heading) = line.strip_prefix("## ") {
            sections.push((heading.trim().to_string(), String::new()));
            continue;
        }
        let body = match sections.last_mut() {
            Some((_, body)) => body,
            None => &mut preamble,
        };
        body.push_str(line);
        body.push('\n');
    }
    Page {
        title,
        preamble,
        sections,
    }
}

impl Page {
    fn section(&self, heading: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|(h, _)| h == heading)
            .map(|(_, body)| body.as_str())
    }
}

/// The bodies of the ```json fenced blocks of a section (exactly `json`, not `jsonc`).
fn json_blocks(section: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in section.lines() {
        let fence = line.trim_start();
        match current.as_mut() {
            None if fence.starts_with("```") => {
                let info = fence.trim_start_matches('`').trim();
                // A non-json fence still has to be skipped to its end.
                current = Some(if info == "json" {
                    String::new()
                } else {
                    "\u{0}".into()
                });
            }
            None => {}
            Some(_) if fence.starts_with("```") => {
                let block = current.take().expect("open block");
                if !block.starts_with('\u{0}') {
                    blocks.push(block);
                }
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
        }
    }
    blocks
}

fn page_of(rule: &Rule) -> Option<(PathBuf, String)> {
    let path = root().join("rules").join(format!("{}.md", rule.meta.name));
    fs::read_to_string(&path).ok().map(|text| (path, text))
}

#[test]
fn every_page_has_its_title_summary_and_sections_in_order() {
    let mut problems = Vec::new();
    for rule in REGISTRY {
        let meta = &rule.meta;
        let Some((path, text)) = page_of(rule) else {
            problems.push(format!(
                "{} {}: no page rules/{}.md",
                meta.code, meta.name, meta.name
            ));
            continue;
        };
        let file = rel(&path);
        let page = parse_page(&text);
        let expected_title = format!("# {} {}", meta.code, meta.name);
        if page.title.trim_end() != expected_title {
            problems.push(format!(
                "{file}: the first line is `{}`, expected `{expected_title}`",
                page.title
            ));
        }
        if page.preamble.trim().is_empty() {
            problems.push(format!("{file}: no one-line summary under the title"));
        }
        let headings: Vec<&str> = page.sections.iter().map(|(h, _)| h.as_str()).collect();
        if headings != SECTIONS {
            let missing: Vec<&str> = SECTIONS
                .iter()
                .copied()
                .filter(|s| !headings.contains(s))
                .collect();
            let extra: Vec<&str> = headings
                .iter()
                .copied()
                .filter(|h| !SECTIONS.contains(h))
                .collect();
            let mut detail = format!("sections are [{}]", headings.join(", "));
            if !missing.is_empty() {
                detail.push_str(&format!("; missing [{}]", missing.join(", ")));
            }
            if !extra.is_empty() {
                detail.push_str(&format!("; unexpected [{}]", extra.join(", ")));
            }
            if missing.is_empty() && extra.is_empty() {
                detail.push_str("; wrong order or repeated");
            }
            problems.push(format!(
                "{file}: {detail}; expected [{}]",
                SECTIONS.join(", ")
            ));
        }
        for (heading, body) in &page.sections {
            if SECTIONS.contains(&heading.as_str()) && body.trim().is_empty() {
                problems.push(format!("{file}: `## {heading}` is empty"));
            }
        }
        if let Some(why) = page.section("Why it matters")
            && !why.contains("https://docs.aws.amazon.com")
        {
            problems.push(format!(
                "{file}: `## Why it matters` links no AWS documentation (https://docs.aws.amazon.com/…)"
            ));
        }
    }
    assert_no_problems("rule pages", problems);
}

// ---------------------------------------------------------------------------------------------
// (c) Page examples are linted
// ---------------------------------------------------------------------------------------------

/// Lints one example as a lone `example.json` with no configuration and only `code` selected.
/// `Err` when the run did not produce a JSON report.
fn codes_for_example(code: &str, text: &str) -> Result<Vec<String>, String> {
    let outcome = trustlint_with_stdin(
        &[
            "lint",
            "--isolated",
            "--select",
            code,
            "--format",
            "json",
            "--stdin-filename",
            "example.json",
            "-",
        ],
        text,
    );
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).map_err(|e| {
        format!(
            "no JSON report ({e}); exit {}, stdout {:?}",
            outcome.code,
            outcome.stdout.chars().take(200).collect::<String>()
        )
    })?;
    let diagnostics = json["diagnostics"]
        .as_array()
        .ok_or_else(|| "the report has no `diagnostics` array".to_string())?;
    Ok(diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect())
}

/// The first line of a block, to name it in a message.
fn first_lines(block: &str) -> String {
    let joined: String = block.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() > 70 {
        format!("{}…", joined.chars().take(70).collect::<String>())
    } else {
        joined
    }
}

#[test]
fn page_examples_trigger_their_rule() {
    let mut problems = Vec::new();
    let mut linted = 0;
    for rule in REGISTRY {
        let meta = &rule.meta;
        let Some((path, text)) = page_of(rule) else {
            continue; // reported by the page-shape test
        };
        let file = rel(&path);
        let page = parse_page(&text);
        let blocks = page.section("Example").map(json_blocks).unwrap_or_default();
        // A reading rule (an unreadable file, TL002) may have nothing to show as JSON.
        if blocks.is_empty() && !matches!(rule.check, Check::Reading) {
            problems.push(format!("{file}: `## Example` has no ```json block"));
        }
        for (i, block) in blocks.iter().enumerate() {
            linted += 1;
            match codes_for_example(meta.code, block) {
                Ok(codes) if codes.iter().any(|c| c == meta.code) => {}
                Ok(codes) => problems.push(format!(
                    "{file}: `## Example` block {} does not trigger {} (found {:?}): {}",
                    i + 1,
                    meta.code,
                    codes,
                    first_lines(block)
                )),
                Err(e) => problems.push(format!("{file}: `## Example` block {}: {e}", i + 1)),
            }
        }
    }
    assert_no_problems(&format!("page examples ({linted} linted)"), problems);
}

#[test]
fn page_near_misses_do_not_trigger_their_rule() {
    let mut problems = Vec::new();
    let mut linted = 0;
    for rule in REGISTRY {
        let meta = &rule.meta;
        let Some((path, text)) = page_of(rule) else {
            continue; // reported by the page-shape test
        };
        let file = rel(&path);
        let page = parse_page(&text);
        let blocks = page
            .section("Not flagged")
            .map(json_blocks)
            .unwrap_or_default();
        if blocks.is_empty() && !matches!(rule.check, Check::Reading) {
            problems.push(format!(
                "{file}: `## Not flagged` has no ```json near-miss block"
            ));
        }
        for (i, block) in blocks.iter().enumerate() {
            linted += 1;
            match codes_for_example(meta.code, block) {
                Ok(codes) if codes.iter().any(|c| c == meta.code) => problems.push(format!(
                    "{file}: `## Not flagged` block {} triggers {}: {}",
                    i + 1,
                    meta.code,
                    first_lines(block)
                )),
                Ok(_) => {}
                Err(e) => problems.push(format!("{file}: `## Not flagged` block {}: {e}", i + 1)),
            }
        }
    }
    assert_no_problems(&format!("page near-misses ({linted} linted)"), problems);
}

// ---------------------------------------------------------------------------------------------
// The page parser itself
// ---------------------------------------------------------------------------------------------

#[test]
fn page_parser_ignores_headings_inside_fences_and_skips_non_json_blocks() {
    let text = "# TL999 demo\n\nSummary.\n\n## Example\n\n```json\n{\"a\": 1}\n```\n\n```toml\n## not a heading\n```\n\n```jsonc\n{}\n```\n\n## Not flagged\n\nnone\n";
    let page = parse_page(text);
    assert_eq!(page.title, "# TL999 demo");
    assert_eq!(page.preamble.trim(), "Summary.");
    let headings: Vec<&str> = page.sections.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(headings, ["Example", "Not flagged"]);
    assert_eq!(
        json_blocks(page.section("Example").unwrap()),
        ["{\"a\": 1}\n"]
    );
    assert!(is_kebab("trust-any-principal") && !is_kebab("Trust_any") && !is_kebab("a--b"));
    assert!(is_code("TL201") && !is_code("TL21") && !is_code("XX201"));
}
