vendor_account = "210987654321"
