# The statements come from a variable without a value: their type is not known until apply,
# so nothing is reported.
variable "shape_statements" {
  type = any
}

resource "aws_iam_policy" "passed_in" {
  name = "passed-in"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = var.shape_statements
  })
}
