"""The benchmark's one table: each row's rate as a share of the static file's, against the targets."""

from dataclasses import dataclass

from bench.crowd import CrowdResult
from bench.stack import WorkerMemory
from bench.wrk import WrkResult

# The targets (share of the static file's rate, errors, memory).
SHARE_TARGETS = {"cached": 0.50, "uncached": 0.05}
CROWD_ERRORS = 0
RSS_LIMIT_MB = 150


@dataclass(frozen=True)
class Measurement:
    label: str
    path: str
    result: WrkResult
    target: str | None  # a key of SHARE_TARGETS, or None for a row without one


def _verdict(passed: bool) -> str:
    return "pass" if passed else "FAIL"


def table(
    measurements: list[Measurement],
    *,
    crowd: WrkResult,
    crowd_connections: int,
    at_change: CrowdResult,
    memory: list[WorkerMemory],
) -> str:
    """Rows of rate, p50, p99, errors and share, then the crowd and memory lines."""
    static = measurements[0].result.requests_per_second
    lines = [
        f"{'request':<36} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} {'share':>7}  target",
        "-" * 90,
    ]
    for row in measurements:
        result = row.result
        share = result.requests_per_second / static
        target = ""
        if row.target:
            wanted = SHARE_TARGETS[row.target]
            target = f">= {wanted:.0%}  {_verdict(share >= wanted)}"
        lines.append(
            f"{row.label:<36} {result.requests_per_second:>8.1f} {result.p50_ms:>8.1f} "
            f"{result.p99_ms:>8.1f} {result.errors:>6d} {share:>7.1%}  {target}"
        )
    lines += [
        "-" * 90,
        f"{f'cached forum, {crowd_connections} clients':<36} {crowd.requests_per_second:>8.1f} "
        f"{crowd.p50_ms:>8.1f} {crowd.p99_ms:>8.1f} {crowd.errors:>6d} {'':>7}  "
        f"0 errors  {_verdict(crowd.errors <= CROWD_ERRORS)}",
        f"{at_change.visitors} visitors at once just after a change: renders per round "
        + ", ".join(str(count) for count in at_change.renders)
        + f"; all served in {at_change.median_seconds * 1000:.0f} ms (median of "
        + f"{len(at_change.seconds)}); errors {at_change.errors}",
        "Memory per gunicorn worker after the load (RSS / PSS / private): "
        + ", ".join(f"{m.rss:.0f} / {m.pss:.0f} / {m.private:.0f} MB" for m in memory)
        + f"  (target RSS <= {RSS_LIMIT_MB} MB  "
        + f"{_verdict(max(m.rss for m in memory) <= RSS_LIMIT_MB)})",
    ]
    return "\n".join(lines)
