data "aws_iam_policy_document" "vendor" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
    condition {
      test     = "StringEqualsIfExists"
      variable = "sts:SourceIdentity"
      values   = ["a1b2c3d4"]
    }
  }
}

resource "aws_iam_role" "vendor" {
  name               = "vendor-audit"
  assume_role_policy = data.aws_iam_policy_document.vendor.json
}
