# `Effect` written as a list in a heredoc: it takes a single string.
resource "aws_iam_user_policy" "describe" {
  name   = "describe"
  user   = "auditor"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": ["Allow"], "Action": "ec2:Describe*", "Resource": "*"}
  ]
}
EOT
}
