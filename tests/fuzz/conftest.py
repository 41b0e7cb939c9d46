"""The fuzz tests' settings profiles and their stores (the count of examples they
tried is printed at the end of the run by tests/fuzz/tally.py).

Two profiles, applied to the tests in this folder only (tests.fuzz.fuzzing.fuzzing):
"fuzz", the default, a modest number of examples for an everyday run; "ci", chosen
with HYPOTHESIS_PROFILE=ci, ten times as many. Both are deterministic (derandomize).
"""

from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    max_examples=100,
    derandomize=True,
    database=None,
    deadline=None,  # store I/O is slow and varies: a slow example is not a bug
    print_blob=False,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)
settings.register_profile("ci", settings.get_profile("fuzz"), max_examples=1000)

from tests.fuzz.fuzzing import Stores  # noqa: E402


@pytest.fixture
def make_stores(store, tmp_path) -> Iterator[Callable[[list[bytes]], Stores]]:
    """Stores on `store`'s backend (SQLite, then PostgreSQL), each starting from a history."""
    made: list[Stores] = []

    def make(history: list[bytes]) -> Stores:
        made.append(Stores(store, tmp_path, history))
        return made[-1]

    yield make
    for stores in made:
        stores.close()
