# No Version in a heredoc: IAM reads the policy as 2008-10-17, so `$${aws:username}` (the
# literal `${aws:username}`) is not substituted.
resource "aws_iam_user_policy" "own_keys" {
  name   = "own-access-keys"
  user   = "alice"
  policy = <<-EOT
    {
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["iam:CreateAccessKey", "iam:DeleteAccessKey"],
          "Resource": "arn:aws:iam::111122223333:user/$${aws:username}"
        }
      ]
    }
  EOT
}
