# The rendered policy is what AWS receives: the list of pipeline roles alone exceeds the
# default quota of 2,048 characters.
locals {
  pipeline_roles = [
    "arn:aws:iam::444455556666:role/deploy/pipeline-000",
    "arn:aws:iam::444455556666:role/deploy/pipeline-001",
    "arn:aws:iam::444455556666:role/deploy/pipeline-002",
    "arn:aws:iam::444455556666:role/deploy/pipeline-003",
    "arn:aws:iam::444455556666:role/deploy/pipeline-004",
    "arn:aws:iam::444455556666:role/deploy/pipeline-005",
    "arn:aws:iam::444455556666:role/deploy/pipeline-006",
    "arn:aws:iam::444455556666:role/deploy/pipeline-007",
    "arn:aws:iam::444455556666:role/deploy/pipeline-008",
    "arn:aws:iam::444455556666:role/deploy/pipeline-009",
    "arn:aws:iam::444455556666:role/deploy/pipeline-010",
    "arn:aws:iam::444455556666:role/deploy/pipeline-011",
    "arn:aws:iam::444455556666:role/deploy/pipeline-012",
    "arn:aws:iam::444455556666:role/deploy/pipeline-013",
    "arn:aws:iam::444455556666:role/deploy/pipeline-014",
    "arn:aws:iam::444455556666:role/deploy/pipeline-015",
    "arn:aws:iam::444455556666:role/deploy/pipeline-016",
    "arn:aws:iam::444455556666:role/deploy/pipeline-017",
    "arn:aws:iam::444455556666:role/deploy/pipeline-018",
    "arn:aws:iam::444455556666:role/deploy/pipeline-019",
    "arn:aws:iam::444455556666:role/deploy/pipeline-020",
    "arn:aws:iam::444455556666:role/deploy/pipeline-021",
    "arn:aws:iam::444455556666:role/deploy/pipeline-022",
    "arn:aws:iam::444455556666:role/deploy/pipeline-023",
    "arn:aws:iam::444455556666:role/deploy/pipeline-024",
    "arn:aws:iam::444455556666:role/deploy/pipeline-025",
    "arn:aws:iam::444455556666:role/deploy/pipeline-026",
    "arn:aws:iam::444455556666:role/deploy/pipeline-027",
    "arn:aws:iam::444455556666:role/deploy/pipeline-028",
    "arn:aws:iam::444455556666:role/deploy/pipeline-029",
    "arn:aws:iam::444455556666:role/deploy/pipeline-030",
    "arn:aws:iam::444455556666:role/deploy/pipeline-031",
    "arn:aws:iam::444455556666:role/deploy/pipeline-032",
    "arn:aws:iam::444455556666:role/deploy/pipeline-033",
    "arn:aws:iam::444455556666:role/deploy/pipeline-034",
    "arn:aws:iam::444455556666:role/deploy/pipeline-035",
    "arn:aws:iam::444455556666:role/deploy/pipeline-036",
    "arn:aws:iam::444455556666:role/deploy/pipeline-037"
  ]
}

resource "aws_iam_role" "pipelines" {
  name = "pipelines"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Pipelines"
      Effect    = "Allow"
      Principal = { AWS = local.pipeline_roles }
      Action    = "sts:AssumeRole"
    }]
  })
}
