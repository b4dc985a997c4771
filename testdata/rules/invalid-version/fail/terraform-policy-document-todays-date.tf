# `version` in aws_iam_policy_document set to the day the policy was written.
data "aws_iam_policy_document" "invalid_version_date" {
  version = "2024-05-01"
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["arn:aws:sqs:eu-west-1:111122223333:events"]
  }
}

resource "aws_iam_role_policy" "events" {
  name   = "events"
  role   = "producer"
  policy = data.aws_iam_policy_document.invalid_version_date.json
}
