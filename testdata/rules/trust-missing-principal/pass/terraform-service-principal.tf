# A `principals` block of type "Service": the statement names its principal.
data "aws_iam_policy_document" "missing_principal_service" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  name               = "function"
  assume_role_policy = data.aws_iam_policy_document.missing_principal_service.json
}
