//! The service principals documented to send `aws:SourceArn` / `aws:SourceAccount` when they
//! assume a role, from `source_condition_services.txt` (its header names how the list was built
//! and the date taken; each line names the AWS page that shows the condition on a role trust).

use std::sync::LazyLock;

/// One service principal and the AWS page showing its trust restricted by source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceConditionService {
    pub service: String,
    pub page: String,
}

pub static SOURCE_CONDITION_SERVICES: LazyLock<Vec<SourceConditionService>> =
    LazyLock::new(|| parse(include_str!("source_condition_services.txt")));

/// The entry for a service principal, written exactly as AWS writes it (service principals are
/// case-sensitive).
pub fn documented(service: &str) -> Option<&'static SourceConditionService> {
    SOURCE_CONDITION_SERVICES
        .iter()
        .find(|s| s.service == service)
}

/// Reads the list: `#` lines are comments; a data line is `<service>\t<page>`.
fn parse(text: &str) -> Vec<SourceConditionService> {
    super::data_lines(text)
        .filter_map(|line| {
            let (service, page) = line.split_once('\t')?;
            Some(SourceConditionService {
                service: service.to_string(),
                page: page.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{SOURCE_CONDITION_SERVICES, documented};

    #[test]
    fn every_line_is_read_and_names_an_aws_page() {
        assert_eq!(SOURCE_CONDITION_SERVICES.len(), 11);
        assert!(
            SOURCE_CONDITION_SERVICES
                .iter()
                .all(|s| s.page.starts_with("https://docs.aws.amazon.com/"))
        );
    }

    /// The services known to break when the condition is added are never listed.
    #[test]
    fn known_false_positives_are_absent() {
        for service in [
            "ec2.amazonaws.com",
            "lambda.amazonaws.com",
            "cloudtrail.amazonaws.com",
            "logs.amazonaws.com",
            "elastictranscoder.amazonaws.com",
            "iotevents.amazonaws.com",
        ] {
            assert_eq!(documented(service), None, "{service}");
        }
        assert!(documented("config.amazonaws.com").is_some());
        assert_eq!(documented("Config.amazonaws.com"), None);
    }
}
