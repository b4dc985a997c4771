//! YAML text (a CloudFormation template) to the shared spanned [`Node`] tree, with
//! granit-parser's events.
//!
//! granit gives UTF-8 byte offsets on every event and the span of every tag, leaves aliases to
//! us and stops at a nesting limit (DESIGN §4). This module builds the tree from the events
//! with an explicit stack, never recursion, so no input can overflow the stack while building.
//!
//! What the tree holds, and why:
//! - a mapping is an `Object` whose members keep source order and repeated keys (a rule
//!   reports them); a key must be a scalar (a mapping or sequence as a key is an error:
//!   CloudFormation has no such keys and a silent skip would hide content);
//! - scalars follow [`scalar::kind`]: quoted and block scalars are strings, plain ones are null,
//!   a boolean or otherwise a string, numbers and dates included;
//! - CloudFormation's short-form tags become the long form (`!Ref x` → `{Ref: x}`,
//!   `!Sub s` → `{Fn::Sub: s}`), see [`tags`]; other tags are dropped, their value kept;
//! - an alias is a copy of the anchored node, with the anchored node's spans, within a budget
//!   ([`anchors`]);
//! - one node per document of the stream; an empty stream gives none.

mod anchors;
mod scalar;
mod tags;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use granit_parser::{Event, Parser, ScalarStyle, ScanError, StructureStyle, Tag};

use self::anchors::{Anchors, Refusal, Weight};
use super::json::SyntaxError;
use super::tree::{Member, Node, NodeKind};
use crate::source::{FileId, Span};

pub use self::anchors::{MAX_COPIED_BYTES, MAX_COPIED_NODES};

/// The deepest nesting of mappings and sequences read (granit's own limit is the same number
/// for flow and for block collections, each). Later stages walk the tree recursively: a bound
/// keeps them safe too.
pub const MAX_DEPTH: usize = 255;

/// Parses every document of a YAML stream: one node per document, none for an empty file.
pub fn parse(text: &str, file: FileId) -> Result<Vec<Node>, SyntaxError> {
    let options = granit_parser::options! {
        // An undefined alias becomes an event, so it is reported at the alias with its name.
        emit_unresolved_aliases: true,
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH,
    };
    let mut builder = Builder::new(text, file);
    for event in Parser::new_from_str_with_options(text, options) {
        let (event, span) = event.map_err(|error| builder.scan_error(&error))?;
        builder.event(event, span)?;
    }
    Ok(builder.documents)
}

