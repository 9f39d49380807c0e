"""Services the live tests talk to on this machine: Redis (required in CI, skipped elsewhere)
and an S3-compatible bucket (moto's S3 server, started for the test)."""

import json
import os
import socket
import subprocess
import sys
import time
import unittest
from collections.abc import Iterator
from contextlib import contextmanager

import boto3

from tests.live_servers import free_port, stop

# moto accepts any credentials; boto3 insists on having some.
S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def require_redis(test: unittest.TestCase, *, host: str = "127.0.0.1", port: int = 6379) -> None:
    """Skip `test` when Redis is not running here, except in CI, where it must be."""
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        if os.environ.get("CI", "").lower() == "true":
            raise
        test.skipTest(f"Redis is not running on {host}:{port}")


def redis_cache(*, database: int) -> dict:
    """CACHES for the Redis database a test owns, as base.py configures it from REDIS_URL."""
    url = f"redis://127.0.0.1:6379/{database}"
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "site",
        }
    }


@contextmanager
def s3_bucket(name: str) -> Iterator[tuple[str, object]]:
    """moto's S3 server on loopback with one bucket anyone may read, as the README asks of a
    real one: yields its endpoint URL and a boto3 client."""
    port = free_port()
    process = subprocess.Popen(  # our own interpreter and arguments
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        endpoint = f"http://127.0.0.1:{port}"
        credentials = {key.lower(): value for key, value in S3_CREDENTIALS.items()}
        client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **credentials)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.create_bucket(Bucket=name)
                break
            except Exception:  # moto still starting
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        public_read = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{name}/*",
                }
            ],
        }
        client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read))
        yield endpoint, client
    finally:
        stop(process)
