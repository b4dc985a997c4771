# An Allow with NotPrincipal in jsonencode(): meant as "everyone but", rejected by IAM in a
# trust policy.
resource "aws_iam_role" "everyone_but" {
  name = "everyone-but"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect       = "Allow"
      NotPrincipal = { AWS = "arn:aws:iam::444455556666:root" }
      Action       = "sts:AssumeRole"
    }]
  })
}
