# HCL ignores a UTF-8 byte-order mark: this file is valid.
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
