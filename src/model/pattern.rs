//! IAM wildcard patterns: `*` matches any run of characters (including `/` and `:` when the
//! caller matches a whole string), `?` exactly one character.
//!
//! Case rules differ by element (AWS-SEMANTICS §3–§5): action names are case-insensitive,
//! ARNs and `StringLike` values are case-sensitive, so the caller chooses.

/// Whether `pattern` (with `*` and `?`) matches all of `text`.
pub fn wildcard_match(pattern: &str, text: &str, ignore_case: bool) -> bool {
    // Most calls compare an action or ARN with a pattern it does not match, and most of
    // those differ from the first character (`s3:…` against `iam:…`): an ASCII literal
    // first character settles them before anything is scanned.
    if let Some(&first) = pattern.as_bytes().first()
        && first.is_ascii()
        && first != b'*'
        && first != b'?'
    {
        match text.as_bytes().first() {
            None => return false,
            Some(&t) if t.is_ascii() => {
                let same = if ignore_case {
                    first.eq_ignore_ascii_case(&t)
                } else {
                    first == t
                };
                if !same {
                    return false;
                }
            }
            Some(_) => {}
        }
    }
    // Hot in the principal graph (every grant and role ARN): ASCII inputs, which ARNs and
    // action names are, are matched byte by byte without allocating.
    if pattern.is_ascii() && text.is_ascii() {
        let (pattern, text) = (pattern.as_bytes(), text.as_bytes());
        let eq: fn(&u8, &u8) -> bool = if ignore_case {
            |p, t| p.eq_ignore_ascii_case(t)
        } else {
            |p, t| p == t
        };
        let same = |p: &[u8], t: &[u8]| {
            if ignore_case {
                p.eq_ignore_ascii_case(t)
            } else {
                p == t
            }
        };
        // The literal text before the first wildcard must open `text`; without a wildcard
        // the whole pattern must equal it.
        let literal = pattern
            .iter()
            .position(|&c| c == b'*' || c == b'?')
            .unwrap_or(pattern.len());
        if literal == pattern.len() {
            return same(pattern, text);
        }
        if text.len() < literal || !same(&pattern[..literal], &text[..literal]) {
            return false;
        }
        let (pattern, text) = (&pattern[literal..], &text[literal..]);
        // `prefix*` (and `*`): the prefix was all there was to check.
        if pattern.iter().all(|&c| c == b'*') {
            return true;
        }
        // The literal text after the last `*` must close `text`.
        if let Some(star) = pattern.iter().rposition(|&c| c == b'*') {
            let tail = &pattern[star + 1..];
            if !tail.contains(&b'?')
                && (text.len() < tail.len() || !same(tail, &text[text.len() - tail.len()..]))
            {
                return false;
            }
        }
        return matcher(pattern, text, b'*', b'?', eq);
    }
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let same =
        |p: &char, t: &char| p == t || (ignore_case && p.to_lowercase().eq(t.to_lowercase()));
    matcher(&pattern, &text, '*', '?', same)
}

/// Classic greedy matcher with one backtrack point: linear for IAM-sized inputs.
fn matcher<C: Copy + PartialEq>(
    pattern: &[C],
    text: &[C],
    star_char: C,
    any_char: C,
    same: impl Fn(&C, &C) -> bool,
) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len()
            && (pattern[p] == any_char || (pattern[p] != star_char && same(&pattern[p], &text[t])))
        {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == star_char {
            star = Some((p, t));
            p += 1;
        } else if let Some((star_p, star_t)) = star {
            p = star_p + 1;
            t = star_t + 1;
            star = Some((star_p, star_t + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == star_char)
}

/// Whether a value holds a wildcard character.
pub fn has_wildcard(text: &str) -> bool {
    text.contains(['*', '?'])
}

#[cfg(test)]
mod tests {
    use super::wildcard_match;

    #[test]
    fn star_spans_separators() {
        assert!(wildcard_match(
            "arn:aws:iam::*:role/*",
            "arn:aws:iam::111122223333:role/a/b",
            false
        ));
        assert!(!wildcard_match(
            "arn:aws:iam::*:role/*",
            "arn:aws:iam::111122223333:user/a",
            false
        ));
    }

    #[test]
    fn question_mark_is_one_character() {
        assert!(wildcard_match("sts:Assume?ole", "sts:AssumeRole", false));
        assert!(!wildcard_match("sts:Assume?ole", "sts:AssumeRRole", false));
    }

    #[test]
    fn case_rules_are_the_callers() {
        assert!(wildcard_match("STS:assumerole", "sts:AssumeRole", true));
        assert!(!wildcard_match("STS:assumerole", "sts:AssumeRole", false));
    }

    #[test]
    fn backtracking_and_edges() {
        assert!(wildcard_match("*a*b", "xxaxxab", false));
        assert!(wildcard_match("*", "", false));
        assert!(!wildcard_match("a", "", false));
        assert!(wildcard_match("a**", "a", false));
    }

    /// The plain character-by-character matcher the fast paths must agree with.
    fn reference(pattern: &str, text: &str, ignore_case: bool) -> bool {
        let pattern: Vec<char> = pattern.chars().collect();
        let text: Vec<char> = text.chars().collect();
        let same =
            |p: char, t: char| p == t || (ignore_case && p.to_lowercase().eq(t.to_lowercase()));
        fn go(p: &[char], t: &[char], same: &dyn Fn(char, char) -> bool) -> bool {
            match p.first() {
                None => t.is_empty(),
                Some('*') => (0..=t.len()).any(|skip| go(&p[1..], &t[skip..], same)),
                Some('?') => !t.is_empty() && go(&p[1..], &t[1..], same),
                Some(&c) => !t.is_empty() && same(c, t[0]) && go(&p[1..], &t[1..], same),
            }
        }
        go(&pattern, &text, &same)
    }

    #[test]
    fn agrees_with_the_reference_matcher() {
        // The first six are ASCII (the fast paths); the accented letters take the other path.
        let alphabet = ['a', 'A', 'b', ':', '*', '?', 'é', 'É'];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for round in 0..40_000 {
            let letters = if round % 2 == 0 { 6 } else { alphabet.len() };
            let pattern: String = (0..next(8)).map(|_| alphabet[next(letters)]).collect();
            let text: String = (0..next(8)).map(|_| alphabet[next(letters)]).collect();
            for ignore_case in [false, true] {
                assert_eq!(
                    wildcard_match(&pattern, &text, ignore_case),
                    reference(&pattern, &text, ignore_case),
                    "{pattern:?} {text:?} {ignore_case}"
                );
            }
        }
    }

    #[test]
    fn non_ascii_matches_by_character() {
        assert!(wildcard_match("caf?", "café", false));
        assert!(wildcard_match("CAFÉ*", "café-1", true));
        assert!(!wildcard_match("caf?", "cafée", false));
        assert!(wildcard_match("*é", "xxé", false));
    }
}
