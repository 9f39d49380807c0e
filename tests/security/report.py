"""The hostile suite's one-line summaries, printed at the end of the test run (tests/conftest.py)."""

SUMMARIES: list[str] = []


def record(summary: str) -> None:
    SUMMARIES.append(summary)
