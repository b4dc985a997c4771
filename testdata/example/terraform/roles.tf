# The data platform's roles, kept in Terraform. The analytics vendor's account comes from
# terraform.tfvars; its trust forgot the sts:ExternalId the vendor gave us (TL205).

variable "vendor_account" {
  type = string
}

variable "reports_bucket" {
  default = "example-reports"
}

data "aws_iam_policy_document" "vendor_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.vendor_account}:root"]
    }
  }
}

resource "aws_iam_role" "vendor_analytics" {
  name               = "vendor-analytics"
  assume_role_policy = data.aws_iam_policy_document.vendor_trust.json

  inline_policy {
    name = "read-reports"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::${var.reports_bucket}/*"
      }]
    })
  }
}

resource "aws_iam_role" "batch" {
  name               = "batch-jobs"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "batch.amazonaws.com"},
        "Action": "sts:AssumeRole"
      }]
    }
  EOT
}
