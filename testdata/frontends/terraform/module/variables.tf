variable "environment" {
  default = "dev"
}

variable "ci_principal" {
  default = "arn:aws:iam::111122223333:role/ci"
}
