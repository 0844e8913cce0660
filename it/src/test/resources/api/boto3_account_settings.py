"""Issue 13's account and user operations (D51-D59) with boto3, against a Belfry server.

Usage: python3 boto3_account_settings.py URL ENTERPRISE_ACCOUNT_ID
The server must make Team accounts with CreateAccount, accept credentials a/a (tenant 111111111111) and b/b
(tenant 222222222222), mail invitations through an SMTP server, and ENTERPRISE_ACCOUNT_ID must be an
EnterpriseLWA account of tenant 111111111111. Prints {"checks": [...], "failures": [...]}; exits 1 on a failure.
"""
import datetime
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

URL, ENTERPRISE = sys.argv[1], sys.argv[2]
checks, failures = [], []


def client(key, validate=True):
    return boto3.client("chime", endpoint_url=URL, region_name="us-east-1", aws_access_key_id=key,
                        aws_secret_access_key=key,
                        config=Config(retries={"max_attempts": 1}, parameter_validation=validate))


def check(name, condition, detail=""):
    (checks if condition else failures).append(name if condition else "%s: %s" % (name, detail))


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"]
    return None


a, b, raw = client("a"), client("b"), client("a", validate=False)
team = a.create_account(Name="boto3 team")["Account"]["AccountId"]
user = a.create_user(AccountId=ENTERPRISE, Email="s@boto3.example", Username="s")["User"]["UserId"]

# D51 account settings
fresh = a.get_account_settings(AccountId=ENTERPRISE)["AccountSettings"]
check("account settings default false/false", fresh == {"DisableRemoteControl": False, "EnableDialOut": False},
      fresh)
a.update_account_settings(AccountId=ENTERPRISE, AccountSettings={"DisableRemoteControl": True})
after = a.get_account_settings(AccountId=ENTERPRISE)["AccountSettings"]
check("account settings partial update", after == {"DisableRemoteControl": True, "EnableDialOut": False}, after)

# D52 sign-in delegate groups
a.associate_signin_delegate_groups_with_account(
    AccountId=team, SigninDelegateGroups=[{"GroupName": "my_users"}, {"GroupName": "my_users"}, {"GroupName": "x"}])
a.disassociate_signin_delegate_groups_from_account(AccountId=team, GroupNames=["x", "unknown"])
groups = a.get_account(AccountId=team)["Account"].get("SigninDelegateGroups")
check("delegate groups on GetAccount", groups == [{"GroupName": "my_users"}], groups)

# D53 global settings, per tenant
a.update_global_settings(BusinessCalling={"CdrBucket": "s3bucket"}, VoiceConnector={"CdrBucket": "s3bucket"})
mine = a.get_global_settings()
theirs = b.get_global_settings()
check("global settings set", mine["BusinessCalling"] == {"CdrBucket": "s3bucket"}, mine)
check("global settings per tenant", theirs["BusinessCalling"] == {} and theirs["VoiceConnector"] == {}, theirs)
a.update_global_settings(VoiceConnector={})
cleared = a.get_global_settings()
check("global settings cleared by an empty section",
      cleared["VoiceConnector"] == {} and cleared["BusinessCalling"] == {"CdrBucket": "s3bucket"}, cleared)

# D55 user settings
telephony = a.get_user_settings(AccountId=ENTERPRISE, UserId=user)["UserSettings"]["Telephony"]
check("user settings default off", telephony == {"InboundCalling": False, "OutboundCalling": False, "SMS": False},
      telephony)
a.update_user_settings(AccountId=ENTERPRISE, UserId=user,
                       UserSettings={"Telephony": {"InboundCalling": True, "OutboundCalling": True, "SMS": False}})
telephony = a.get_user_settings(AccountId=ENTERPRISE, UserId=user)["UserSettings"]["Telephony"]
check("user settings replaced", telephony == {"InboundCalling": True, "OutboundCalling": True, "SMS": False},
      telephony)

# D59 BatchUpdateUser
errors = a.batch_update_user(AccountId=ENTERPRISE, UpdateUserRequestItems=[
    {"UserId": user, "LicenseType": "Basic"}, {"UserId": "nobody", "LicenseType": "Basic"},
    {"UserId": user, "LicenseType": "Plus"}])["UserErrors"]
