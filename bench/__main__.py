"""`python -m bench` (`make bench`): start the production stack, load it with wrk, print one table."""

import signal
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote

from bench import wrk
from bench.crowd import CrowdResult, crowd_after_change
from bench.report import Measurement, table
from bench.stack import REDIS_URL, Stack, WorkerMemory, production_stack, worker_memory

FORUM = "/en/events/benchmark-forum/"
FORUM_JA = "/ja/events/benchmark-forum/"
# The page cache never keeps an address with a query string (home/page_cache.py): these
# requests render afresh every time, as every first visit after a change does.
UNCACHED = "?bench=uncached"
SECONDS = 10
CONNECTIONS = 4
CROWD = 64
# One address to check first; wrk then asks for a different word each time (bench/*.lua).
JAPANESE_SEARCH = "/ja/search/?q=" + quote("気候変動")
JAPANESE_QUERIES = str(Path(__file__).with_name("japanese_queries.lua"))
CROWD_ROUNDS = 5


def _check(stack: Stack, path: str, *, cache: str | None) -> None:
    """The address answers 200, from the page cache or not as the row says."""
    with urllib.request.urlopen(stack.base_url + path, timeout=30) as response:  # noqa: S310
        seen = response.headers.get("X-Page-Cache")
        if response.status != 200 or (cache and seen != cache):
            raise RuntimeError(f"{path}: status {response.status}, X-Page-Cache {seen}")


def measure(
    stack: Stack,
) -> tuple[list[Measurement], wrk.WrkResult, CrowdResult, list[WorkerMemory]]:
    rows = [
        ("site.css through whitenoise", "/static/css/site.css", None, None),
        # The floor: a Django view with no database and no template, through every middleware.
        ("robots.txt, uncached (no database)", "/robots.txt" + UNCACHED, None, None),
        ("forum, 100 sessions, cached", FORUM, "hit", "cached"),
        ("forum, 100 sessions, uncached", FORUM + UNCACHED, None, "uncached"),
        ("/ja/ forum, 100 sessions, uncached", FORUM_JA + UNCACHED, None, None),
        ("/en/ home, uncached", "/en/" + UNCACHED, None, None),
        # Search is never cached; a Japanese one loads the dictionary into the workers.
        ('/en/ search "climate"', "/en/search/?q=climate", None, None),
        ("/ja/ search, 30 words in turn", JAPANESE_SEARCH, None, None),
    ]
    _check(stack, FORUM, cache=None)  # fills the page cache
    measurements = []
    for label, path, cache, target in rows:
        _check(stack, path, cache=cache)
        print(f"  wrk -c{CONNECTIONS} {SECONDS}s {path}", flush=True)
        script = JAPANESE_QUERIES if path == JAPANESE_SEARCH else None
        result = wrk.run(
            stack.base_url + path, connections=CONNECTIONS, seconds=SECONDS, script=script
        )
        measurements.append(Measurement(label=label, path=path, result=result, target=target))
    print(f"  wrk -c{CROWD} {SECONDS}s {FORUM}", flush=True)
    crowd = wrk.run(stack.base_url + FORUM, connections=CROWD, seconds=SECONDS)
    print(f"  {CROWD} visitors at once after a change, {CROWD_ROUNDS} rounds: {FORUM}", flush=True)
    at_change = crowd_after_change(
        base_url=stack.base_url,
        path=FORUM,
        redis_url=REDIS_URL,
        visitors=CROWD,
        rounds=CROWD_ROUNDS,
    )
    memory = [worker_memory(pid) for pid in stack.worker_pids()]
    return measurements, crowd, at_change, memory


def _interrupt(signum, frame) -> None:
    # A `kill` stops the run like Ctrl-C does: through the cleanup of everything started.
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, _interrupt)
    print("Starting the production stack (PostgreSQL, Redis, gunicorn with 2 workers)…")
    with production_stack() as stack:
        measurements, crowd, at_change, memory = measure(stack)
    print()
    print(
        table(
            measurements, crowd=crowd, crowd_connections=CROWD, at_change=at_change, memory=memory
        )
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("Interrupted; everything started was stopped and removed.", file=sys.stderr)
        sys.exit(130)
