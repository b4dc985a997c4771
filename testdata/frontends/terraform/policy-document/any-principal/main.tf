# A role whose trust, written as a policy document data source, admits every AWS principal.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "open" {
  name               = "open"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
