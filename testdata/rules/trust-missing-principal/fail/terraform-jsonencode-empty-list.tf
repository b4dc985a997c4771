# An empty list of AWS principals (a for-expression that filtered everything out, written
# here as its result): the statement names nobody.
resource "aws_iam_role" "nobody" {
  name = "nobody"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = [] }
      Action    = "sts:AssumeRole"
    }]
  })
}
