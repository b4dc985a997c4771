# The shape of terraform-aws-lambda PR #771: a conditioned statement added next to the
# unconditioned one does not restrict the service, it only widens the trust.
data "aws_iam_policy_document" "assume_role" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }

  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
}

resource "aws_iam_role" "lambda" {
  name               = "ingest"
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
}
