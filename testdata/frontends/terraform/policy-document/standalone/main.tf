# Documents no IAM resource embeds are checked on their own, their kind told by their content.
# A `Principal` whose value is unknown is still a `Principal`: neither document is an identity
# policy (no TL109 "identity policy has Principal", no TL122 "missing Resource").
variable "trusted" {
  type = map(list(string))
}

variable "reader_type" {
  type = string
}

# Only STS actions and no Resource: a trust policy, whoever the principals turn out to be.
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    dynamic "principals" {
      for_each = var.trusted
      content {
        type        = principals.key
        identifiers = principals.value
      }
    }
  }
}

# Another service's action: a resource (bucket) policy.
data "aws_iam_policy_document" "bucket" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]

    principals {
      type        = var.reader_type
      identifiers = ["*"]
    }
  }
}

output "assume_policy" {
  value = data.aws_iam_policy_document.assume.json
}
