# A trust policy written with jsonencode() and no Version: AWS reads it as 2008-10-17.
resource "aws_iam_role" "crawler" {
  name = "crawler"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "glue.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
