# An aws_iam_role_policy statement with no Resource: IAM answers "Policy statement must contain
# resources".
resource "aws_iam_role_policy" "metrics" {
  name = "metrics"
  role = "collector"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = ["cloudwatch:PutMetricData"]
    }]
  })
}
