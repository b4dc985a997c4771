# An inline_policy block whose Condition is a list of objects: IAM wants one object, whose
# operators are ANDed.
resource "aws_iam_role" "reporting" {
  name = "reporting"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })

  inline_policy {
    name = "read-reports"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::example-reports/*"
        Condition = [
          { StringEquals = { "aws:RequestedRegion" = "eu-west-1" } },
          { Bool = { "aws:SecureTransport" = "true" } },
        ]
      }]
    })
  }
}
