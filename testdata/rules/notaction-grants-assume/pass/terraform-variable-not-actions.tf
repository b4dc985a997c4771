variable "excluded" {
  type = list(string)
}

data "aws_iam_policy_document" "power" {
  statement {
    not_actions = concat(["iam:*"], var.excluded)
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "power" {
  name   = "power"
  policy = data.aws_iam_policy_document.power.json
}
