# The version comes from terraform.tfvars, which sets the current one (the default's typo is
# never deployed).
variable "policy_version" {
  type    = string
  default = "2012-10-18"
}

resource "aws_iam_policy" "versioned" {
  name = "versioned"
  policy = jsonencode({
    Version   = var.policy_version
    Statement = [{ Effect = "Allow", Action = "s3:ListBucket", Resource = "arn:aws:s3:::example-data" }]
  })
}
