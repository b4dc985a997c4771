# The policy is attached to roles named by a variable: either role may hold it, so neither
# role's identity side is known whole, and the trust naming `app` by ARN stays certain only
# where it needs no grant.
variable "roles" {
  type = set(string)
}

resource "aws_iam_policy" "assume_app" {
  name = "assume-app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = aws_iam_role.app.arn }]
  })
}

resource "aws_iam_role_policy_attachment" "assume_app" {
  for_each   = var.roles
  role       = each.value
  policy_arn = aws_iam_policy.assume_app.arn
}

resource "aws_iam_role" "worker" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }, Action = "sts:AssumeRole" }]
  })
}

data "aws_caller_identity" "current" {}
