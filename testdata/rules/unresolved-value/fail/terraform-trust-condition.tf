# An external ID and a whole condition from variables, and an action from a local that reads one.
variable "external_id" {
  type = string
}

variable "extra_condition" {
  type = any
}

variable "extra_action" {
  type = string
}

resource "aws_iam_role" "vendor" {
  name = "vendor"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::444455556666:root" }
        Action    = ["sts:AssumeRole", var.extra_action]
        Condition = { StringEquals = { "sts:ExternalId" = var.external_id } }
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::444455556666:root" }
        Action    = "sts:TagSession"
        Condition = var.extra_condition
      }
    ]
  })
}

variable "org_keys" {
  type = map(string)
}

resource "aws_iam_role" "org" {
  name = "org"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = var.org_keys }
    }]
  })
}
