//! Finding the identity grants that may cover a role ARN without comparing every grant with
//! every role (DESIGN §1.5): exact ARNs in a hash map, wildcard patterns filed in a trie under
//! their literal prefix (the text before the first `*` or `?`). A lookup walks the ARN once
//! down the trie, meeting every prefix it starts with; there a pattern that is its prefix and
//! `*` (`…:role/team-*`, the common grant) matches outright, any other is confirmed by matching
//! the rest of the pattern against the rest of the ARN.

use std::collections::HashMap;

use crate::model::pattern::wildcard_match;

/// Values of type `T` filed under resource patterns.
#[derive(Debug)]
pub struct PatternIndex<T> {
    exact: HashMap<String, Vec<T>>,
    /// The root (the empty prefix, for patterns that open with a wildcard) is node 0.
    trie: Vec<PrefixNode<T>>,
}

/// One literal prefix of the trie: the patterns that start with exactly it (by what follows
/// the prefix, which opens with `*` or `?`), and the longer prefixes by their next byte.
#[derive(Debug)]
struct PrefixNode<T> {
    children: Vec<(u8, usize)>,
    patterns: Vec<(Box<str>, T)>,
}

impl<T> PrefixNode<T> {
    fn new() -> Self {
        PrefixNode {
            children: Vec::new(),
            patterns: Vec::new(),
        }
    }

    fn child(&self, byte: u8) -> Option<usize> {
        self.children
            .iter()
            .find(|&&(b, _)| b == byte)
            .map(|&(_, node)| node)
    }
}

impl<T> Default for PatternIndex<T> {
    fn default() -> Self {
        PatternIndex {
            exact: HashMap::new(),
            trie: vec![PrefixNode::new()],
        }
    }
}

impl<T: Copy> PatternIndex<T> {
    pub fn insert(&mut self, pattern: &str, value: T) {
        let Some(at) = pattern.find(['*', '?']) else {
            self.exact
                .entry(pattern.to_string())
                .or_default()
                .push(value);
            return;
        };
        let mut node = 0;
        for &byte in &pattern.as_bytes()[..at] {
            node = match self.trie[node].child(byte) {
                Some(child) => child,
                None => {
                    self.trie.push(PrefixNode::new());
                    let child = self.trie.len() - 1;
                    self.trie[node].children.push((byte, child));
                    child
                }
            };
        }
        self.trie[node].patterns.push((pattern[at..].into(), value));
    }

    /// Every value whose pattern matches `text` (case-sensitively, as ARNs match): exact
    /// patterns first, then wildcard patterns by ascending prefix length.
    pub fn matching(&self, text: &str) -> Vec<T> {
        let mut found: Vec<T> = self.exact.get(text).cloned().unwrap_or_default();
        let mut node = Some(0);
        let mut depth = 0;
        while let Some(at) = node {
            let patterns = &self.trie[at].patterns;
            if !patterns.is_empty() {
                // `text` starts with this node's prefix, a whole UTF-8 string (a node inside a
                // character holds no pattern), so `depth` is on a character boundary.
                let rest = &text[depth..];
                found.extend(
                    patterns
                        .iter()
                        .filter(|(tail, _)| {
                            tail.bytes().all(|b| b == b'*') || wildcard_match(tail, rest, false)
                        })
                        .map(|(_, value)| *value),
                );
            }
            node = text
                .as_bytes()
                .get(depth)
                .and_then(|&byte| self.trie[at].child(byte));
            depth += 1;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::PatternIndex;

    #[test]
    fn exact_prefix_and_global_patterns() {
        let mut index = PatternIndex::default();
        index.insert("arn:aws:iam::111122223333:role/deploy", 1);
        index.insert("arn:aws:iam::111122223333:role/team-*", 2);
        index.insert("arn:aws:iam::*:role/*", 3);
        index.insert("*", 4);
        index.insert("arn:aws:iam::444455556666:role/*", 5);
        let mut found = index.matching("arn:aws:iam::111122223333:role/team-a");
        found.sort();
        assert_eq!(found, vec![2, 3, 4]);
        let mut found = index.matching("arn:aws:iam::111122223333:role/deploy");
        found.sort();
        assert_eq!(found, vec![1, 3, 4]);
    }

    #[test]
    fn shared_and_nested_prefixes_in_order_of_length() {
        let mut index = PatternIndex::default();
        index.insert("arn:aws:iam::1:role/é?", 1);
        index.insert("arn:aws:iam::1:role/*", 2);
        index.insert("arn:aws:iam::1:role/éa*", 3);
        index.insert("arn:aws:iam::1:role/x*", 4);
        index.insert("*a", 5);
        assert_eq!(index.matching("arn:aws:iam::1:role/éa"), vec![5, 2, 1, 3]);
        assert_eq!(index.matching("arn:aws:iam::1:role/"), vec![2]);
        assert!(index.matching("").is_empty());
    }
}
