//! One lint run: discover, read and parse in parallel, run the document rules, sort.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::Settings;
use crate::discover::{Candidate, discover};
use crate::report::diagnostic::{self, Diagnostic};
use crate::rules::{Check, RuleContext, parse_error, unreadable_file};
use crate::selection::Selection;
use crate::source::{FileId, SourceFile, SourceMap};
use crate::syntax::json::Dialect;
use crate::syntax::{Format, parse_file};

/// Text given on standard input, with the name it is reported under.
#[derive(Debug, Clone)]
pub struct StdinInput {
    pub name: String,
    pub text: Result<String, String>,
}

#[derive(Debug, Clone)]
pub struct LintOptions {
    pub paths: Vec<PathBuf>,
    pub stdin: Option<StdinInput>,
    pub settings: Settings,
    pub selection: Selection,
    pub threads: usize,
    pub max_file_size: u64,
}

/// Counts for the summary line and the JSON `summary` object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files that held IAM documents or produced a finding.
    pub files: usize,
    pub documents: usize,
}

#[derive(Debug)]
pub struct LintResult {
    pub sources: SourceMap,
    /// Sorted by path, position and code.
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Lines to print after the findings (documents a rule could not check, and why).
    pub hints: Vec<String>,
}

/// What one file yields.
struct FileOutcome {
    source: SourceFile,
    documents: usize,
    diagnostics: Vec<Diagnostic>,
    unchecked: Vec<(&'static str, usize)>,
}

/// Runs the linter. Never fails: every problem with an input is a diagnostic.
pub fn lint(options: &LintOptions) -> LintResult {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build();
    let run = || run(options);
    match pool {
        Ok(pool) => pool.install(run),
        // Building a pool only fails when threads cannot be spawned; run on this one.
        Err(_) => run(),
    }
}

fn run(options: &LintOptions) -> LintResult {
    let mut candidates = if options.paths.is_empty() {
        Vec::new()
    } else {
        discover(&options.paths, options.threads)
    };
    let stdin_slot = options.stdin.as_ref().map(|stdin| {
        candidates.push(Candidate {
            path: PathBuf::from("-"),
            display: stdin.name.clone(),
            // Standard input is JSON unless its name says otherwise, and its errors are shown.
            format: Format::of_path(&stdin.name).or(Some(Format::Json(Dialect::Strict))),
            problem: None,
        });
        candidates.len() - 1
    });
    let outcomes: Vec<FileOutcome> = candidates
        .par_iter()
        .enumerate()
        .map(|(index, candidate)| {
            let text = match (stdin_slot == Some(index), &options.stdin) {
                (true, Some(stdin)) => stdin.text.clone(),
                _ => read(candidate, options.max_file_size),
            };
            check_file(index as FileId, candidate, text, options)
        })
        .collect();

    let mut files = Vec::with_capacity(outcomes.len());
    let mut diagnostics = Vec::new();
    let mut summary = Summary::default();
    let mut unchecked: Vec<(&'static str, usize)> = Vec::new();
    for outcome in outcomes {
        // Files that held IAM material or a finding; unrelated JSON is not counted.
        if outcome.documents > 0 || !outcome.diagnostics.is_empty() {
            summary.files += 1;
        }
        summary.documents += outcome.documents;
        diagnostics.extend(outcome.diagnostics);
        for (code, count) in outcome.unchecked {
            match unchecked.iter_mut().find(|(c, _)| *c == code) {
                Some((_, total)) => *total += count,
                None => unchecked.push((code, count)),
            }
        }
        files.push(outcome.source);
    }
    let sources = SourceMap::new(files);
    diagnostics.retain(|d| options.selection.is_enabled(d.rule.code));
    for diagnostic in &mut diagnostics {
        if let Some(severity) = options.selection.severity_override(diagnostic.rule.code) {
            diagnostic.severity = severity;
        }
    }
    diagnostic::sort(&mut diagnostics, &sources);
    unchecked.sort();
    let hints = unchecked
        .into_iter()
        .filter_map(|(code, count)| {
            let rule = crate::rules::find(code)?;
            rule.unchecked_hint.map(|hint| hint(count))
        })
        .collect();
    LintResult {
        sources,
        diagnostics,
        summary,
        hints,
    }
}

/// The file's text, or why it cannot be read. An explicitly named file trustlint does not
/// know by name is only read when it is text.
fn read(candidate: &Candidate, max_size: u64) -> Result<String, String> {
    if let Some(problem) = &candidate.problem {
        return Err(problem.clone());
    }
    crate::input::read_text(&candidate.path, max_size)
}

fn check_file(
    file: FileId,
    candidate: &Candidate,
    text: Result<String, String>,
    options: &LintOptions,
) -> FileOutcome {
    let skipped = |text: String| FileOutcome {
        source: SourceFile::new(candidate.display.clone(), text),
        documents: 0,
        diagnostics: Vec::new(),
        unchecked: Vec::new(),
    };
    let text = match text {
        Ok(text) => text,
        // A file named on the command line that is not ours and not text is not an error.
        Err(_) if candidate.format.is_none() && candidate.problem.is_none() => {
            return skipped(String::new());
        }
        Err(reason) => {
            let mut outcome = skipped(String::new());
            outcome
                .diagnostics
                .push(unreadable_file::diagnostic(file, &reason));
            return outcome;
        }
    };
    let format = candidate.format.unwrap_or(Format::Json(Dialect::Strict));
    let parsed = parse_file(&text, file, format);
    let mut diagnostics = Vec::new();
    if let Some(error) = &parsed.syntax_error {
        // A named file of no known format that does not parse as JSON is simply not ours.
        if candidate.format.is_none() {
            return skipped(String::new());
        }
        diagnostics.push(parse_error::diagnostic(error));
    }
    if parsed.documents.is_empty() && diagnostics.is_empty() {
        // Unrelated JSON: keep no text.
        return skipped(String::new());
    }
    let mut cx = RuleContext::new(&options.settings);
    for document in &parsed.documents {
        for rule in options.selection.rules() {
            if let Check::Document(check) = rule.check {
                check.check(document, &mut cx);
            }
        }
    }
    let (found, unchecked) = cx.finish();
    diagnostics.extend(found);
    FileOutcome {
        source: SourceFile::new(candidate.display.clone(), text),
        documents: parsed.documents.len(),
        diagnostics,
        unchecked,
    }
}
