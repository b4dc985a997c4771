# A policy document used inside another expression (`coalesce`) may be what is deployed:
# it is checked on its own (TL201 at `identifiers`).
variable "custom_trust_policy" {
  type    = string
  default = ""
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "public"
  assume_role_policy = coalesce(var.custom_trust_policy, data.aws_iam_policy_document.trust.json)
}
