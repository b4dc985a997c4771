trusted_principals = ["*"]
partner_account    = "444455556666"
