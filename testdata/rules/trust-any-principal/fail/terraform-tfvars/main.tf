variable "trusted" {
  description = "Who may assume the role."
  default     = "arn:aws:iam::111122223333:root"
}

resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.trusted }, Action = "sts:AssumeRole" }]
  })
}
