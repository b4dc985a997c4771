# IAM answers `MalformedPolicyDocument: Invalid Condition type : stringEquals`
# (ministryofjustice/modernisation-platform-environments PR #8893).
data "aws_iam_policy_document" "logging" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["dms.amazonaws.com"]
    }
    condition {
      test     = "stringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
}

resource "aws_iam_role" "logging" {
  name               = "call-centre-migration-logging"
  assume_role_policy = data.aws_iam_policy_document.logging.json
}
