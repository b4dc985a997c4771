# The principal is a variable without a default or tfvars value: unknown, never "*".
variable "trusted" {
  type = string
}

resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.trusted }, Action = "sts:AssumeRole" }]
  })
}
