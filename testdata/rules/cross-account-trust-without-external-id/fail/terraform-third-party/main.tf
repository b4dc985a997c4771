# A vendor's account trusted with no sts:ExternalId: the confused-deputy setup.
locals {
  vendor_account = "999988887777"
}

resource "aws_iam_role" "vendor" {
  name = "vendor-integration"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.vendor_account}:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}
