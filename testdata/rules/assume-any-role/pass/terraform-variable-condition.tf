# A condition the linter cannot read may limit the roles: silent.
variable "role_condition" {
  type = any
}

resource "aws_iam_policy" "hop" {
  name = "hop"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Resource  = "*"
      Condition = var.role_condition
    }]
  })
}
