//! What both benchmarks measure: the read-and-parse floor and a whole lint run, over one
//! folder, with the same thread count.

use std::path::Path;

use rayon::prelude::*;

use trustlint::config::Settings;
use trustlint::discover::discover;
use trustlint::lint::{LintOptions, LintResult, lint};
use trustlint::selection::Selection;
use trustlint::syntax::json::Dialect;
use trustlint::syntax::terraform::Modules;
use trustlint::syntax::{Format, parse_file};

/// The allocator the binary runs with (src/main.rs), so that both are measured alike.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub const THREADS: usize = 2;

/// Generated dumps are large pages and no corpus file is near the limit: the size limit is not
/// what is measured.
const MAX_FILE_SIZE: u64 = 1 << 30;

/// Reads and parses every file the walk finds (front ends included, no rules, no graph): the
/// floor a linter cannot go under. Returns the number of documents.
pub fn read_and_parse(root: &Path) -> usize {
    let mut candidates = discover(&[root.to_path_buf()], THREADS);
    let modules = Modules::load(&mut candidates, MAX_FILE_SIZE);
    candidates
        .par_iter()
        .enumerate()
        .map(|(id, candidate)| {
            let Ok(text) = trustlint::input::read_text(&candidate.path, MAX_FILE_SIZE) else {
                return 0;
            };
            let format = candidate.format.unwrap_or(Format::Json(Dialect::Strict));
            parse_file(
                &text,
                id as u32,
                &candidate.display,
                format,
                modules.of(&candidate.path),
            )
            .documents
            .len()
        })
        .sum()
}

/// The whole run, as `trustlint lint --isolated` does it with the default rules.
pub fn lint_all(root: &Path) -> LintResult {
    lint(&LintOptions {
        paths: vec![root.to_path_buf()],
        stdin: None,
        settings: Settings::default(),
        selection: Selection::defaults(),
        threads: THREADS,
        max_file_size: MAX_FILE_SIZE,
        principals: None,
    })
}
