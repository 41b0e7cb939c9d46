"""Team mode as the README sets it up: its own SQL, run as written, gives the team a
role that reads and appends through staffdeck, and can rewrite nothing."""

import re
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from domain.service import Staffdeck
from tests.store.processes import PATIENCE, run_staffdeck

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
README = Path(__file__).parents[2] / "README.md"


def readme_sql() -> tuple[str, str]:
    """The team-mode section's two SQL blocks: the set-up, and the owner's grants."""
    section = README.read_text().split("## Team mode", 1)[1].split("\n## ", 1)[0]
    first, second = re.findall(r"```sql\n(.*?)```", section, re.S)
    return first, second


def one_at_a_time(connection: psycopg.Connection) -> None:
    """Granting on the database and dropping what a role owns both rewrite the
    database's row: two tests doing so at once (the suite runs in parallel) can
    fail with "tuple concurrently updated". A lock held until the connection closes."""
    connection.execute("SELECT pg_advisory_lock(hashtext('staffdeck tests: roles'))")


@pytest.fixture
def team(postgres_url):
    """The README's roles and schema, under names of this test's own."""
    suffix = uuid.uuid4().hex[:8]
    names = {
        "staffdeck_owner": f"owner_{suffix}",
        "staffdeck_team": f"team_{suffix}",
        "SCHEMA staffdeck": f"SCHEMA cos_{suffix}",
        "staffdeck.": f"cos_{suffix}.",
        "DATABASE product": f"DATABASE {urlsplit(postgres_url).path.lstrip('/')}",
        "change-me-too": "team-secret",
        "change-me": "owner-secret",
    }

    def ours(sql: str) -> str:
        for theirs, mine in names.items():
            sql = sql.replace(theirs, mine)
        return sql

    setup, grants = readme_sql()
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        one_at_a_time(connection)
        connection.execute(ours(setup))
    server = urlsplit(postgres_url)
    where = f"{server.hostname}:{server.port}{server.path}?schema=cos_{suffix}"
    urls = {
        "owner": f"postgresql://owner_{suffix}:owner-secret@{where}",
        "team": f"postgresql://team_{suffix}:team-secret@{where}",
        "grants": ours(grants),
    }
    yield urls
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        one_at_a_time(connection)
        connection.execute(f"DROP SCHEMA cos_{suffix} CASCADE")
        for role in (f"team_{suffix}", f"owner_{suffix}"):
            connection.execute(f"DROP OWNED BY {role}")
            connection.execute(f"DROP ROLE {role}")


def staffdeck(store: str, *args: str, stdin: bytes | None = None):
    return run_staffdeck("--store", store, *args, input=stdin)


def test_the_team_role_reads_and_appends_and_rewrites_nothing(team):
    made = staffdeck(team["owner"], "init")
    assert made.returncode == 0, made.stderr
    with psycopg.connect(team["owner"].split("?")[0], autocommit=True) as connection:
        connection.execute(team["grants"])

    # Every kind of write a member makes: commands, and an import (COPY).
    opened = staffdeck(team["team"], "workstream", "open", "Checkout v2", "--owner", "Ana Souza")
    assert opened.returncode == 0, opened.stderr
    raised = staffdeck(team["team"], "blocker", "raise", "PCI audit not booked",
                       "--workstream", "W-1", "--severity", "high")  # fmt: skip
    assert raised.returncode == 0, raised.stderr
    exported = staffdeck(team["team"], "export", "-")
    assert exported.returncode == 0, exported.stderr
    assert len(exported.stdout.splitlines()) == 2
    another = exported.stdout.splitlines()[0].replace(b'"W-1"', b'"W-2"')  # W-1's opening
    imported = staffdeck(team["team"], "import", "-", stdin=another)
    assert imported.returncode == 0, imported.stderr
    assert staffdeck(team["team"], "verify").returncode == 0

    # A member's dashboard is woken by another member's append.
    member = Staffdeck(team["team"], actor="bo")
    stop, woken = threading.Event(), threading.Event()

    def listen():
        for number, _ in enumerate(member.appends(stop)):
            if number:  # the first wake-up only says it listens
                woken.set()
                return

    listener = threading.Thread(target=listen)
    listener.start()
    try:
        staffdeck(team["team"], "blocker", "raise", "Vendor contract unsigned",
                  "--workstream", "W-1", "--severity", "low")  # fmt: skip
        assert woken.wait(PATIENCE)
    finally:
        stop.set()
        listener.join()
        member.close()

    # History stays append-only for someone at a SQL prompt with the team's role.
    schema = team["team"].split("schema=")[1]
    with psycopg.connect(team["team"].split("?")[0], autocommit=True) as connection:
        for statement in (
            f"UPDATE {schema}.staffdeck_events SET topic = 'x'",
            f"DELETE FROM {schema}.staffdeck_events",
            f"TRUNCATE {schema}.staffdeck_events",
            f"CREATE TABLE {schema}.intruder (id int)",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
    assert len(staffdeck(team["team"], "export", "-").stdout.splitlines()) == 4


def test_init_by_the_team_role_is_one_clear_refusal(postgres_url, team):
    """Only the schema's owner creates the tables: a member's `init` says why."""
    refused = staffdeck(team["team"], "init")
    assert refused.returncode == 4
    message = refused.stderr.decode()
    assert message.startswith("error: ") and "permission denied" in message
    assert "Traceback" not in message and "team-secret" not in message