check("batch update: unknown user -> NotFound, unsupported license -> BadRequest",
      [(e["UserId"], e["ErrorCode"]) for e in errors] == [("nobody", "NotFound"), (user, "BadRequest")], errors)
check("batch update applied", a.get_user(AccountId=ENTERPRISE, UserId=user)["User"]["LicenseType"] == "Basic")
e = error_of(raw.batch_update_user, AccountId=ENTERPRISE,
             UpdateUserRequestItems=[{"UserId": user, "LicenseType": "Pro"}] * 21)
check("21 items -> 400 BadRequestException", e == (400, "BadRequestException"), e)
e = error_of(raw.batch_update_user, AccountId=ENTERPRISE,
             UpdateUserRequestItems=[{"UserId": user, "LicenseType": "Gold"}])
check("unknown license type -> 400 BadRequestException", e == (400, "BadRequestException"), e)

# D54 InviteUsers
invites = a.invite_users(AccountId=team, UserEmailList=["i1@boto3.example", "i2@boto3.example"])["Invites"]
check("invites Pending and Sent",
      [(i["EmailAddress"], i["Status"], i["EmailStatus"]) for i in invites]
      == [("i1@boto3.example", "Pending", "Sent"), ("i2@boto3.example", "Pending", "Sent")], invites)
invited = a.list_users(AccountId=team, UserEmail="i1@boto3.example")["Users"]
check("invited user Pending", len(invited) == 1 and invited[0]["UserInvitationStatus"] == "Pending", invited)
e = error_of(a.invite_users, AccountId=ENTERPRISE, UserEmailList=["e@boto3.example"])
check("InviteUsers on Enterprise -> 400 BadRequestException", e == (400, "BadRequestException"), e)
e = error_of(raw.invite_users, AccountId=team, UserEmailList=["x%d@boto3.example" % i for i in range(51)])
check("51 emails -> 400 BadRequestException", e == (400, "BadRequestException"), e)
try:
    a.create_user(AccountId=team, Email="c@boto3.example")
    check("CreateUser on Team refused", False, "accepted")
except ClientError as err:
    check("CreateUser on Team says InviteUsers", "InviteUsers" in err.response["Error"]["Message"], err.response)

# D56 LogoutUser, D57 ResetPersonalPIN
response = a.logout_user(AccountId=ENTERPRISE, UserId=user)
check("LogoutUser -> 204", response["ResponseMetadata"]["HTTPStatusCode"] == 204, response)
e = error_of(a.logout_user, AccountId=ENTERPRISE, UserId="nobody")
check("LogoutUser unknown user -> 404 NotFoundException", e == (404, "NotFoundException"), e)
pin = a.reset_personal_pin(AccountId=ENTERPRISE, UserId=user)["User"]["PersonalPIN"]
check("ResetPersonalPIN gives 10 digits", len(pin) == 10 and pin.isdigit(), pin)
check("GetUser shows the PIN", a.get_user(AccountId=ENTERPRISE, UserId=user)["User"].get("PersonalPIN") == pin)

# D58 retention
for days in (0, 5476):
    e = error_of(raw.put_retention_settings, AccountId=ENTERPRISE,
                 RetentionSettings={"RoomRetentionSettings": {"RetentionDays": days}})
    check("RetentionDays %d -> 400 BadRequestException" % days, e == (400, "BadRequestException"), e)
before = datetime.datetime.now(datetime.timezone.utc)
a.put_retention_settings(AccountId=ENTERPRISE, RetentionSettings={"RoomRetentionSettings": {"RetentionDays": 30}})
got = a.get_retention_settings(AccountId=ENTERPRISE)
check("retention stored", got["RetentionSettings"]["RoomRetentionSettings"] == {"RetentionDays": 30}
      and got["RetentionSettings"]["ConversationRetentionSettings"] == {}, got)
deletion = got.get("InitiateDeletionTimestamp")
check("InitiateDeletionTimestamp is 30 days on",
      deletion is not None and abs((deletion - before).total_seconds() - 30 * 86400) < 120, deletion)
e = error_of(a.get_retention_settings, AccountId=team)
check("retention on Team -> 403 ForbiddenException", e == (403, "ForbiddenException"), e)

print(json.dumps({"checks": checks, "failures": failures}))
sys.exit(1 if failures else 0)
