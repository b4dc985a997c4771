# Two instances of the role module: `ci` trusts the CI service and may assume `deploy`;
# `public` is handed "*" (TL201, at the input). A registry module is unknown.
module "ci" {
  source    = "../modules/role"
  name      = "ci"
  trusted   = "arn:aws:iam::111122223333:role/runner"
  assumable = ["arn:aws:iam::111122223333:role/deploy"]
}

module "public" {
  source  = "../modules/role"
  name    = "public"
  trusted = "*"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

# The deploy role trusts the CI instance's role through the module's output: an edge, since
# the CI role is granted sts:AssumeRole on it.
resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = module.ci.arn }, Action = "sts:AssumeRole" }]
  })
}

# One instance's output is another's input: the chained role trusts the CI role.
module "chained" {
  source  = "../modules/role"
  name    = "chained"
  trusted = module.ci.arn
}
