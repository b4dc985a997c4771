# Permissions written into the trust by mistake: a trust never grants them.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole", "logs:CreateLogGroup"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "fn" {
  name               = "fn"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
