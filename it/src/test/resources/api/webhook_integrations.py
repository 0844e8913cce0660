"""Posts to Belfry's incoming webhooks exactly as real integrations post to hooks.chime.aws
(NEXT-SURFACE.md section 2.5), with the libraries they use, and checks what each of them checks.

argv[1]: a JSON list of 30 [webhook URL, its room id] pairs, each URL used by one case only (one post per second
per webhook). Prints {"checks": [...], "failures": [...], "messages": {MessageId: Content sent}}.
"""
import http.client
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import requests
import urllib3

pairs = json.loads(sys.argv[1])
room_of = {url: room for url, room in pairs}
urls = [url for url, _ in pairs]
checks, failures, messages = [], [], {}
last = [None]


def take():
    """The next unused webhook URL; the room its posts must report is remembered for accepted()."""
    url = urls.pop()
    last[0] = room_of[url]
    return url


def check(name, ok, detail=""):
    (checks if ok else failures).append(name if ok else "%s: %s" % (name, detail))


def accepted(name, status, body, sent):
    """What AWS's npm client (and delivlib, Apprise) demand: exactly 200, then MessageId and RoomId from JSON."""
    if status != 200:
        check(name, False, "status %s body %r" % (status, body))
        return
    try:
        answer = json.loads(body)
        uuid.UUID(answer["MessageId"])
        ok = answer["RoomId"] == last[0] and set(answer) == {"MessageId", "RoomId"}
    except Exception as e:  # noqa: BLE001 - any shape problem is a failure
        check(name, False, "body %r: %s" % (body, e))
        return
    messages[answer["MessageId"]] = sent
    check(name, ok, "body %r" % body)


def raw(url, body, headers):
    """http.client: exactly these headers and no others (Host and Content-Length aside)."""
    u = urllib.parse.urlsplit(url)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("POST", u.path + "?" + u.query, body=body, headers=headers)
    r = c.getresponse()
    data = r.read().decode("utf-8")
    c.close()
    return r.status, data


# AWS's npm `chime` client and the GitHub Action: no Content-Type, markdown on by default ("/md ")
msg = "/md Build #42 **passed** :+1: see http://sample.com or mail marymajor@example.com"
s, b = raw(take(), json.dumps({"Content": msg}).encode(), {})
accepted("njs-no-content-type", s, b, msg)

# Apache Airflow ChimeWebhookHook: requests through HttpHook, Content-type: application/json
msg = "Airflow alert: task failed"
r = requests.post(take(), data=json.dumps({"Content": msg}), headers={"Content-type": "application/json"})
r.raise_for_status()
accepted("airflow-requests-json", r.status_code, r.text, msg)

# AWS CDK delivlib ChimeNotifier: application/json, status must be exactly 200
msg = "Pipeline failed: stage Build"
req = urllib.request.Request(take(), data=json.dumps({"Content": msg}).encode(),
                             headers={"Content-Type": "application/json"}, method="POST")
with urllib.request.urlopen(req) as resp:
    accepted("delivlib-application-json", resp.status, resp.read().decode(), msg)

# OpenSearch Notifications: Apache HttpClient StringEntity, text/plain; charset=UTF-8
msg = "Monitor [cpu] triggered\nSeverity 1"
s, b = raw(take(), json.dumps({"Content": msg}).encode(), {"Content-Type": "text/plain; charset=UTF-8"})
accepted("opensearch-text-plain", s, b, msg)

# Apprise: application/json; charset=utf-8, title prepended
msg = "Title\r\nBody with ünïcödé ✓"
r = requests.post(take(), data=json.dumps({"Content": msg}).encode("utf-8"),
                  headers={"Content-Type": "application/json; charset=utf-8"})
accepted("apprise-json-charset", r.status_code, r.text, msg)

# AWS SDK for pandas and AWS Health Tools: urllib with no header, so form-urlencoded by default
msg = "Message: dataframe written"
req = urllib.request.Request(take(), data=json.dumps({"Content": msg}).encode("utf-8"))
check("urllib-default-is-form-urlencoded", req.get_method() == "POST")
with urllib.request.urlopen(req) as resp:
    accepted("pandas-urllib-form-urlencoded", resp.status, resp.read().decode(), msg)

# pychime: requests data=json.dumps with an extra "Content-Type" key inside the JSON, no header
msg = "pychime says hi"
r = requests.post(take(), data=json.dumps({"Content-Type": "application/json", "Content": msg}))
accepted("pychime-extra-key", r.status_code, r.text, msg)

# ExceptNotifier: urllib3 POST with a body and no Content-Type
msg = "Exception in train.py: ZeroDivisionError"
resp = urllib3.PoolManager().request("POST", take(), body=json.dumps({"Content": msg}))
accepted("exceptnotifier-urllib3", resp.status, resp.data.decode(), msg)

