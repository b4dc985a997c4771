//! A one-pass reader for the common case: a `.json` file that is valid RFC 8259 JSON, read
//! straight into the spanned [`Node`] tree.
//!
//! Going through jsonc-parser builds its own syntax tree first, then walks it twice (raw
//! control characters, lowering) and copies every string: on an account dump that was a third
//! of a whole lint run. This reader builds the same tree in one pass, but only for text it is
//! sure of: anything else (a syntax error, a raw control character in a string, JSON5
//! whitespace, deep nesting) returns `None`, and jsonc-parser reads the file as before, so
//! every error and its message still come from one place. `tests` checks that both readers
//! give the same tree.

use crate::source::{FileId, Span};
use crate::syntax::tree::{Member, Node, NodeKind};

/// Nesting deeper than this is left to jsonc-parser, which reports 512 levels as an error.
const MAX_DEPTH: usize = 256;

/// The tree of `body` (the file's text after any byte-order mark, which is `shift` bytes
/// long), or `None` when jsonc-parser must read it.
pub fn parse(body: &str, file: FileId, shift: usize) -> Option<Node> {
    let mut reader = Reader {
        text: body,
        bytes: body.as_bytes(),
        at: 0,
        file,
        shift,
        nodes: Vec::new(),
        members: Vec::new(),
    };
    reader.skip_whitespace();
    let root = reader.value(0)?;
    reader.skip_whitespace();
    (reader.at == reader.bytes.len()).then_some(root)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
    file: FileId,
    shift: usize,
    /// Elements and members of the arrays and objects being read, innermost last: each
    /// container is moved out into a vector of its exact size when it closes.
    nodes: Vec<Node>,
    members: Vec<Member>,
}

