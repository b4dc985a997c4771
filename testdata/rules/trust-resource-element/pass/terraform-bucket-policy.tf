# A bucket policy built with aws_iam_policy_document has both Principal and Resource; attached
# to no aws_iam_* resource, it is read as the resource policy it is, not as a trust policy.
data "aws_iam_policy_document" "trust_resource_bucket" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::example-logs/*"]
    principals {
      type        = "Service"
      identifiers = ["logging.s3.amazonaws.com"]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = "example-logs"
  policy = data.aws_iam_policy_document.trust_resource_bucket.json
}
