# The same `resources` in a document attached as an identity policy (aws_iam_role_policy) are
# required, not prohibited.
data "aws_iam_policy_document" "trust_resource_identity" {
  statement {
    actions   = ["sts:AssumeRole"]
    resources = ["arn:aws:iam::111122223333:role/reader"]
  }
}

resource "aws_iam_role_policy" "assume_reader" {
  name   = "assume-reader"
  role   = "ci"
  policy = data.aws_iam_policy_document.trust_resource_identity.json
}
