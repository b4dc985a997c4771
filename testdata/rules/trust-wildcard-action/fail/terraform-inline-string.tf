# The trust as a quoted JSON string: the finding still points into the string.
resource "aws_iam_role" "quoted" {
  name               = "quoted"
  assume_role_policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"*\"}]}"
}
