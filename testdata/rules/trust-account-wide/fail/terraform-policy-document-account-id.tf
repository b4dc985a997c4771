# A bare 12-digit account ID in the identifiers: the same as its root ARN.
data "aws_iam_policy_document" "account_wide_id" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["444455556666"]
    }
  }
}

resource "aws_iam_role" "partner_id" {
  name               = "partner-id"
  assume_role_policy = data.aws_iam_policy_document.account_wide_id.json
}
