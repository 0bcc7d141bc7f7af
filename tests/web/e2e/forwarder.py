"""A tiny TCP forwarder for browser tests that need the server to see another client address.

Chromium cannot choose the address it connects from, so it connects to this forwarder on
127.0.0.1, which opens its own connection to the live server *from* `source` (another loopback
address, 127.0.0.2 or 127.0.0.3) and copies bytes both ways. The server then sees `source` as
REMOTE_ADDR, exactly as if a second computer were signing in."""

from __future__ import annotations

import socket
import threading
from contextlib import closing
from urllib.parse import urlparse


def _pump(reader: socket.socket, writer: socket.socket) -> None:
    with closing(reader), closing(writer):
        try:
            while chunk := reader.recv(65536):
                writer.sendall(chunk)
        except OSError:
            pass  # the other side closed; closing both ends the pair


class Forwarder:
    def __init__(self, target_url: str, source: str) -> None:
        parsed = urlparse(target_url)
        self.target = (parsed.hostname or "127.0.0.1", parsed.port or 80)
        self.source = source
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                incoming, _ = self.listener.accept()
            except OSError:
                return  # closed
            outgoing = socket.socket()
            outgoing.bind((self.source, 0))
            outgoing.connect(self.target)
            threading.Thread(target=_pump, args=(incoming, outgoing), daemon=True).start()
            threading.Thread(target=_pump, args=(outgoing, incoming), daemon=True).start()

    def close(self) -> None:
        self.listener.close()
