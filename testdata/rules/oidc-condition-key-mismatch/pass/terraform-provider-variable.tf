# The provider is a variable: it may be the one the keys name.
variable "oidc_provider_arn" {
  type = string
}

resource "aws_iam_role" "external_dns" {
  name = "external-dns"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = var.oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/9999BBBBCCCCDDDDEEEEFFFF00002222:sub" = "system:serviceaccount:kube-system:external-dns"
        }
      }
    }]
  })
}
