# Resources that are not created (`count = 0`, or a known condition picking 0) are not
# checked and join no graph.
variable "create" {
  type    = bool
  default = false
}
resource "aws_iam_role" "legacy_public" {
  count = var.create ? 1 : 0
  name  = "legacy-public"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "*" } }]
  })
}
resource "aws_iam_role" "disabled" {
  count = 0
  name  = "disabled"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "*" } }]
  })
}
