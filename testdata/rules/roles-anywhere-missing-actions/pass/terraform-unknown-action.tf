variable "extra_actions" {
  type = list(string)
}

resource "aws_iam_role" "onprem" {
  name = "onprem"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "rolesanywhere.amazonaws.com" }
      Action    = concat(["sts:AssumeRole"], var.extra_actions)
    }]
  })
}
