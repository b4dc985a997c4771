# A finding inside jsonencode(): the caret on the second element of the principal list only.
resource "aws_iam_role" "release" {
  name = "release"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        AWS = [
          "arn:aws:iam::111122223333:role/release",
          "arn:aws:iam::111122223333:role/release-*",
        ]
      }
      Action = "sts:AssumeRole"
    }]
  })
}
