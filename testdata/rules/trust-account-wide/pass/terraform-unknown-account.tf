# The account comes from a variable without a value: the principal is unknown.
variable "account_wide_unknown" {
  type = string
}

resource "aws_iam_role" "unknown_account" {
  name = "unknown-account"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::${var.account_wide_unknown}:root" }, Action = "sts:AssumeRole" }]
  })
}
