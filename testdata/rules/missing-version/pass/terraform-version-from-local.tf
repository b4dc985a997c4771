# The Version comes from a local: it is there.
locals {
  missing_version_policy_version = "2012-10-17"
}

resource "aws_iam_policy" "from_local" {
  name = "from-local"
  policy = jsonencode({
    Version   = local.missing_version_policy_version
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::example-data/*" }]
  })
}
