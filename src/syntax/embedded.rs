//! Policy documents embedded in a JSON string, with spans mapped back into the outer file.
//!
//! `GetAccountAuthorizationDetails`, `GetRole`, `GetPolicyVersion` and the other IAM APIs
//! return every policy document *"URL-encoded compliant with RFC 3986"* (IAM API reference,
//! `GetAccountAuthorizationDetails`; botocore `handlers.json_decode_policies`). The AWS CLI and
//! boto3 decode it with Python's `urllib.parse.unquote` before printing, so a dump saved by
//! the CLI holds objects, while a dump saved from the raw API (or by an SDK that does not
//! decode) holds strings such as `"%7B%22Version%22%3A%222012-10-17%22…"`.
//!
//! Decoding is two layers, and every decoded byte remembers the byte range of the outer file
//! it came from:
//! 1. the JSON string literal as written in the file (`\"`, `\\`, `\/`, `\n`, `\uXXXX` with
//!    surrogate pairs, and the JSON5 escapes of a lenient file);
//! 2. RFC 3986 percent-decoding: `%XX` is one byte. `+` is **not** a space (that is the HTML
//!    form encoding, not RFC 3986; botocore uses `unquote`, not `unquote_plus`). A `%` not
//!    followed by two hex digits is kept as it is, as Python's `unquote` and the WHATWG URL
//!    percent-decode do, so a JSON document stored in a string without URL-encoding decodes
//!    to itself.
//!
//! The decoded text is parsed as strict JSON (AWS's grammar) and every span of the resulting
//! tree, and of a syntax error, is mapped back, so a finding on the `"*"` of an encoded
//! document underlines the `%22%2A%22` it was written as.

use super::json::{self, Dialect, SyntaxError};
use super::tree::{Node, NodeKind};
use crate::source::{FileId, Span};

/// A string's decoded content and, for each of its bytes, where it was written.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Outer-file byte range of each byte of `text`.
    origins: Vec<(u32, u32)>,
    /// Where an empty decoded text sits in the outer file (just after the opening quote).
    empty_at: u32,
    file: FileId,
}

impl Decoded {
    /// The outer-file span of the decoded bytes `start..end`.
    pub fn map(&self, start: usize, end: usize) -> Span {
        let len = self.origins.len();
        if len == 0 {
            let at = self.empty_at as usize;
            return Span::new(self.file, at, at);
        }
        let from = if start < len {
            self.origins[start].0
        } else {
            self.origins[len - 1].1
        };
        let to = if end > start {
            self.origins[end.min(len) - 1].1
        } else {
            from
        };
        Span {
            file: self.file,
            start: from,
            end: to.max(from),
        }
    }

    fn map_span(&self, span: Span) -> Span {
        self.map(span.start as usize, span.end as usize)
    }

    /// Moves every span of a tree parsed from [`Decoded::text`] into the outer file.
    fn remap(&self, node: &mut Node) {
        node.span = self.map_span(node.span);
        match &mut node.kind {
            NodeKind::Array(items) => items.iter_mut().for_each(|item| self.remap(item)),
            NodeKind::Object(members) => {
                for member in members {
                    member.key_span = self.map_span(member.key_span);
                    self.remap(&mut member.value);
                }
            }
            _ => {}
        }
    }
}

/// One byte of a decoded layer and its outer-file range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    pub byte: u8,
    pub start: u32,
    pub end: u32,
}

/// Decodes the string `node` (a [`NodeKind::Str`] parsed from `source`): JSON string escapes,
/// then percent-encoding. Fails only when the result is not UTF-8.
pub fn decode(node: &Node, source: &str) -> Result<Decoded, SyntaxError> {
    let NodeKind::Str(value) = &node.kind else {
        return Err(SyntaxError {
            span: node.span,
            message: format!("expected a string, found {}", node.type_name()),
            opened: None,
        });
    };
    let span = node.span;
    let pieces = literal_pieces(value, span, source);
    let pieces = percent_decode(&pieces);
    let bytes: Vec<u8> = pieces.iter().map(|p| p.byte).collect();
    let origins: Vec<(u32, u32)> = pieces.iter().map(|p| (p.start, p.end)).collect();
    let empty_at = (span.start + 1).min(span.end);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            origins,
            empty_at,
            file: span.file,
        }),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let (start, end) = origins[at];
            Err(SyntaxError {
                span: Span {
                    file: span.file,
                    start,
                    end,
                },
                message: "the URL-encoded policy document does not decode to UTF-8 text"
                    .to_string(),
                opened: None,
            })
        }
    }
}

