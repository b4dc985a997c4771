# A quoted JSON string: the comma between "Action" and "Resource" is missing. The error points
# into the string, past its escapes.
resource "aws_iam_policy" "read_logs" {
  name   = "read-logs"
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"logs:GetLogEvents\" \"Resource\": \"*\"}]}"
}
