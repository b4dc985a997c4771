# A SAML provider is a federated principal, not an account.
data "aws_iam_policy_document" "account_wide_saml" {
  statement {
    actions = ["sts:AssumeRoleWithSAML"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:saml-provider/corp-idp"]
    }
    condition {
      test     = "StringEquals"
      variable = "SAML:aud"
      values   = ["https://signin.aws.amazon.com/saml"]
    }
  }
}

resource "aws_iam_role" "sso" {
  name               = "sso"
  assume_role_policy = data.aws_iam_policy_document.account_wide_saml.json
}