/// Parses the policy document URL-encoded in the string `node`, with spans in the outer file.
pub fn parse_string(node: &Node, source: &str) -> Result<Node, SyntaxError> {
    let decoded = decode(node, source)?;
    if decoded.text.trim().is_empty() {
        return Err(SyntaxError {
            span: node.span,
            message: "the string is empty: expected a policy document (JSON, URL-encoded)"
                .to_string(),
            opened: None,
        });
    }
    match json::parse(&decoded.text, node.span.file, Dialect::Strict) {
        Ok(mut tree) => {
            decoded.remap(&mut tree);
            Ok(tree)
        }
        Err(error) => Err(SyntaxError {
            span: decoded.map_span(error.span),
            message: format!(
                "{}, in the policy document encoded in this string",
                error.message
            ),
            opened: error.opened.map(|s| decoded.map_span(s)),
        }),
    }
}

/// The bytes of `value`, the string literal written at `span` of `source` (quotes included),
/// each with the range of `source` it was written as (an escape is all its characters).
pub(crate) fn literal_pieces(value: &str, span: Span, source: &str) -> Vec<Piece> {
    source
        .as_bytes()
        .get(span.range())
        .and_then(|raw| unescape(raw, span.start))
        .filter(|pieces| pieces.iter().map(|p| p.byte).eq(value.bytes()))
        .or_else(|| aligned(value, span, source))
        // The literal could not be re-read: every byte points at the whole string, which is
        // still the right place, only wider.
        .unwrap_or_else(|| {
            value
                .bytes()
                .map(|byte| Piece {
                    byte,
                    start: span.start,
                    end: span.end,
                })
                .collect()
        })
}

/// The bytes of `value` found in order in the literal written at `span`: for a string whose
/// quoting this reader does not know but which writes its value mostly as it is — a YAML block
/// scalar (indentation and line breaks between the value's bytes), a single-quoted YAML
/// scalar (`''` for `'`) — each byte points at the first equal byte after the previous one.
/// Whitespace the quoting adds (a block scalar's final line break) points at the end. `None`
/// when another byte is not found.
fn aligned(value: &str, span: Span, source: &str) -> Option<Vec<Piece>> {
    let raw = source.as_bytes().get(span.range())?;
    let mut at = 0;
    let mut pieces = Vec::with_capacity(value.len());
    for byte in value.bytes() {
        let start = match raw.get(at..)?.iter().position(|&b| b == byte) {
            Some(offset) => {
                at += offset + 1;
                span.start + (at - 1) as u32
            }
            None if byte.is_ascii_whitespace() => span.end,
            None => return None,
        };
        pieces.push(Piece {
            byte,
            start,
            end: (start + 1).min(span.end),
        });
    }
    Some(pieces)
}

/// The bytes of a string literal as written (`raw`, quotes included, starting at `base` in the
/// file), with escapes resolved. `None` when the literal is not one this reader knows.
fn unescape(raw: &[u8], base: u32) -> Option<Vec<Piece>> {
    let quote = *raw.first()?;
    if !(quote == b'"' || quote == b'\'') || raw.len() < 2 || raw[raw.len() - 1] != quote {
        return None;
    }
    let body = &raw[..raw.len() - 1];
    let mut out = Vec::with_capacity(body.len());
    let at = |i: usize| base + i as u32;
    let push_char = |out: &mut Vec<Piece>, c: char, start: usize, end: usize| {
        let mut buffer = [0u8; 4];
        for &byte in c.encode_utf8(&mut buffer).as_bytes() {
            out.push(Piece {
                byte,
                start: at(start),
                end: at(end),
            });
        }
    };
    let mut i = 1;
    while i < body.len() {
        let byte = body[i];
        if byte != b'\\' {
            out.push(Piece {
                byte,
                start: at(i),
                end: at(i + 1),
            });
            i += 1;
            continue;
        }
        let escaped = *body.get(i + 1)?;
        let simple = match escaped {
            b'"' | b'\\' | b'/' | b'\'' => Some(escaped),
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(0x0b),
            b'0' if !body.get(i + 2).is_some_and(u8::is_ascii_digit) => Some(0),
            _ => None,
        };
        if let Some(value) = simple {
            out.push(Piece {
                byte: value,
                start: at(i),
                end: at(i + 2),
            });
            i += 2;
            continue;
        }
        match escaped {
            b'u' => {
                let unit = hex(body.get(i + 2..i + 6)?)?;
                let mut end = i + 6;
                let c = if (0xD800..0xDC00).contains(&unit)
                    && body.get(i + 6..i + 8) == Some(b"\\u")
                    && body
                        .get(i + 8..i + 12)
                        .and_then(hex)
                        .is_some_and(|low| (0xDC00..0xE000).contains(&low))
                {
                    let low = hex(&body[i + 8..i + 12])?;
                    end = i + 12;
                    char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                } else {
                    // A lone surrogate cannot be UTF-8; the parser replaced it somehow, and
                    // the comparison with its value decides whether this reading stands.
                    char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER)
                };
                push_char(&mut out, c, i, end);
                i = end;
            }
            b'x' => {
                let value = hex(body.get(i + 2..i + 4)?)?;
                push_char(&mut out, char::from_u32(value)?, i, i + 4);
                i += 4;
            }
            // JSON5 line continuation: the escaped line break is not part of the value.
            b'\n' => i += 2,
            b'\r' => {
                i += if body.get(i + 2) == Some(&b'\n') {
                    3
                } else {
                    2
                }
            }
            _ => {
                // JSON5: any other escaped character stands for itself.
                let rest = std::str::from_utf8(&body[i + 1..]).ok()?;
                let c = rest.chars().next()?;
                if c == '\u{2028}' || c == '\u{2029}' {
                    i += 1 + c.len_utf8();
                } else {
                    push_char(&mut out, c, i, i + 1 + c.len_utf8());
                    i += 1 + c.len_utf8();
                }
            }
        }
    }
    Some(out)
}

