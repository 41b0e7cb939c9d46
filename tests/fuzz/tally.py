"""The count of fuzz examples tried, and what became of them, printed at the end
of the run.

A pytest plugin loaded by tests/conftest.py, so that it is also loaded where
the tests run in several processes (pytest-xdist): each worker hands its counts
to the controller when it finishes, and the controller prints their sum.
"""

import os
from collections import Counter

import pytest

PROFILE = "ci" if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else "fuzz"

# Examples tried, by test.
TRIED: Counter[str] = Counter()
# What became of them (imported, refused, exit 2, ...), by test.
OUTCOMES: Counter[tuple[str, str]] = Counter()


def pytest_sessionfinish(session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # a worker: the controller prints
        workeroutput["fuzz_tried"] = list(TRIED.items())
        workeroutput["fuzz_outcomes"] = [[test, what, n] for (test, what), n in OUTCOMES.items()]


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook, absent without it
def pytest_testnodedown(node, error) -> None:
    output = getattr(node, "workeroutput", {})
    TRIED.update(dict(output.get("fuzz_tried", ())))
    for test, what, n in output.get("fuzz_outcomes", ()):
        OUTCOMES[test, what] += n


def pytest_terminal_summary(terminalreporter) -> None:
    if not TRIED:
        return
    terminalreporter.section(f"fuzz examples tried (hypothesis profile {PROFILE!r})")
    for name, count in sorted(TRIED.items()):
        outcomes = sorted((n, what) for (test, what), n in OUTCOMES.items() if test == name)
        said = ", ".join(f"{n:,} {what}" for n, what in reversed(outcomes))
        terminalreporter.write_line(f"{count:>8,}  {name}" + (f": {said}" if said else ""))
    terminalreporter.write_line(f"{sum(TRIED.values()):>8,}  in all")
