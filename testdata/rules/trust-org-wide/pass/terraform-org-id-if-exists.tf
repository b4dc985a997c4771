# StringEqualsIfExists admits callers without the key: the trust is open to everyone, which is
# TL201's finding, not TL219's.
data "aws_iam_policy_document" "org_wide_if_exists" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEqualsIfExists"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_iam_role" "org_if_exists" {
  name               = "org-if-exists"
  assume_role_policy = data.aws_iam_policy_document.org_wide_if_exists.json
}
