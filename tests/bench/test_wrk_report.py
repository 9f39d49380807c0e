"""`make bench` reads wrk's report right: rate, percentiles in ms, and every kind of failure."""

from django.test import SimpleTestCase

from bench.crowd import CrowdResult
from bench.report import Measurement, table
from bench.stack import WorkerMemory
from bench.wrk import WrkResult, parse

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/en/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.34ms    4.56ms 1.02s    90.00%
    Req/Sec   320.00     40.00   400.00     70.00%
  Latency Distribution
     50%  850.00us
     75%   12.00ms
     90%   20.00ms
     99%    1.20s
  6400 requests in 10.00s, 1.20GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:    640.12
Transfer/sec:    123.00MB
"""


class WrkReportTests(SimpleTestCase):
    def test_rate_percentiles_and_errors_are_read_from_wrk_output(self):
        self.assertEqual(
            parse(WRK_OUTPUT),
            WrkResult(
                requests_per_second=640.12, p50_ms=0.85, p99_ms=1200.0, requests=6400, errors=9
            ),
        )

    def test_a_clean_run_has_no_errors(self):
        clean = WRK_OUTPUT.replace("  Socket errors: connect 0, read 2, write 0, timeout 3\n", "")
        clean = clean.replace("  Non-2xx or 3xx responses: 4\n", "")
        self.assertEqual(parse(clean).errors, 0)

    def test_the_table_shows_shares_of_the_static_rate_against_the_targets(self):
        def row(label, rate, target):
            result = WrkResult(requests_per_second=rate, p50_ms=1, p99_ms=2, requests=1, errors=0)
            return Measurement(label=label, path="/", result=result, target=target)

        crowd = WrkResult(requests_per_second=500, p50_ms=1, p99_ms=2, requests=1, errors=1)
        text = table(
            [
                row("static", 1000, None),
                row("cached", 600, "cached"),
                row("uncached", 40, "uncached"),
            ],
            crowd=crowd,
            crowd_connections=64,
            at_change=CrowdResult(
                visitors=64, renders=[1, 1, 2], seconds=[0.2, 0.3, 0.25], errors=0
            ),
            memory=[
                WorkerMemory(rss=90, pss=80, private=70),
                WorkerMemory(rss=160, pss=120, private=75),
            ],
        )
        lines = text.splitlines()
        self.assertRegex(lines[3], r"^cached .* 60\.0%  >= 50%  pass$")
        self.assertRegex(lines[4], r"^uncached .* 4\.0%  >= 5%  FAIL$")
        self.assertRegex(lines[6], r"64 clients .* 0 errors  FAIL$")
        self.assertEqual(
            lines[7],
            "64 visitors at once just after a change: renders per round 1, 1, 2; "
            "all served in 250 ms (median of 3); errors 0",
        )
        self.assertIn("90 / 80 / 70 MB, 160 / 120 / 75 MB  (target RSS <= 150 MB  FAIL)", lines[8])
