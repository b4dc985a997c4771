# `$${aws:username}` is Terraform's escape for the literal IAM policy variable `${aws:username}`:
# the heredoc is valid JSON, and so is the policy AWS receives.
resource "aws_iam_user_policy" "home" {
  name   = "home-directory"
  user   = "alice"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::example-home/home/$${aws:username}/*"
    }
  ]
}
EOT
}
