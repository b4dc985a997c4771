//! Human output with codespan-reporting: the snippet, the offending value underlined, the rule,
//! how to fix it and a link to the rule's page.
//!
//! Minified one-line files are common (dumps, CFN JSON): a long line is shown as a window
//! around the labels, never whole. The window is made by narrowing the line range that
//! codespan asks for, while line and column numbers stay those of the real file.

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel, LabelStyle};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Config};
use codespan_reporting::term::termcolor::{Buffer, WriteColor};

use crate::lint::LintResult;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::{FileId, SourceMap, Span, floor_char_boundary};

/// Lines longer than this many bytes are shown as a window.
const LONG_LINE: usize = 160;
/// Bytes of context kept on each side of the labels in a window.
const WINDOW_CONTEXT: usize = 60;

pub fn render(result: &LintResult, color: bool) -> String {
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = Config::default();
    for d in &result.diagnostics {
        let files = Windowed::new(&result.sources, d);
        // Every span comes from its own file's text, so rendering cannot fail; if it ever
        // did, the concise line still tells the finding.
        if term::emit_to_write_style(&mut buffer, &config, &files, &to_codespan(d)).is_err() {
            let _ = buffer.write_all(super::concise::render_one(result, d).as_bytes());
        }
    }
    let _ = buffer.reset();
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

use std::io::Write as _;

fn to_codespan(d: &Diagnostic) -> CsDiagnostic<FileId> {
    let base = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
        Severity::Info => CsDiagnostic::note(),
    };
    let mut labels = vec![CsLabel::new(LabelStyle::Primary, d.span.file, d.span.range())];
    labels.extend(
        d.labels
            .iter()
            .map(|l| CsLabel::new(LabelStyle::Secondary, l.span.file, l.span.range()).with_message(&l.message)),
    );
    base.with_code(d.rule.code)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(vec![
            format!("help: {}", d.help),
            format!("rule: {} {} — {}", d.rule.code, d.rule.name, d.url()),
        ])
}

/// The run's files, with the long lines of one diagnostic narrowed to a window.
struct Windowed<'a> {
    sources: &'a SourceMap,
    /// (file, line index, byte range shown).
    windows: Vec<(FileId, usize, Range<usize>)>,
}

impl<'a> Windowed<'a> {
    fn new(sources: &'a SourceMap, d: &Diagnostic) -> Self {
        let spans: Vec<Span> = std::iter::once(d.span)
            .chain(d.labels.iter().map(|l| l.span))
            .collect();
        let mut windows: Vec<(FileId, usize, Range<usize>)> = Vec::new();
        for span in &spans {
            let file = sources.get(span.file);
            for offset in [span.start as usize, span.end as usize] {
                let line = file.line_index(offset);
                let line_range = file.line_range(line);
                if line_range.len() <= LONG_LINE {
                    continue;
                }
                let lo = offset.saturating_sub(WINDOW_CONTEXT).max(line_range.start);
                let hi = (offset + WINDOW_CONTEXT).min(line_range.end);
                match windows
                    .iter_mut()
                    .find(|(f, l, _)| *f == span.file && *l == line)
                {
                    Some((_, _, range)) => {
                        range.start = range.start.min(lo);
                        range.end = range.end.max(hi);
                    }
                    None => windows.push((span.file, line, lo..hi)),
                }
            }
        }
        for (file, _, range) in &mut windows {
            let text = &sources.get(*file).text;
            range.start = floor_char_boundary(text, range.start);
            range.end = ceil_char_boundary(text, range.end);
        }
        Windowed { sources, windows }
    }

    fn window(&self, file: FileId, line: usize) -> Option<&Range<usize>> {
        self.windows
            .iter()
            .find(|(f, l, _)| *f == file && *l == line)
            .map(|(_, _, range)| range)
    }
}

fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

impl<'a> Files<'a> for Windowed<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.sources.name(id)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.sources.source(id)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        self.sources.line_index(id, byte_index)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        match self.window(id, line_index) {
            Some(range) => Ok(range.clone()),
            None => self.sources.line_range(id, line_index),
        }
    }

    /// The real column in the whole line, also inside a window.
    fn column_number(
        &'a self,
        id: FileId,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        Ok(self.sources.get(id).line_col(byte_index).column)
    }
}
