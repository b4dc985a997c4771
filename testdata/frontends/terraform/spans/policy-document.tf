# Findings on the attributes of data "aws_iam_policy_document": `identifiers` (TL201),
# `actions` (TL215) and a condition's `values` (TL104).
data "aws_iam_policy_document" "spans_identifiers" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/ops", "*"]
    }
  }
}

resource "aws_iam_role" "spans_identifiers" {
  name               = "identifiers"
  assume_role_policy = data.aws_iam_policy_document.spans_identifiers.json
}

data "aws_iam_policy_document" "spans_actions" {
  statement {
    actions = ["sts:AssumeRole", "sts:*"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "spans_actions" {
  name               = "actions"
  assume_role_policy = data.aws_iam_policy_document.spans_actions.json
}

data "aws_iam_policy_document" "spans_values" {
  version = "2008-10-17"
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::example-home"]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["home/", "home/&{aws:username}/*"]
    }
  }
}

resource "aws_iam_user_policy" "spans_values" {
  name   = "values"
  user   = "alice"
  policy = data.aws_iam_policy_document.spans_values.json
}
