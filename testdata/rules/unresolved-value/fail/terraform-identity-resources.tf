# The roles a policy may assume come from a variable, and a statement from another.
variable "target_roles" {
  type = list(string)
}

variable "extra_statement" {
  type = any
}

resource "aws_iam_policy" "hop" {
  name = "hop"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "sts:AssumeRole", Resource = var.target_roles },
      var.extra_statement
    ]
  })
}
