# `Resource = "*"` in a trust policy: the role is the resource, and IAM answers "Has prohibited
# field Resource".
resource "aws_iam_role" "firehose" {
  name = "firehose"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "firehose.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Resource  = "*"
    }]
  })
}
