# Trust policies kept as JSON files beside the module: read where the role reads them, with
# findings placed in the JSON. `broken.json` is not JSON (TL001 there); `trust.tpl` is read
# by templatefile(), whose result the linter cannot know.
resource "aws_iam_role" "public" {
  name               = "public"
  assume_role_policy = file("${path.module}/../policies/trust.json")
}

resource "aws_iam_role" "broken" {
  name               = "broken"
  assume_role_policy = file("broken.json")
}

resource "aws_iam_role" "templated" {
  name               = "templated"
  assume_role_policy = templatefile("${path.module}/trust.tpl", { principal = "*" })
}

resource "aws_iam_role" "missing" {
  name               = "missing"
  assume_role_policy = file("${path.module}/no-such-file.json")
}
