# The trust document lives here; the role using it is in role.tf. A pre-commit hook naming
# only this file must still see the "*" (TL201), and so must one naming only role.tf.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
