# Effect is case-sensitive: "allow" is not "Allow", and IAM rejects the policy.
resource "aws_iam_role" "scheduler" {
  name = "scheduler"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "allow"
      Principal = { Service = "scheduler.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
