# The end of the window is computed at apply time: unknown, so nothing is reported.
resource "aws_iam_role" "break_glass" {
  name = "break-glass"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::444455556666:role/responder" }
      Action    = "sts:AssumeRole"
      Condition = { DateLessThan = { "aws:CurrentTime" = timeadd(timestamp(), "24h") } }
    }]
  })
}
