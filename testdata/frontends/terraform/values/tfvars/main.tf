# The CI principal's default is exact; terraform.tfvars replaces it with a pattern, and that is
# what gets deployed (TL111 at the tfvars value).
variable "ci_principal" {
  type    = string
  default = "arn:aws:iam::111122223333:role/ci"
}

resource "aws_iam_role" "artifacts" {
  name = "artifacts"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.ci_principal }
      Action    = "sts:AssumeRole"
    }]
  })
}
