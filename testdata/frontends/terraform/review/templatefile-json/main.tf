# A `.json` file rendered with templatefile() holds Terraform template syntax: it is not a
# policy file of its own, and the rendered document is unknown.
resource "aws_iam_role_policy" "lambda" {
  role = "lambda"
  policy = templatefile("${path.module}/policies/lambda.json", {
    kms_key_arn = ""
    queue_arn   = "arn:aws:sqs:eu-west-1:111122223333:q"
  })
}
