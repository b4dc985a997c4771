# A conditional whose predicate the linter cannot know is unknown, even when one branch is "*".
variable "public" {
  type = bool
}

resource "aws_iam_role" "from_conditional" {
  name = "from-conditional"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.public ? "*" : "arn:aws:iam::111122223333:role/ci" }
      Action    = "sts:AssumeRole"
    }]
  })
}