impl Reader<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file, start + self.shift, end + self.shift)
    }

    /// JSON's four whitespace characters; jsonc-parser also skips JSON5's, which send the
    /// text to it.
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        let start = self.at;
        let kind = match *self.bytes.get(self.at)? {
            b'{' => return self.object(depth + 1),
            b'[' => return self.array(depth + 1),
            b'"' => NodeKind::Str(self.string()?),
            b't' => self.word("true", NodeKind::Bool(true))?,
            b'f' => self.word("false", NodeKind::Bool(false))?,
            b'n' => self.word("null", NodeKind::Null)?,
            b'-' | b'0'..=b'9' => {
                self.number()?;
                NodeKind::Number(self.text[start..self.at].to_string())
            }
            _ => return None,
        };
        Some(Node {
            span: self.span(start, self.at),
            kind,
        })
    }

    fn object(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.at;
        self.at += 1;
        let first = self.members.len();
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
        } else {
            loop {
                if self.bytes.get(self.at) != Some(&b'"') {
                    return None;
                }
                let key_start = self.at;
                let key = self.string()?;
                let key_span = self.span(key_start, self.at);
                self.skip_whitespace();
                if self.bytes.get(self.at) != Some(&b':') {
                    return None;
                }
                self.at += 1;
                self.skip_whitespace();
                let value = self.value(depth)?;
                self.members.push(Member {
                    key,
                    key_span,
                    value,
                });
                self.skip_whitespace();
                match self.bytes.get(self.at)? {
                    b',' => {
                        self.at += 1;
                        self.skip_whitespace();
                    }
                    b'}' => {
                        self.at += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        Some(Node {
            span: self.span(start, self.at),
            kind: NodeKind::Object(self.members.drain(first..).collect()),
        })
    }

    fn array(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.at;
        self.at += 1;
        let first = self.nodes.len();
        self.skip_whitespace();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
        } else {
            loop {
                let value = self.value(depth)?;
                self.nodes.push(value);
                self.skip_whitespace();
                match self.bytes.get(self.at)? {
                    b',' => {
                        self.at += 1;
                        self.skip_whitespace();
                    }
                    b']' => {
                        self.at += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        Some(Node {
            span: self.span(start, self.at),
            kind: NodeKind::Array(self.nodes.drain(first..).collect()),
        })
    }

    /// `true`, `false` or `null`, followed by a delimiter.
    fn word(&mut self, word: &str, kind: NodeKind) -> Option<NodeKind> {
        let end = self.at + word.len();
        if self.bytes.get(self.at..end)? != word.as_bytes() || !self.delimiter_at(end) {
            return None;
        }
        self.at = end;
        Some(kind)
    }

    fn delimiter_at(&self, at: usize) -> bool {
        matches!(
            self.bytes.get(at),
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b'}' | b']')
        )
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, followed by a delimiter.
    fn number(&mut self) -> Option<()> {
        let digits = |reader: &mut Self| {
            let start = reader.at;
            while let Some(b'0'..=b'9') = reader.bytes.get(reader.at) {
                reader.at += 1;
            }
            (reader.at > start).then_some(())
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        match self.bytes.get(self.at)? {
            b'0' => self.at += 1,
            b'1'..=b'9' => digits(self)?,
            _ => return None,
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            digits(self)?;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            digits(self)?;
        }
        self.delimiter_at(self.at).then_some(())
    }

    /// A string literal's value; the reader stops after its closing quote.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut run = self.at;
        let mut value: Option<String> = None;
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => {
                    let tail = &self.text[run..self.at];
                    self.at += 1;
                    return Some(match value {
                        Some(mut value) => {
                            value.push_str(tail);
                            value
                        }
                        None => tail.to_string(),
                    });
                }
                b'\\' => {
                    let value = value.get_or_insert_with(String::new);
                    value.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    let escaped = match *self.bytes.get(self.at)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{08}',
                        b'f' => '\u{0C}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    };
                    value.push(escaped);
                    self.at += 1;
                    run = self.at;
                }
                // A raw control character: jsonc-parser's path reports it.
                0..0x20 => return None,
                _ => self.at += 1,
            }
        }
    }

    /// The character of `\uXXXX` (or of a surrogate pair `\uXXXX\uXXXX`), with the reader on
    /// the `u`; it is left on the last hex digit.
    fn unicode_escape(&mut self) -> Option<char> {
        let high = self.hex4(self.at + 1)?;
        self.at += 4;
        if !(0xD800..=0xDFFF).contains(&high) {
            return char::from_u32(high);
        }
        // A high surrogate must be followed by `\u` and a low one.
        if high > 0xDBFF || self.bytes.get(self.at + 1..self.at + 3)? != b"\\u" {
            return None;
        }
        let low = self.hex4(self.at + 3)?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return None;
        }
        self.at += 6;
        char::from_u32((high - 0xD800) * 0x400 + (low - 0xDC00) + 0x10000)
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        crate::syntax::embedded::hex(self.bytes.get(at..at + 4)?)
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::syntax::json::{Dialect, parse_with_jsonc};

    /// Both readers give the same tree, or this one leaves the text to jsonc-parser.
    fn agree(text: &str) -> bool {
        let fast = parse(text, 3, 0);
        let reference = parse_with_jsonc(text, 3, 0, Dialect::Strict);
        match (&fast, &reference) {
            (Some(fast), Ok(reference)) => {
                assert_eq!(format!("{fast:?}"), format!("{reference:?}"), "{text:?}");
                true
            }
            (Some(fast), Err(error)) => panic!("{text:?}: read {fast:?}, jsonc: {error:?}"),
            (None, _) => false,
        }
    }

    #[test]
    fn valid_json_reads_as_jsonc_parser_reads_it() {
        for text in [
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Sid": ""}]}"#,
            "[1, -0, 0.5, -12.25e+3, 1E9, 2e-2, true, false, null, [], {}, [[]], {\"a\": {}}]",
            r#" { "a" : "x\"y\\z\/\b\f\n\r\t" , "a" : 1 } "#,
            r#"["\u0041\u00e9\u20AC\ud834\uDD1E", "caf\u00E9 é 𝄞", "\u0000"]"#,
            "\"just a string\"",
            "\r\n\t42\n",
        ] {
            assert!(agree(text), "{text:?} is left to jsonc-parser");
        }
    }

    #[test]
    fn anything_unusual_is_left_to_jsonc_parser() {
        for text in [
            "",
            "  ",
            "{\"a\": 1,}",
            "{\"a\" 1}",
            "[1 2]",
            "{a: 1}",
            "{'a': 1}",
            "// c\n{}",
            "[01]",
            "[1.]",
            "[.5]",
            "[+1]",
            "[1e]",
            "[-]",
            "[0x10]",
            "[truex]",
            "[nul]",
            "[\"a\u{1}b\"]",
            "[\"\\x41\"]",
            "[\"\\ud834\"]",
            "[\"\\udd1e\"]",
            "[\"\\ud834\\u0041\"]",
            "[\"\\u12\"]",
            "[\"open",
            "{} {}",
            "{}\u{a0}",
            "\u{b}{}",
            "[Infinity]",
        ] {
            assert!(!agree(text), "{text:?} was read");
        }
        let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
        assert!(!agree(&deep));
        let shallow = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(agree(&shallow));
    }

    #[test]
    fn the_corpus_reads_as_jsonc_parser_reads_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut read = 0;
        for folder in ["../shared/corpus", "testdata"] {
            for path in files(&root.join(folder)) {
                if path.extension().is_some_and(|e| e == "json")
                    && let Ok(text) = std::fs::read_to_string(&path)
                    && agree(text.strip_prefix('\u{feff}').unwrap_or(&text))
                {
                    read += 1;
                }
            }
        }
        assert!(read > 0);
    }

    fn files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files(&path));
            } else {
                found.push(path);
            }
        }
        found
    }
}
