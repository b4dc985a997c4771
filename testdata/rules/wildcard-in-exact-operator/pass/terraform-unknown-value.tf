variable "subject" {
  type = string
}

data "aws_iam_policy_document" "gh" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [var.subject]
    }
  }
}

resource "aws_iam_role" "gh" {
  name               = "gh"
  assume_role_policy = data.aws_iam_policy_document.gh.json
}
