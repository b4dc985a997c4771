# A quoted JSON string with `StringEquals` twice in one Condition: one of the two key
# restrictions is dropped, and which one depends on the parser.
resource "aws_iam_user_policy" "tagged" {
  name   = "tagged-instances"
  user   = "operator"
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ec2:StopInstances\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:ResourceTag/team\": \"ops\"}, \"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}}]}"
}
