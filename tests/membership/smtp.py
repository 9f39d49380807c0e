"""A real SMTP server on loopback for tests (accepting, slow or refusing), and a dead port."""

import asyncio
from contextlib import contextmanager

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from tests.live_servers import free_port


class Inbox(Message):
    def __init__(self, *, delay: float = 0):
        super().__init__()
        self.messages = []
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        # A slow mail server keeps two senders busy at the same time.
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)

    def handle_message(self, message):
        self.messages.append(message)


class Refusing:
    """A mail server that refuses every recipient."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 Mailbox unavailable"


@contextmanager
def smtp_server(handler=None):
    """Yields (port, inbox) for an SMTP server that accepts every message (unless told)."""
    inbox = handler or Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()
