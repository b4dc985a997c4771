# "Principals" (plural) in a heredoc: IAM has no such element.
resource "aws_iam_role" "notifier" {
  name               = "notifier"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Principals": {"Service": "sns.amazonaws.com"}, "Action": "sts:AssumeRole"}
      ]
    }
  EOT
}
