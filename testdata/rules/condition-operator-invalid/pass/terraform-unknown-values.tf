variable "mfa" {
  type = string
}

variable "operator" {
  type = string
}

data "aws_iam_policy_document" "admin" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = [var.mfa]
    }
    condition {
      test     = var.operator
      variable = "sts:ExternalId"
      values   = ["a1b2c3d4"]
    }
  }
}

resource "aws_iam_role" "admin" {
  name               = "admin"
  assume_role_policy = data.aws_iam_policy_document.admin.json
}
