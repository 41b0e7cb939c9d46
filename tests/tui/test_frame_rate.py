"""The dashboard draws up to 120 frames a second (Textual's 60 held a key's frame
back by up to 33 ms after the frame before it), unless the user says otherwise."""

import os
import subprocess
import sys

import pytest


def _frame_period(**env: str) -> float:
    """Textual's seconds between frames, in a fresh process that opens the app's modules."""
    inherited = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import tui.app, textual.screen; print(textual.screen.UPDATE_PERIOD)",
        ],
        env={**inherited, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return float(shown.stdout)


def test_the_dashboard_draws_up_to_120_frames_a_second():
    assert _frame_period() == pytest.approx(1 / 120)


def test_the_users_own_frame_rate_wins():
    assert _frame_period(TEXTUAL_FPS="30") == pytest.approx(1 / 30)
