# A SAML role with no SAML:aud condition.
resource "aws_iam_saml_provider" "okta" {
  name                   = "okta"
  saml_metadata_document = file("metadata.xml")
}

data "aws_iam_policy_document" "saml" {
  statement {
    actions = ["sts:AssumeRoleWithSAML"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_saml_provider.okta.arn]
    }
  }
}

resource "aws_iam_role" "engineers" {
  name               = "engineers"
  assume_role_policy = data.aws_iam_policy_document.saml.json
}
