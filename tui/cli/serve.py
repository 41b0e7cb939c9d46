"""`staffdeck serve`: the dashboard in a browser, through textual-serve.

Each browser tab is its own `staffdeck tui` process on the same store, so every
tab follows the store live as a terminal dashboard does. The store reaches those
processes through their environment, never their command line: a PostgreSQL
password must not show in `ps`.
"""

import asyncio
import ipaddress
import os
import shlex
import signal
import sys
from typing import Any

import click

from tui.cli.dashboard import THEME_ENV, theme_option
from tui.cli.session import Session
from tui.visible import visible

pass_session = click.make_pass_decorator(Session)

DEFAULT_HOST = "127.0.0.1"  # loopback: nothing here asks who you are
DEFAULT_PORT = 8000


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: it may resolve to any interface


@click.command()
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="The address to listen on. Anything but loopback lets anyone who can reach "
    "this machine read and change the store: there is no login.",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="The port to listen on.",
)
@click.option(
    "--public-url",
    metavar="URL",
    help="The address browsers use to reach it, when that is not http://HOST:PORT "
    "(behind a proxy, or with --host 0.0.0.0).",
)
@theme_option
@pass_session
def serve(s: Session, host: str, port: int, public_url: str | None, theme: str) -> None:
    """Serve the dashboard to a web browser.

    Open the address it prints; each tab is a dashboard of its own on the same
    store, following it live. Changes made in a tab are recorded as --actor
    (default: your login name). Ctrl+C stops the server and every tab's session.

    \b
    Example:
      staffdeck --store "postgresql://cos@db.internal/product" serve --port 8080
    """
    # The store must answer before anyone is invited to open it: a missing or
    # unreachable store is one error line here, not a broken page in every tab.
    location = s.app(create=True).location
    s.close()
    store = str(location.path.resolve()) if location.path is not None else s.store
    os.environ.update(
        {
            "STAFFDECK_STORE": store or "",
            "STAFFDECK_ACTOR": s.actor,
            THEME_ENV: theme,
        }
    )
    if not _is_loopback(host):
        click.echo(
            f"warning: listening on {host}: anyone who can reach this machine on port "
            f"{port} can read and change the store. There is no login.",
            err=True,
        )
    server = _dashboard_server(
        f"{shlex.quote(sys.executable)} -m tui.cli tui",
        host=host,
        port=port,
        title="staffdeck",
        public_url=public_url.rstrip("/") if public_url else None,
        where=str(location),
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        reason = os.strerror(error.errno) if error.errno else str(error)
        click.echo(
            f"error: Cannot listen on {host}:{port} ({reason}). "
            "Choose another with --port or --host.",
            err=True,
        )
        raise SystemExit(1) from None


def _dashboard_server(command: str, *, where: str, **options: Any):
    """textual-serve's server, announcing itself in staffdeck's words."""
    # textual-serve loads aiohttp: only when serving, so other commands start fast.
    from aiohttp import web
    from textual_serve.server import Server

    class DashboardServer(Server):
        async def on_startup(self, app) -> None:
            pass  # textual-serve's banner: staffdeck's own is printed once listening

        def serve(self, debug: bool = False) -> None:
            """textual-serve's serve, announcing the address once the port is
            listening: on_startup runs before the socket is bound, so a taken
            port said "Open … in a browser" just before its error."""
            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            for stop in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(stop, self.request_exit)
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                print=lambda _running_on: self._announce(),
            )

        def _announce(self) -> None:
            click.echo(
                visible(f"Serving the staffdeck dashboard for {where}", lines=True), err=True
            )
            click.echo(f"Open {self.public_url} in a browser. Ctrl+C stops.", err=True)

    return DashboardServer(command, **options)


def register(cli: click.Group) -> None:
    cli.add_command(serve)
