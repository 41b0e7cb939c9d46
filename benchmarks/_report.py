"""Timing and printing for the benchmarks: a stopwatch, percentiles, a plain table."""

import resource
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager


class Stopwatch:
    seconds = 0.0


@contextmanager
def stopwatch() -> Iterator[Stopwatch]:
    """`with stopwatch() as watch: ...`, then `watch.seconds`."""
    watch = Stopwatch()
    started = time.perf_counter()
    try:
        yield watch
    finally:
        watch.seconds = time.perf_counter() - started


def median_p95(samples: list[float]) -> tuple[float, float]:
    if len(samples) < 2:
        only = samples[0] if samples else 0.0
        return only, only
    return statistics.median(samples), statistics.quantiles(samples, n=20)[18]


def peak_rss_mb() -> float:
    """This process's peak resident set so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def at_least(value: float, target: float, unit: str) -> str:
    """A rate against a floor: "1.46× the 50,000 ev/s target: met"."""
    verdict = "met" if value >= target else "MISSED"
    return f"{value / target:.2f}× the {target:,.0f} {unit} target: {verdict}"


def at_most(value: float, ceiling: float, unit: str, what: str = "ceiling") -> str:
    """A cost against a ceiling: "0.61× the 300 MB ceiling: met"."""
    verdict = "met" if value <= ceiling else "EXCEEDED"
    return f"{value / ceiling:.2f}× the {ceiling:,.0f} {unit} {what}: {verdict}"


class Table:
    """Rows of text in aligned columns, printed once at the end."""

    def __init__(self, *headers: str):
        self.rows: list[tuple[str, ...]] = [headers]

    def add(self, *cells: str) -> None:
        self.rows.append(cells)

    def render(self) -> str:
        widths = [max(len(row[i]) for row in self.rows) for i in range(len(self.rows[0]))]
        lines = []
        for number, row in enumerate(self.rows):
            lines.append(
                "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
            if number == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)
