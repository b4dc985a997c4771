# A local built from a local built from a local: the account, its root ARN, the list of them.
locals {
  tooling_account = "777788889999"
  tooling_root    = "arn:aws:iam::${local.tooling_account}:root"
  trusted_roots   = [local.tooling_root]
}
