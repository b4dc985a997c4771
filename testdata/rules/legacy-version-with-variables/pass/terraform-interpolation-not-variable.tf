# `${local.legacy_bucket}` is a Terraform interpolation, filled in before AWS sees the policy:
# not a policy variable (the missing Version is TL123's).
locals {
  legacy_bucket = "example-artifacts"
}

resource "aws_iam_policy" "artifacts" {
  name = "artifacts"
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "arn:aws:s3:::${local.legacy_bucket}/*"
    }]
  })
}
