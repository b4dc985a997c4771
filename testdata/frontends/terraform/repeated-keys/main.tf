# Terraform accepts an object that repeats a key and keeps the last value: this file is
# valid, the statement's Effect is "Allow", and the "*" is found (TL201). The tags of the
# bucket repeat a key too, and are no finding.
resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { Name = "a", "Name" = "b" }
}
