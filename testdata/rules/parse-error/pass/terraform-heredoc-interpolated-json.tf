# An interpolation outside a JSON string (`"Principal": ${...}`) leaves text that is not JSON
# until Terraform renders it: the document is unknown, not invalid.
variable "parse_error_principal" {
  type = map(list(string))
}

resource "aws_iam_role" "templated" {
  name               = "templated"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Principal": ${jsonencode(var.parse_error_principal)}, "Action": "sts:AssumeRole"}
      ]
    }
  EOT
}
