"""A TCP proxy on 127.0.0.1 in front of the shared test server, that a test can
cut and restore: a PostgreSQL server going away and coming back, for one test's
connections only, without stopping the server everyone else uses.

Cut: every proxied connection is reset and new ones are refused. Restore: new
connections go through again. A trip drops one connection at an exact point of
its conversation: when the client sends a message holding a marker (b"INSERT",
b"COMMIT", perhaps only once it has sent another, b"INSERT"), either before that
message reaches the server, or after the server has answered it, throwing the
answer away (the COMMIT that happened, whose reply was lost).
"""

import socket
import struct
import threading
from urllib.parse import urlsplit, urlunsplit


class Proxy:
    def __init__(self, url: str):
        target = urlsplit(url)
        self.url_of_server = url
        self.target = (target.hostname or "127.0.0.1", target.port or 5432)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open = threading.Event()
        self._open.set()
        self._lock = threading.Lock()
        self._links: set[_Link] = set()
        self._trip: tuple[bytes, bytes, bool, bool] | None = None
        self.tripped = threading.Event()  # a trip has dropped its connection
        self.refused = threading.Event()  # a connection came while cut, and was refused
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def url(self, url: str | None = None) -> str:
        """`url` (the server's, by default) pointed at the proxy instead."""
        parts = urlsplit(url or self.url_of_server)
        credentials = parts.netloc.rpartition("@")[0]
        netloc = f"{credentials}@127.0.0.1:{self.port}" if credentials else f"127.0.0.1:{self.port}"
        return urlunsplit(parts._replace(netloc=netloc))

    def cut(self) -> None:
        """The server goes away: every connection through here reset, new ones refused."""
        self._open.clear()
        with self._lock:
            links, self._links = self._links, set()
        for link in links:
            link.close()

    def restore(self) -> None:
        self.refused.clear()
        self._open.set()

    def trip_on(
        self, marker: bytes, *, after_reply: bool, then_cut: bool = False, once: bytes = b""
    ) -> None:
        """Drop the connection whose client next sends `marker` (once it has sent
        `once`, if given): before the server sees the message, or (after_reply) once
        the server has answered it, unanswered. then_cut: and the server stays away."""
        self.tripped.clear()
        self._trip = (marker, once, after_reply, then_cut)

    def close(self) -> None:
        self.cut()
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return  # closed
            if not self._open.is_set():
                self.refused.set()
                _reset(client)
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                _reset(client)
                continue
            link = _Link(client, server)
            with self._lock:
                self._links.add(link)
            for source, sink, upstream in ((client, server, True), (server, client, False)):
                threading.Thread(
                    target=self._pump, args=(link, source, sink, upstream), daemon=True
                ).start()

    def _pump(self, link: "_Link", source: socket.socket, sink: socket.socket, upstream: bool):
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                break
            if not data:
                break
            if not upstream and link.swallow:
                self._tripped()  # the server answered: that answer is lost
                break
            trip = self._trip
            if upstream and trip is not None and trip[1] and trip[1] in data:
                link.primed = True
            if upstream and trip is not None and trip[0] in data and (link.primed or not trip[1]):
                self._trip = None
                _, _, after_reply, then_cut = trip
                link.then_cut = then_cut
                if not after_reply:
                    if then_cut:
                        self._open.clear()
                    self._tripped()
                    break
                link.swallow = True
            try:
                sink.sendall(data)
            except OSError:
                break
        if link.then_cut:
            self.cut()
        link.close()
        with self._lock:
            self._links.discard(link)

    def _tripped(self) -> None:
        self.tripped.set()


class _Link:
    """One client's connection and the proxy's own to the server."""

    def __init__(self, client: socket.socket, server: socket.socket):
        self.client, self.server = client, server
        self.swallow = False  # the server's next answer is thrown away, and the link cut
        self.then_cut = False
        self.primed = False  # it has sent what the trip waits for first

    def close(self) -> None:
        for end in (self.client, self.server):
            _reset(end)


def _reset(end: socket.socket) -> None:
    """Close with a reset, as a server that went away does: no polite goodbye."""
    try:
        end.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        end.shutdown(socket.SHUT_RDWR)  # wakes the pump blocked reading it
    except OSError:
        pass
    end.close()
