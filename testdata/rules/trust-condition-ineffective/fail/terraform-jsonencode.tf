resource "aws_iam_role" "tagged" {
  name = "tagged"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = {
        StringNotLike = { "aws:RequestTag/env" = "prod*" }
      }
    }]
  })
}
