# The account as principal, with the pattern moved to an ArnLike condition on
# aws:PrincipalArn, where wildcards work.
data "aws_iam_policy_document" "partial_wildcard_condition" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:PrincipalArn"
      values   = ["arn:aws:iam::111122223333:role/ci-*"]
    }
  }
}

resource "aws_iam_role" "deploy_condition" {
  name               = "deploy-target"
  assume_role_policy = data.aws_iam_policy_document.partial_wildcard_condition.json
}
