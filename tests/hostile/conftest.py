"""The hostile store: written once a session, copied for each test that uses it."""

import shutil
from pathlib import Path

import pytest

from tests.hostile.hostile_store import Family, build
from tests.hostile.strings import HOSTILE, REFUSABLE

# Every string a field takes (the refused ones are tested on their own).
STORED = {name: text for name, text in HOSTILE.items() if name not in REFUSABLE}


@pytest.fixture(scope="session")
def hostile_template(tmp_path_factory) -> tuple[Path, dict[str, Family]]:
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    return path, build(str(path), STORED)


@pytest.fixture
def families(hostile_template) -> dict[str, Family]:
    return hostile_template[1]


@pytest.fixture
def hostile_store(hostile_template, tmp_path) -> str:
    store = tmp_path / "hostile.db"
    shutil.copy(hostile_template[0], store)
    return str(store)
