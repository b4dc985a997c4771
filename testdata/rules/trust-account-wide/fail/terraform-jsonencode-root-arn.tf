# An account's root ARN: every principal of 444455556666 that its own policies allow may assume
# the role.
resource "aws_iam_role" "partner_read" {
  name = "partner-read"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}
