# A heredoc of JSON goes to AWS as written: `Effect` twice, and parsers disagree on which wins.
resource "aws_iam_role" "batch" {
  name               = "batch"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Deny",
          "Principal": {"Service": "batch.amazonaws.com"},
          "Action": "sts:AssumeRole",
          "Effect": "Allow"
        }
      ]
    }
  EOT
}
