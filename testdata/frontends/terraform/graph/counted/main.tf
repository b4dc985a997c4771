# A counted role is one node for all its instances; an index reference reaches it.
variable "environments" {
  type = list(string)
}

resource "aws_iam_role" "runner" {
  count = length(var.environments)
  name  = "runner-${var.environments[count.index]}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = aws_iam_role.runner[0].arn }, Action = "sts:AssumeRole" }]
  })
}
