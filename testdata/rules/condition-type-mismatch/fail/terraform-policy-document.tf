# A break-glass window written with a numeric operator on a date key.
data "aws_iam_policy_document" "break_glass" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "NumericLessThan"
      variable = "aws:CurrentTime"
      values   = ["1798761600"]
    }
  }
}

resource "aws_iam_role" "break_glass" {
  name               = "break-glass"
  assume_role_policy = data.aws_iam_policy_document.break_glass.json
}
