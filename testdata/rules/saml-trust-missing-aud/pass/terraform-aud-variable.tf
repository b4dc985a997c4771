variable "sign_in_endpoint" {
  type = string
}

resource "aws_iam_role" "engineers" {
  name = "engineers"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:saml-provider/okta" }
      Action    = "sts:AssumeRoleWithSAML"
      Condition = { StringEquals = { "SAML:aud" = var.sign_in_endpoint } }
    }]
  })
}
