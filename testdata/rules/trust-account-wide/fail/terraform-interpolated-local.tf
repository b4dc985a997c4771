# The account comes from a local interpolated into the root ARN; the template is known, so the
# account is.
locals {
  account_wide_tooling = "777788889999"
}

resource "aws_iam_role" "tooling" {
  name = "tooling"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::${local.account_wide_tooling}:root" }, Action = "sts:AssumeRole" }]
  })
}
