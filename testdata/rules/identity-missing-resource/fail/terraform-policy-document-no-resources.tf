# An aws_iam_policy_document statement without `resources`, attached as a managed policy: the
# provider writes no Resource.
data "aws_iam_policy_document" "missing_resource_queue" {
  statement {
    actions = ["sqs:SendMessage"]
  }
}

resource "aws_iam_policy" "queue_writer" {
  name   = "queue-writer"
  policy = data.aws_iam_policy_document.missing_resource_queue.json
}
