"""The phone number inventory (D60-D69) with boto3, against a Belfry server.

Usage: python3 boto3_phone_numbers.py URL
The server must accept credentials a/a (tenant 111111111111) and b/b (tenant 222222222222). Prints one JSON
object {"checks": [...], "failures": [...]}; exits 1 when any check failed.
"""
import datetime
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

URL = sys.argv[1]
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

# search
found = a.search_available_phone_numbers(AreaCode="503", MaxResults=2)
check("search by area code", found["E164PhoneNumbers"] == ["+15035550100", "+15035550101"], found)
more = a.search_available_phone_numbers(AreaCode="503", MaxResults=2, NextToken=found["NextToken"])
check("search next page", more["E164PhoneNumbers"] == ["+15035550102", "+15035550103"], more)
check("search without a US filter -> 400 BadRequestException",
      error_of(a.search_available_phone_numbers) == (400, "BadRequestException"))
check("search City without State -> 400 BadRequestException",
      error_of(a.search_available_phone_numbers, City="Portland") == (400, "BadRequestException"))
check("search outside the US without a type -> 400 BadRequestException",
      error_of(a.search_available_phone_numbers, Country="GB") == (400, "BadRequestException"))
toll = a.search_available_phone_numbers(TollFreePrefix="877", MaxResults=1)["E164PhoneNumbers"]
check("search toll-free", toll == ["+18775550100"], toll)

# orders
order = a.create_phone_number_order(ProductType="VoiceConnector",
                                    E164PhoneNumbers=["+15035550100", "+15035550101", "+18775550100"])["PhoneNumberOrder"]
check("order Successful", order["Status"] == "Successful", order)
check("order numbers Acquired", [n["Status"] for n in order["OrderedPhoneNumbers"]] == ["Acquired"] * 3, order)
check("order timestamps are datetimes", isinstance(order["CreatedTimestamp"], datetime.datetime), order)
got = a.get_phone_number_order(PhoneNumberOrderId=order["PhoneNumberOrderId"])["PhoneNumberOrder"]
check("get order", got == order, got)
listed = a.list_phone_number_orders(MaxResults=99)["PhoneNumberOrders"]
check("list orders", order["PhoneNumberOrderId"] in [o["PhoneNumberOrderId"] for o in listed], listed)
check("order of an invalid number -> 400 BadRequestException",
      error_of(a.create_phone_number_order, ProductType="VoiceConnector", E164PhoneNumbers=["503-555-0102"])
      == (400, "BadRequestException"))
check("toll-free for BusinessCalling -> 400 BadRequestException",
      error_of(a.create_phone_number_order, ProductType="BusinessCalling", E164PhoneNumbers=["+18775550101"])
      == (400, "BadRequestException"))
again = a.create_phone_number_order(ProductType="VoiceConnector", E164PhoneNumbers=["+15035550100"])["PhoneNumberOrder"]
check("ordering a held number -> Failed", again["Status"] == "Failed"
      and again["OrderedPhoneNumbers"][0]["Status"] == "Failed", again)
check("another tenant's order -> NotFound",
      error_of(b.get_phone_number_order, PhoneNumberOrderId=order["PhoneNumberOrderId"]) == (404, "NotFoundException"))

# numbers
n = a.get_phone_number(PhoneNumberId="+15035550100")["PhoneNumber"]
check("get number", n["E164PhoneNumber"] == "+15035550100" and n["Status"] == "Unassigned"
      and n["ProductType"] == "VoiceConnector" and n["Type"] == "Local" and n["Country"] == "US", n)
check("another tenant's number -> NotFound",
      error_of(b.get_phone_number, PhoneNumberId="+15035550100") == (404, "NotFoundException"))
check("held numbers are not available",
      "+15035550100" not in a.search_available_phone_numbers(AreaCode="503", MaxResults=5)["E164PhoneNumbers"])
check("another tenant can still find them",
      "+15035550100" in b.search_available_phone_numbers(AreaCode="503", MaxResults=5)["E164PhoneNumbers"])
page = a.list_phone_numbers(ProductType="VoiceConnector", MaxResults=2)
check("list numbers pages", len(page["PhoneNumbers"]) == 2 and "NextToken" in page, page)
check("list MaxResults 100 -> 400 BadRequestException",
      error_of(a.list_phone_numbers, MaxResults=100) == (400, "BadRequestException"))
