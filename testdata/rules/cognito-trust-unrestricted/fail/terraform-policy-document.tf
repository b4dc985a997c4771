# The amr condition alone: signed-in users of any identity pool.
data "aws_iam_policy_document" "authenticated" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"]
    }
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "cognito-identity.amazonaws.com:amr"
      values   = ["authenticated"]
    }
  }
}

resource "aws_iam_role" "authenticated" {
  name               = "app-authenticated"
  assume_role_policy = data.aws_iam_policy_document.authenticated.json
}
