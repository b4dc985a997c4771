# The same trust as a heredoc of JSON; `$${aws:username}` is a literal IAM policy variable.
resource "aws_iam_role" "public" {
  name               = "public-heredoc"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "*"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringLike": {"sts:RoleSessionName": "$${aws:username}"}}
      }]
    }
  EOT
}
