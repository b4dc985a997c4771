//! Finding the identity grants that may cover a role ARN without comparing every grant with
//! every role (DESIGN §1.5): exact ARNs in a hash map, wildcard patterns bucketed by their
//! literal prefix (the text before the first `*` or `?`). A lookup probes one bucket per
//! distinct prefix length, then confirms each candidate with the full wildcard match.

use std::collections::HashMap;

use crate::model::pattern::wildcard_match;

/// Values of type `T` filed under resource patterns.
#[derive(Debug)]
pub struct PatternIndex<T> {
    exact: HashMap<String, Vec<T>>,
    by_prefix: HashMap<String, Vec<(String, T)>>,
    /// The distinct prefix lengths in `by_prefix`, ascending.
    prefix_lengths: Vec<usize>,
}

impl<T> Default for PatternIndex<T> {
    fn default() -> Self {
        PatternIndex {
            exact: HashMap::new(),
            by_prefix: HashMap::new(),
            prefix_lengths: Vec::new(),
        }
    }
}

impl<T: Copy> PatternIndex<T> {
    pub fn insert(&mut self, pattern: &str, value: T) {
        match pattern.find(['*', '?']) {
            None => self
                .exact
                .entry(pattern.to_string())
                .or_default()
                .push(value),
            Some(at) => {
                let prefix = &pattern[..at];
                if !self.prefix_lengths.contains(&prefix.len()) {
                    self.prefix_lengths.push(prefix.len());
                    self.prefix_lengths.sort_unstable();
                }
                self.by_prefix
                    .entry(prefix.to_string())
                    .or_default()
                    .push((pattern.to_string(), value));
            }
        }
    }

    /// Every value whose pattern matches `text` (case-sensitively, as ARNs match).
    pub fn matching(&self, text: &str) -> Vec<T> {
        let mut found: Vec<T> = self.exact.get(text).cloned().unwrap_or_default();
        for &length in &self.prefix_lengths {
            if length > text.len() || !text.is_char_boundary(length) {
                continue;
            }
            if let Some(entries) = self.by_prefix.get(&text[..length]) {
                found.extend(
                    entries
                        .iter()
                        .filter(|(pattern, _)| wildcard_match(pattern, text, false))
                        .map(|(_, value)| *value),
                );
            }
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
}
