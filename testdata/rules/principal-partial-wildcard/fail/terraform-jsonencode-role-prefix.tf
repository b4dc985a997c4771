# A wildcard at the end of a role ARN: principals cannot be matched by pattern.
resource "aws_iam_role" "deploy_target" {
  name = "deploy-target"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/deploy-*" }
      Action    = "sts:AssumeRole"
    }]
  })
}
