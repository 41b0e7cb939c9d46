"""`staffdeck serve` in a real browser: Debian's Chromium, headless, driven by Playwright.

The page draws the terminal on a canvas, so the test reads the screen from the
bytes the page's own websocket received (played into a terminal emulator) and
proves the drawing with screenshots, which it keeps as artifacts in
$STAFFDECK_TEST_ARTIFACTS (default: artifacts/browser/ in the repository).

Mandatory in CI; elsewhere skipped, with the reason, where Chromium or Playwright
is missing (`apt install chromium`; `pip install -e ".[test]"`).
"""

import os
import time
from collections.abc import Callable
from pathlib import Path

import pyte
import pytest

from tests.serve.test_serve import NOW, seeded
from tests.served import Server
from tests.store.processes import run_staffdeck

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
REQUIRED = bool(os.environ.get("CI")) or bool(os.environ.get("STAFFDECK_REQUIRE_BROWSER"))
ARTIFACTS = Path(
    os.environ.get("STAFFDECK_TEST_ARTIFACTS")
    or Path(__file__).parents[2] / "artifacts" / "browser"
)
# As root, and on a machine whose network is closed: no sandbox, no GPU, no calls home.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTH, HEIGHT = 1600, 1000


def playwright_or_skip():
    problems = []
    if not CHROMIUM.exists():
        problems.append(f"no Chromium at {CHROMIUM} (Debian: apt install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problems.append('no Playwright (pip install -e ".[test]")')
        sync_playwright = None
    if problems:
        reason = "the browser test needs " + " and ".join(problems)
        if REQUIRED:
            pytest.fail(f"The browser test is mandatory in CI, but {reason}")
        pytest.skip(reason)
    return sync_playwright


class PageScreen:
    """What the page's terminal was sent, played into a terminal emulator."""

    def __init__(self, page):
        self.page = page
        self.screen: pyte.Screen | None = None
        self.stream: pyte.ByteStream | None = None
        page.on("websocket", self._watch)

    def _watch(self, socket) -> None:
        # The page asks for the size its window fits: read it off the socket's URL.
        query = dict(part.split("=") for part in socket.url.split("?", 1)[1].split("&"))
        self.screen = pyte.Screen(int(query["width"]), int(query["height"]))
        self.stream = pyte.ByteStream(self.screen)
        socket.on("framereceived", self._frame)

    def _frame(self, payload) -> None:
        if isinstance(payload, bytes):
            self.stream.feed(payload)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display) if self.screen else ""

    def wait_for(self, seen: Callable[[str], bool] | str, timeout: float = 30) -> None:
        test = (lambda text: seen in text) if isinstance(seen, str) else seen
        deadline = time.monotonic() + timeout
        while not test(self.text):
            if time.monotonic() > deadline:
                raise AssertionError(f"not seen within {timeout} s; the page shows:\n{self.text}")
            self.page.wait_for_timeout(50)  # lets the page's events arrive


def test_the_dashboard_in_a_browser_travels_in_time_and_follows_the_store(sqlite_store, tmp_path):
    sync_playwright = playwright_or_skip()
    seeded(sqlite_store)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    with Server(sqlite_store, env=NOW) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            screen = PageScreen(page)
            page.goto(server.url)
            page.wait_for_selector("body.-first-byte", timeout=60_000)  # the first frame drawn
            screen.wait_for(lambda text: "LIVE" in text and "Checkout revamp" in text)
            page.wait_for_timeout(500)  # the terminal fades in over 0.3 s
            page.screenshot(path=ARTIFACTS / "browser-dashboard.png")
            time_bar = {"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT // 12}
            live_bar = page.screenshot(clip=time_bar)

            page.focus(".xterm-helper-textarea")  # where a click on the page puts the keyboard
            page.keyboard.press("[")
            screen.wait_for("AS KNOWN AT 2026-08-31 12:00")
            page.wait_for_timeout(200)
            assert page.screenshot(clip=time_bar) != live_bar  # the drawn time bar changed too
            page.screenshot(path=ARTIFACTS / "browser-day-back.png")

            page.keyboard.press("0")
            screen.wait_for(lambda text: "LIVE" in text and "AS KNOWN AT" not in text)
            written = run_staffdeck(
                "--store", sqlite_store, "blocker", "raise", "Vendor contract unsigned",
                "--workstream", "W-1", "--severity", "high", env=NOW,
            )  # fmt: skip
            assert written.returncode == 0, written.stderr
            screen.wait_for("Vendor contract unsigned")
            page.wait_for_timeout(200)
            page.screenshot(path=ARTIFACTS / "browser-appended.png")
        finally:
            browser.close()
    for name in ("browser-dashboard.png", "browser-day-back.png", "browser-appended.png"):
        assert (ARTIFACTS / name).stat().st_size > 10_000  # a drawn page, not a blank one
