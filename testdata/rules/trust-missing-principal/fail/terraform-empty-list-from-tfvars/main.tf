# The trusted ARNs come from terraform.tfvars, which sets an empty list.
variable "trusted_arns" {
  type    = list(string)
  default = ["arn:aws:iam::111122223333:role/ci"]
}

resource "aws_iam_role" "from_tfvars" {
  name = "from-tfvars"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.trusted_arns }, Action = "sts:AssumeRole" }]
  })
}
