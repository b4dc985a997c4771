# Loaded after terraform.tfvars: this value wins.
ci_principal = "*"
