#!/usr/bin/env python3
"""Writes the fixtures of tests/frontends.rs: one small account dump in the form the AWS CLI
prints (policy documents as objects) and in the form the IAM API returns (every policy
document URL-encoded with urllib.parse.quote(text, safe=''), as botocore's `unquote` expects),
a dump with a truncated encoded document, a dump split over two pages, the AWS CLI
reference example dump in both forms, and a URL-encoded `get-role` output.

Each policy document is kept as the exact same text in both forms, so a finding's position
in the encoded dump decodes to the same characters as in the decoded one.

Run from this folder: python3 generate.py
"""

import json
import urllib.parse

ACCOUNT = "111122223333"

# Policy documents as text (duplicate keys and non-ASCII kept as written).
DEPLOY_TRUST = """{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "CiUser",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"},
      "Action": "sts:*"
    }
  ]
}"""

OPEN_TRUST = """{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": "sts:AssumeRole",
      "Condition": {"StringEquals": {"aws:PrincipalTag/site": "Z\u00fcrich \U0001F511"}}
    }
  ]
}"""

VENDOR_TRUST = """{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Vendor",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
      "Action": "sts:AssumeRole",
      "Resource": "*"
    }
  ]
}"""

LAMBDA_TRUST = """{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Service": "lambda.amazonaws.com"},
      "Action": "sts:AssumeRole"
    }
  ]
}"""

ALICE_INLINE = """{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Assume", "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/deploy"},
    {"Sid": "Assume", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}
  ]
}"""

GROUP_INLINE = """{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "logs:CreateLogGroup", "Action": "logs:PutLogEvents"}
  ]
}"""

ROLE_INLINE = """{
  "Version": "2012-10-17",
  "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/*"}
}"""

MANAGED_V1 = """{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]
}"""

MANAGED_V2 = """{
  "Version": "2012-10-17",
  "Statement": [{"Sid": "AssumeOps", "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/ops-*"}]
}"""


def doc(text):
    return {"__doc__": text}


def user(name, groups, inline=None, attached=()):
    entry = {
        "Path": "/",
        "UserName": name,
        "UserId": "AIDA" + name.upper().ljust(17, "X"),
        "Arn": f"arn:aws:iam::{ACCOUNT}:user/{name}",
        "CreateDate": "2024-01-15T09:00:00+00:00",
        "GroupList": list(groups),
        "AttachedManagedPolicies": [
            {"PolicyName": arn.rsplit("/", 1)[1], "PolicyArn": arn} for arn in attached
        ],
    }
    if inline:
        entry["UserPolicyList"] = [{"PolicyName": "inline", "PolicyDocument": doc(inline)}]
    return entry


def group(name, inline=None, attached=()):
    return {
        "Path": "/",
        "GroupName": name,
        "GroupId": "AGPA" + name.upper().ljust(17, "X"),
        "Arn": f"arn:aws:iam::{ACCOUNT}:group/{name}",
        "CreateDate": "2024-01-15T09:00:00+00:00",
        "GroupPolicyList": [{"PolicyName": "inline", "PolicyDocument": doc(inline)}] if inline else [],
        "AttachedManagedPolicies": [
            {"PolicyName": arn.rsplit("/", 1)[1], "PolicyArn": arn} for arn in attached
        ],
    }


def role(name, trust, inline=None, boundary=None):
    entry = {
        "Path": "/",
        "RoleName": name,
        "RoleId": "AROA" + name.upper().ljust(17, "X"),
        "Arn": f"arn:aws:iam::{ACCOUNT}:role/{name}",
        "CreateDate": "2024-01-15T09:00:00+00:00",
        "AssumeRolePolicyDocument": doc(trust),
        "InstanceProfileList": [],
        "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": doc(inline)}] if inline else [],
        "AttachedManagedPolicies": [],
        "Tags": [],
        "RoleLastUsed": {},
    }
    if boundary:
        entry["PermissionsBoundary"] = {
            "PermissionsBoundaryType": "Policy",
            "PermissionsBoundaryArn": boundary,
        }
    return entry


def managed(name, versions, default):
    return {
        "PolicyName": name,
        "PolicyId": "ANPA" + name.upper().replace("-", "").ljust(17, "X")[:17],
        "Arn": f"arn:aws:iam::{ACCOUNT}:policy/{name}",
        "Path": "/",
        "DefaultVersionId": default,
        "AttachmentCount": 1,
        "PermissionsBoundaryUsageCount": 0,
        "IsAttachable": True,
        "CreateDate": "2024-01-15T09:00:00+00:00",
        "UpdateDate": "2024-02-01T09:00:00+00:00",
        "PolicyVersionList": [
            {
                "Document": doc(text),
                "VersionId": vid,
                "IsDefaultVersion": vid == default,
                "CreateDate": "2024-01-15T09:00:00+00:00",
            }
            for vid, text in versions
        ],
    }


OPS = f"arn:aws:iam::{ACCOUNT}:policy/assume-ops"

