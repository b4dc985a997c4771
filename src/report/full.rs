//! Human output with codespan-reporting: the snippet, the offending value underlined, the rule,
//! how to fix it and a link to the rule's page.
//!
//! Minified one-line files are common (dumps, CFN JSON): a long line is shown as a window
//! around the labels, never whole. The window is made by narrowing the line range that
//! codespan asks for, while line and column numbers stay those of the real file.

use std::io::Write as _;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel, LabelStyle};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use codespan_reporting::term::{self, Config};
use rayon::prelude::*;

use crate::lint::LintResult;
use crate::report::diagnostic::{Diagnostic, Severity};
use crate::source::{FileId, SourceMap, Span, floor_char_boundary};

/// Findings rendered by one task: a run can report tens of thousands, and each renders on its
/// own, so runs of them render side by side and are joined in order.
const CHUNK: usize = 256;

pub fn render(result: &LintResult, color: bool) -> String {
    let new_buffer = || {
        if color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        }
    };
    let config = Config::default();
    let chunks: Vec<Vec<u8>> = result
        .diagnostics
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut buffer = new_buffer();
            for d in chunk {
                let view = View::new(&result.sources, d);
                // Every span comes from its own file's text, so rendering cannot fail; if it
                // ever did, the concise line still tells the finding.
                if term::emit_to_write_style(&mut buffer, &config, &view.files, &view.diagnostic)
                    .is_err()
                {
                    let _ = buffer.write_all(super::concise::render_one(result, d).as_bytes());
                }
            }
            buffer.into_inner()
        })
        .collect();
    let mut end = new_buffer();
    let _ = end.reset();
    let mut bytes = Vec::with_capacity(chunks.iter().map(Vec::len).sum::<usize>() + end.len());
    for chunk in &chunks {
        bytes.extend_from_slice(chunk);
    }
    bytes.extend_from_slice(end.as_slice());
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Lines longer than this many bytes are shown as a window.
const LONG_LINE: usize = 160;
/// Bytes of context kept on each side of the labels in a window.
const WINDOW_CONTEXT: usize = 60;
/// On a long line, underline at most this many bytes of a span.
const MAX_UNDERLINE: usize = 80;

/// One diagnostic made ready for codespan: long lines narrowed to windows around the labels,
/// long underlines shortened, and labels far away on the same long line turned into notes.
struct View<'a> {
    files: Windowed<'a>,
    diagnostic: CsDiagnostic<FileId>,
}

impl<'a> View<'a> {
    fn new(sources: &'a SourceMap, d: &Diagnostic) -> Self {
        let primary = shown_range(sources, d.span);
        let mut labels = vec![CsLabel::new(
            LabelStyle::Primary,
            d.span.file,
            primary.clone(),
        )];
        let mut notes = Vec::new();
        for label in &d.labels {
            let range = shown_range(sources, label.span);
            let file = sources.get(label.span.file);
            let same_long_line = label.span.file == d.span.file
                && is_long(sources, label.span.file, range.start)
                && file.line_index(range.start) == file.line_index(primary.start);
            let far = range.start.abs_diff(primary.start) > 2 * WINDOW_CONTEXT;
            if same_long_line && far {
                let at = file.line_col(range.start);
                notes.push(format!("{} (at {}:{})", label.message, at.line, at.column));
            } else {
                labels.push(
                    CsLabel::new(LabelStyle::Secondary, label.span.file, range)
                        .with_message(&label.message),
                );
            }
        }
        notes.push(format!("help: {}", d.help));
        notes.push(format!(
            "rule: {} {} — {}",
            d.rule.code,
            d.rule.name,
            d.url()
        ));
        let files = Windowed::new(sources, &labels);
        let base = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Info => CsDiagnostic::note(),
        };
        let diagnostic = base
            .with_code(d.rule.code)
            .with_message(&d.message)
            .with_labels(labels)
            .with_notes(notes);
        View { files, diagnostic }
    }
}

fn is_long(sources: &SourceMap, file: FileId, offset: usize) -> bool {
    let source = sources.get(file);
    source.line_range(source.line_index(offset)).len() > LONG_LINE
}

/// The part of a span to underline: all of it, unless it starts on a long line, where a long
/// underline is cut short (the message says what the value is).
fn shown_range(sources: &SourceMap, span: Span) -> Range<usize> {
    let range = span.range();
    if range.len() <= MAX_UNDERLINE || !is_long(sources, span.file, range.start) {
        return range;
    }
    let text = &sources.get(span.file).text;
    range.start..ceil_char_boundary(text, range.start + MAX_UNDERLINE)
}

/// The run's files, with the long lines of one diagnostic narrowed to a window.
struct Windowed<'a> {
    sources: &'a SourceMap,
    /// (file, line index, byte range shown).
    windows: Vec<(FileId, usize, Range<usize>)>,
}

impl<'a> Windowed<'a> {
    fn new(sources: &'a SourceMap, labels: &[CsLabel<FileId>]) -> Self {
        let mut windows: Vec<(FileId, usize, Range<usize>)> = Vec::new();
        for label in labels {
            let file = sources.get(label.file_id);
            for offset in [label.range.start, label.range.end] {
                let line = file.line_index(offset);
                let line_range = file.line_range(line);
                if line_range.len() <= LONG_LINE {
                    continue;
                }
                let lo = offset.saturating_sub(WINDOW_CONTEXT).max(line_range.start);
                let hi = (offset + WINDOW_CONTEXT).min(line_range.end);
                match windows
                    .iter_mut()
                    .find(|(f, l, _)| *f == label.file_id && *l == line)
                {
                    Some((_, _, range)) => {
                        range.start = range.start.min(lo);
                        range.end = range.end.max(hi);
                    }
                    None => windows.push((label.file_id, line, lo..hi)),
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
