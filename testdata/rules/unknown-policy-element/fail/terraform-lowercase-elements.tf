# The argument names of `aws_iam_policy_document` (effect, actions, resources) written inside
# jsonencode(): IAM knows only its own element names, so each is an unknown element.
resource "aws_iam_role_policy" "queue" {
  name = "queue"
  role = "worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      effect    = "Allow"
      actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
      resources = ["arn:aws:sqs:eu-west-1:111122223333:jobs"]
    }]
  })
}
