# type "*" renders the bare string only when the identifiers are exactly ["*"]; here they come
# from a variable without a value, so the form is unknown.
variable "star_string_identifiers" {
  type = list(string)
}

data "aws_iam_policy_document" "star_string_unknown" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = var.star_string_identifiers
    }
  }
}

resource "aws_iam_role" "unknown_star" {
  name               = "unknown-star"
  assume_role_policy = data.aws_iam_policy_document.star_string_unknown.json
}
