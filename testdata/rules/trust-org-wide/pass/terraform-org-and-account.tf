# The organization and, within it, named accounts: narrower than the whole organization.
resource "aws_iam_role" "org_accounts" {
  name = "org-accounts"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = {
          "aws:PrincipalOrgID"   = "o-a1b2c3d4e5"
          "aws:PrincipalAccount" = ["111122223333", "444455556666"]
        }
      }
    }]
  })
}
