#!/usr/bin/env python3
"""Regenerates botocore-chime-batch-create.http: a request signed by botocore's own SigV4Auth.

The Java test BotocoreFixtureTest verifies it with SigV4Verifier("chime", 15 min) at the X-Amz-Date it carries,
proving the server accepts what the AWS CLI / boto3 send (including the double-encoded path rule: the path below
holds "room%201", which botocore signs as "room%25201").

Also writes botocore-chime-batch-create.creq, botocore's canonical request for it.

Run from this folder:  python3 generate_botocore_fixture.py   (written with botocore 1.43.11)
The output is the request exactly as it travels: request line, headers (Host added as the HTTP client would,
since botocore signs it from the URL without adding it), blank line, body. No trailing newline.
"""
import datetime
from urllib.parse import urlsplit

import botocore
import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

FIXED_TIME = datetime.datetime(2024, 5, 17, 9, 30, 15)  # naive UTC, as botocore's get_current_datetime returns
URL = "https://localhost:8080/accounts/acc-1/rooms/room%201/memberships?operation=batch-create"
BODY = b'{"MembershipItemList":[{"MemberId":"user-1","Role":"Member"},{"MemberId":"bot 2","Role":"Administrator"}]}'
ACCESS_KEY = "AKIDBELFRYTEST"
SECRET_KEY = "belfry/SecretKeyForTests+Only0123456789ab"  # mirrored in BotocoreFixtureTest

botocore.auth.get_current_datetime = lambda remove_tzinfo=True: FIXED_TIME

request = AWSRequest(method="POST", url=URL, data=BODY, headers={
    "Content-Type": "application/json",
    "User-Agent": "aws-cli/2.15.0 botocore/" + botocore.__version__,  # sent but never signed by botocore
})
signer = SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "chime", "us-east-1")
signer.add_auth(request)
# botocore's own canonical request, so a failing Java test can show which line differs.
authorization = request.headers["Authorization"]
del request.headers["Authorization"]
with open("botocore-chime-batch-create.creq", "w", newline="") as out:
    out.write(signer.canonical_request(request))
request.headers["Authorization"] = authorization

split = urlsplit(URL)
lines = [f"POST {split.path}?{split.query} HTTP/1.1", f"Host: {split.netloc}"]
lines += [f"{name}: {value}" for name, value in request.headers.items()]
lines.append(f"Content-Length: {len(BODY)}")
raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + BODY
with open("botocore-chime-batch-create.http", "wb") as out:
    out.write(raw)
print(raw.decode())
