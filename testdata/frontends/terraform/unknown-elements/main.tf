# Every element here is partly unknown: none may be read as absent ("no condition",
# "no principal") and none may produce a finding; only the known account principal is
# worth the TL204 note.
resource "aws_iam_role" "a" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole", Condition = var.cond }] })
}
resource "aws_iam_role" "b" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole", Condition = { StringEquals = var.keys } }] })
}
resource "aws_iam_role" "c" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = var.p, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role" "d" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = var.statements })
}
resource "aws_iam_role" "e" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [var.one, { Effect = "Allow", Principal = { AWS = "arn:aws:iam::999988887777:root" }, Action = var.actions, Condition = { StringEquals = { "sts:ExternalId" = var.ext } } }] })
}
resource "aws_iam_role" "f" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = var.effect, Principal = { AWS = "*" }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role" "g" {
  assume_role_policy = jsonencode({ Version = var.v, Statement = [{ Effect = "Allow", Principal = { Federated = var.idp }, Action = "sts:AssumeRoleWithWebIdentity" }] })
}
resource "aws_iam_role" "h" {
  # The first statement may be a Deny of everyone outside the organization.
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [var.guard, { Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role" "i" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = var.guard_effect, Principal = { AWS = "*" }, Action = "sts:AssumeRole", Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } } }, { Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role" "j" {
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [var.guard, { Effect = "Allow", Principal = { AWS = "arn:aws:iam::999988887777:root" }, Action = "sts:AssumeRole" }] })
}
