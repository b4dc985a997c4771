trusted_arns = []
