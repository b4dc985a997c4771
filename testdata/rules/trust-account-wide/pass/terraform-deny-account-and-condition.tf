# An account named in a Deny, or only in a condition, is not trusted as a whole.
data "aws_iam_policy_document" "account_wide_condition" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = ["444455556666"]
    }
  }
  statement {
    effect  = "Deny"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::999988887777:root"]
    }
  }
}

resource "aws_iam_role" "account_condition" {
  name               = "account-condition"
  assume_role_policy = data.aws_iam_policy_document.account_wide_condition.json
}
