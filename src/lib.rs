//! trustlint: a fast, offline, static linter for AWS IAM trust relationships.
//!
//! The library never prints or exits: [`cli::run`] returns what to print and the exit code.

pub mod cli;
pub mod config;
pub mod discover;
pub mod eval;
pub mod graph;
pub mod input;
pub mod lint;
pub mod model;
pub mod report;
pub mod rules;
pub mod selection;
pub mod source;
pub mod syntax;
