"""A visitor's malformed request is their fault, not the site's: logged as one warning line.

Django logs every SuspiciousOperation (a Host header not in ALLOWED_HOSTS, a body over
DATA_UPLOAD_MAX_MEMORY_SIZE, too many fields, a path that leaves its folder) at ERROR with a
full traceback, on a logger named `django.security.<exception>`. Anyone can send those at will,
and a log full of their tracebacks hides the errors the site itself makes. The visitor still
gets Django's 400; only the log line changes.
"""

import logging

# Django's own SuspiciousOperation subclasses, each logged on `django.security.<name>`.
CLIENT_FAULT_LOGGERS = [
    f"django.security.{name}"
    for name in (
        "SuspiciousOperation",
        "DisallowedHost",
        "DisallowedRedirect",
        "RequestDataTooBig",
        "TooManyFieldsSent",
        "TooManyFilesSent",
        "SuspiciousFileOperation",
        "SuspiciousMultipartForm",
        "SuspiciousSession",
        "InvalidSessionKey",
    )
]


class ClientFaultAsWarning(logging.Filter):
    """Lowers a client-fault record to WARNING and drops its traceback (the record is kept)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.WARNING:
            record.levelno = logging.WARNING
            record.levelname = logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = record.stack_info = None
        # The message is the exception's text; a header value cannot hold a newline, but keep
        # the promise of one line whatever a future Django puts there.
        record.msg = " ".join(record.getMessage().split())
        record.args = None
        return True
