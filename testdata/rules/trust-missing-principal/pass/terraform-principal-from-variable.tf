# The identifiers come from a variable without a value: not known to be empty.
variable "missing_principal_arns" {
  type = list(string)
}

data "aws_iam_policy_document" "missing_principal_variable" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = var.missing_principal_arns
    }
  }
}

resource "aws_iam_role" "configurable" {
  name               = "configurable"
  assume_role_policy = data.aws_iam_policy_document.missing_principal_variable.json
}
