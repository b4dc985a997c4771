# Every element IAM defines, written in jsonencode(): Version, Id, Statement; Sid, Effect,
# Action, NotAction, Resource, NotResource, Condition.
resource "aws_iam_policy" "every_element" {
  name = "every-element"
  policy = jsonencode({
    Version = "2012-10-17"
    Id      = "EveryElement"
    Statement = [
      {
        Sid       = "ReadBuckets"
        Effect    = "Allow"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::example-data/*"
        Condition = { Bool = { "aws:SecureTransport" = "true" } }
      },
      {
        Sid         = "NothingElse"
        Effect      = "Deny"
        NotAction   = "s3:*"
        NotResource = "arn:aws:s3:::example-data/*"
      },
    ]
  })
}
