# A contractor's access that ended in 2021.
data "aws_iam_policy_document" "contractor" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:role/contractor"]
    }
    condition {
      test     = "DateLessThan"
      variable = "aws:CurrentTime"
      values   = ["2021-06-30T00:00:00Z"]
    }
  }
}

resource "aws_iam_role" "contractor" {
  name               = "contractor"
  assume_role_policy = data.aws_iam_policy_document.contractor.json
}
