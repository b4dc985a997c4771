# Values read from data sources are known only at plan time: a local built from one, and one
# interpolated into an ARN, where known accounts would be TL204. (The deploying account,
# `data.aws_caller_identity.*.account_id`, is not among them: it is an account all the same.)
data "aws_iam_role" "existing" {
  name = "existing"
}

data "terraform_remote_state" "network" {
  backend = "local"
  config  = { path = "../network/terraform.tfstate" }
}

locals {
  remote_account = data.terraform_remote_state.network.outputs.account_id
  remote_root    = "arn:aws:iam::${local.remote_account}:root"
}

resource "aws_iam_role" "from_data" {
  name = "from-data"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = { AWS = local.remote_root }, Action = "sts:AssumeRole" },
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::${split(":", data.aws_iam_role.existing.arn)[4]}:root" }, Action = "sts:AssumeRole" },
    ]
  })
}
