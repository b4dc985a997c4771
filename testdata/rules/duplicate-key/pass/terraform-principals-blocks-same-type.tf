# Two `principals` blocks of type "AWS": the provider concatenates their identifiers under one
# "AWS" key.
data "aws_iam_policy_document" "duplicate_key_principals" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:role/deploy"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::777788889999:role/deploy"]
    }
  }
}

resource "aws_iam_role" "deploy_principals" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.duplicate_key_principals.json
}
