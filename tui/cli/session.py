"""What every command shares: the store, the clock, who is acting, and output."""

import getpass
import os
import sys
from dataclasses import dataclass, field
from datetime import datetime

import click

from domain.service import Clock, Staffdeck
from events import Event, encode, utc_now
from projections.timeline import describe
from tui.dates import DateInputError, parse_day, parse_moment, through_the_day
from tui.visible import visible

NOW_ENV = "STAFFDECK_NOW"  # a fixed "now" for demos and reproducible runs


def clock_from_env() -> Clock:
    fixed = os.environ.get(NOW_ENV)
    if not fixed:
        return utc_now
    try:
        moment = parse_moment(fixed, utc_now())
    except DateInputError as error:
        raise click.UsageError(f"${NOW_ENV}: {error}") from None
    return lambda: moment


def default_actor() -> str:
    try:
        return os.environ.get("STAFFDECK_ACTOR") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass
class Session:
    store: str | None
    at_text: str | None
    actor: str
    clock: Clock = field(default=utc_now)
    _app: Staffdeck | None = None

    def app(self, *, create: bool = True) -> Staffdeck:
        if self._app is None:
            self._app = Staffdeck(self.store, actor=self.actor, clock=self.clock, create=create)
        return self._app

    @property
    def at(self) -> datetime | None:
        if self.at_text is None:
            return None
        try:
            return parse_moment(self.at_text, self.clock())
        except DateInputError as error:
            raise click.BadParameter(str(error), param_hint="'--at'") from None

    def close(self) -> None:
        if self._app is not None:
            self._app.close()


class _TimeType(click.ParamType):
    """Parses against the session's clock, so relative forms follow STAFFDECK_NOW."""

    def parse(self, text: str, now: datetime):
        raise NotImplementedError

    def convert(self, value, param, ctx):
        if not isinstance(value, str):
            return value
        session = ctx.find_object(Session) if ctx else None
        now = session.clock() if session else utc_now()
        try:
            return self.parse(value, now)
        except DateInputError as error:
            self.fail(str(error), param, ctx)


class DayType(_TimeType):
    """A calendar day: ISO, or relative to today (-3d, +2w, tomorrow)."""

    name = "DATE"

    def parse(self, text: str, now: datetime):
        return parse_day(text, now.astimezone().date())


class MomentType(_TimeType):
    """A moment: ISO date or date and time (local unless zoned), or relative."""

    name = "DATETIME"

    def parse(self, text: str, now: datetime):
        return parse_moment(text, now)


DAY = DayType()
MOMENT = MomentType()


def parse_option(text: str, ctx: click.Context, name: str) -> datetime:
    """A moment given to option `name`; a bad one is bad usage naming that option."""
    try:
        return MOMENT.convert(text, None, ctx)
    except click.BadParameter as error:
        raise click.BadParameter(error.message, param_hint=f"'{name}'") from None


def moment_option(text: str | None, ctx: click.Context, name: str) -> datetime | None:
    """An end of range: a date alone means the whole of that day, as known by its end."""
    if text is None:
        return None
    moment = parse_option(text, ctx, name)
    try:
        return through_the_day(text, moment)
    except DateInputError as error:
        raise click.BadParameter(str(error), param_hint=f"'{name}'") from None


def json_option(command):
    return click.option(
        "--json", "as_json", is_flag=True, help="Print the recorded event as JSON."
    )(command)


def report(event: Event, *, as_json: bool, created: bool = False) -> None:
    """A created item prints its key (for scripts); a change prints what happened."""
    if as_json:
        sys.stdout.write(encode(event).decode() + "\n")
    elif created:
        click.echo(event.key)
    else:
        click.echo(visible(f"{event.key}: {describe(event)}"))  # controls as marks
