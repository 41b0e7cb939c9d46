"""`staffdeck serve`: every browser tab its own dashboard process, each following the
store live, on SQLite and on PostgreSQL (where the tabs and the CLI writers follow
each other through LISTEN/NOTIFY).

The tabs here are websocket sessions as a browser opens them, read through a
terminal emulator; tests/serve/test_browser.py drives a real browser.
"""

import asyncio
import re
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest

from domain.service import Staffdeck
from tests.conftest import FixedClock
from tests.served import ServedTab, Server, free_port
from tests.store.processes import run_staffdeck

pytestmark = pytest.mark.slow
NOW = {"STAFFDECK_NOW": "2026-09-01T12:00"}  # every process of a test reads the same clock


def seeded(store: str) -> str:
    deck = Staffdeck(store, actor="maya", clock=FixedClock())
    try:
        deck.open_workstream("Checkout revamp", owner="Ana Ruiz", objective="One-page checkout")
        deck.raise_blocker("Payments sandbox is down", workstream="W-1", severity="medium")
    finally:
        deck.close()
    return store


def staffdeck(store: str, *args: str) -> subprocess.CompletedProcess:
    """`staffdeck --store STORE ARGS` in a process of its own, on the tests' clock."""
    return run_staffdeck("--store", store, *args, env=NOW)


def run(scenario):
    return asyncio.run(asyncio.wait_for(scenario(), 240))


def test_tabs_are_dashboards_of_their_own_and_follow_each_other(store):
    """Two tabs (two dashboard processes) and a CLI writer on one store: what either
    writes appears in the other, and each tab travels in time on its own."""
    seeded(store)

    async def scenario():
        with Server(store, env=NOW) as server:
            first = await ServedTab(server.url).open()
            second = await ServedTab(server.url).open()
            try:
                for tab in (first, second):
                    await tab.wait_for(lambda text: "LIVE" in text and "Checkout revamp" in text)

                await first.press("[")
                await first.wait_for("AS KNOWN AT 2026-08-31 12:00")
                assert "LIVE" in second.text and "AS KNOWN AT" not in second.text
                await first.press("0")
                await first.wait_for(lambda text: "LIVE" in text and "AS KNOWN AT" not in text)

                written = staffdeck(
                    store, "blocker", "raise", "Vendor contract unsigned",
                    "--workstream", "W-1", "--severity", "high",
                )  # fmt: skip
                assert written.returncode == 0, written.stderr
                for tab in (first, second):
                    await tab.wait_for("Vendor contract unsigned")

                # The second tab escalates the blocker its radar has selected.
                await second.press("3")
                await second.wait_for("r Resolve")  # its keys in the footer: the radar has focus
                await second.press("e")
                await second.wait_for("Escalate B-")
                key = re.search(r"Escalate (B-\d+)", second.text).group(1)
                # As a person types: looking at what each key did before the next.
                # A tab is handed to the field first and only then moves the focus,
                # so keys close behind it would still land in the field it leaves.
                await second.press("Priya")
                await second.wait_for("Priya")
                await second.press("\t")
                await asyncio.sleep(0.5)
                await second.press("Needs a VP call")
                await second.wait_for("Needs a VP call")
                await second.press("\r")
                await second.wait_for(f"Recorded: {key} escalated to Priya")
                await first.wait_for("↑ Priya")
                return key
            finally:
                await first.close()
                await second.close()

    key = run(scenario)
    escalated = staffdeck(store, "log", key).stdout.decode()
    assert "Priya" in escalated and "Needs a VP call" in escalated


def test_serves_on_loopback_by_default(sqlite_store):
    seeded(sqlite_store)
    with Server(sqlite_store, env=NOW) as server:
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert listening_on(server.port) == {"127.0.0.1"}
        with urllib.request.urlopen(server.url, timeout=10) as page:
            assert (
                f'data-session-websocket-url="ws://127.0.0.1:{server.port}/ws"'
                in page.read().decode()
            )


def listening_on(port: int) -> set[str]:
    """The addresses a TCP socket listens on at `port`, read from /proc/net/tcp{,6}."""
    addresses = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, port_hex = local.partition(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                raw = bytes.fromhex(address)
                if width == 8:
                    addresses.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:
                    words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                    addresses.add(socket.inet_ntop(socket.AF_INET6, words))
    return addresses


def test_a_taken_port_is_one_clear_line(sqlite_store):
    seeded(sqlite_store)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = staffdeck(sqlite_store, "serve", "--port", str(port))
    assert result.returncode == 1
    assert b"in a browser" not in result.stderr + result.stdout  # announced only once listening
    assert result.stderr.decode().strip().splitlines()[-1] == (
        f"error: Cannot listen on 127.0.0.1:{port} (Address already in use). "
        "Choose another with --port or --host."
    )


def test_an_unreachable_store_is_refused_before_listening():
    port = free_port()
    with socket.socket() as closed:  # a port where no server answers
        closed.bind(("127.0.0.1", 0))
        dead = closed.getsockname()[1]
    result = run_staffdeck(
        "--store", f"postgresql://cos:s3cret@127.0.0.1:{dead}/team", "serve", "--port", str(port),
        env={"STAFFDECK_STORE_TIMEOUT": "1"},
    )  # fmt: skip
    assert result.returncode == 4
    said = (result.stderr + result.stdout).decode()
    assert "unreachable" in said and "s3cret" not in said
    assert listening_on(port) == set()


@pytest.mark.postgres
def test_the_password_is_in_no_command_line_or_message(postgres_store):
    seeded(postgres_store)
    password = password_of(postgres_store)

    async def scenario():
        with Server(postgres_store, env=NOW) as server:
            tab = await ServedTab(server.url).open()
            try:
                await tab.wait_for("Checkout revamp")
                assert password not in tab.text
                command_lines = [server.process.pid, *children_of(server.process.pid)]
                assert len(command_lines) >= 2  # the server and the tab's dashboard
                for pid in command_lines:
                    assert password not in Path(f"/proc/{pid}/cmdline").read_text()
            finally:
                await tab.close()
            return server.said.decode()

    said = asyncio.run(scenario())
    assert "Serving the staffdeck dashboard for postgresql://" in said
    assert password not in said


def password_of(store: str) -> str:
    from domain.store import locate

    password = locate(store).password
    if not password:
        pytest.skip("the test server's URL has no password to hide")
    return password


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                found += [int(entry.name), *children_of(int(entry.name))]
    return found