/// The value of hexadecimal digits (`\uXXXX`, `\xXX` escapes), or `None` if one is not a digit.
pub(crate) fn hex(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0, |value, &digit| {
        Some(value * 16 + char::from(digit).to_digit(16)?)
    })
}

/// RFC 3986 percent-decoding over spanned bytes; a `%XX` byte spans its three characters.
fn percent_decode(pieces: &[Piece]) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let piece = pieces[i];
        if piece.byte == b'%'
            && let Some([high, low]) = pieces.get(i + 1..i + 3)
            && let (Some(h), Some(l)) = (hex_value(high.byte), hex_value(low.byte))
        {
            out.push(Piece {
                byte: (h << 4) | l,
                start: piece.start,
                end: low.end,
            });
            i += 3;
            continue;
        }
        out.push(piece);
        i += 1;
    }
    out
}

fn hex_value(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Python's `urllib.parse.quote(text, safe='')`: every byte but `A-Za-z0-9_.-~`.
    fn quote(text: &str) -> String {
        text.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"_.-~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    }

    /// The string member `key` of the outer document, parsed leniently or strictly.
    fn string_node(outer: &str, key: &str) -> Node {
        let dialect = Dialect::Lenient;
        json::parse(outer, 3, dialect)
            .unwrap()
            .get(key)
            .unwrap()
            .clone()
    }

    fn find<'a>(node: &'a Node, pred: &dyn Fn(&Node) -> bool) -> Option<&'a Node> {
        if pred(node) {
            return Some(node);
        }
        match &node.kind {
            NodeKind::Array(items) => items.iter().find_map(|i| find(i, pred)),
            NodeKind::Object(members) => members.iter().find_map(|m| find(&m.value, pred)),
            _ => None,
        }
    }

    const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#;

    #[test]
    fn a_value_inside_an_encoded_document_points_at_its_encoded_characters() {
        let outer = format!("{{\"Doc\": \"{}\"}}", quote(POLICY));
        let node = string_node(&outer, "Doc");
        let tree = parse_string(&node, &outer).unwrap();
        let star = find(&tree, &|n| n.as_str() == Some("*")).unwrap();
        assert_eq!(star.span.file, 3);
        assert_eq!(&outer[star.span.range()], "%22%2A%22");
        let aws = tree.get("Statement").unwrap();
        let NodeKind::Array(statements) = &aws.kind else {
            panic!()
        };
        let principal = statements[0].as_object().unwrap()[1].clone();
        assert_eq!(&outer[principal.key_span.range()], "%22Principal%22");
        assert_eq!(
            &outer[principal.value.span.range()],
            "%7B%22AWS%22%3A%22%2A%22%7D"
        );
        // The whole document spans the whole string content.
        assert_eq!(tree.span.start, node.span.start + 1);
        assert_eq!(tree.span.end, node.span.end - 1);
    }

    #[test]
    fn json_escapes_and_unencoded_characters_map_too() {
        // `\/` and `\u0022` in the literal; `:` and `,` left unencoded by some encoders.
        let outer = r#"{"Doc": "%7B\u0022Action\u0022:%22sts:AssumeRole%22,\"R\":\"a\/b\"%7D"}"#;
        let node = string_node(outer, "Doc");
        let tree = parse_string(&node, outer).unwrap();
        let action = tree.get("Action").unwrap();
        assert_eq!(action.as_str(), Some("sts:AssumeRole"));
        assert_eq!(&outer[action.span.range()], "%22sts:AssumeRole%22");
        let key = &tree.as_object().unwrap()[0];
        assert_eq!(&outer[key.key_span.range()], r#"\u0022Action\u0022"#);
        let r = tree.get("R").unwrap();
        assert_eq!(r.as_str(), Some("a/b"));
        assert_eq!(&outer[r.span.range()], r#"\"a\/b\""#);
    }

    #[test]
    fn surrogate_pairs_and_multibyte_text() {
        let outer = "{\"Doc\": \"{\\\"Sid\\\": \\\"\\ud83d\\udd11 é %C3%A9\\\"}\"}";
        let node = string_node(outer, "Doc");
        let tree = parse_string(&node, outer).unwrap();
        let sid = tree.get("Sid").unwrap();
        assert_eq!(sid.as_str(), Some("🔑 é é"));
        assert_eq!(&outer[sid.span.range()], "\\\"\\ud83d\\udd11 é %C3%A9\\\"");
    }

    #[test]
    fn plus_is_not_a_space_and_a_stray_percent_stays() {
        let outer = r#"{"Doc": "%7B%22Sid%22%3A%22a+b%zz%22%7D"}"#;
        let node = string_node(outer, "Doc");
        let tree = parse_string(&node, outer).unwrap();
        assert_eq!(tree.get("Sid").unwrap().as_str(), Some("a+b%zz"));
    }

    #[test]
    fn a_truncated_document_is_a_syntax_error_at_its_end_in_the_outer_file() {
        let encoded = quote(&POLICY[..POLICY.len() - 2]);
        let outer = format!("{{\"Doc\": \"{encoded}\", \"Next\": 1}}");
        let node = string_node(&outer, "Doc");
        let error = parse_string(&node, &outer).unwrap_err();
        let content_end = node.span.end as usize - 1;
        assert_eq!(error.span.range(), content_end..content_end);
        assert!(error.message.contains("unterminated"), "{}", error.message);
        let opened = error.opened.unwrap();
        // The innermost open value: the `Statement` array.
        assert_eq!(&outer[opened.range()], "%5B");
    }

    #[test]
    fn a_syntax_error_in_the_middle_points_at_the_encoded_characters() {
        // A comma is missing after `"Allow"`.
        let broken = r#"{"Statement":[{"Effect":"Allow" "Action":"*"}]}"#;
        let outer = format!("{{\"Doc\": \"{}\"}}", quote(broken));
        let node = string_node(&outer, "Doc");
        let error = parse_string(&node, &outer).unwrap_err();
        // Where the comma belongs: at the encoded space before `"Action"`, as in a plain file.
        assert_eq!(error.span.start, error.span.end);
        let text = &outer[error.span.start as usize..];
        assert!(
            text.starts_with("%20%22Action"),
            "{text:?}: {}",
            error.message
        );
    }

    #[test]
    fn invalid_utf8_and_empty_strings_are_errors() {
        let outer = r#"{"Doc": "%7B%FF%7D", "Empty": ""}"#;
        let error = parse_string(&string_node(outer, "Doc"), outer).unwrap_err();
        assert_eq!(&outer[error.span.range()], "%FF");
        let error = parse_string(&string_node(outer, "Empty"), outer).unwrap_err();
        assert_eq!(&outer[error.span.range()], "\"\"");
    }

    #[test]
    fn single_quoted_json5_strings_decode() {
        let outer = "{Doc: '%7B%22a%22:\\'x\\'%7D'}";
        let node = string_node(outer, "Doc");
        let decoded = decode(&node, outer).unwrap();
        assert_eq!(decoded.text, "{\"a\":'x'}");
        assert_eq!(&outer[decoded.map(5, 8).range()], "\\'x\\'");
    }

    #[test]
    fn an_unreadable_literal_falls_back_to_the_whole_string() {
        // The node's value disagrees with the text (as if another dialect had decoded it).
        let outer = r#"{"Doc": "abc"}"#;
        let mut node = string_node(outer, "Doc");
        node.kind = NodeKind::Str("xyz".to_string());
        let decoded = decode(&node, outer).unwrap();
        assert_eq!(decoded.text, "xyz");
        assert_eq!(&outer[decoded.map(1, 2).range()], "\"abc\"");
    }
}
