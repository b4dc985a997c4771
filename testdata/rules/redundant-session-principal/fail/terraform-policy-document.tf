# The provider renders both identifiers into one Principal element.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      identifiers = [
        "arn:aws:iam::111122223333:role/deploy",
        "arn:aws:sts::111122223333:assumed-role/deploy/release-bot",
      ]
    }
  }
}

resource "aws_iam_role" "target" {
  name               = "target"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
