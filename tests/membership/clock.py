"""Moving the clock on, for what happens minutes or hours later (cron's next runs)."""

import datetime
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone


@contextmanager
def minutes_later(minutes: float):
    moment = timezone.now() + datetime.timedelta(minutes=minutes)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield
