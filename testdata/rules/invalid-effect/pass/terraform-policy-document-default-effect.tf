# An aws_iam_policy_document statement without `effect`: the provider writes "Allow".
data "aws_iam_policy_document" "invalid_effect_default" {
  statement {
    actions   = ["dynamodb:GetItem"]
    resources = ["arn:aws:dynamodb:eu-west-1:111122223333:table/orders"]
  }
}

resource "aws_iam_policy" "orders_default" {
  name   = "orders-read"
  policy = data.aws_iam_policy_document.invalid_effect_default.json
}
