//! The principal graph at scale (issue 3): whole lint runs over generated account dumps.
//!
//! Inventories come from `examples/generate_inventory.rs` (20 accounts, 20,000 users, a
//! realistic mix of exact, prefix and `*` grants), generated before the timed part. The 25k and
//! 100k role inventories are the 4× pair of the scaling target ("4× the roles costs at most 5×
//! the time"); `floor/*` only reads and parses the same files, so the difference is what the
//! graph and the rules cost.
//!
//! `TRUSTLINT_BENCH_ROLES=25000,100000,400000` chooses other sizes.

#[allow(dead_code)]
#[path = "../examples/generate_inventory.rs"]
mod generate_inventory;

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;

use trustlint::config::{DEFAULT_MAX_FILE_SIZE, Settings};
use trustlint::discover::discover;
use trustlint::lint::{LintOptions, lint};
use trustlint::selection::Selection;
use trustlint::syntax::json::Dialect;
use trustlint::syntax::{Format, parse_file};

const THREADS: usize = 2;
const USERS: usize = 20_000;
const ACCOUNTS: usize = 20;

fn sizes() -> Vec<usize> {
    std::env::var("TRUSTLINT_BENCH_ROLES")
        .ok()
        .map(|list| {
            list.split(',')
                .filter_map(|n| n.trim().replace('_', "").parse().ok())
                .collect()
        })
        .unwrap_or_else(|| vec![25_000, 100_000])
}

/// Reads and parses every file (front ends included): the floor under a lint run.
fn read_and_parse(root: &Path) -> usize {
    let candidates = discover(&[root.to_path_buf()], THREADS);
    candidates
        .par_iter()
        .enumerate()
        .map(|(id, candidate)| {
            let Ok(text) = trustlint::input::read_text(&candidate.path, DEFAULT_MAX_FILE_SIZE)
            else {
                return 0;
            };
            let format = candidate.format.unwrap_or(Format::Json(Dialect::Strict));
            parse_file(&text, id as u32, format).documents.len()
        })
        .sum()
}

fn lint_all(root: &Path) -> (usize, usize) {
    let options = LintOptions {
        paths: vec![root.to_path_buf()],
        stdin: None,
        settings: Settings::default(),
        selection: Selection::defaults(),
        threads: THREADS,
        // Generated pages are large; the limit is not what is measured.
        max_file_size: DEFAULT_MAX_FILE_SIZE.max(1 << 30),
        principals: None,
    };
    let result = lint(&options);
    (result.diagnostics.len(), result.summary.edges)
}

fn graph(c: &mut Criterion) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(THREADS)
        .build()
        .expect("thread pool");
    for roles in sizes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = generate_inventory::Config {
            accounts: ACCOUNTS,
            roles,
            users: USERS,
            ..generate_inventory::Config::default()
        };
        let stats = generate_inventory::generate(&config, dir.path()).expect("generate");
        let (findings, edges) = lint_all(dir.path());
        eprintln!(
            "{roles} roles, {USERS} users, {ACCOUNTS} accounts: {} files, {:.0} MB, {edges} edges, \
             {findings} findings",
            stats.files,
            stats.bytes as f64 / 1e6
        );
        let mut group = c.benchmark_group(format!("inventory-{}k-roles", roles / 1000));
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(10));
        group.bench_function("floor: read+parse", |b| {
            b.iter(|| pool.install(|| read_and_parse(dir.path())))
        });
        group.bench_function("lint: end to end", |b| b.iter(|| lint_all(dir.path())));
        group.finish();
    }
}

criterion_group!(benches, graph);
criterion_main!(benches);
