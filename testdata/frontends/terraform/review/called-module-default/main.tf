# A called module's variable default (`[]`: a trust with no principal) is not what is
# deployed: the only call passes a principal. Nothing to report.
module "ci" {
  source            = "./modules/role"
  trusted_role_arns = ["arn:aws:iam::111122223333:role/deployer"]
}
