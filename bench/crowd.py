"""A crowd opening a page the moment it changed: how many renders it cost and how long it waited."""

import http.client
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import redis

# The page cache's generation (home/page_cache.py) under the production cache's key prefix and
# version: deleting it is what any publish does to every cached page.
GENERATION_KEY = "site:1:page-cache-generation"


@dataclass(frozen=True)
class CrowdResult:
    """Per round: renders (X-Page-Cache: miss), seconds until the last visitor had the page."""

    visitors: int
    renders: list[int]
    seconds: list[float]
    errors: int

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)


def _visit(base_url: str, path: str, start: threading.Barrier) -> tuple[int, str]:
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    try:
        start.wait()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.headers.get("X-Page-Cache", "")
    except OSError:
        return 0, ""
    finally:
        connection.close()


def crowd_after_change(
    *, base_url: str, path: str, redis_url: str, visitors: int, rounds: int
) -> CrowdResult:
    """`visitors` requests for `path` at the same instant, just after every cached page expired."""
    client = redis.Redis.from_url(redis_url)
    renders, seconds, errors = [], [], 0
    # Requests of a load run before (wrk's closed connections) may still wait in gunicorn's queue.
    time.sleep(3)
    with ThreadPoolExecutor(max_workers=visitors) as pool:
        for _ in range(rounds):
            client.delete(GENERATION_KEY)
            start = threading.Barrier(visitors + 1)
            futures = [pool.submit(_visit, base_url, path, start) for _ in range(visitors)]
            start.wait()
            began = time.perf_counter()
            answers = [future.result() for future in futures]
            seconds.append(time.perf_counter() - began)
            renders.append(sum(1 for _, cache in answers if cache == "miss"))
            errors += sum(1 for status, _ in answers if status != 200)
            time.sleep(1)
    client.close()
    return CrowdResult(visitors=visitors, renders=renders, seconds=seconds, errors=errors)
