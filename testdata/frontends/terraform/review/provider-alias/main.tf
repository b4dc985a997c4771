# A role deployed through an aliased provider may be in another account: its trust naming
# the local user gives no edge, so no escalation is reported.
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "production"
  region = "eu-west-1"
  assume_role {
    role_arn = "arn:aws:iam::222233334444:role/terraform"
  }
}

resource "aws_iam_user" "dev" {
  name = "dev"
}

resource "aws_iam_role" "admin" {
  provider = aws.production
  name     = "admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = aws_iam_user.dev.arn }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "admin" {
  provider   = aws.production
  role       = aws_iam_role.admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
