"""A served dashboard, watched as a browser tab sees it: tests and the team benchmark.

`staffdeck serve` runs on a free loopback port in a process of its own. A
`ServedTab` opens the websocket a browser tab opens, so the server starts that
tab's own dashboard process, and plays what it sends into a terminal emulator
(pyte), whose screen is then the tab's text.
"""

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable

import aiohttp
import pyte

LISTENING = re.compile(rb"Open (http://\S+) in a browser")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`staffdeck serve` on a free loopback port, until `stop()`."""

    def __init__(self, store: str, *args: str, env: dict[str, str] | None = None):
        # A port found free can be taken before the server binds it (by any
        # connection another test opens meanwhile): then once more, on another.
        for _ in range(3):
            if self._start(store, args, env):
                return
        raise RuntimeError(f"staffdeck serve found no free port: {self.said.decode()}")

    def _start(self, store: str, args: tuple[str, ...], env: dict[str, str] | None) -> bool:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "serve", "--port", str(self.port), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            # The store in the environment, as a team would: no password in `ps`.
            env={**os.environ, "STAFFDECK_STORE": store, **(env or {})},
        )
        self.said = b""
        deadline = time.monotonic() + 60
        while not LISTENING.search(self.said):
            line = self.process.stdout.readline()
            if not line or time.monotonic() > deadline:
                self.stop()
                if b"Address already in use" in self.said:
                    return False
                raise RuntimeError(f"staffdeck serve did not start: {self.said.decode()}")
            self.said += line
        self.url = LISTENING.search(self.said).group(1).decode()
        return True

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


class ServedTab:
    """One browser tab's session: its own dashboard process, seen as text."""

    def __init__(self, url: str, *, width: int = 160, height: int = 48):
        self.url = url.replace("http://", "ws://") + f"/ws?width={width}&height={height}"
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.changed = asyncio.Event()
        self.changed_at = 0.0  # the monotonic moment of the last bytes played
        self._watches: dict[bytes, asyncio.Future] = {}
        self._unplayed: list[bytes] = []
        self._session: aiohttp.ClientSession | None = None
        self._socket = None
        self._reader: asyncio.Task | None = None
        self.closed = False

    async def open(self) -> "ServedTab":
        self._session = aiohttp.ClientSession()
        self._socket = await self._session.ws_connect(self.url, max_msg_size=0)
        self._reader = asyncio.create_task(self._read())
        return self

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            await self._reader
        if self._session is not None:
            await self._session.close()

    async def _read(self) -> None:
        async for message in self._socket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.changed_at = arrived = time.monotonic()
                for pattern, moment in list(self._watches.items()):
                    if pattern in message.data:
                        moment.set_result(arrived)
                        del self._watches[pattern]
                # Played when the screen is read: pyte is far slower than a browser,
                # and a tab nobody reads should not slow the machine it measures.
                self._unplayed.append(message.data)
                self.changed.set()
        self.closed = True
        self.changed.set()

    @property
    def text(self) -> str:
        if self._unplayed:
            played, self._unplayed = b"".join(self._unplayed), []
            self.stream.feed(played)
        return "\n".join(self.screen.display)

    async def press(self, keys: str) -> None:
        """Type, as a browser tab's keyboard does (xterm.js sends the characters)."""
        await self._socket.send_str(json.dumps(["stdin", keys]))

    def watch(self, drawn: bytes) -> asyncio.Future:
        """The monotonic moment bytes holding `drawn` next arrive: as the terminal's
        own output, a line of text with one style is never split."""
        self._watches[drawn] = asyncio.get_running_loop().create_future()
        return self._watches[drawn]

    async def wait_for(self, seen: Callable[[str], bool] | str, timeout: float = 30) -> float:
        """Wait until the screen shows it; then the monotonic moment the last bytes
        played arrived (those that drew it, or a later frame's)."""
        test = (lambda text: seen in text) if isinstance(seen, str) else seen
        deadline = time.monotonic() + timeout
        while not test(self.text):
            if self.closed:
                raise AssertionError(f"the tab's session ended; its screen:\n{self.text}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"not seen within {timeout} s; the screen:\n{self.text}")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), remaining)
            except TimeoutError:
                pass
        return self.changed_at
