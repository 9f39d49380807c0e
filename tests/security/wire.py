"""Requests sent byte for byte over a socket, so malformed ones reach the server as written."""

import contextlib
import socket
from dataclasses import dataclass


@dataclass(frozen=True)
class WireResponse:
    status: int
    head: str
    body: bytes


def send_raw(port: int, request: bytes, *, timeout: float = 30.0) -> WireResponse:
    """Send `request` to 127.0.0.1:`port` and read the answer until the server closes.

    A server that closes without a status line (as gunicorn may for a request it cannot
    parse at all) is reported as status 0, which is no server error.
    """
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        # The server may answer and close before a large body is sent in full.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.sendall(request)
        with contextlib.suppress(OSError):
            connection.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    data = b"".join(chunks)
    head, _separator, body = data.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].split()
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
    return WireResponse(status=status, head=head.decode("latin-1"), body=body)
