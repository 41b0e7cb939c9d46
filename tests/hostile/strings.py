"""The one fixture of hostile strings: text a person (or a script, or a paste)
might put in any field, each with a short name.

Markup that Rich or Textual would act on, terminal escapes and other control
characters, Markdown and HTML that a Markdown view would make clickable, a
10,000-character text, line breaks, right-to-left text, emoji and combining
marks. Each must be shown as typed (its controls as visible marks), break
nothing and do nothing.
"""

HOSTILE: dict[str, str] = {
    # Rich / Textual markup: an action on click, a stray close, an open tag, a link.
    "click": "[@click=app.quit]x[/]",
    "close": "a[/]b",
    "open": "[bold",
    "link": "[link=https://x]y[/]",
    "style": "[b red on white]loud[/] [$accent]var[/] $primary",
    "escape": "\\[not markup\\] and a trailing \\",
    # Terminal escapes: colour, clear screen and home, a window title, a hyperlink.
    "ansi": "\x1b[31mred\x1b[0m plain",
    "clear": "\x1b[2J\x1b[Hcleared",
    "osc": "\x1b]0;pwned title\x07\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "c1": "\x9b31mC1 CSI\x9b0m and NEL\x85",
    # Other control characters.
    "bell": "ding\x07 back\x08space",
    "cr": "over\rwritten\r\nwindows",
    "nul_del": "nul\x00 del\x7f",
    "vt_ff": "vertical\x0btab form\x0cfeed",
    "bidi": "invoice \u202egnp.exe\u202c done",
    "isolate": "a\u2066b\u2067c\u2068d\u2069",
    # Line breaks and tabs.
    "newlines": "line one\nline two\n\nline four",
    "tabs": "col\tcol\t\tcol",
    "separators": "para\u2028line\u2029graph",
    # Length: 10,000 characters.
    "long": "long " + "x" * 9_990 + " end",
    # Scripts and symbols.
    "rtl": "مرحبا بالعالم — שלום עולם",
    "emoji": "👩\u200d👩\u200d👧\u200d👦 🇵🇹 👍🏽 ✅",
    "combining": "e\u0301 Z\u0324\u0354\u0367\u0311a\u0308\u0356 n\u0303",
    # Markdown and HTML a Markdown view would make live.
    "markdown": "[click me](https://evil.example) **bold** `code` # heading",
    "html": "<b>bold</b> <script>alert(1)</script> &amp; &lt;",
    "autolink": "<https://evil.example> www.evil.example https://evil.example/x",
    "md_block": "1. > - not a list",
    # Format strings and a lone surrogate (what a bad byte in argv decodes to).
    "format": "%s %d {0} {title} %(x)s",
    "surrogate": "bad byte \udcff here",
}

# The strings a field may refuse; every other string must be recorded as typed.
REFUSABLE = {"surrogate"}
