# The operator's values come from a variable: unknown, so nothing is reported.
variable "mfa_values" {
  type = list(string)
}

resource "aws_iam_role" "admin" {
  name = "admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "sts:AssumeRole"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = var.mfa_values } }
    }]
  })
}
