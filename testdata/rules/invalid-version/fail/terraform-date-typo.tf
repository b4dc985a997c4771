# Version is a language version, not a date: "2012-10-18" is rejected.
resource "aws_iam_role" "glue" {
  name = "glue"
  assume_role_policy = jsonencode({
    Version   = "2012-10-18"
    Statement = [{ Effect = "Allow", Principal = { Service = "glue.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
