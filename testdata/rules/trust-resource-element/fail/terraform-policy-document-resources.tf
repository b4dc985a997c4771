# A policy document with `resources` used as a trust policy: the rendered Resource is rejected.
data "aws_iam_policy_document" "trust_resource_assume" {
  statement {
    actions   = ["sts:AssumeRole"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "state_machine" {
  name               = "state-machine"
  assume_role_policy = data.aws_iam_policy_document.trust_resource_assume.json
}
