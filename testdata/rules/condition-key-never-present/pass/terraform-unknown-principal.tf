variable "callers" {
  type = list(string)
}

data "aws_iam_policy_document" "svc" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = var.callers
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
}

resource "aws_iam_role" "svc" {
  name               = "svc"
  assume_role_policy = data.aws_iam_policy_document.svc.json
}
