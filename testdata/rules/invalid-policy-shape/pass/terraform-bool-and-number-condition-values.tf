# jsonencode() writes HCL booleans and numbers as JSON booleans and numbers; IAM accepts them as
# condition values.
resource "aws_iam_policy" "mfa_admin" {
  name = "mfa-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:*"
      Resource = "*"
      Condition = {
        Bool            = { "aws:MultiFactorAuthPresent" = true }
        NumericLessThan = { "aws:MultiFactorAuthAge" = 3600 }
      }
    }]
  })
}
