# An override document's statement replaces the base statement with the same Sid: the rendered
# policy has one "Ci" statement.
data "aws_iam_policy_document" "duplicate_sid_base" {
  statement {
    sid     = "Ci"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/ci"]
    }
  }
}

data "aws_iam_policy_document" "duplicate_sid_override" {
  statement {
    sid     = "Ci"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/ci-v2"]
    }
  }
}

data "aws_iam_policy_document" "duplicate_sid_merged" {
  source_policy_documents   = [data.aws_iam_policy_document.duplicate_sid_base.json]
  override_policy_documents = [data.aws_iam_policy_document.duplicate_sid_override.json]
}

resource "aws_iam_role" "merged" {
  name               = "merged"
  assume_role_policy = data.aws_iam_policy_document.duplicate_sid_merged.json
}
