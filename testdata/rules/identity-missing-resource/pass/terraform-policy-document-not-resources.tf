# `not_resources` instead of `resources`: the statement says what it applies to.
data "aws_iam_policy_document" "missing_resource_not" {
  statement {
    effect        = "Deny"
    actions       = ["s3:*"]
    not_resources = ["arn:aws:s3:::example-data", "arn:aws:s3:::example-data/*"]
  }
}

resource "aws_iam_user_policy" "only_data" {
  name   = "only-data"
  user   = "analyst"
  policy = data.aws_iam_policy_document.missing_resource_not.json
}
