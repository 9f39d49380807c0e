"""The hostile requests, every category (tests/security/hostile_request.py describes one)."""

from tests.security.addresses import address_requests
from tests.security.hostile_request import HostileRequest
from tests.security.payloads import payload_requests, signed_in_requests
from tests.security.protocol import protocol_requests

__all__ = ["hostile_requests", "signed_in_requests"]


def hostile_requests() -> list[HostileRequest]:
    """Every hostile request a visitor could send, signed out."""
    return [*address_requests(), *protocol_requests(), *payload_requests()]
