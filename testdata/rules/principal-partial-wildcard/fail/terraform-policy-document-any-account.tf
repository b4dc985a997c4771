# `arn:aws:iam::*:root` in the identifiers of a principals block: "every account" cannot be
# written as a pattern.
data "aws_iam_policy_document" "partial_wildcard_accounts" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root", "arn:aws:iam::*:root"]
    }
  }
}

resource "aws_iam_role" "shared_reader" {
  name               = "shared-reader"
  assume_role_policy = data.aws_iam_policy_document.partial_wildcard_accounts.json
}
