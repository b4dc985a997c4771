# An unknown log group ARN in a statement that grants nothing on roles decides nothing.
variable "log_group_arn" {
  type = string
}

resource "aws_iam_policy" "logs" {
  name = "logs"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:PutLogEvents"], Resource = var.log_group_arn }]
  })
}
