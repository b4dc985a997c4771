# `${var.legacy_prefix}` in a heredoc is a Terraform interpolation of a value not known here,
# not a policy variable.
variable "legacy_prefix" {
  type = string
}

resource "aws_iam_policy" "prefixed" {
  name   = "prefixed"
  policy = <<-EOT
    {
      "Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-data/${var.legacy_prefix}/*"}
      ]
    }
  EOT
}
