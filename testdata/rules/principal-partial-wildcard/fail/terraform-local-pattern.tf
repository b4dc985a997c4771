# The pattern is written in a local and used in the trust: the finding points at the local's
# value and labels where it comes in.
locals {
  partial_wildcard_ci_roles = "arn:aws:iam::111122223333:role/ci-*"
}

resource "aws_iam_role" "artifacts_writer" {
  name = "artifacts-writer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = local.partial_wildcard_ci_roles }, Action = "sts:AssumeRole" }]
  })
}
