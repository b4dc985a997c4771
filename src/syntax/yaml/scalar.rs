//! What a YAML scalar becomes in the tree, and where a block scalar starts and ends.
//!
//! CloudFormation reads a template value as a string wherever a string is expected, so only
//! the YAML 1.2 core forms of null and the booleans are typed; every other plain scalar,
//! numbers and dates included, stays the text it is (`Version: 2012-10-17` and
//! `AWS: 123456789012` must not become a date and a number).

use std::ops::Range;

use granit_parser::ScalarStyle;

use crate::syntax::tree::NodeKind;

/// The tree value of a scalar. `empty` says the scalar has no characters in the source (an
/// absent value such as `key:`), which granit reports as a plain `~`.
pub(super) fn kind(value: &str, style: ScalarStyle, empty: bool, explicit_str: bool) -> NodeKind {
    if style != ScalarStyle::Plain || explicit_str {
        return NodeKind::Str(if empty && style == ScalarStyle::Plain {
            String::new()
        } else {
            value.to_string()
        });
    }
    if empty {
        return NodeKind::Null;
    }
    match value {
        "null" | "Null" | "NULL" | "~" => NodeKind::Null,
        "true" | "True" | "TRUE" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" => NodeKind::Bool(false),
        _ => NodeKind::Str(value.to_string()),
    }
}

/// A mapping key's text: the scalar's value, `""` for an absent key (`: value`).
pub(super) fn key_text(value: &str, style: ScalarStyle, empty: bool) -> String {
    if empty && style == ScalarStyle::Plain {
        String::new()
    } else {
        value.to_string()
    }
}

/// The byte range of a block scalar (`|` or `>`), from its indicator to its last character.
///
/// granit's span of a block scalar starts at its first content line (or at the indicator when
/// there is no content) and runs over the trailing line breaks, so the indicator is searched
/// for from `after`, the end of the event before it: between the two there can only be
/// blanks, line breaks, comments, the `:`/`-`/`?` indicators and the node's tag and anchor.
pub(super) fn block_range(text: &str, after: usize, span: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let start = find_indicator(bytes, after.min(span.start), span.start).unwrap_or(span.start);
    // The indicator and its chomping / indentation indicators (`|-`, `>+2`).
    let mut header_end = start;
    if matches!(bytes.get(start), Some(b'|' | b'>')) {
        header_end += 1;
        while matches!(bytes.get(header_end), Some(b'-' | b'+' | b'1'..=b'9')) {
            header_end += 1;
        }
    }
    // The last content character, then the rest of its line (literal trailing blanks are
    // content); trailing line breaks and blank lines are not.
    let body_start = span.start.max(header_end);
    let body_end = span.end.min(bytes.len());
    let end = match bytes[body_start.min(body_end)..body_end]
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        Some(last) => {
            let mut end = body_start + last + 1;
            while end < body_end && matches!(bytes[end], b' ' | b'\t') {
                end += 1;
            }
            end
        }
        None => header_end,
    };
    start..end.max(header_end)
}

/// The offset of the `|` or `>` in `bytes[from..=limit]`, skipping what may come between a key
/// or entry indicator and a block scalar's header.
fn find_indicator(bytes: &[u8], from: usize, limit: usize) -> Option<usize> {
    let mut i = from;
    while i <= limit && i < bytes.len() {
        match bytes[i] {
            b'|' | b'>' => return Some(i),
            b' ' | b'\t' | b'\r' | b'\n' | b':' | b'-' | b'?' => i += 1,
            // A comment, a tag or an anchor: to its end.
            b'#' => {
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            b'!' | b'&' => {
                while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
                    i += 1;
                }
            }
            _ => return None,
        }
    }
    None
}
