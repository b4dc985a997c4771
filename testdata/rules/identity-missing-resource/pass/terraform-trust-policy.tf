# A trust policy has no Resource, and must not: the same kind of statement, in assume_role_policy.
data "aws_iam_policy_document" "missing_resource_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sqs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "queue_role" {
  name               = "queue-role"
  assume_role_policy = data.aws_iam_policy_document.missing_resource_trust.json
}
