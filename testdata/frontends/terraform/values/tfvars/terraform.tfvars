ci_principal = "arn:aws:iam::111122223333:role/ci-*"
