# Saved as Latin-1: the role description below holds the byte 0xE9, which is not UTF-8.
resource "aws_iam_role" "deploy" {
  name        = "deploy"
  description = "Rôle de déploiement"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codedeploy.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
