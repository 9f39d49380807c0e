"""`make bench`: the production stack started on this machine and measured with wrk (README, Benchmark)."""
