variable "trust_action" {
  type = string
}

resource "aws_iam_role" "fn" {
  name = "fn"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = [var.trust_action, "sts:${var.trust_action}"]
    }]
  })
}
