# A trust document without a `principals` block: the rendered statement has no Principal, and
# IAM answers "statement with no principals".
data "aws_iam_policy_document" "missing_principal_assume" {
  statement {
    actions = ["sts:AssumeRole"]
  }
}

resource "aws_iam_role" "orphan" {
  name               = "orphan"
  assume_role_policy = data.aws_iam_policy_document.missing_principal_assume.json
}
