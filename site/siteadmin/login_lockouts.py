"""Sign-in lockouts (django-axes): which accounts and addresses are locked now, and unlocking one."""

import ipaddress
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max, Sum
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone

from wagtail.log_actions import log

from axes.models import AccessAttempt
from axes.utils import reset

from home.client_address import client_address

UNLOCK_ACTION = "siteadmin.unlock_sign_in"
ACCOUNT = "username"
ADDRESS = "ip_address"


def client_ip_address(request: HttpRequest) -> str | None:
    """The address failures are counted against: the one the site's own proxies saw, if any."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        # No address at all (a Unix socket without a proxy header): the account limit still holds.
        return None


@dataclass(frozen=True)
class Lockout:
    """One locked account or address, as an administrator sees it before unlocking."""

    kind: str  # ACCOUNT or ADDRESS
    value: str
    failures: int
    # The other side of the failures: the addresses an account was tried from, or the accounts
    # tried from an address.
    related: list[str]
    last_failure: datetime
    # When the newest failure stops counting: the latest moment the lock can last.
    unlocks_by: datetime


def cool_off() -> timedelta:
    return settings.AXES_COOLOFF_TIME


def _recent_attempts(*, now: datetime):
    return AccessAttempt.objects.filter(attempt_time__gte=now - cool_off())


def current_lockouts(*, now: datetime | None = None) -> list[Lockout]:
    """Accounts and addresses with at least AXES_FAILURE_LIMIT failures in the cool-off time."""
    now = now or timezone.now()
    attempts = _recent_attempts(now=now)
    lockouts = []
    for kind, other in ((ACCOUNT, ADDRESS), (ADDRESS, ACCOUNT)):
        rows = (
            attempts.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(
                failures=Coalesce(Sum("failures_since_start"), 0),
                last_failure=Max("attempt_time"),
            )
            .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
            .order_by("-last_failure")
        )
        # Which addresses each account was tried from (or accounts each address tried): one query.
        related = defaultdict(set)
        pairs = attempts.exclude(**{f"{kind}__isnull": True, f"{other}__isnull": True})
        for value, related_value in pairs.values_list(kind, other).distinct():
            related[str(value)].add(str(related_value))
        for row in rows:
            lockouts.append(
                Lockout(
                    kind=kind,
                    value=str(row[kind]),
                    failures=row["failures"],
                    related=sorted(related[str(row[kind])]),
                    last_failure=row["last_failure"],
                    unlocks_by=row["last_failure"] + cool_off(),
                )
            )
    return lockouts


def unlock(*, kind: str, value: str, by) -> int:
    """Forget the failures of one account or address, logged in Wagtail's history; how many rows."""
    if kind not in (ACCOUNT, ADDRESS):
        raise ValueError(kind)
    attempts = AccessAttempt.objects.filter(**{kind: value}).order_by("-attempt_time")
    latest = attempts.first()
    if latest is None:
        return 0
    failures = attempts.aggregate(total=Coalesce(Sum("failures_since_start"), 0))["total"]
    # Logged against the newest failure (kept in the log after its row is gone), titled with the
    # account or address, so the site history says who unlocked whom.
    log(
        instance=latest,
        action=UNLOCK_ACTION,
        user=by,
        title=value,
        data={"kind": kind, "value": value, "failures": failures},
    )
    if kind == ACCOUNT:
        return reset(username=value)
    return reset(ip=value)
