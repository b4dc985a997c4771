# A managed policy rendered from aws_iam_policy_document: every role ARN of every account.
data "aws_iam_policy_document" "hop" {
  statement {
    actions   = ["sts:AssumeRole", "sts:TagSession"]
    resources = ["arn:aws:iam::*:role/*"]
  }
}

resource "aws_iam_policy" "hop" {
  name   = "hop"
  policy = data.aws_iam_policy_document.hop.json
}
