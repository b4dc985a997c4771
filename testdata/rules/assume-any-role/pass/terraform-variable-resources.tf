# The roles come from a variable: unknown, so nothing is claimed.
variable "target_roles" {
  type = list(string)
}

data "aws_iam_policy_document" "hop" {
  statement {
    actions   = ["sts:AssumeRole"]
    resources = var.target_roles
  }
}

resource "aws_iam_policy" "hop" {
  name   = "hop"
  policy = data.aws_iam_policy_document.hop.json
}
