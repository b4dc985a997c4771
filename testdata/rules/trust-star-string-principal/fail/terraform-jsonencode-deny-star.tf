# `Principal = "*"` in a Deny written with jsonencode(): the meaning is right, the form is
# rejected in a trust policy.
resource "aws_iam_role" "regional" {
  name = "regional"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/ops" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "sts:AssumeRole"
        Condition = { StringNotEquals = { "aws:RequestedRegion" = "eu-west-1" } }
      },
    ]
  })
}
