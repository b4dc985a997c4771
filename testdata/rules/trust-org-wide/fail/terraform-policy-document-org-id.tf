# Every principal of the organization: "*" pinned only by aws:PrincipalOrgID.
data "aws_iam_policy_document" "org_wide_id" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_iam_role" "org_audit" {
  name               = "org-audit"
  assume_role_policy = data.aws_iam_policy_document.org_wide_id.json
}
