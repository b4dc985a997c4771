//! `trustlint lint`: options, configuration, the run, the exit code.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{EXIT_CLEAN, EXIT_FINDINGS, Environment, Outcome};
use crate::config::{self, ConfigError, LoadedConfig, Settings};
use crate::lint::{LintOptions, StdinInput, lint, on_threads};
use crate::report::diagnostic::Severity;
use crate::report::{OutputFormat, RenderOptions, render};
use crate::selection::{Selection, Selectors};

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = OutputFormat::Full)]
    pub format: OutputFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Exit 0 even when there are findings (2 still reports errors of use).
    #[arg(long)]
    pub exit_zero: bool,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print the findings only: no summary line or hints.
    #[arg(short, long)]
    pub quiet: bool,
    /// Count findings per rule instead of listing them.
    #[arg(long)]
    pub statistics: bool,
}

/// What to read, and how: the options `lint` and `graph` share.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files and directories to read (`-` reads standard input).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Use this configuration file instead of looking for one.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
    /// Worker threads (default: the number of cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// The name standard input is reported under; its extension picks the format.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Files larger than this many bytes are reported (TL002), not read.
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
}

/// Which rules run and which findings fail the run.
#[derive(Debug, Default, Args)]
pub struct RuleArgs {
    /// Rules to run instead of the defaults: codes, prefixes (TL2), names or ALL.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Rules to run in addition to the selected ones.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Rules not to run.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// The lowest severity that makes the run fail (exit 1).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Judge dates in policies (TL218) as of this RFC 3339 date-time instead of the time of
    /// the run, for output that does not change from day to day.
    #[arg(long, value_name = "DATE", value_parser = config::parse_now)]
    pub now: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn parse(text: &str) -> Option<FailOn> {
        FailOn::from_str(text, false).ok()
    }

    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub fn run(args: LintArgs, stdin: &mut dyn std::io::Read, environment: Environment) -> Outcome {
    let (options, fail_on) = match prepare(&args.input, &args.rules, stdin) {
        Ok(prepared) => prepared,
        Err(outcome) => return outcome,
    };
    let result = lint(&options);
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none() && environment.stdout_is_terminal && !environment.no_color
        }
    };
    let render_options = RenderOptions {
        format: args.format,
        color,
        statistics: args.statistics,
        quiet: args.quiet,
    };
    let text = on_threads(options.threads, || render(&result, render_options));
    let failed = fail_on
        .threshold()
        .is_some_and(|threshold| result.diagnostics.iter().any(|d| d.severity >= threshold));
    let code = if failed && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    // Freeing a large run (every document's tree, the graph) takes seconds on an inventory
    // of 100,000 roles; the report is ready, so that happens off the caller's path.
    std::thread::spawn(move || drop(result));
    match &args.output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => Outcome {
                code,
                ..Outcome::default()
            },
            Err(err) => {
                Outcome::usage_error(format!("error: cannot write {}: {err}\n", path.display()))
            }
        },
        None => Outcome {
            stdout: text,
            stderr: String::new(),
            code,
        },
    }
}

/// The run's options from the arguments, the configuration and standard input (read only
/// for `-`), and the failure threshold; or the usage error to report.
pub(super) fn prepare(
    args: &InputArgs,
    rules: &RuleArgs,
    stdin: &mut dyn std::io::Read,
) -> Result<(LintOptions, FailOn), Outcome> {
    let usage = |err: ConfigError| Outcome::usage_error(render_config_error(&err));
    let loaded = load_config(args).map_err(usage)?;
    let (selection, settings, fail_on, max_file_size) =
        resolve(args, rules, loaded.as_ref()).map_err(usage)?;
    let reads_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let stdin = reads_stdin.then(|| {
        let mut bytes = Vec::new();
        let text = match stdin.read_to_end(&mut bytes) {
            Ok(_) => crate::input::text_from_bytes(bytes),
            Err(err) => Err(crate::input::describe_io(&err)),
        };
        StdinInput {
            name: args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "-".to_string()),
            text,
        }
    });
    let options = LintOptions {
        paths: args
            .paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .cloned()
            .collect(),
        stdin,
        settings,
        selection,
        threads: args
            .threads
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        max_file_size,
        principals: principals_of(loaded.as_ref()),
    };
    Ok((options, fail_on))
}

fn load_config(args: &InputArgs) -> Result<Option<LoadedConfig>, ConfigError> {
    if args.isolated {
        return Ok(None);
    }
    let path = match &args.config {
        Some(path) => Some(path.clone()),
        None => {
            let first = args
                .paths
                .iter()
                .find(|p| p.as_os_str() != "-")
                .cloned()
                .unwrap_or_else(|| PathBuf::from("."));
            config::discover(&first)
        }
    };
    path.map(|p| config::load(&p)).transpose()
}

