"""Reading a Content-Security-Policy header the way a browser does: directive → its sources."""

from urllib.parse import urlparse

KEYWORDS = {"'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "data:", "blob:"}


def parse_policy(header: str) -> dict[str, list[str]]:
    """Each directive of a policy header with its sources (the first of a repeated one wins)."""
    policy: dict[str, list[str]] = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy.setdefault(name.lower(), sources)
    return policy


def other_origins(policy: dict[str, list[str]]) -> set[str]:
    """Every source that names a host, i.e. lets the page reach beyond its own origin."""
    return {
        source
        for sources in policy.values()
        for source in sources
        if source not in KEYWORDS
        and not source.startswith(("'nonce-", "'sha256-"))
        and urlparse(source).netloc
    }
