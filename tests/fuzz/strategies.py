"""The values people get wrong, as hypothesis strategies: dates as typed, keys,
and hostile text. Shared by the command-line, date and import fuzz tests."""

from hypothesis import strategies as st

# ---- dates, as typed after --at, --due, --since, `g` --------------------------------

_named_days = st.sampled_from(["today", "yesterday", "tomorrow"]).flatmap(
    lambda name: st.sampled_from([name, name.upper(), name.title(), f"  {name} "])
)
_relative_days = st.builds(
    lambda sign, amount, unit: f"{sign}{amount}{unit}",
    st.sampled_from(["", "+", "-"]),
    st.integers(min_value=0, max_value=99_999),
    st.sampled_from(["d", "w", "D", "W"]),
)
_iso_moments = st.datetimes(timezones=st.one_of(st.none(), st.timezones())).flatmap(
    lambda moment: st.sampled_from(
        [
            moment.isoformat(),
            moment.isoformat(sep=" "),
            moment.isoformat(timespec="minutes"),
        ]
    )
)
odd_dates = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "now",
        "last week",
        "2026-09-31",
        "2026-9-1",
        "1/9/2026",
        "2026/09/01",
        "9999-12-31",
        "0001-01-01",
        "9999-12-31T23:59",
        "0001-01-01T00:00",
        "0001-01-01T00:00+01:00",
        "9999-12-31T23:59-01:00",
        "+9999w",
        "-9999w",
        "99999d",
        "-99999d",
        "2026-09-01T24:00",
        "2026-09-01T10:00+25:00",
        "٢٠٢٦-٠٩-٠١",
        "-٣d",
        "2026-09-01T10:00Z",
        "2026-W36-1",
        "20260901",
        "2026-09-01T",
        "T10:00",
        "10:00",
        ":",
        "-",
        "+",
        "d",
        "-d",
        "--3d",
        "3dd",
        "-3 d",
        "1e3d",
        "2026-09-01\n",
        "2026-09-01\x00",
        "2026-09-01 10:00 +02:00",
        "-0d",
        "+0w",
    ]
)
typed_dates = st.one_of(
    st.dates().map(str), _iso_moments, _named_days, _relative_days, odd_dates, st.text(max_size=25)
)

# ---- item keys -----------------------------------------------------------------

bad_keys = st.one_of(
    st.sampled_from(
        [
            "b-1",
            "X-9",
            "B-999999",
            "W-0",
            "W-01",
            "W-1 ",
            " W-1",
            "w-1",
            "W1",
            "W--1",
            "W-1.5",
            "W-١",
            "",
            "W-",
            "-1",
            "W-99999999999999999999999",
            "W-1\n",
            "D-1",
            "B-1",
            "R-1",
            "A-1",
            "N-1",
            "W-1",
            "W-2",
            "Z-1",
            "W-\u0661\u0662",
            "W-1,W-2",
            "W-+1",
            "W-\x00",
        ]
    ),
    st.text(max_size=12),
)

# ---- text ----------------------------------------------------------------------

TRICKY = [
    "[bold]",
    "a[/]b",
    "[@click=app.quit]x[/]",
    "[bold",
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\u2028",
    "\u202e",
    "é",
    "📉",
    "\\",
    '"',
    "   ",
    "-",
    "--",
    "-1",
    "--help",
    "%s",
    "{0}",
    "$HOME",
    "`rm`",
    "<b>",
    "*x*",
    # Bytes that are not UTF-8 reach Python's argv as lone surrogates (surrogateescape).
    "\udcff",
    "caf\udcc3",
]
# Short text made mostly of the pieces that break things: markup, controls, line breaks.
tricky_text = st.lists(
    st.one_of(st.sampled_from(TRICKY), st.text(max_size=5)), min_size=1, max_size=4
).map("".join)
hostile_text = st.one_of(
    st.text(max_size=40),
    tricky_text,
    st.sampled_from(["", " ", "-1", "-3", "0", "-0", "1e400", "NaN", "--", "-"]),
    st.integers(min_value=1, max_value=400_000).map(lambda size: "x" * size),
)
