//! The command line: clap definitions and the subcommands. [`run`] returns what to print and
//! the exit code; only `main` touches the process.

mod graph;
mod lint;
mod rule;

use std::ffi::OsString;

use clap::{Parser, Subcommand};

/// Exit codes (DESIGN §3).
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "trustlint",
    version,
    about = "A fast, offline, static linter for AWS IAM trust relationships"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint IAM documents under the given paths.
    Lint(lint::LintArgs),
    /// Show a rule's page, or list every rule.
    Rule(rule::RuleArgs),
    /// Print who can assume what, as DOT, Mermaid or JSON.
    Graph(graph::GraphArgs),
}

/// What the environment tells about output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Environment {
    /// Standard output is a terminal.
    pub stdout_is_terminal: bool,
    /// `NO_COLOR` is set to a non-empty value.
    pub no_color: bool,
}

/// Everything a run produces.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Outcome {
    pub fn usage_error(message: impl Into<String>) -> Outcome {
        Outcome {
            stdout: String::new(),
            stderr: message.into(),
            code: EXIT_USAGE,
        }
    }
}

/// Parses the arguments and runs the command. `stdin` is read only for `-`.
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    stdin: &mut dyn std::io::Read,
    environment: Environment,
) -> Outcome {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let code = err.exit_code();
            let text = err.render().to_string();
            return if code == 0 {
                Outcome {
                    stdout: text,
                    stderr: String::new(),
                    code,
                }
            } else {
                Outcome::usage_error(text)
            };
        }
    };
    match cli.command {
        Command::Lint(args) => lint::run(args, stdin, environment),
        Command::Rule(args) => rule::run(args),
        Command::Graph(args) => graph::run(args, stdin),
    }
}
