//! The `trustlint` binary: parse arguments, call the library, print, exit.

use std::io::{IsTerminal, Write};

/// A run allocates millions of small strings and vectors on every worker thread; mimalloc's
/// per-thread free lists make that several times cheaper than the system allocator (see
/// Cargo.toml). The library leaves the choice to the program that links it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let environment = trustlint::cli::Environment {
        stdout_is_terminal: std::io::stdout().is_terminal(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    let outcome = trustlint::cli::run(std::env::args_os(), &mut std::io::stdin(), environment);
    // A closed pipe (`trustlint lint | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    std::process::exit(outcome.code);
}
