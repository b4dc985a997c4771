//! The STS actions and which of them a role trust policy grants, from `sts_actions.txt` (its
//! header names the source, the Service Authorization Reference, and the date taken).

use std::sync::LazyLock;

/// One STS action: `sts:<name>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StsAction {
    /// `sts:AssumeRole`, as AWS spells it.
    pub action: String,
    /// Whether a role trust policy grants it.
    pub trust: bool,
}

/// Every STS action in the bundled list, in its order.
pub static STS_ACTIONS: LazyLock<Vec<StsAction>> =
    LazyLock::new(|| parse(include_str!("sts_actions.txt")));

/// Reads the list: `#` lines are comments; a data line is `<Name>\t<trust|->`.
fn parse(text: &str) -> Vec<StsAction> {
    super::data_lines(text)
        .filter_map(|line| {
            let (name, kind) = line.split_once('\t')?;
            Some(StsAction {
                action: format!("sts:{name}"),
                trust: kind == "trust",
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::STS_ACTIONS;
    use crate::eval::action::TRUST_ACTIONS;

    #[test]
    fn every_line_is_read() {
        assert_eq!(STS_ACTIONS.len(), 15);
    }

    /// The evaluation engine's trust actions are the list's, so the two cannot drift apart.
    #[test]
    fn trust_actions_agree_with_the_engine() {
        let mut listed: Vec<&str> = STS_ACTIONS
            .iter()
            .filter(|a| a.trust)
            .map(|a| a.action.as_str())
            .collect();
        let mut engine = TRUST_ACTIONS.to_vec();
        listed.sort_unstable();
        engine.sort_unstable();
        assert_eq!(listed, engine);
    }
}
