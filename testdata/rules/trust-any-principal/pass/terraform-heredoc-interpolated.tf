# The principal is interpolated into the heredoc: unknown, so nothing is reported.
resource "aws_iam_role" "templated" {
  name               = "templated"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Principal": {"AWS": "${var.principal}"}, "Action": "sts:AssumeRole"}]
    }
  EOT
}