/// The configuration's `[[principal]]` entries, when it has any: the run then reads the
/// attached files and adds the configuration to its sources.
pub(crate) fn principals_of(
    loaded: Option<&LoadedConfig>,
) -> Option<config::principal::Principals> {
    loaded
        .map(|loaded| &loaded.principals)
        .filter(|principals| !principals.is_empty())
        .cloned()
}

type Resolved = (Selection, Settings, FailOn, u64);

/// Merges the configuration file and the command line: the command line's `--select`
/// replaces the file's, `--ignore` and `--extend-select` add to it.
fn resolve(
    args: &InputArgs,
    rules: &RuleArgs,
    loaded: Option<&LoadedConfig>,
) -> Result<Resolved, ConfigError> {
    let usage = |message: String| ConfigError {
        path: PathBuf::new(),
        text: String::new(),
        span: None,
        message,
    };
    let at = |loaded: &LoadedConfig, span: std::ops::Range<usize>, message: String| ConfigError {
        path: loaded.path.clone(),
        text: loaded.text.clone(),
        span: Some(span),
        message,
    };
    let mut selectors = Selectors::default();
    let mut fail_on = FailOn::Warning;
    let mut settings = Settings::default();
    let mut max_file_size = config::DEFAULT_MAX_FILE_SIZE;
    if let Some(loaded) = loaded {
        let lint = &loaded.file.lint;
        let check = |selector: &toml::Spanned<String>| {
            crate::selection::validate(selector.get_ref())
                .map_err(|message| at(loaded, selector.span(), message))
        };
        for selector in lint
            .select
            .iter()
            .flatten()
            .chain(&lint.extend_select)
            .chain(&lint.ignore)
            .chain(lint.severity.keys())
        {
            check(selector)?;
        }
        selectors.select = lint
            .select
            .as_ref()
            .map(|s| s.iter().map(|v| v.get_ref().clone()).collect());
        selectors.extend_select = lint
            .extend_select
            .iter()
            .map(|v| v.get_ref().clone())
            .collect();
        selectors.ignore = lint.ignore.iter().map(|v| v.get_ref().clone()).collect();
        for (selector, severity) in &lint.severity {
            let parsed = Severity::parse(severity.get_ref()).ok_or_else(|| {
                at(
                    loaded,
                    severity.span(),
                    format!(
                        "`{}` is not a severity: use \"error\", \"warning\" or \"info\"",
                        severity.get_ref()
                    ),
                )
            })?;
            selectors
                .severity
                .push((selector.get_ref().clone(), parsed));
        }
        if let Some(value) = &lint.fail_on {
            fail_on = FailOn::parse(value.get_ref()).ok_or_else(|| {
                at(
                    loaded,
                    value.span(),
                    format!(
                        "`{}` is not a threshold: use \"error\", \"warning\", \"info\" or \"never\"",
                        value.get_ref()
                    ),
                )
            })?;
        }
        settings.own_accounts = loaded
            .file
            .accounts
            .own
            .iter()
            .map(|a| a.get_ref().clone())
            .collect();
        settings.inventory_complete = loaded.file.inventory.complete;
        settings.session_duration = loaded.file.sessions.duration.as_ref().map(|d| *d.get_ref());
        if let Some(length) = &loaded.file.quotas.role_trust_policy_length {
            settings.trust_policy_length = *length.get_ref();
        }
        max_file_size = lint.max_file_size.unwrap_or(max_file_size);
        settings.now = lint
            .now
            .as_ref()
            .and_then(|now| config::parse_now(now.get_ref()).ok());
    }
    if let Some(select) = &rules.select {
        selectors.select = Some(select.clone());
    }
    selectors
        .extend_select
        .extend(rules.extend_select.iter().cloned());
    selectors.ignore.extend(rules.ignore.iter().cloned());
    fail_on = rules.fail_on.unwrap_or(fail_on);
    max_file_size = args.max_file_size.unwrap_or(max_file_size);
    // The clock is read here, once per run: rules take the time from the settings.
    settings.now = rules.now.or(settings.now).or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| i64::try_from(d.as_secs()).ok())
    });
    let selection = Selection::resolve(&selectors).map_err(usage)?;
    Ok((selection, settings, fail_on, max_file_size))
}

/// A configuration error as a snippet pointing at the key or value, or a plain line.
fn render_config_error(err: &ConfigError) -> String {
    use codespan_reporting::diagnostic::{Diagnostic, Label};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term;
    let Some(span) = err.span.clone() else {
        return match err.path.as_os_str().is_empty() {
            true => format!("error: {}\n", err.message),
            false => format!("error: {}: {}\n", err.path.display(), err.message),
        };
    };
    let name = config::display(&err.path);
    let file = SimpleFile::new(name, err.text.as_str());
    let diagnostic = Diagnostic::error()
        .with_message(format!("invalid configuration: {}", err.message))
        .with_labels(vec![Label::primary((), span)]);
    let mut out = String::new();
    match term::emit_to_string(&mut out, &term::Config::default(), &file, &diagnostic) {
        Ok(()) => out,
        Err(_) => format!("error: {}: {}\n", err.path.display(), err.message),
    }
}
