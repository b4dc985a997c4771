# A statement copied and edited without renaming its Sid: IAM requires unique Sids.
resource "aws_iam_role_policy" "logs" {
  name = "logs"
  role = "collector"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadLogs"
        Effect   = "Allow"
        Action   = "logs:GetLogEvents"
        Resource = "arn:aws:logs:eu-west-1:111122223333:log-group:app:*"
      },
      {
        Sid      = "ReadLogs"
        Effect   = "Allow"
        Action   = "logs:DescribeLogStreams"
        Resource = "*"
      },
    ]
  })
}
