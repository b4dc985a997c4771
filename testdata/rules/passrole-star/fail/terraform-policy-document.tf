# A role's inline policy lets it pass every role of its own account to ECS.
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["ecs:RunTask", "iam:PassRole"]
    resources = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/*"]
  }
}

resource "aws_iam_role_policy" "deployer" {
  name   = "deployer"
  role   = "deployer"
  policy = data.aws_iam_policy_document.deployer.json
}
