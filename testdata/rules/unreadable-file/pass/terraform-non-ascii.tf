# Non-ASCII text in UTF-8 is readable: "Rôle de déploiement → CI".
resource "aws_iam_role" "deploy" {
  name        = "deploy"
  description = "Rôle de déploiement → CI"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codedeploy.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
