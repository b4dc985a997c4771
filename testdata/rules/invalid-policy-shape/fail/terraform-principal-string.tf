# `Principal` as a bare ARN string: only "*" may stand alone; an ARN must be named under its
# type ({ AWS = "..." }).
resource "aws_iam_role" "audit" {
  name = "audit"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "arn:aws:iam::111122223333:root"
      Action    = "sts:AssumeRole"
    }]
  })
}
