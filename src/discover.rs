//! Finding the files of a run: `ignore`'s parallel, `.gitignore`-aware walker, then a sort so
//! file IDs (and so output) do not depend on thread timing.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use ignore::{WalkBuilder, WalkState};

use crate::syntax::Format;

/// Directories never entered: VCS data, dependency and build caches.
const SKIPPED_DIRS: &[&str] = &[".git", ".terraform", "node_modules", "cdk.out"];

/// A file to read, or a path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    /// As given on the command line, `/`-separated.
    pub display: String,
    /// `None` when the file is not one trustlint knows by extension; explicitly named files
    /// are read anyway, as JSON.
    pub format: Option<Format>,
    /// Why the path cannot be read, found while walking (a loop, a denied directory).
    pub problem: Option<String>,
    /// Read only for what other files need from it (a called module's files, a policy file a
    /// Terraform resource reads), never checked on its own.
    pub context_only: bool,
    /// Findings placed in it are reported. Not so for the other files of a Terraform module
    /// whose file was named alone: they are read and lowered with it (one may use a document
    /// the named file defines), but only the named file's findings are asked for.
    pub report: bool,
}

/// Every candidate under `roots`, sorted by display path, without duplicates.
pub fn discover(roots: &[PathBuf], threads: usize) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut directories = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Ok(meta) if meta.is_dir() => directories.push(root.clone()),
            // Explicitly named files are always read, whatever their name or ignore rules.
            Ok(_) => found.push(candidate(root, None)),
            Err(err) => found.push(candidate(root, Some(crate::input::describe_io(&err)))),
        }
    }
    if !directories.is_empty() {
        found.extend(walk(&directories, threads));
    }
    found.sort_by(|a, b| a.display.cmp(&b.display));
    found.dedup_by(|a, b| a.display == b.display);
    found
}

fn candidate(path: &Path, problem: Option<String>) -> Candidate {
    let display = display_path(path);
    Candidate {
        format: Format::of_path(&display),
        path: path.to_path_buf(),
        display,
        problem,
        context_only: false,
        report: true,
    }
}

/// Adds the other Terraform files (`.tf`, `.tfvars`, `.tf.json`, `.tfvars.json`) of the
/// directory of each Terraform file named on the command line (a pre-commit hook names only
/// the changed files), with their findings not reported: Terraform reads a module's directory
/// whole, so the named file's variables and locals may live in them, and a resource in them
/// may use a document the named file defines (whose findings are the named file's). Files
/// already among the candidates are not added twice.
pub fn add_module_context(roots: &[PathBuf], candidates: &mut Vec<Candidate>) {
    let is_terraform =
        |path: &Path| Format::of_path(&display_path(path)).is_some_and(Format::is_terraform);
    let mut dirs: Vec<&Path> = roots
        .iter()
        .filter(|root| is_terraform(root) && root.is_file())
        .map(|root| root.parent().unwrap_or(Path::new("")))
        .collect();
    dirs.sort();
    dirs.dedup();
    let known: std::collections::HashSet<PathBuf> = candidates
        .iter()
        .filter_map(|c| std::fs::canonicalize(&c.path).ok())
        .collect();
    for dir in dirs {
        let listed = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let Ok(entries) = std::fs::read_dir(listed) else {
            continue;
        };
        let mut siblings: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| dir.join(entry.file_name()))
            .filter(|path| is_terraform(path) && path.is_file())
            .filter(|path| std::fs::canonicalize(path).is_ok_and(|p| !known.contains(&p)))
            .collect();
        siblings.sort();
        candidates.extend(siblings.iter().map(|path| Candidate {
            report: false,
            ..candidate(path, None)
        }));
    }
}

/// The path as the user wrote it, with `/` separators and no leading `./`.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    match text.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => text,
    }
}

fn walk(directories: &[PathBuf], threads: usize) -> Vec<Candidate> {
    let mut builder = WalkBuilder::new(&directories[0]);
    for dir in &directories[1..] {
        builder.add(dir);
    }
    builder
        .hidden(false)
        .follow_links(true)
        .require_git(false)
        .threads(threads)
        .filter_entry(|entry| {
            !(entry.depth() > 0
                && entry.file_type().is_some_and(|t| t.is_dir())
                && SKIPPED_DIRS.iter().any(|d| entry.file_name() == *d))
        });
    let (sender, receiver) = mpsc::channel();
    builder.build_parallel().run(|| {
        let sender = sender.clone();
        Box::new(move |result| {
            if let Some(found) = visit(result) {
                // The receiver outlives the walk; a send cannot fail while it runs.
                let _ = sender.send(found);
            }
            WalkState::Continue
        })
    });
    drop(sender);
    receiver.into_iter().collect()
}

fn visit(result: Result<ignore::DirEntry, ignore::Error>) -> Option<Candidate> {
    match result {
        Ok(entry) => {
            let file_type = entry.file_type()?;
            if file_type.is_dir() {
                return None;
            }
            let found = candidate(entry.path(), None);
            // Only files trustlint reads matter; a socket named `x.json` is still reported.
            found.format?;
            if file_type.is_file() {
                Some(found)
            } else {
                Some(Candidate {
                    problem: Some("not a regular file".to_string()),
                    ..found
                })
            }
        }
        Err(err) => {
            let (path, reason) = describe_walk_error(&err);
            Some(candidate(&path?, Some(reason)))
        }
    }
}

/// The path an error is about, and a reason in words.
fn describe_walk_error(err: &ignore::Error) -> (Option<PathBuf>, String) {
    match err {
        ignore::Error::WithPath { path, err } => (Some(path.clone()), describe_walk_error(err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            describe_walk_error(err)
        }
        ignore::Error::Loop { child, ancestor } => (
            Some(child.clone()),
            format!(
                "symbolic link loop (it leads back to {})",
                display_path(ancestor)
            ),
        ),
        ignore::Error::Io(io) => (None, crate::input::describe_io(io)),
        other => (None, other.to_string()),
    }
}
