# Condition blocks render as {"<test>": {"<variable>": [values]}}. Two blocks with the same test
# and variable become one key whose values are concatenated (ORed), as the provider merges them.
data "aws_iam_policy_document" "org_trust" {
  statement {
    sid     = "OrgOnly"
    actions = ["sts:AssumeRole", "sts:TagSession", "sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123def4"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-zzz999yyy8"]
    }

    condition {
      test     = "StringLike"
      variable = "aws:PrincipalTag/team"
      values   = ["&{aws:username}-*"]
    }
  }
}

resource "aws_iam_role" "org" {
  name               = "org"
  assume_role_policy = data.aws_iam_policy_document.org_trust.json
}
