# An inline_policy block of a role, as a heredoc, whose statement has no Resource.
resource "aws_iam_role" "publisher" {
  name = "publisher"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })

  inline_policy {
    name   = "publish"
    policy = <<-EOT
      {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "sns:Publish"}]
      }
    EOT
  }
}
