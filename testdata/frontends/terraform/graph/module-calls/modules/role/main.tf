# A role module: whom it trusts, and what the role may assume, are its caller's to say.
variable "name" {
  type = string
}

variable "trusted" {
  type = string
}

variable "assumable" {
  type    = list(string)
  default = []
}

resource "aws_iam_role" "this" {
  name = var.name
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.trusted }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "assume" {
  count = length(var.assumable) > 0 ? 1 : 0
  role  = aws_iam_role.this.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = var.assumable }]
  })
}

output "arn" {
  value = aws_iam_role.this.arn
}
