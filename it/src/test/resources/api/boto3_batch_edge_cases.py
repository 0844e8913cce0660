"""BatchCreateRoomMembership edge cases (D8, D10-D14, D22) with boto3, against a Belfry server.

Usage: python3 boto3_batch_edge_cases.py URL
The server must accept credentials a/a (tenant 111111111111) and b/b (tenant 222222222222) and create
Enterprise accounts with CreateAccount. Prints one JSON object {"checks": [...], "failures": [...]}; exits 1
when any check failed.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

URL = sys.argv[1]
BOT_ENDPOINT = sys.argv[2]  # a loopback endpoint that echoes the verification challenge (D108)
checks, failures = [], []


def client(key):
    return boto3.client("chime", endpoint_url=URL, region_name="us-east-1", aws_access_key_id=key,
                        aws_secret_access_key=key, config=Config(retries={"max_attempts": 1}))


def check(name, condition, detail=""):
    (checks if condition else failures).append(name if condition else "%s: %s" % (name, detail))


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"]
    return None


a, b = client("a"), client("b")
acct = a.create_account(Name="boto3")["Account"]["AccountId"]
other_acct = a.create_account(Name="boto3 other")["Account"]["AccountId"]
room = a.create_room(AccountId=acct, Name="edge cases")["Room"]["RoomId"]
users = [a.create_user(AccountId=acct, Email="u%d@boto3.example" % i, Username="u%d" % i)["User"]["UserId"]
         for i in range(5)]
other_user = a.create_user(AccountId=other_acct, Email="o@boto3.example")["User"]["UserId"]
b_acct = b.create_account(Name="tenant b")["Account"]["AccountId"]
tenant_user = b.create_user(AccountId=b_acct, Email="t@b.example")["User"]["UserId"]
suspended = users[4]
a.batch_suspend_user(AccountId=acct, UserIdList=[suspended])
bot = a.create_bot(AccountId=acct, DisplayName="helper", Domain="example.com")["Bot"]
off = a.create_bot(AccountId=acct, DisplayName="off", Domain="example.com")["Bot"]
a.update_bot(AccountId=acct, BotId=off["BotId"], Disabled=True)
# a bot joins a room only with an events configuration (D114); "bare" has none
a.put_events_configuration(AccountId=acct, BotId=bot["BotId"], OutboundEventsHTTPSEndpoint=BOT_ENDPOINT)
bare = a.create_bot(AccountId=acct, DisplayName="bare", Domain="example.com")["Bot"]


def batch(items):
    return a.batch_create_room_membership(AccountId=acct, RoomId=room, MembershipItemList=items)


def members():
    out, token = {}, None
    while True:
        kw = {"NextToken": token} if token else {}
        page = a.list_room_memberships(AccountId=acct, RoomId=room, **kw)
        for m in page["RoomMemberships"]:
            out[m["Member"]["MemberId"]] = m
        token = page.get("NextToken")
        if not token:
            return out


# whole-request validation: nothing applied (D13)
err = error_of(batch, items=[{"MemberId": users[i % 4], "Role": "Member"} for i in range(51)])
check("51 items -> 400 BadRequestException", err == (400, "BadRequestException"), err)
err = error_of(batch, items=[{"MemberId": users[0], "Role": "Member"}, {"MemberId": users[1], "Role": "Owner"}])
check("invalid Role -> 400 BadRequestException", err == (400, "BadRequestException"), err)
err = error_of(batch, items=[{"MemberId": users[0]}, {"MemberId": "   "}])
check("blank MemberId -> 400 BadRequestException", err == (400, "BadRequestException"), err)
check("nothing applied after request-level errors", members() == {}, members())

# empty list -> 201 {"Errors": []}
r = batch([])
check("empty list -> 201", r["ResponseMetadata"]["HTTPStatusCode"] == 201, r["ResponseMetadata"])
check("empty list -> Errors []", r["Errors"] == [], r["Errors"])
check("content-length 13", r["ResponseMetadata"]["HTTPHeaders"].get("content-length") == "13",
      r["ResponseMetadata"]["HTTPHeaders"])

# per-item outcomes (D10, D11, D12, D22)
unknown = "0a0b0c0d-0000-4000-8000-000000000000"
r = batch([
    {"MemberId": users[0], "Role": "Administrator"},
    {"MemberId": users[1]},
    {"Role": "Member"},
    {"MemberId": unknown},
    {"MemberId": other_user},
    {"MemberId": tenant_user},
    {"MemberId": suspended},
    {"MemberId": off["BotId"]},
    {"MemberId": bare["BotId"]},
    {"MemberId": users[1], "Role": "Administrator"},
    {"MemberId": bot["BotId"]},
])
check("partial batch -> 201", r["ResponseMetadata"]["HTTPStatusCode"] == 201, r["ResponseMetadata"])
codes = {e.get("MemberId"): e["ErrorCode"] for e in r["Errors"]}
check("item without MemberId -> BadRequest without MemberId", codes.get(None) == "BadRequest"
      and any("MemberId" not in e for e in r["Errors"]), r["Errors"])
check("unknown id -> NotFound", codes.get(unknown) == "NotFound", codes)
check("another account's user -> NotFound", codes.get(other_user) == "NotFound", codes)
check("another tenant's user -> NotFound", codes.get(tenant_user) == "NotFound", codes)
check("suspended user -> Forbidden", codes.get(suspended) == "Forbidden", codes)
check("disabled bot -> Forbidden", codes.get(off["BotId"]) == "Forbidden", codes)
check("bot without an events configuration -> BadRequest", codes.get(bare["BotId"]) == "BadRequest"
      and any("no events configuration" in e.get("ErrorMessage", "") for e in r["Errors"]), r["Errors"])
check("exactly these errors", len(r["Errors"]) == 7, r["Errors"])
check("every error has a message", all(e.get("ErrorMessage") for e in r["Errors"]), r["Errors"])
check("duplicate id: no error", users[1] not in codes and users[0] not in codes, codes)
m = members()
check("applied: two users and the bot", set(m) == {users[0], users[1], bot["BotId"]}, list(m))
check("duplicate id applied once, later occurrence as a re-add",
      m.get(users[1], {}).get("Role") == "Administrator", m.get(users[1]))
check("bot is a member with MemberType Bot", m.get(bot["BotId"], {}).get("Member", {}).get("MemberType") == "Bot",
      m.get(bot["BotId"]))
check("bot member shows BotEmail and DisplayName",
      m.get(bot["BotId"], {}).get("Member", {}).get("Email") == bot["BotEmail"]
      and m[bot["BotId"]]["Member"].get("FullName") == bot["DisplayName"], m.get(bot["BotId"]))
check("new member without Role is Member", m[bot["BotId"]]["Role"] == "Member", m[bot["BotId"]])

# re-adding: upsert; the role changes only when supplied (D8, D14)
before = m[users[0]]["UpdatedTimestamp"]
r = batch([{"MemberId": users[0]}, {"MemberId": users[1], "Role": "Member"}, {"MemberId": users[2]}])
check("re-add -> no errors", r["Errors"] == [], r["Errors"])
m = members()
check("role kept when omitted", m[users[0]]["Role"] == "Administrator", m[users[0]])
check("role changed when supplied", m[users[1]]["Role"] == "Member", m[users[1]])
check("new member added alongside re-adds", m[users[2]]["Role"] == "Member", m.get(users[2]))
check("four members", len(m) == 4, list(m))
check("timestamps are datetimes", hasattr(m[users[0]]["UpdatedTimestamp"], "isoformat") and before is not None)

print(json.dumps({"checks": checks, "failures": failures}))
sys.exit(1 if failures else 0)
