# terraform.tfvars wins over the default: the "*" here is what gets deployed.
trusted = "*"
