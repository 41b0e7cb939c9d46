"""Timing and printing for the benchmarks: a stopwatch, percentiles, a plain table."""

import os
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
    return statistics.median(samples), statistics.quantiles(samples, n=20, method="inclusive")[18]


def peak_rss_mb() -> float:
    """This process's peak resident set so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def own_peak_rss_mb() -> float:
    """This process's own peak resident set, even in a child of a large process.

    On Linux ru_maxrss carries the parent's resident set over fork and exec into
    the child (a 10 MB child of a 500 MB parent reports 500 MB); the kernel's
    high-water mark of the process's own memory, VmHWM, does not. Elsewhere,
    ru_maxrss.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


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


def times_at_most(ratio: float, ceiling: float) -> str:
    """A ratio against a ceiling: "target ≤ 2.0×: met"."""
    verdict = "met" if ratio <= ceiling else "MISSED"
    return f"target ≤ {ceiling:.1f}×: {verdict}"


def times_at_least(ratio: float, floor: float) -> str:
    """A ratio against a floor: "target ≥ 5.0×: met"."""
    verdict = "met" if ratio >= floor else "MISSED"
    return f"target ≥ {floor:.1f}×: {verdict}"


def load_average() -> float:
    """The 1-minute load average (NaN where the platform has none)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return float("nan")
