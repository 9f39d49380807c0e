"""One wrk run against one address, and what it printed read into numbers."""

import re
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass(frozen=True)
class WrkResult:
    """Requests per second, latency percentiles in milliseconds, and failed requests."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(output: str) -> WrkResult:
    """wrk --latency's report: socket errors and non-2xx/3xx answers both count as errors."""
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    bad_status = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = sum(int(count) for count in socket_errors.groups()) if socket_errors else 0
    return WrkResult(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_milliseconds(percentiles["50"]),
        p99_ms=_milliseconds(percentiles["99"]),
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        errors=errors + (int(bad_status.group(1)) if bad_status else 0),
    )


def run(url: str, *, connections: int, seconds: int, script: str | None = None) -> WrkResult:
    """wrk with `connections` open connections (two threads, as the machine has two cores);
    `script`: a wrk Lua script that writes each request (bench/*.lua)."""
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", script]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return parse(done.stdout)
