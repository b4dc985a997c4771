# A `not_principals` block in a trust policy: IAM does not support NotPrincipal there.
data "aws_iam_policy_document" "trust_notprincipal_deny" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
  statement {
    effect  = "Deny"
    actions = ["sts:AssumeRole"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/admin"]
    }
  }
}

resource "aws_iam_role" "break_glass" {
  name               = "break-glass"
  assume_role_policy = data.aws_iam_policy_document.trust_notprincipal_deny.json
}
