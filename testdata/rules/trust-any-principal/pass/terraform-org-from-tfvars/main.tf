# "*" pinned to the organization, whose ID comes from terraform.tfvars.
variable "org_id" {
  type = string
}

resource "aws_iam_role" "org" {
  name = "org-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = var.org_id } }
    }]
  })
}
