# Function results are not evaluated, even of known arguments: trimspace(" * ") is "*" to
# Terraform, unknown to the linter.
resource "aws_iam_role" "from_function" {
  name = "from-function"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = trimspace(" * ") }, Action = "sts:AssumeRole" }]
  })
}
