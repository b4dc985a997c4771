# Known values interpolated into a principal ARN, in the policy itself.
locals {
  acct = "444455556666"
}

variable "role_path" {
  type    = string
  default = "deploy"
}

resource "aws_iam_role" "interpolated" {
  name = "interpolated"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::${local.acct}:root" }, Action = "sts:AssumeRole" },
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::${local.acct}:role/${var.role_path}-*" }, Action = "sts:AssumeRole" },
    ]
  })
}
