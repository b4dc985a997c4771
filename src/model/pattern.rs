//! IAM wildcard patterns: `*` matches any run of characters (including `/` and `:` when the
//! caller matches a whole string), `?` exactly one character.
//!
//! Case rules differ by element (AWS-SEMANTICS §3–§5): action names are case-insensitive,
//! ARNs and `StringLike` values are case-sensitive, so the caller chooses.

/// Whether `pattern` (with `*` and `?`) matches all of `text`.
pub fn wildcard_match(pattern: &str, text: &str, ignore_case: bool) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let same = |p: char, t: char| p == t || (ignore_case && p.to_lowercase().eq(t.to_lowercase()));
    // Classic greedy matcher with one backtrack point: linear for IAM-sized inputs.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len()
            && (pattern[p] == '?' || (pattern[p] != '*' && same(pattern[p], text[t])))
        {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
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
    pattern[p..].iter().all(|&c| c == '*')
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
}
