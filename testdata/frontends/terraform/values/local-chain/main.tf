resource "aws_iam_role" "tooling" {
  name = "tooling"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = local.trusted_roots }, Action = "sts:AssumeRole" }]
  })
}
