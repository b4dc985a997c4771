# HCL allows an argument once per block: Terraform stops with "Attribute redefined" at the
# second `effect`, so no plan is ever made.
data "aws_iam_policy_document" "parse_error_redefined" {
  statement {
    effect  = "Allow"
    effect  = "Deny"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = data.aws_iam_policy_document.parse_error_redefined.json
}
