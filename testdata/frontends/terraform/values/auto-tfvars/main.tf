# terraform.tfvars names one role; b-override.auto.tfvars, loaded after it (and after
# a-base.auto.tfvars, by name), opens the trust to everyone.
variable "trusted" {
  type = string
}

variable "policy_version" {
  type    = string
  default = "2012-10-17"
}

resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version   = var.policy_version
    Statement = [{ Effect = "Allow", Principal = { AWS = var.trusted }, Action = "sts:AssumeRole" }]
  })
}
