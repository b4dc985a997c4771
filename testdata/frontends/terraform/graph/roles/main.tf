# CI assumes the deploy role: its grant names aws_iam_role.deploy.arn, whose trust names
# aws_iam_role.ci.arn (an edge, though the deploy role's name is only a prefix). Its grant on
# the `other` role, which trusts only EC2, can never be used (TL402).
data "aws_caller_identity" "current" {}

resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "ci_assume" {
  role = aws_iam_role.ci.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sts:AssumeRole"
      Resource = [aws_iam_role.deploy.arn, aws_iam_role.other.arn]
    }]
  })
}

resource "aws_iam_role" "deploy" {
  name_prefix = "deploy-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.ci.arn }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "other" {
  name = "other"
  path = "/service/"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
