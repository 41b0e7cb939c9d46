"""User text made safe to show: every control character drawn as a visible mark.

A title holding ESC, a C1 control or a direction override would otherwise
reach the terminal as an instruction (colour, cursor moves, a cleared screen,
text drawn backwards). Rich and Textual strip a few controls (BEL, backspace,
CR, VT, FF) silently and pass the rest through, so every place that shows
user text puts it through `visible` first:

- C0 controls (U+0000–U+001F) become their Unicode control pictures, U+2400
  plus the code: ␀ for NUL, ␇ for BEL, ␈ for backspace, ␍ for CR, ␛ for ESC;
- DEL (U+007F) becomes ␡;
- C1 controls (U+0080–U+009F, such as U+009B, the one-byte CSI) and the
  direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) become ⍰;
- line breaks and tabs are kept where text is shown on several lines (the
  detail pane, the decision record, the brief, the wrapping columns of a CLI
  table): with `lines=True`, "\\n" and "\\t" stay and the line and paragraph
  separators (U+2028, U+2029) become "\\n". Drawn on one line (a table cell)
  they are marks too: ␊ and ␉.

Every mark replaces one character with one, so a styled Text keeps its spans.
Printable text is untouched: right-to-left scripts, emoji (their zero-width
joiners too) and combining marks show as typed. Pure Python: the CLI uses it
without loading Textual.
"""

UNKNOWN = "⍰"
_C0 = {code: chr(0x2400 + code) for code in range(0x20)}
_OTHERS = {
    0x7F: "␡",
    **{code: UNKNOWN for code in range(0x80, 0xA0)},
    **{code: UNKNOWN for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}
ONE_LINE = str.maketrans({**_C0, 0x2028: _C0[0x0A], 0x2029: _C0[0x0A], **_OTHERS})
LINES = str.maketrans({**_C0, 0x0A: "\n", 0x09: "\t", 0x2028: "\n", 0x2029: "\n", **_OTHERS})
# Every character a mark replaces: what must never reach the terminal as it is.
HIDDEN = frozenset(chr(code) for code in (*_C0, *_OTHERS, 0x2028, 0x2029))


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control character drawn as a mark (see the module)."""
    if text.isprintable():  # almost every title: nothing to look up
        return text
    return text.translate(LINES if lines else ONE_LINE)
