# A reference to a role the module defines, and one from a variable.
variable "other_role_arn" {
  type = string
}

resource "aws_iam_role" "target" {
  name               = "target"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "sts:AssumeRole" }]
  })
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "hop" {
  statement {
    actions = ["sts:AssumeRole"]
    resources = [
      aws_iam_role.target.arn,
      var.other_role_arn,
      "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ops",
    ]
  }
}

resource "aws_iam_policy" "hop" {
  name   = "hop"
  policy = data.aws_iam_policy_document.hop.json
}
