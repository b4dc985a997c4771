# An aws_iam_policy_document statement with effect "Permit": IAM accepts only Allow or Deny.
data "aws_iam_policy_document" "invalid_effect_permit" {
  statement {
    effect    = "Permit"
    actions   = ["dynamodb:GetItem"]
    resources = ["arn:aws:dynamodb:eu-west-1:111122223333:table/orders"]
  }
}

resource "aws_iam_policy" "orders" {
  name   = "orders-read"
  policy = data.aws_iam_policy_document.invalid_effect_permit.json
}
