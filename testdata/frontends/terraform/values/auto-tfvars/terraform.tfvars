trusted        = "arn:aws:iam::111122223333:role/deploy"
policy_version = "2012-10-18"
