# A Sid with a hyphen in a role trust policy: IAM Sids take only ASCII letters and digits.
data "aws_iam_policy_document" "duplicate_sid_hyphen" {
  statement {
    sid     = "allow-ci"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/ci"]
    }
  }
}

resource "aws_iam_role" "deployer" {
  name               = "deployer"
  assume_role_policy = data.aws_iam_policy_document.duplicate_sid_hyphen.json
}
