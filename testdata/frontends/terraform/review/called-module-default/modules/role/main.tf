variable "trusted_role_arns" {
  type    = list(string)
  default = []
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = var.trusted_role_arns
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "ci"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
