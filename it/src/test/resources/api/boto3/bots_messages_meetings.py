"""Bots' tokens and events configurations (D43), redact and dial-out (D44), the /console prefix, with boto3.

Usage: python3 bots_messages_meetings.py URL
The server must accept credentials a/a (tenant 111111111111) and b/b (tenant 222222222222) and create
Enterprise accounts with CreateAccount. Prints one JSON object {"checks": [...], "failures": [...]}.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

URL = sys.argv[1]
# a local bot endpoint that answers PutEventsConfiguration's verification challenge (D108)
BOT_ENDPOINT = sys.argv[2]
checks, failures = [], []
LAMBDA = "arn:aws:lambda:us-east-1:111111111111:function:chime-bot"


def client(key, url=URL):
    return boto3.client("chime", endpoint_url=url, region_name="us-east-1", aws_access_key_id=key,
                        aws_secret_access_key=key, config=Config(retries={"max_attempts": 1}))


last_error = [None]


def check(name, condition, detail=""):
    detail = detail or last_error[0]
    (checks if condition else failures).append(name if condition else "%s: %s" % (name, detail))


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        last_error[0] = e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]
        return e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"]
    last_error[0] = "no error"
    return None


a, b = client("a"), client("b")
acct = a.create_account(Name="boto3 bots")["Account"]["AccountId"]
bot = a.create_bot(AccountId=acct, DisplayName="notifier", Domain="example.com")["Bot"]
bot_id = bot["BotId"]

new = a.regenerate_security_token(AccountId=acct, BotId=bot_id)["Bot"]
check("regenerate: a new token", new["SecurityToken"] and new["SecurityToken"] != bot["SecurityToken"], new)
check("regenerate: GetBot shows it",
      a.get_bot(AccountId=acct, BotId=bot_id)["Bot"]["SecurityToken"] == new["SecurityToken"])
check("regenerate unknown bot -> NotFound",
      error_of(a.regenerate_security_token, AccountId=acct, BotId="nope") == (404, "NotFoundException"))
check("regenerate other tenant -> NotFound",
      error_of(b.regenerate_security_token, AccountId=acct, BotId=bot_id) == (404, "NotFoundException"))

check("get before put -> NotFound",
      error_of(a.get_events_configuration, AccountId=acct, BotId=bot_id) == (404, "NotFoundException"))
put = a.put_events_configuration(AccountId=acct, BotId=bot_id, OutboundEventsHTTPSEndpoint=BOT_ENDPOINT)
check("put https -> 201", put["ResponseMetadata"]["HTTPStatusCode"] == 201, put["ResponseMetadata"])
check("put https echoes", put["EventsConfiguration"] == {"BotId": bot_id,
                                                         "OutboundEventsHTTPSEndpoint": BOT_ENDPOINT},
      put["EventsConfiguration"])
a.put_events_configuration(AccountId=acct, BotId=bot_id, LambdaFunctionArn=LAMBDA)
got = a.get_events_configuration(AccountId=acct, BotId=bot_id)["EventsConfiguration"]
check("put lambda replaces https", got == {"BotId": bot_id, "LambdaFunctionArn": LAMBDA}, got)
check("put both -> BadRequest", error_of(a.put_events_configuration, AccountId=acct, BotId=bot_id,
                                         OutboundEventsHTTPSEndpoint="https://example.com",
                                         LambdaFunctionArn=LAMBDA) == (400, "BadRequestException"))
check("put neither -> BadRequest",
      error_of(a.put_events_configuration, AccountId=acct, BotId=bot_id) == (400, "BadRequestException"))
check("put http -> BadRequest", error_of(a.put_events_configuration, AccountId=acct, BotId=bot_id,
                                         OutboundEventsHTTPSEndpoint="http://example.com") == (400, "BadRequestException"))
check("put bad arn -> BadRequest", error_of(a.put_events_configuration, AccountId=acct, BotId=bot_id,
                                            LambdaFunctionArn="chime-bot") == (400, "BadRequestException"))
check("other tenant get -> NotFound",
      error_of(b.get_events_configuration, AccountId=acct, BotId=bot_id) == (404, "NotFoundException"))
deleted = a.delete_events_configuration(AccountId=acct, BotId=bot_id)
check("delete -> 204", deleted["ResponseMetadata"]["HTTPStatusCode"] == 204)
again = a.delete_events_configuration(AccountId=acct, BotId=bot_id)
check("delete again -> 204", again["ResponseMetadata"]["HTTPStatusCode"] == 204)
check("get after delete -> NotFound",
      error_of(a.get_events_configuration, AccountId=acct, BotId=bot_id) == (404, "NotFoundException"))

room = a.create_room(AccountId=acct, Name="general")["Room"]["RoomId"]
check("redact room message -> NotFound",
      error_of(a.redact_room_message, AccountId=acct, RoomId=room, MessageId="m-1") == (404, "NotFoundException"))
check("redact in unknown room -> NotFound",
      error_of(a.redact_room_message, AccountId=acct, RoomId="r-x", MessageId="m-1") == (404, "NotFoundException"))
check("redact conversation message -> NotFound",
      error_of(a.redact_conversation_message, AccountId=acct, ConversationId="c-1", MessageId="m-1")
      == (404, "NotFoundException"))
check("dial-out -> NotFound",
      error_of(a.create_meeting_dial_out, MeetingId="e3c0b9f4-0000-4000-8000-000000000001",
               FromPhoneNumber="+12065550100", ToPhoneNumber="+12065550101", JoinToken="abc") == (404, "NotFoundException"))
check("dial-out bad number -> BadRequest",
      error_of(a.create_meeting_dial_out, MeetingId="e3c0b9f4-0000-4000-8000-000000000001",
               FromPhoneNumber="206-555-0100", ToPhoneNumber="+12065550101", JoinToken="abc") == (400, "BadRequestException"))

console = client("a", URL + "/console")
c_acct = console.create_account(Name="via console")["Account"]["AccountId"]
check("console prefix: the account is the same one",
      a.get_account(AccountId=c_acct)["Account"]["Name"] == "via console")
c_bot = console.create_bot(AccountId=c_acct, DisplayName="c", Domain="example.com")["Bot"]["BotId"]
console.put_events_configuration(AccountId=c_acct, BotId=c_bot, OutboundEventsHTTPSEndpoint=BOT_ENDPOINT + "/e")
check("console prefix: events configuration",
      a.get_events_configuration(AccountId=c_acct, BotId=c_bot)["EventsConfiguration"]["OutboundEventsHTTPSEndpoint"]
      == BOT_ENDPOINT + "/e")

print(json.dumps({"checks": checks, "failures": failures}))
sys.exit(1 if failures else 0)
