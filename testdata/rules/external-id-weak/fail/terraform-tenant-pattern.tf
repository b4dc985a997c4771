# Every ID that starts with `tenant-` is accepted, not the one the vendor issued.
resource "aws_iam_role" "vendor" {
  name = "vendor-integration"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::999988887777:root" }
      Action    = "sts:AssumeRole"
      Condition = { StringLike = { "sts:ExternalId" = "tenant-*" } }
    }]
  })
}
