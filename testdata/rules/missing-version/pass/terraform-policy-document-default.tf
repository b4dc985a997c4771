# aws_iam_policy_document without `version`: the provider writes "Version": "2012-10-17".
data "aws_iam_policy_document" "missing_version_default" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example-data/*"]
  }
}

resource "aws_iam_group_policy" "readers_default" {
  name   = "readers"
  group  = "readers"
  policy = data.aws_iam_policy_document.missing_version_default.json
}
