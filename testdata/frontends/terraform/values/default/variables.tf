# No .tfvars: the variable's default is the deployed value.
variable "partner_account" {
  type    = string
  default = "444455556666"
}
