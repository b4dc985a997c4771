# The service needs TagSession and SetSourceIdentity as well.
resource "aws_iam_role" "onprem" {
  name = "onprem"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "rolesanywhere.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:PrincipalTag/x509Subject/CN" = "host-01" }
      }
    }]
  })
}
