# Two `condition` blocks with the same test and variable: the provider merges them into one key
# whose values are ORed, so the rendered JSON repeats no key.
data "aws_iam_policy_document" "duplicate_key_conditions" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["c2f1e1b7-3a1d-4c55-9a4e-0d9f3f6c1a20"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["5d0b0a54-7f0e-4a0a-8d3e-1f1b2c3d4e5f"]
    }
  }
}

resource "aws_iam_role" "vendor_conditions" {
  name               = "vendor"
  assume_role_policy = data.aws_iam_policy_document.duplicate_key_conditions.json
}
