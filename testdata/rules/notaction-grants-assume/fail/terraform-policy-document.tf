data "aws_iam_policy_document" "power" {
  statement {
    not_actions = ["iam:*", "organizations:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "power" {
  name   = "power"
  policy = data.aws_iam_policy_document.power.json
}
