# HCL, unlike JSON, allows trailing commas in lists and objects; jsonencode() renders valid JSON
# from them.
resource "aws_iam_role" "build_hcl" {
  name = "build-hcl"
  assume_role_policy = jsonencode({
    Version = "2012-10-17",
    Statement = [
      {
        Effect    = "Allow",
        Principal = { Service = "codebuild.amazonaws.com", },
        Action    = "sts:AssumeRole",
      },
    ],
  })
}
