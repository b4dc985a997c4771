# The caller identity read through an aliased provider is that provider's account: the
# trust names a user there, not the local user `dev`.
provider "aws" {
  alias = "production"
  assume_role {
    role_arn = "arn:aws:iam::222233334444:role/terraform"
  }
}
data "aws_caller_identity" "production" {
  provider = aws.production
}
resource "aws_iam_user" "dev" {
  name = "dev"
}
resource "aws_iam_role" "admin" {
  name = "admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.production.account_id}:user/dev" }
    }]
  })
}
resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
