//! `aws iam get-policy-version` output: `{"PolicyVersion": {"Document": …, "VersionId": …,
//! "IsDefaultVersion": …}}`.
//!
//! The output does not name the policy (no ARN), so nothing can attach the document to a
//! principal: it is an identity policy with [`Attachment::Standalone`], linted on its own
//! whether or not it is the default version. To attach a managed policy, load an account dump
//! (its `Policies[]` carry the ARN) or name the file in a `[[principal]]` entry. The document
//! is an object as the CLI prints it, or the URL-encoded string the API returns.

use super::{Extracted, JsonShape};
use crate::model::{Attachment, DocumentKind};
use crate::syntax::iam::Reader;
use crate::syntax::tree::Node;

pub struct GetPolicyVersion;

impl JsonShape for GetPolicyVersion {
    fn marker(&self) -> &'static str {
        "PolicyVersion"
    }

    fn extract(&self, root: &mut Node, source: &str) -> Option<Extracted> {
        root.get("PolicyVersion")?.as_object()?;
        let mut version = root.take("PolicyVersion")?;
        let mut reader = Reader::new(source);
        if let Some(document) = version.take("Document") {
            reader.policy_document(
                document,
                "Document",
                DocumentKind::Identity,
                None,
                Attachment::Standalone,
            );
        }
        Some(reader.finish())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Attachment, DocumentKind};
    use crate::syntax::json::{Dialect, parse};
    use crate::syntax::shapes::extract;

    #[test]
    fn get_policy_version_is_a_standalone_identity_policy() {
        for text in [
            r#"{"PolicyVersion": {"Document": {"Version": "2012-10-17", "Statement": []}, "IsDefaultVersion": true}}"#,
            r#"{"PolicyVersion": {"Document": "%7B%22Statement%22%3A%5B%5D%7D", "IsDefaultVersion": false}}"#,
        ] {
            let out = extract(parse(text, 0, Dialect::Strict).unwrap(), text);
            assert_eq!(out.documents.len(), 1, "{text}");
            assert_eq!(out.documents[0].kind, DocumentKind::Identity);
            assert_eq!(out.documents[0].attachment, Attachment::Standalone);
            assert!(out.documents[0].owner.is_none());
        }
    }
}
