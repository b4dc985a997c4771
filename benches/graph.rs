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

use common::{THREADS, read_and_parse};

mod common;

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

fn lint_all(root: &Path) -> (usize, usize) {
    let result = common::lint_all(root);
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
