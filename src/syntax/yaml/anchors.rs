//! Anchored nodes and the budget that bounds what aliases may copy.
//!
//! An alias becomes a copy of its anchored node, so a few lines of aliases to aliases (the
//! "billion laughs" file) would ask for billions of nodes. Every copy is charged to one budget
//! per file, in nodes and in bytes of copied text, so such a file is an error at the alias that
//! would exceed it, after bounded work and memory, never a hang or an out-of-memory abort.

use std::collections::HashMap;

use crate::syntax::tree::Node;

/// The nodes an expansion may copy in any file, before the allowance for the file's size.
pub const MAX_COPIED_NODES: u64 = 1_000_000;
/// The bytes of keys and strings an expansion may copy in any file, before the allowance for
/// the file's size.
pub const MAX_COPIED_BYTES: u64 = 64 << 20;

/// The size of a subtree: its nodes (members count as their value's node) and the bytes of its
/// keys and strings. Known for every node as it is built, so that storing or copying an
/// anchored node costs no walk of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Weight {
    pub nodes: u64,
    pub bytes: u64,
}

impl Weight {
    pub fn new(nodes: u64, bytes: usize) -> Self {
        Weight {
            nodes,
            bytes: bytes as u64,
        }
    }

    pub fn add(&mut self, other: Weight) {
        self.nodes += other.nodes;
        self.bytes += other.bytes;
    }
}

/// Why an alias cannot be expanded.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// The copy would pass the budget.
    OverBudget,
    /// No finished node of that id in this document: the alias is inside the collection it
    /// names (`&a [*a]`), as granit reports undefined names itself.
    Unknown,
}

enum Entry {
    Node(Node, Weight),
    /// Anchored, but too large to keep a copy of within the budget: an alias to it is refused.
    TooLarge,
}

/// The anchored nodes of the current document, by granit's anchor id, and the file's budget.
pub(super) struct Anchors {
    entries: HashMap<usize, Entry>,
    nodes_left: u64,
    bytes_left: u64,
}

impl Anchors {
    /// The budget for a file of `text_len` bytes: the fixed allowance plus one node and one
    /// byte per byte of the file, so a large legitimate template is never short of it.
    pub fn new(text_len: usize) -> Self {
        Anchors {
            entries: HashMap::new(),
            nodes_left: MAX_COPIED_NODES + text_len as u64,
            bytes_left: MAX_COPIED_BYTES + text_len as u64,
        }
    }

    /// Anchors are scoped to their document; the budget is the file's.
    pub fn end_document(&mut self) {
        self.entries.clear();
    }

    /// Keeps a copy of an anchored node for later aliases. The copy is charged to the budget;
    /// when it does not fit, the anchor is remembered as too large instead, and only an alias to
    /// it is an error.
    pub fn define(&mut self, id: usize, node: &Node, weight: Weight) {
        let entry = if self.charge(weight) {
            Entry::Node(node.clone(), weight)
        } else {
            Entry::TooLarge
        };
        self.entries.insert(id, entry);
    }

    /// A copy of the node anchored as `id`, and its weight, charged to the budget.
    pub fn expand(&mut self, id: usize) -> Result<(Node, Weight), Refusal> {
        let weight = match self.entries.get(&id) {
            Some(Entry::Node(_, weight)) => *weight,
            Some(Entry::TooLarge) => return Err(Refusal::OverBudget),
            None => return Err(Refusal::Unknown),
        };
        if !self.charge(weight) {
            return Err(Refusal::OverBudget);
        }
        match self.entries.get(&id) {
            Some(Entry::Node(node, weight)) => Ok((node.clone(), *weight)),
            _ => Err(Refusal::Unknown),
        }
    }

    /// The anchored node as stored, without copying it (for a key written as an alias).
    pub fn peek(&self, id: usize) -> Option<&Node> {
        match self.entries.get(&id) {
            Some(Entry::Node(node, _)) => Some(node),
            _ => None,
        }
    }

    /// Takes `weight` from the budget, or leaves it untouched and says no.
    pub fn charge(&mut self, weight: Weight) -> bool {
        if weight.nodes > self.nodes_left || weight.bytes > self.bytes_left {
            return false;
        }
        self.nodes_left -= weight.nodes;
        self.bytes_left -= weight.bytes;
        true
    }
}
