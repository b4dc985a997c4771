policy_version = "2012-10-17"
