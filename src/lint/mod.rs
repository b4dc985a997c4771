//! One lint run: discover, read and parse in parallel, run the document rules, sort.

mod variants;

use std::collections::HashSet;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::Settings;
use crate::config::principal::{Applied, Principals};
use crate::discover::{Candidate, add_module_context, discover};
use crate::graph::Graph;
use crate::model::{Document, Inventory};
use crate::report::diagnostic::{self, Diagnostic, Label};
use crate::rules::{Check, RuleContext, invalid_policy_shape, parse_error, unreadable_file};
use crate::selection::Selection;
use crate::source::{FileId, SourceFile, SourceMap, Span};
use crate::syntax::Origin;
use crate::syntax::json::Dialect;
use crate::syntax::terraform::{Module, Modules};
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
    /// `[[principal]]` entries of the configuration: attached files, and the configuration
    /// itself as a source of the run (the entities' spans point into it).
    pub principals: Option<Principals>,
}

/// Counts for the summary line and the JSON `summary` object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files that held IAM documents or produced a finding.
    pub files: usize,
    pub documents: usize,
    /// Nodes of the principal graph.
    pub principals: usize,
    /// Can-assume edges of the principal graph.
    pub edges: usize,
}

#[derive(Debug)]
pub struct LintResult {
    pub sources: SourceMap,
    /// Sorted by path, position and code.
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Lines to print after the findings (documents a rule could not check, and why).
    pub hints: Vec<String>,
    /// Who can assume what, across every file of the run.
    pub graph: Graph,
}

/// What one file yields.
struct FileOutcome {
    source: SourceFile,
    documents: Vec<Document>,
    /// Copies of a trust policy shared by several `[[principal]]` roles: graph only.
    graph_documents: Vec<Document>,
    inventory: Inventory,
    diagnostics: Vec<Diagnostic>,
    unchecked: Vec<(&'static str, usize)>,
}

/// Runs the linter. Never fails: every problem with an input is a diagnostic.
pub fn lint(options: &LintOptions) -> LintResult {
    on_threads(options.threads, || run(options))
}

/// Runs `work` with `threads` workers for its parallel parts (rendering a large report is
/// one, besides the run itself).
pub fn on_threads<R: Send>(threads: usize, work: impl FnOnce() -> R + Send) -> R {
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(work),
        // Building a pool only fails when threads cannot be spawned; run on this one.
        Err(_) => work(),
    }
}

