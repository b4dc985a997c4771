# Version "2008-10-17" with the policy variable `$${aws:username}` (Terraform's escape for
# `${aws:username}`): under the legacy version IAM matches it as literal text.
resource "aws_iam_policy" "home_legacy" {
  name = "home-legacy"
  policy = jsonencode({
    Version = "2008-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::example-home/home/$${aws:username}/*"
    }]
  })
}
