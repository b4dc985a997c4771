# A role in HCL whose trust is a policy document and whose name is a local, both written in
# JSON syntax (trust.tf.json).
resource "aws_iam_role" "app" {
  name               = local.app_name
  assume_role_policy = data.aws_iam_policy_document.app_trust.json
}

locals {
  ci_trust = {
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.ci_principal }
      Action    = "sts:AssumeRole"
    }]
  }
}

variable "ci_principal" {
  default = "arn:aws:iam::111122223333:role/ci"
}