/// A mapping or sequence being read.
struct Frame {
    body: Body,
    /// Byte offset of its first character.
    start: usize,
    /// Byte offset after the last character of the last entry so far (block collections end
    /// there; granit's end events of block collections are empty spans at the next token).
    end: usize,
    flow: bool,
    /// granit's anchor id on the collection, 0 for none.
    anchor: usize,
    /// The long-form key of its CloudFormation tag, and the tag's span.
    tag: Option<(&'static str, Span)>,
    weight: Weight,
}

enum Body {
    Sequence(Vec<Node>),
    /// The members so far, and the key read whose value comes next.
    Mapping(Vec<Member>, Option<(String, Span)>),
}

struct Builder<'t> {
    text: &'t str,
    file: FileId,
    stack: Vec<Frame>,
    /// The current document's root, once read.
    root: Option<Node>,
    documents: Vec<Node>,
    anchors: Anchors,
    /// End of the previous event's span: where the search for a block scalar's `|` starts.
    last_end: usize,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str, file: FileId) -> Self {
        Builder {
            text,
            file,
            stack: Vec::new(),
            root: None,
            documents: Vec::new(),
            anchors: Anchors::new(text.len()),
            last_end: 0,
        }
    }

    fn event(&mut self, event: Event<'_>, span: granit_parser::Span) -> Result<(), SyntaxError> {
        let range = self.byte_range(&span);
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                self.scalar(&value, style, anchor, tag.as_deref(), &span, range.clone())?;
            }
            Event::SequenceStart(style, anchor, tag) => {
                self.open(
                    Body::Sequence(Vec::new()),
                    style,
                    anchor,
                    tag,
                    &span,
                    range.clone(),
                )?;
            }
            Event::MappingStart(style, anchor, tag) => {
                let body = Body::Mapping(Vec::new(), None);
                self.open(body, style, anchor, tag, &span, range.clone())?;
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(range.end)?,
            Event::Alias(id) => self.alias(id, range.clone())?,
            Event::UnresolvedAlias(name) => {
                return Err(self.error(
                    range,
                    format!(
                        "undefined alias `*{name}`: no anchor `&{name}` before it in this document"
                    ),
                ));
            }
            Event::DocumentEnd => {
                if let Some(root) = self.root.take() {
                    self.documents.push(root);
                }
                self.anchors.end_document();
            }
            // An implicit start has the span of the document's first token, which may be a
            // block scalar's content: it must not hide the scalar's `|` from the search.
            Event::DocumentStart(false, _) => return Ok(()),
            _ => {}
        }
        self.last_end = range.end;
        Ok(())
    }

    fn scalar(
        &mut self,
        value: &str,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<&Tag>,
        span: &granit_parser::Span,
        range: std::ops::Range<usize>,
    ) -> Result<(), SyntaxError> {
        let empty = range.is_empty();
        let range = match style {
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let after = self
                    .last_end
                    .max(self.tag_range(span, tag).map_or(0, |t| t.end));
                scalar::block_range(self.text, after, range)
            }
            _ => range,
        };
        if self.expects_key() {
            // A key keeps its text whatever its tag: CloudFormation has no tagged keys.
            let key = scalar::key_text(value, style, empty);
            let key_span = self.span(range.clone());
            if anchor != 0 {
                let node = Node {
                    span: key_span,
                    kind: NodeKind::Str(key.clone()),
                };
                self.anchors
                    .define(anchor, &node, Weight::new(1, key.len()));
            }
            self.set_key(key, key_span);
            return Ok(());
        }
        let explicit_str = tag.is_some_and(tags::is_core_str);
        let kind = scalar::kind(value, style, empty, explicit_str);
        let bytes = match &kind {
            NodeKind::Str(s) => s.len(),
            _ => 0,
        };
        let node = Node {
            span: self.span(range),
            kind,
        };
        let (node, weight) = self.wrap(node, Weight::new(1, bytes), tag, span);
        if anchor != 0 {
            self.anchors.define(anchor, &node, weight);
        }
        self.attach(node, weight);
        Ok(())
    }

    fn open(
        &mut self,
        body: Body,
        style: StructureStyle,
        anchor: usize,
        tag: Option<Cow<'_, Tag>>,
        span: &granit_parser::Span,
        range: std::ops::Range<usize>,
    ) -> Result<(), SyntaxError> {
        let at = self.char_range(range.start);
        if self.expects_key() {
            return Err(self.error(
                at,
                "a mapping or sequence as a mapping key is not supported: CloudFormation keys are strings"
                    .to_string(),
            ));
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error(at, nesting_message()));
        }
        let tag = tag.as_deref().and_then(|tag| {
            let key = tags::long_form(tag)?;
            Some((key, self.span(self.tag_range(span, Some(tag))?)))
        });
        self.stack.push(Frame {
            body,
            start: range.start,
            end: range.end,
            flow: style == StructureStyle::Flow,
            anchor,
            tag,
            weight: Weight::new(1, 0),
        });
        Ok(())
    }

    fn close(&mut self, event_end: usize) -> Result<(), SyntaxError> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let end = if frame.flow { event_end } else { frame.end };
        let span = self.span(frame.start..end.max(frame.start));
        let kind = match frame.body {
            Body::Sequence(items) => NodeKind::Array(items),
            Body::Mapping(members, _) => NodeKind::Object(members),
        };
        let mut node = Node { span, kind };
        let mut weight = frame.weight;
        if let Some((key, key_span)) = frame.tag {
            (node, weight) = wrap_in(node, weight, key, key_span);
        }
        if frame.anchor != 0 {
            self.anchors.define(frame.anchor, &node, weight);
        }
        self.attach(node, weight);
        Ok(())
    }

    fn alias(&mut self, id: usize, range: std::ops::Range<usize>) -> Result<(), SyntaxError> {
        let name = self.text.get(range.clone()).unwrap_or("*").to_string();
        if self.expects_key() {
            let key = match self.anchors.peek(id).map(|node| (&node.kind, node.span)) {
                Some((NodeKind::Str(s), span)) => Some((s.clone(), span)),
                Some((NodeKind::Null | NodeKind::Bool(_), span)) => {
                    Some((self.text[span.range()].to_string(), span))
                }
                _ => None,
            };
            let Some((key, key_span)) = key else {
                return Err(self.error(
                    range,
                    format!("alias `{name}` as a mapping key must name a scalar"),
                ));
            };
            if !self.anchors.charge(Weight::new(1, key.len())) {
                return Err(self.error(range, over_budget(&name)));
            }
            self.set_key(key, key_span);
            return Ok(());
        }
        match self.anchors.expand(id) {
            Ok((node, weight)) => {
                self.attach(node, weight);
                Ok(())
            }
            Err(Refusal::OverBudget) => Err(self.error(range, over_budget(&name))),
            Err(Refusal::Unknown) if self.stack.iter().any(|frame| frame.anchor == id) => Err(
                self.error(
                    range,
                    format!("alias `{name}` is inside the node it names: the structure would be infinite"),
                ),
            ),
            Err(Refusal::Unknown) => Err(self.error(
                range,
                format!("undefined alias `{name}`: no anchor before it in this document"),
            )),
        }
    }

    /// Wraps a node in the long form of its CloudFormation tag, if it has one.
    fn wrap(
        &self,
        node: Node,
        weight: Weight,
        tag: Option<&Tag>,
        span: &granit_parser::Span,
    ) -> (Node, Weight) {
        let Some(tag) = tag else {
            return (node, weight);
        };
        match (tags::long_form(tag), self.tag_range(span, Some(tag))) {
            (Some(key), Some(range)) => wrap_in(node, weight, key, self.span(range)),
            _ => (node, weight),
        }
    }

    /// Whether the next node is a mapping key.
    fn expects_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                body: Body::Mapping(_, None),
                ..
            })
        )
    }

    fn set_key(&mut self, key: String, key_span: Span) {
        if let Some(frame) = self.stack.last_mut() {
            frame.end = frame.end.max(key_span.end as usize);
            frame.weight.add(Weight::new(0, key.len()));
            if let Body::Mapping(_, pending) = &mut frame.body {
                *pending = Some((key, key_span));
            }
        }
    }

    /// Puts a finished node where it belongs: the next entry or value of the open collection,
    /// or the document's root.
    fn attach(&mut self, node: Node, weight: Weight) {
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        frame.end = frame.end.max(node.span.end as usize);
        frame.weight.add(weight);
        match &mut frame.body {
            Body::Sequence(items) => items.push(node),
            Body::Mapping(members, pending) => {
                if let Some((key, key_span)) = pending.take() {
                    members.push(Member {
                        key,
                        key_span,
                        value: node,
                    });
                }
            }
        }
    }

    /// The byte range of a granit span. Spans of a parser over a `&str` always carry byte
    /// offsets; the character index is the fallback should one not.
    fn byte_range(&self, span: &granit_parser::Span) -> std::ops::Range<usize> {
        match span.byte_range() {
            Some(range) => range,
            None => {
                let start = self.byte_of_char(span.start.index());
                let end = self.byte_of_char(span.end.index());
                start..end.max(start)
            }
        }
    }

    /// The byte range of a node's tag token (`!Ref`).
    fn tag_range(
        &self,
        span: &granit_parser::Span,
        tag: Option<&Tag>,
    ) -> Option<std::ops::Range<usize>> {
        if let Some(range) = span.tag_span().map(|t| self.byte_range(&t)) {
            return Some(range);
        }
        // No full range (a tag longer than granit records): from its start, as `!suffix`.
        let start = span.tag_start()?;
        let start = start
            .byte_offset()
            .unwrap_or_else(|| self.byte_of_char(start.index()));
        Some(start..start + 1 + tag.map_or(0, |t| t.suffix().len()))
    }

    fn byte_of_char(&self, index: usize) -> usize {
        self.text
            .char_indices()
            .nth(index)
            .map_or(self.text.len(), |(at, _)| at)
    }

    /// The range of the one character at `at` (empty at the end of the text or a line).
    fn char_range(&self, at: usize) -> std::ops::Range<usize> {
        let at = self.text.floor_char_boundary(at);
        match self.text[at..].chars().next() {
            Some('\n' | '\r') | None => at..at,
            Some(c) => at..at + c.len_utf8(),
        }
    }

    fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span::new(self.file, range.start, range.end)
    }

    fn error(&self, range: std::ops::Range<usize>, message: String) -> SyntaxError {
        SyntaxError {
            span: self.span(range),
            message,
            opened: None,
        }
    }

    /// granit's error, at its position (granit reports both a character index and a byte
    /// offset; the byte offset is the one spans need).
    fn scan_error(&self, error: &ScanError) -> SyntaxError {
        let marker = error.marker();
        let at = marker
            .byte_offset()
            .unwrap_or_else(|| self.byte_of_char(marker.index()));
        let message = match error.kind() {
            granit_parser::ErrorKind::RecursionLimitExceeded => nesting_message(),
            _ => format!("invalid YAML: {}", error.info()),
        };
        self.error(self.char_range(at), message)
    }
}

/// `node` as the value of a one-member object keyed by a tag's long form, spanning the tag
/// and the node.
fn wrap_in(node: Node, weight: Weight, key: &'static str, key_span: Span) -> (Node, Weight) {
    let span = Span {
        file: node.span.file,
        start: key_span.start.min(node.span.start),
        end: key_span.end.max(node.span.end),
    };
    let mut weight = weight;
    weight.add(Weight::new(1, key.len()));
    let member = Member {
        key: key.to_string(),
        key_span,
        value: node,
    };
    (
        Node {
            span,
            kind: NodeKind::Object(vec![member]),
        },
        weight,
    )
}

fn nesting_message() -> String {
    format!("nesting deeper than {MAX_DEPTH} levels")
}

fn over_budget(alias: &str) -> String {
    format!(
        "alias `{alias}` would copy more than the expansion budget allows \
         ({MAX_COPIED_NODES} nodes and {} MiB of text, plus the file's size): \
         aliases nested this way are a \"billion laughs\" attack",
        MAX_COPIED_BYTES >> 20
    )
}
