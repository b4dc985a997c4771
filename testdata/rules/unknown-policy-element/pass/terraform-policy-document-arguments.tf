# The lowercase argument names belong in `aws_iam_policy_document`, which renders them as IAM
# elements (policy_id -> Id, not_actions -> NotAction, principals -> Principal, ...).
data "aws_iam_policy_document" "unknown_element_arguments" {
  policy_id = "CiTrust"
  statement {
    sid     = "Ci"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/ci"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["platform"]
    }
  }
}

resource "aws_iam_role" "ci_arguments" {
  name               = "ci-target"
  assume_role_policy = data.aws_iam_policy_document.unknown_element_arguments.json
}
