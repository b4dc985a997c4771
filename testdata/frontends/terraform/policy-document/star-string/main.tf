# `type = "*"` with `identifiers = ["*"]` is the one form the provider renders as the bare
# string `"Principal": "*"`, which IAM rejects in a role trust policy (TL110).
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "star" {
  name               = "star"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
