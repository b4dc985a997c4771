trusted        = "arn:aws:iam::111122223333:role/ci"
policy_version = "2012-10-17"