USERS = [
    user("alice", ["deployers"], inline=ALICE_INLINE, attached=[OPS]),
    user("bob", ["deployers"]),
]
GROUPS = [group("deployers", inline=GROUP_INLINE)]
ROLES = [
    role("deploy", DEPLOY_TRUST),
    role("open", OPEN_TRUST),
    role("vendor-audit", VENDOR_TRUST, boundary=OPS),
    role("ops-runner", LAMBDA_TRUST, inline=ROLE_INLINE),
]
POLICIES = [managed("assume-ops", [("v1", MANAGED_V1), ("v2", MANAGED_V2)], "v2")]


def render(value, encode, cut=None):
    """The dump as JSON text, each policy document written as text or URL-encoded.

    `cut`: (document text, length) truncates that document's encoded form to `length`
    characters, as a copy-paste cut short would.
    """
    out = json.dumps(value, indent=2, ensure_ascii=False)
    for text in dict.fromkeys(all_docs(value)):
        needle = json.dumps(text, ensure_ascii=False)
        if encode:
            encoded = urllib.parse.quote(text, safe="")
            if cut and cut[0] == text:
                encoded = encoded[: cut[1]]
            replacement = json.dumps(encoded)
        else:
            replacement = text
        out = replace_placeholder(out, needle, replacement)
    return out + "\n"


def replace_placeholder(out, needle, replacement):
    """Replaces each `{"__doc__": <needle>}` object of the rendered JSON."""
    marker = '"__doc__": ' + needle
    while True:
        at = out.find(marker)
        if at < 0:
            return out
        start = out.rfind("{", 0, at)
        end = out.find("}", at + len(marker)) + 1
        out = out[:start] + replacement + out[end:]


def all_docs(value):
    if isinstance(value, dict):
        if set(value) == {"__doc__"}:
            yield value["__doc__"]
        else:
            for v in value.values():
                yield from all_docs(v)
    elif isinstance(value, list):
        for v in value:
            yield from all_docs(v)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


DUMP = {
    "UserDetailList": USERS,
    "GroupDetailList": GROUPS,
    "RoleDetailList": ROLES,
    "Policies": POLICIES,
}

write("dump-decoded.json", render(DUMP, encode=False))
write("dump-encoded.json", render(DUMP, encode=True))
# The `open` role's trust cut after 150 encoded characters; the other documents stay whole.
write("dump-truncated.json", render(DUMP, encode=True, cut=(OPEN_TRUST, 150)))

# Two pages of one dump: users and groups first, then roles and managed policies.
PAGE_1 = {
    "UserDetailList": USERS,
    "GroupDetailList": GROUPS,
    "RoleDetailList": [],
    "Policies": [],
    "IsTruncated": True,
    "Marker": "AAEAAQ-EXAMPLE-MARKER",
}
PAGE_2 = {
    "UserDetailList": [],
    "GroupDetailList": [],
    "RoleDetailList": ROLES,
    "Policies": POLICIES,
    "IsTruncated": False,
}
write("paged/page-1.json", render(PAGE_1, encode=False))
write("paged/page-2.json", render(PAGE_2, encode=False))

# The AWS CLI reference's example dump (with its hand-edited `AttachedManagedPolicies`
# objects), in both forms. Every policy document, including the copies under
# `InstanceProfileList`, is written as json.dumps(document, indent=2).
CORPUS = "../../../shared/corpus/account-authorization-details"
POLICY_KEYS = {"AssumeRolePolicyDocument", "PolicyDocument", "Document"}


def mark_documents(value):
    if isinstance(value, dict):
        return {
            k: doc(json.dumps(v, indent=2)) if k in POLICY_KEYS and isinstance(v, dict)
            else mark_documents(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [mark_documents(v) for v in value]
    return value


with open(f"{CORPUS}/aws-cli-example/get-account-authorization-details.json") as f:
    EXAMPLE = mark_documents(json.load(f))
write("aws-cli-example-decoded.json", render(EXAMPLE, encode=False))
write("aws-cli-example-encoded.json", render(EXAMPLE, encode=True))

# `aws iam get-role` as the API returns it: the trust URL-encoded (TL201 on the `"*"`).
GET_ROLE_TRUST = (
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},'
    '"Action":"sts:AssumeRole"}]}'
)
GET_ROLE = {
    "Role": {
        "Path": "/",
        "RoleName": "public-reader",
        "RoleId": "AROAPUBLICREADEREXAMP",
        "Arn": f"arn:aws:iam::{ACCOUNT}:role/public-reader",
        "CreateDate": "2024-03-01T10:00:00Z",
        "AssumeRolePolicyDocument": urllib.parse.quote(GET_ROLE_TRUST, safe=""),
        "MaxSessionDuration": 7200,
        "PermissionsBoundary": {
            "PermissionsBoundaryType": "Policy",
            "PermissionsBoundaryArn": f"arn:aws:iam::{ACCOUNT}:policy/boundary",
        },
        "RoleLastUsed": {},
    }
}
write("cli/get-role-encoded.json", json.dumps(GET_ROLE, indent=4) + "\n")
