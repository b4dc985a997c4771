# STS calls that identity policies grant, and another service's action, written into a trust.
resource "aws_iam_role" "worker" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = ["sts:AssumeRole", "s3:GetObject", "sts:GetCallerIdentity", "sts:Get*Token"]
    }]
  })
}
