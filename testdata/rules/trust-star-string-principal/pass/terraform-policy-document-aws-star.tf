# type "AWS" with the identifiers ["*"] renders the object {"AWS": "*"}, not the bare string;
# here pinned to the organization.
data "aws_iam_policy_document" "star_string_org" {
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

resource "aws_iam_role" "org_readers" {
  name               = "org-readers"
  assume_role_policy = data.aws_iam_policy_document.star_string_org.json
}
