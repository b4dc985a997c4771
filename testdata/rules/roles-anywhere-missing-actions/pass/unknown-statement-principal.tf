variable "principal" {
  type = string
}

resource "aws_iam_role" "onprem" {
  name = "onprem"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "rolesanywhere.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect    = "Allow"
        Principal = { Service = var.principal }
        Action    = ["sts:TagSession", "sts:SetSourceIdentity"]
      },
    ]
  })
}
