data "aws_iam_policy_document" "sns" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:sns:us-east-1:111122223333:alerts"]
    }
  }
}

resource "aws_iam_role" "sns" {
  name               = "sns-delivery"
  assume_role_policy = data.aws_iam_policy_document.sns.json
}
