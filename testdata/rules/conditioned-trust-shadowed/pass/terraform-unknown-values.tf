# The unconditioned statement names a variable, and the second statement's condition is a
# variable too: nothing can be compared, so nothing is reported.
variable "trusted_arn" {
  type = string
}

variable "conditions" {
  type = any
}

resource "aws_iam_role" "vendor" {
  name = "vendor"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = var.trusted_arn }
        Action    = "sts:AssumeRole"
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::444455556666:root" }
        Action    = "sts:AssumeRole"
        Condition = var.conditions
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::444455556666:root" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "sts:ExternalId" = "7f3c9a1e2b" } }
      }
    ]
  })
}
