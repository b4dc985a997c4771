# The resources come from a variable without a value: the element is there, its value unknown.
variable "missing_resource_arns" {
  type = list(string)
}

resource "aws_iam_policy" "configurable_queue" {
  name = "configurable-queue"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = var.missing_resource_arns }]
  })
}
