# A document rendered from a template file is not read: templatefile() is a function result.
resource "aws_iam_role" "from_template" {
  name               = "from-template"
  assume_role_policy = templatefile("${path.module}/trust.json.tpl", { principal = "*" })
}
