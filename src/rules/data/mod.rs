//! Bundled, offline AWS reference data the rules need (issue 6): one module per data set, each
//! loaded once (a `LazyLock`) from a file beside it whose header names its source and the
//! date it was taken, so a reviewer can re-check it against AWS.

pub mod condition_keys;
pub mod federated_providers;
pub mod source_condition_services;
pub mod sts_actions;

/// The data lines of a bundled file: blank lines and `#` comments (the header naming the
/// source) left out, trailing whitespace trimmed.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}
