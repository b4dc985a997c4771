# Every principal under an organizational unit: "*" pinned by aws:PrincipalOrgPaths.
resource "aws_iam_role" "ou_readers" {
  name = "ou-readers"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
      Condition = {
        "ForAnyValue:StringLike" = { "aws:PrincipalOrgPaths" = "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*" }
      }
    }]
  })
}
