# An aws_iam_group_policy as a quoted JSON string without Version.
resource "aws_iam_group_policy" "readers" {
  name   = "readers"
  group  = "readers"
  policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::example-data/*\"}]}"
}
