# The trust-policy way to say "everyone but": a Deny of every principal with a condition on
# aws:PrincipalArn.
data "aws_iam_policy_document" "trust_notprincipal_condition" {
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
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "ArnNotEquals"
      variable = "aws:PrincipalArn"
      values   = ["arn:aws:iam::111122223333:role/admin"]
    }
  }
}

resource "aws_iam_role" "break_glass_condition" {
  name               = "break-glass"
  assume_role_policy = data.aws_iam_policy_document.trust_notprincipal_condition.json
}
