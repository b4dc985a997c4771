# aws_iam_policy_document writes Version "2012-10-17" unless told otherwise: the rendered
# `${aws:username}` is substituted.
data "aws_iam_policy_document" "legacy_current_home" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example-home/home/&{aws:username}/*"]
  }
}

resource "aws_iam_group_policy" "home_current" {
  name   = "home"
  group  = "staff"
  policy = data.aws_iam_policy_document.legacy_current_home.json
}
