# The trust policy is a JSON file the role reads with file(): the finding is in the JSON.
resource "aws_iam_role" "public" {
  name               = "public-reader"
  assume_role_policy = file("${path.module}/trust.json")
}
