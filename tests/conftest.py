"""Fixtures every test shares: real stores (SQLite and PostgreSQL) and a fixed clock."""

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from domain.service import Staffdeck
from tests.store.tcp_proxy import Proxy

# Loaded here, at the root, so that it also runs in pytest-xdist's controller.
pytest_plugins = ["tests.fuzz.tally"]

POSTGRES_ENV = "STAFFDECK_TEST_POSTGRES"
# In CI the PostgreSQL tests are mandatory: a missing server fails, never skips.
POSTGRES_REQUIRED = bool(os.environ.get("CI")) or bool(os.environ.get("STAFFDECK_REQUIRE_POSTGRES"))

os.environ["TZ"] = "UTC"  # "local time" in CLI input and output means UTC in tests


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook
def pytest_xdist_auto_num_workers(config) -> int:
    """`--numprocesses auto`: twice the cores, at most 8. Most tests spend their time
    waiting on processes they started or on a dashboard to settle (on 2 cores, 4
    workers ran the suite in 11 min, 2 in 15, one in 25); past 8, the longest tests
    (2 min each) would set the pace anyway."""
    if hasattr(os, "sched_getaffinity"):  # the cores this process may use (Linux)
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count() or 1
    return min(2 * cores, 8)


class FixedClock:
    """Starts at a fixed moment and moves only when told (or a minute per reading)."""

    def __init__(
        self, start: datetime = datetime(2026, 9, 1, 9, 0, tzinfo=UTC), tick=timedelta(minutes=1)
    ):
        self.now = start
        self.tick = tick

    def __call__(self) -> datetime:
        moment = self.now
        self.now += self.tick
        return moment

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True, scope="session")
def own_cache_directory(tmp_path_factory) -> Iterator[None]:
    """The dashboard remembers stores in the user's cache directory: never the real one."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def sqlite_store(tmp_path) -> str:
    return str(tmp_path / "store.db")


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        reason = (
            f"no PostgreSQL server: set {POSTGRES_ENV} to a postgresql:// URL "
            '(`eval "$(.ci/postgres-up)"` starts one on loopback)'
        )
        if POSTGRES_REQUIRED:
            pytest.fail(f"PostgreSQL tests are mandatory in CI, but {reason}")
        pytest.skip(reason)
    return url


@pytest.fixture
def postgres_store(postgres_url) -> Iterator[str]:
    """A fresh schema per test, dropped afterwards: tests never see each other's events."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    yield f"{postgres_url}?schema={schema}"
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def proxy(postgres_url) -> Iterator[Proxy]:
    """A TCP proxy in front of the PostgreSQL server, which a test can cut and restore
    (tests/store/tcp_proxy.py)."""
    proxy = Proxy(postgres_url)
    yield proxy
    proxy.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request) -> str:
    """Each test that takes `store` runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture
def app(store, clock) -> Iterator[Staffdeck]:
    deck = Staffdeck(store, actor="ana", clock=clock)
    yield deck
    deck.close()


def export_of(store: str) -> bytes:
    """The whole store, as `staffdeck export` writes it: what "unchanged" is compared on."""
    deck = Staffdeck(store, actor="checker")
    try:
        return b"".join(deck.export_lines())
    finally:
        deck.close()
