# A finding inside an indented heredoc (<<-): the caret on the Effect value, where it stands in
# the .tf.
resource "aws_iam_role" "ingest" {
  name               = "ingest"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "allow",
          "Principal": {"Service": "firehose.amazonaws.com"},
          "Action": "sts:AssumeRole"
        }
      ]
    }
  EOT
}
