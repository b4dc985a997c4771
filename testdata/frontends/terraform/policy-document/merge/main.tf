# source_policy_documents / override_policy_documents (and the deprecated source_json /
# override_json) merged by Sid as the provider does: the block's statements replace source
# statements of the same Sid in place, override documents replace what came before, statements
# without a Sid are appended. Every `"*"` below is replaced before the document is deployed.
data "aws_iam_policy_document" "base" {
  statement {
    sid     = "Deploy"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }

  statement {
    sid     = "Ci"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "lockdown" {
  statement {
    sid     = "Ci"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/ci"]
    }
  }

  statement {
    sid     = "BreakGlass"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/break-glass"]
    }
  }
}

data "aws_iam_policy_document" "trust" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.lockdown.json]

  statement {
    sid     = "Deploy"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/deploy"]
    }
  }

  statement {
    sid     = "BreakGlass"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "merged" {
  name               = "merged"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

# The deprecated arguments: source_json first, override_json last (here a jsonencode whose
# spans stay inside it).
data "aws_iam_policy_document" "legacy" {
  source_json = data.aws_iam_policy_document.base.json
  override_json = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Deploy"
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111122223333:role/deploy" }
      },
      {
        Sid       = "Ci"
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111122223333:role/ci" }
      },
    ]
  })
}

resource "aws_iam_role" "legacy" {
  name               = "legacy"
  assume_role_policy = data.aws_iam_policy_document.legacy.json
}
