# A trust copied from the console after the trusted role was deleted: the ID is all that is left.
resource "aws_iam_role" "reporting" {
  name = "reporting"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["AROAJ52OTH4H7LEXAMPLE"] }
      Action    = "sts:AssumeRole"
    }]
  })
}
