# Most of the trust is a variable: what is known is far under the quota, so nothing is said.
variable "pipeline_roles" {
  type = list(string)
}

resource "aws_iam_role" "pipelines" {
  name = "pipelines"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.pipeline_roles }
      Action    = "sts:AssumeRole"
    }]
  })
}
