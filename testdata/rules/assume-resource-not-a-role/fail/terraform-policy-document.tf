# The role's name was written without `role/`.
data "aws_iam_policy_document" "hop" {
  statement {
    actions   = ["sts:AssumeRole"]
    resources = ["arn:aws:iam::111122223333:deploy"]
  }
}

resource "aws_iam_policy" "hop" {
  name   = "hop"
  policy = data.aws_iam_policy_document.hop.json
}
