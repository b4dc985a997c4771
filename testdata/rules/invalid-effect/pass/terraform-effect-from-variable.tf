# The Effect comes from a variable without a value: unknown, so nothing is reported.
variable "invalid_effect_value" {
  type = string
}

resource "aws_iam_policy" "switchable" {
  name = "switchable"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = var.invalid_effect_value, Action = "s3:DeleteObject", Resource = "*" }]
  })
}
