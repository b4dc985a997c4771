trusted_account = "111122223333"
