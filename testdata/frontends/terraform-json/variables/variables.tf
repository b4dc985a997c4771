variable "prefix" {
  default = "team"
}
