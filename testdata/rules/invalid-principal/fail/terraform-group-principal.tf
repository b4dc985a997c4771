# A group is never a principal: IAM rejects this trust on apply.
resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:group/ops" }
      Action    = "sts:AssumeRole"
    }]
  })
}
