# An exact role ARN names one principal, not an account.
resource "aws_iam_role" "break_glass_role" {
  name = "break-glass"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:role/ops/break-glass" }
      Action    = "sts:AssumeRole"
    }]
  })
}
