# Merged documents the linter cannot read. An unknown source document is an unknown statement
# beside the known ones; an unknown override document may replace any statement with a Sid, so
# those become unknown. A statement without a Sid cannot be replaced and is still checked.
variable "base_policy" {
  type = string
}

variable "override_policy" {
  type = string
}

data "aws_iam_policy_document" "trust" {
  source_policy_documents   = [var.base_policy]
  override_policy_documents = [var.override_policy]

  statement {
    sid     = "MaybeReplaced"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "partly_known" {
  name               = "partly-known"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
