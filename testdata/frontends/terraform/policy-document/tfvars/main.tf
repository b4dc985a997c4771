# identifiers fed by variables whose values come from terraform.tfvars (over the defaults).
variable "trusted_principals" {
  type    = list(string)
  default = []
}

variable "partner_account" {
  type    = string
  default = "000000000000"
}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "Trusted"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = var.trusted_principals
    }
  }

  statement {
    sid     = "Partner"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.partner_account}:role/ci"]
    }

    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["partner-7f3a"]
    }
  }
}

resource "aws_iam_role" "shared" {
  name               = "shared"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
