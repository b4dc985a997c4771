# The legacy version is still a valid one (TL104 reports it, not TL103).
resource "aws_iam_role" "legacy" {
  name               = "legacy"
  assume_role_policy = <<-EOT
    {
      "Version": "2008-10-17",
      "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]
    }
  EOT
}
