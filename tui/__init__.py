"""The terminal user interface: the dashboard, its screens and the command line."""

import os

# Textual draws at most 60 frames a second, and its pacing holds the frame
# after a quiet spell's first one back by 17 to 33 ms: a time-travel key
# pressed just after a frame waited that long (p95 42 ms at 100,000 events,
# 29 ms at 120). Set before Textual is imported, which reads it once; a user's
# own setting wins.
os.environ.setdefault("TEXTUAL_FPS", "120")
