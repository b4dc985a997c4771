# aws_iam_policy_document writes `&{aws:username}` as `${aws:username}`; with version
# "2008-10-17" IAM does not substitute it.
data "aws_iam_policy_document" "legacy_home" {
  version = "2008-10-17"
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example-home/home/&{aws:username}/*"]
  }
}

resource "aws_iam_group_policy" "home" {
  name   = "home"
  group  = "staff"
  policy = data.aws_iam_policy_document.legacy_home.json
}
