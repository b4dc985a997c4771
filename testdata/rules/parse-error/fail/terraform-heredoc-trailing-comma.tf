# A heredoc of JSON is read as JSON, not HCL: the comma after the last statement makes IAM
# reject the document (MalformedPolicyDocument). The error points into the heredoc.
resource "aws_iam_role" "build" {
  name               = "build"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"Service": "codebuild.amazonaws.com"},
          "Action": "sts:AssumeRole"
        },
      ]
    }
  EOT
}
