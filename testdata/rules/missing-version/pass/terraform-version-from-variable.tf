# The Version comes from a variable without a value: present, though unknown.
variable "missing_version_value" {
  type = string
}

resource "aws_iam_policy" "from_variable" {
  name = "from-variable"
  policy = jsonencode({
    Version   = var.missing_version_value
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::example-data/*" }]
  })
}
