# NotPrincipal is allowed in resource policies: a bucket policy built with aws_iam_policy_document.
data "aws_iam_policy_document" "trust_notprincipal_bucket" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::example-vault", "arn:aws:s3:::example-vault/*"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/vault-admin"]
    }
  }
}

resource "aws_s3_bucket_policy" "vault" {
  bucket = "example-vault"
  policy = data.aws_iam_policy_document.trust_notprincipal_bucket.json
}
