# An aws_iam_policy is an identity policy: a Principal element makes IAM reject it.
resource "aws_iam_policy" "reader" {
  name = "reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "s3:GetObject"
      Resource  = "*"
    }]
  })
}
