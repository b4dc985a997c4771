# The same key in different objects of a heredoc: each statement has its own `Effect`.
resource "aws_iam_role" "two_statements" {
  name               = "two-statements"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"},
        {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
      ]
    }
  EOT
}
