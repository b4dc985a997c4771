# A statement written in jsonencode() with no Effect: unlike aws_iam_policy_document, nothing
# fills it in, and IAM rejects the policy.
resource "aws_iam_role" "exporter" {
  name = "exporter"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })

  inline_policy {
    name = "export"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Action   = "cloudwatch:GetMetricData"
        Resource = "*"
      }]
    })
  }
}
