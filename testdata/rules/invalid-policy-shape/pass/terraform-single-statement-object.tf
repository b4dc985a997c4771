# `Statement` may be one object instead of a list of them.
resource "aws_iam_policy" "single" {
  name = "single-statement"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = { Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "*" }
  })
}
