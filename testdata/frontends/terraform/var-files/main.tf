# `sandbox.tfvars` is a -var-file for some runs, not what a plain `terraform apply` reads:
# the trust deploys the default, a named role, and nothing is found.
variable "trusted" {
  default = "arn:aws:iam::111122223333:role/ci"
}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.trusted }, Action = "sts:AssumeRole" }]
  })
}
