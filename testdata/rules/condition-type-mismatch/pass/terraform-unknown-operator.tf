variable "test" {
  type = string
}

data "aws_iam_policy_document" "sns" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }
    condition {
      test     = var.test
      variable = "aws:SourceArn"
      values   = ["arn:aws:sns:us-east-1:111122223333:alerts"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:sns:us-east-1:111122223333:*"]
    }
  }
}

resource "aws_iam_role" "sns" {
  name               = "sns-delivery"
  assume_role_policy = data.aws_iam_policy_document.sns.json
}