updated = a.update_phone_number(PhoneNumberId="+15035550100", CallingName="Belfry Desk")["PhoneNumber"]
check("update calling name", updated["CallingName"] == "Belfry Desk"
      and updated["CallingNameStatus"] == "UpdateSucceeded", updated)
check("bad calling name -> 400 BadRequestException",
      error_of(a.update_phone_number, PhoneNumberId="+15035550100", CallingName="a") == (400, "BadRequestException"))
check("two details at once -> 400 BadRequestException",
      error_of(a.update_phone_number, PhoneNumberId="+15035550100", CallingName="Desk",
               ProductType="BusinessCalling") == (400, "BadRequestException"))
errors = a.batch_update_phone_number(UpdatePhoneNumberRequestItems=[
    {"PhoneNumberId": "+15035550101", "ProductType": "BusinessCalling"},
    {"PhoneNumberId": "+18775550100", "ProductType": "BusinessCalling"},
    {"PhoneNumberId": "+15035550199", "CallingName": "Nobody"}])["PhoneNumberErrors"]
check("batch update errors per item",
      [(e["PhoneNumberId"], e["ErrorCode"]) for e in errors]
      == [("+18775550100", "BadRequest"), ("+15035550199", "NotFound")], errors)
too_many = [{"PhoneNumberId": "+15035550101", "CallingName": "Desk"}] * 501
check("501 batch items -> 400 BadRequestException",
      error_of(a.batch_update_phone_number, UpdatePhoneNumberRequestItems=too_many) == (400, "BadRequestException"))

# users
acct = a.create_account(Name="boto3 phones")["Account"]["AccountId"]
user = a.create_user(AccountId=acct, Email="phone@boto3.example")["User"]["UserId"]
a.associate_phone_number_with_user(AccountId=acct, UserId=user, E164PhoneNumber="+15035550101")
u = a.get_user(AccountId=acct, UserId=user)["User"]
check("PrimaryProvisionedNumber set", u.get("PrimaryProvisionedNumber") == "+15035550101", u)
assoc = a.get_phone_number(PhoneNumberId="+15035550101")["PhoneNumber"]
check("number Assigned with its associations", assoc["Status"] == "Assigned"
      and sorted(x["Name"] for x in assoc["Associations"]) == ["AccountId", "UserId"], assoc)
check("VoiceConnector number to a user -> 400 BadRequestException",
      error_of(a.associate_phone_number_with_user, AccountId=acct, UserId=user, E164PhoneNumber="+15035550100")
      == (400, "BadRequestException"))
deleted = a.batch_delete_phone_number(PhoneNumberIds=["+15035550101"])["PhoneNumberErrors"]
check("deleting an associated number -> PhoneNumberAssociationsExist",
      [e["ErrorCode"] for e in deleted] == ["PhoneNumberAssociationsExist"], deleted)
a.disassociate_phone_number_from_user(AccountId=acct, UserId=user)
check("PrimaryProvisionedNumber cleared",
      "PrimaryProvisionedNumber" not in a.get_user(AccountId=acct, UserId=user)["User"])

# deletion queue
a.delete_phone_number(PhoneNumberId="+15035550101")
q = a.get_phone_number(PhoneNumberId="+15035550101")["PhoneNumber"]
check("deleted number DeleteInProgress for 7 days", q["Status"] == "DeleteInProgress"
      and datetime.timedelta(days=6, hours=23) < q["DeletionTimestamp"] - q["UpdatedTimestamp"]
      <= datetime.timedelta(days=7), q)
r = a.restore_phone_number(PhoneNumberId="+15035550101")["PhoneNumber"]
check("restored number Unassigned", r["Status"] == "Unassigned" and "DeletionTimestamp" not in r, r)
check("restoring a number not queued -> 400 BadRequestException",
      error_of(a.restore_phone_number, PhoneNumberId="+15035550101") == (400, "BadRequestException"))

# settings and countries
a.update_phone_number_settings(CallingName="Belfry")
s = a.get_phone_number_settings()
check("settings calling name", s["CallingName"] == "Belfry"
      and isinstance(s["CallingNameUpdatedTimestamp"], datetime.datetime), s)
check("another tenant's settings are its own", "CallingName" not in b.get_phone_number_settings())
countries = a.list_supported_phone_number_countries(ProductType="BusinessCalling")["PhoneNumberCountries"]
check("countries for BusinessCalling",
      countries == [{"CountryCode": "US", "SupportedPhoneNumberTypes": ["Local"]}], countries)

print(json.dumps({"checks": checks, "failures": failures}))
sys.exit(1 if failures else 0)