fn run(options: &LintOptions) -> LintResult {
    let mut candidates = if options.paths.is_empty() {
        Vec::new()
    } else {
        discover(&options.paths, options.threads)
    };
    add_module_context(&options.paths, &mut candidates);
    // Files attached by `[[principal]]` entries: marked, and added when outside the paths.
    let attached = match &options.principals {
        Some(principals) => principals.attach_candidates(&mut candidates),
        None => vec![None; candidates.len()],
    };
    let stdin_slot = options.stdin.as_ref().map(|stdin| {
        candidates.push(Candidate {
            path: PathBuf::from("-"),
            display: stdin.name.clone(),
            // Standard input is JSON unless its name says otherwise, and its errors are shown.
            format: Format::of_path(&stdin.name).or(Some(Format::Json(Dialect::Strict))),
            problem: None,
            context_only: false,
            report: true,
        });
        candidates.len() - 1
    });
    // Terraform modules: every `.tf` and `.tfvars` file of a directory read before any is
    // lowered, since variables, locals and data sources cross files.
    let modules = Modules::load(&mut candidates, options.max_file_size);
    // The configuration defining principals comes after every input.
    let config_file = candidates.len() as FileId;
    let outcomes: Vec<FileOutcome> = candidates
        .par_iter()
        .enumerate()
        .map(|(index, candidate)| {
            let module = modules.of(&candidate.path);
            let text = match (stdin_slot == Some(index), &options.stdin) {
                (true, Some(stdin)) => stdin.text.clone(),
                // A Terraform file was read for its module: its spans are of that text.
                _ => match module
                    .text(index as FileId)
                    .or_else(|| modules.read_text(index as FileId))
                {
                    Some(text) => Ok(text.to_string()),
                    None => read(candidate, options.max_file_size),
                },
            };
            let attached = attached.get(index).copied().flatten();
            check_file(
                index as FileId,
                candidate,
                text,
                (attached, config_file),
                module,
                options,
            )
        })
        .collect();

    let mut files = Vec::with_capacity(outcomes.len());
    let mut diagnostics = Vec::new();
    let mut summary = Summary::default();
    let mut unchecked: Vec<(&'static str, usize)> = Vec::new();
    let mut documents = Vec::new();
    let mut inventory = Inventory::default();
    // Files that held IAM material or a finding; unrelated JSON, and the files read only for
    // a named one, are not counted.
    let mut counted: HashSet<FileId> = HashSet::new();
    for (index, (outcome, candidate)) in outcomes.into_iter().zip(&candidates).enumerate() {
        if candidate.report
            && (!outcome.documents.is_empty()
                || !outcome.inventory.is_empty()
                || !outcome.diagnostics.is_empty())
        {
            counted.insert(index as FileId);
        }
        summary.documents += outcome.documents.len();
        documents.extend(outcome.documents);
        documents.extend(outcome.graph_documents);
        inventory.extend(outcome.inventory);
        // A file read only for a named one reports what it finds in the named files (the
        // document a named file defines, used here).
        diagnostics.extend(
            outcome
                .diagnostics
                .into_iter()
                .filter(|d| candidate.report || reported(&candidates, d.span.file)),
        );
        for (code, count) in outcome.unchecked {
            match unchecked.iter_mut().find(|(c, _)| *c == code) {
                Some((_, total)) => *total += count,
                None => unchecked.push((code, count)),
            }
        }
        files.push(outcome.source);
    }
    if let Some(principals) = &options.principals {
        inventory.entities.extend(principals.entities(config_file));
        files.push(SourceFile::new(
            principals.config_display.clone(),
            principals.config_text.clone(),
        ));
    }
    let sources = SourceMap::new(files);
    // A document checked more than once gives its findings more than once: a Terraform module
    // is checked on its own and in each instance its callers make. One finding per place.
    diagnostic::sort(&mut diagnostics, &sources);
    diagnostics.dedup_by(|a, b| a.rule.code == b.rule.code && a.span == b.span);
    let graph = Graph::build(documents, inventory);
    summary.principals = graph.principal_count();
    summary.edges = graph.edges().len();
    // The graph rules read the graph only: they run side by side, and their findings are
    // gathered in registry order, as one after the other would give them.
    let graph_rules: Vec<_> = options
        .selection
        .rules()
        .filter_map(|rule| match rule.check {
            Check::Graph(check) => Some(check),
            _ => None,
        })
        .collect();
    let per_rule: Vec<_> = graph_rules
        .par_iter()
        .map(|check| {
            let mut cx = RuleContext::new(&options.settings);
            check.check(&graph, &mut cx);
            cx.finish()
        })
        .collect();
    let mut graph_unchecked: Vec<(&'static str, usize)> = Vec::new();
    for (found, rule_unchecked) in per_rule {
        diagnostics.extend(
            found
                .into_iter()
                .filter(|d| reported(&candidates, d.span.file)),
        );
        for (code, count) in rule_unchecked {
            match graph_unchecked.iter_mut().find(|(c, _)| *c == code) {
                Some((_, total)) => *total += count,
                None => graph_unchecked.push((code, count)),
            }
        }
    }
    unchecked.extend(graph_unchecked);
    diagnostics.retain(|d| options.selection.is_enabled(d.rule.code));
    // A file holding a finding another file's document placed there counts too.
    counted.extend(diagnostics.iter().map(|d| d.span.file));
    summary.files = counted.len();
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
        graph,
    }
}

/// A finding on a value written elsewhere (a `.tfvars` value, a local) also points at the
/// references it came in through, from the value back to the document.
/// Whether findings placed in `file` are asked for: not in a file read only for a named one
/// (the configuration file comes after every candidate).
fn reported(candidates: &[Candidate], file: FileId) -> bool {
    candidates.get(file as usize).is_none_or(|c| c.report)
}

/// Labels each reference a finding's value came in through (`var.x`, a mapping lookup).
fn label_origins(diagnostic: &mut Diagnostic, document: Span, origins: &[Origin]) {
    let mut explained = vec![diagnostic.span];
    let mut at = 0;
    while at < explained.len() {
        let span = explained[at];
        at += 1;
        for origin in origins.iter().filter(|o| o.document == document) {
            if origin.value.contains(span) && !explained.contains(&origin.reference) {
                explained.push(origin.reference);
                diagnostic.labels.push(Label {
                    span: origin.reference,
                    message: format!("the value comes in through `{}` here", origin.name),
                });
            }
        }
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
    (attached, config_file): (Option<usize>, FileId),
    module: &Module,
    options: &LintOptions,
) -> FileOutcome {
    let skipped = |text: String| FileOutcome {
        source: SourceFile::new(candidate.display.clone(), text),
        documents: Vec::new(),
        graph_documents: Vec::new(),
        inventory: Inventory::default(),
        diagnostics: Vec::new(),
        unchecked: Vec::new(),
    };
    if candidate.context_only {
        // Kept for the spans of other files' findings; never checked itself.
        return skipped(text.unwrap_or_default());
    }
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
    let mut parsed = parse_file(&text, file, &candidate.display, format, module);
    // A named file of no known format that does not parse as JSON is simply not ours.
    if candidate.format.is_none() && !parsed.syntax_errors.is_empty() {
        return skipped(String::new());
    }
    // A file attached to principals: its document takes the kind and owner the entries give.
    let mut applied = match (attached, &options.principals) {
        (Some(attached), Some(principals)) => {
            principals.apply(attached, file, config_file, &mut parsed)
        }
        _ => Applied::default(),
    };
    if parsed.is_empty() && applied.diagnostics.is_empty() {
        // Unrelated JSON: keep no text. A Terraform file keeps it: findings in other files of
        // its module may point at its variables, locals and policy documents.
        let terraform = format.is_terraform();
        return skipped(if terraform { text } else { String::new() });
    }
    let mut diagnostics: Vec<Diagnostic> = parsed
        .syntax_errors
        .iter()
        .map(parse_error::diagnostic)
        .chain(
            parsed
                .shape_errors
                .iter()
                .map(invalid_policy_shape::diagnostic),
        )
        .chain(applied.diagnostics)
        .collect();
    let mut cx = RuleContext::new(&options.settings);
    for document in &parsed.documents {
        let before = cx.reported();
        for rule in options.selection.rules() {
            if let Check::Document(check) = rule.check {
                check.check(document, &mut cx);
            }
        }
        if !parsed.origins.is_empty() {
            for diagnostic in cx.reported_since(before) {
                label_origins(diagnostic, document.span, &parsed.origins);
            }
        }
    }
    let (found, unchecked) = cx.finish();
    diagnostics.extend(found);
    diagnostics.extend(variants::check(&parsed.variants, &parsed.origins, options));
    // The document rules were the source trees' last readers: the principal graph, which
    // holds every document of the run, reads the model only.
    applied.graph_documents.append(&mut parsed.graph_documents);
    for document in parsed
        .documents
        .iter_mut()
        .chain(&mut applied.graph_documents)
    {
        document.release_raw();
    }
    FileOutcome {
        source: SourceFile::new(candidate.display.clone(), text),
        documents: parsed.documents,
        graph_documents: applied.graph_documents,
        inventory: parsed.inventory,
        diagnostics,
        unchecked,
    }
}
