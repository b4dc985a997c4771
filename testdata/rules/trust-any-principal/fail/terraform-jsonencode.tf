# A role anyone can assume, written with jsonencode: the finding points at the "*" in this file.
resource "aws_iam_role" "public" {
  name = "public-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}
