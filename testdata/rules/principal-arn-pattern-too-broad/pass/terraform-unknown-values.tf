variable "trusted_account" {
  type = string
}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = {
        ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::${var.trusted_account}:role/deploy" }
      }
    }]
  })
}
