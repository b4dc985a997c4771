# dynamic blocks: how many blocks they make, and what they hold, is unknown. Nothing here may be
# reported: the unknown condition may pin the caller, the unknown principals may name anyone.
variable "extra_statements" {
  type = list(any)
}

variable "trusted" {
  type = map(list(string))
}

variable "conditions" {
  type = list(any)
}

variable "accounts" {
  type = list(string)
}

data "aws_iam_policy_document" "dynamic_statement" {
  statement {
    sid     = "Lambda"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }

  dynamic "statement" {
    for_each = var.extra_statements
    content {
      actions = statement.value.actions
      principals {
        type        = "AWS"
        identifiers = ["*"]
      }
    }
  }
}

data "aws_iam_policy_document" "dynamic_principals" {
  statement {
    actions = ["sts:AssumeRole"]

    dynamic "principals" {
      for_each = var.trusted
      content {
        type        = principals.key
        identifiers = principals.value
      }
    }
  }
}

data "aws_iam_policy_document" "dynamic_condition" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    dynamic "condition" {
      for_each = var.conditions
      content {
        test     = condition.value.test
        variable = condition.value.variable
        values   = condition.value.values
      }
    }
  }
}

data "aws_iam_policy_document" "unknown_identifiers" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = var.accounts
    }
  }
}

resource "aws_iam_role" "dynamic_statement" {
  name               = "dynamic-statement"
  assume_role_policy = data.aws_iam_policy_document.dynamic_statement.json
}

resource "aws_iam_role" "dynamic_principals" {
  name               = "dynamic-principals"
  assume_role_policy = data.aws_iam_policy_document.dynamic_principals.json
}

resource "aws_iam_role" "dynamic_condition" {
  name               = "dynamic-condition"
  assume_role_policy = data.aws_iam_policy_document.dynamic_condition.json
}

resource "aws_iam_role" "unknown_identifiers" {
  name               = "unknown-identifiers"
  assume_role_policy = data.aws_iam_policy_document.unknown_identifiers.json
}

# A source statement with a Sid that the dynamic statement may replace: unknown, and silent
# (the unknown statement was written in another block, outside this one's span).
data "aws_iam_policy_document" "base" {
  statement {
    sid     = "Base"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

data "aws_iam_policy_document" "with_base" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]

  dynamic "statement" {
    for_each = var.extra_statements
    content {
      sid     = statement.value.sid
      actions = statement.value.actions
    }
  }
}

resource "aws_iam_role" "with_base" {
  name               = "with-base"
  assume_role_policy = data.aws_iam_policy_document.with_base.json
}
