data "aws_iam_policy_document" "bedrock_kb" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "kb" {
  name               = "bedrock-kb"
  assume_role_policy = data.aws_iam_policy_document.bedrock_kb.json
}
