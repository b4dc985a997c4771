# Terraform interpolations are filled in before AWS sees the policy: the known local gives an
# exact ARN, the caller-identity data source an account not known here. Neither is a wildcard.
locals {
  partial_wildcard_account = "111122223333"
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "interpolated" {
  name = "interpolated"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = { AWS = [
        "arn:aws:iam::${local.partial_wildcard_account}:role/deploy",
        "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/deploy",
      ] }
      Action = "sts:AssumeRole"
    }]
  })
}
