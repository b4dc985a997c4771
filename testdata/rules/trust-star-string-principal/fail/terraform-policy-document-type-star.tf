# A `principals` block of type "*" with the identifiers ["*"]: the provider renders the bare
# string `"Principal": "*"`, which role trust policies do not accept.
data "aws_iam_policy_document" "star_string_everyone" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "everyone" {
  name               = "everyone"
  assume_role_policy = data.aws_iam_policy_document.star_string_everyone.json
}
