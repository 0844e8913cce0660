"""A Belfry server for a pytest session: `belfry serve --test-mode` on a free port with a temporary data
directory, and a `chime` fixture that resets the server before every test (docs/TESTING-WITH-BELFRY.md).

BELFRY_JAR points at belfry.jar (default: the checkout's app/target/belfry.jar)."""
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request

import boto3
import pytest

JAR = os.environ.get(
    "BELFRY_JAR", os.path.join(os.path.dirname(__file__), "../../../app/target/belfry.jar"))
FIXTURES = os.path.join(os.path.dirname(__file__), "chime-fixtures.yaml")


@pytest.fixture(scope="session")
def belfry():
    data = tempfile.mkdtemp(prefix="belfry-pytest")
    server = subprocess.Popen(
        ["java", "-jar", JAR, "serve", "--test-mode", "--port", "0", "--data", data + "/data",
         "--no-access-log", "--create-account-type", "EnterpriseLWA", "--fixtures", FIXTURES],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    for line in server.stdout:  # the banner names the port the server took
        match = re.search(r"API at (http://\S+)", line)
        if match:
            url = match.group(1)
            break
    assert url, "belfry serve exited before listening"
    threading.Thread(target=server.stdout.read, daemon=True).start()  # keep the pipe from filling
    deadline = time.time() + 60
    while True:  # ready only once the fixtures are applied
        try:
            if urllib.request.urlopen(url + "/_belfry/ready").status == 200:
                break
        except OSError:
            if time.time() > deadline:
                raise
        time.sleep(0.02)
    yield url
    server.kill()  # a test server's data is thrown away: no graceful drain of keep-alive connections
    server.wait()
    shutil.rmtree(data, ignore_errors=True)


def post(url):
    urllib.request.urlopen(urllib.request.Request(url, method="POST")).read()


@pytest.fixture
def chime(belfry):
    post(belfry + "/_belfry/snapshots/fixtures/restore")  # every test starts from the fixtures
    return boto3.client("chime", endpoint_url=belfry, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test")


@pytest.fixture
def ids(belfry):
    import json
    return json.load(urllib.request.urlopen(belfry + "/_belfry/fixtures"))["Ids"]
