# A bucket policy is S3's, not IAM's: its Sids may hold spaces. The document is not attached to
# any aws_iam_* resource, so it is read as the resource policy it is.
data "aws_iam_policy_document" "duplicate_sid_bucket" {
  statement {
    sid       = "Allow read from the CDN"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example-site/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "example-site"
  policy = data.aws_iam_policy_document.duplicate_sid_bucket.json
}
