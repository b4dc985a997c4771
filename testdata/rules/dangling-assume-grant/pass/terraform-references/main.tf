# Near misses: the `deploy` role trusts the CI role by reference; the `shared` role's trust is
# a variable the linter cannot read, so it may admit the CI role.
variable "shared_trust" {
  type = string
}

resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "ci_assume" {
  role = aws_iam_role.ci.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = [aws_iam_role.deploy.arn, aws_iam_role.shared.arn] }]
  })
}

resource "aws_iam_role" "deploy" {
  name_prefix = "deploy-"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = aws_iam_role.ci.arn }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = var.shared_trust, Action = "sts:AssumeRole" }]
  })
}
