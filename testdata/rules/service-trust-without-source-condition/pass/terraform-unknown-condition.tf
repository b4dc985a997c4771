variable "account_id" {
  type = string
}

variable "extra_conditions" {
  type = any
}

resource "aws_iam_role" "config" {
  name = "config"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "config.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
      {
        Effect    = "Allow"
        Principal = { Service = "ssm.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = var.extra_conditions
      },
    ]
  })
}
