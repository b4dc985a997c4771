locals {
  trust = {
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.ci_principal }
      Action    = "sts:AssumeRole"
    }]
  }
}