# knockknock: requests json= with user mentions appended
msg = "Your training is complete 🎉 @alice @bob@example.com"
r = requests.post(take(), json={"Content": msg})
accepted("knockknock-requests-json", r.status_code, r.text, msg)

# Keep: requests json=, 30 s timeout, raise_for_status
msg = "Alert: disk usage 91% on db-1"
r = requests.post(take(), json={"Content": msg}, timeout=30)
r.raise_for_status()
accepted("keep-raise-for-status", r.status_code, r.text, msg)

# aws-news-feed sample: a JSON string built by hand, UTF-8, \n\n separators
msg = "New post: Amazon S3\n\nhttps://aws.amazon.com/about-aws/whats-new/"
body = '{"Content":"' + msg.replace("\n", "\\n") + '"}'
s, b = raw(take(), body.encode("utf-8"), {"Content-Type": "application/json"})
accepted("news-feed-hand-built", s, b, msg)

# AWS's sample bot: "/md\n" (newline) markdown marker
msg = "/md\n| a | b |\n|---|---|\n| 1 | 2 |"
r = requests.post(take(), json={"Content": msg})
accepted("markdown-newline-prefix", r.status_code, r.text, msg)

# 4,096 bytes of UTF-8 is accepted; 4,097 is 413 with a JSON Message (pychime maps 413, NJS reads Message)
msg = "€" * 1365 + "a"
assert len(msg.encode("utf-8")) == 4096
over_url = take()
r = requests.post(over_url, json={"Content": msg})
accepted("content-4096-bytes", r.status_code, r.text, msg)
over_url2 = take()
r = requests.post(over_url2, json={"Content": msg + "b"})
check("content-4097-bytes-is-413", r.status_code == 413 and "4,096" in r.json()["Message"], r.text)

# errors: JSON with a Message, as AWS's client reads them
good = take()
r = requests.post(good.split("?token=")[0] + "?token=" + "A" * 72, json={"Content": "x"})
check("wrong-token-403", r.status_code == 403 and r.json()["Message"], r.text)
r = requests.post(good.split("/incomingwebhooks/")[0] + "/incomingwebhooks/" + str(uuid.uuid4()) + "?token=x",
                  json={"Content": "x"})
check("unknown-webhook-404", r.status_code == 404 and r.json()["Message"], r.text)
r = requests.post(good.split("?")[0], json={"Content": "x"})
check("no-token-403", r.status_code == 403 and r.json()["Message"], r.text)
r = requests.post(good, data="not json")
check("not-json-400", r.status_code == 400 and r.json()["Message"], r.text)
r = requests.post(good, json={"Content": ""})
check("empty-content-400", r.status_code == 400, r.text)
r = requests.post(good, json={"Content": 42})
check("number-content-400", r.status_code == 400, r.text)
r = requests.post(good, json={"Text": "x"})
check("missing-content-400", r.status_code == 400, r.text)
r = requests.get(good)
check("get-405", r.status_code == 405 and r.json()["Message"], r.text)
try:
    urllib.request.urlopen(urllib.request.Request(good.split("?")[0] + "?token=wrong", data=b'{"Content":"x"}'))
    check("urllib-raises-on-403", False, "no HTTPError")
except urllib.error.HTTPError as e:
    check("urllib-raises-on-403", e.code == 403 and json.loads(e.read())["Message"])
r = requests.options(good, headers={"Origin": "https://example.com", "Access-Control-Request-Method": "POST"})
check("no-cors", "Access-Control-Allow-Origin" not in r.headers, dict(r.headers))

# 1 TPS: 10 posts within a second to one webhook, then one post to each of 10 others in the same second
paced = take()
session = requests.Session()
start = time.monotonic()
statuses = [session.post(paced, json={"Content": "burst %d" % i}).status_code for i in range(10)]
elapsed = time.monotonic() - start
if elapsed < 1.0:
    check("ten-posts-one-webhook", statuses[0] == 200 and statuses[1:] == [429] * 9, statuses)
else:
    check("ten-posts-one-webhook", statuses[0] == 200 and statuses.count(429) >= 8, (statuses, elapsed))
burst = [u for u in urls[:10]]
results = [None] * len(burst)


def post(i):
    r = requests.post(burst[i], json={"Content": "fan-out %d" % i})
    results[i] = (r.status_code, r.text)


threads = [threading.Thread(target=post, args=(i,)) for i in range(len(burst))]
start = time.monotonic()
[t.start() for t in threads]
[t.join() for t in threads]
check("ten-webhooks-same-second", len(burst) == 10 and all(r[0] == 200 for r in results), results)
for i, (status, text) in enumerate(results):
    if status == 200:
        messages[json.loads(text)["MessageId"]] = "fan-out %d" % i

print(json.dumps({"checks": checks, "failures": failures, "messages": messages}))
