"""Markdown report (CommonMark + GFM tables), from the JSON document.

Config strings never become markup: inline text escapes Markdown punctuation and
HTML (``<`` → ``&lt;``), code spans use a backtick fence longer than any run inside,
and code blocks a fence longer than any inside.
"""

from __future__ import annotations

import re

from . import RenderOptions
from .html import TEMPLATES, finalize
from .view import build

_MD_SPECIAL = re.compile(r"([\\`*{}\[\]|~])")
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_LINE_START = re.compile(r"^([#>+=-])")
_ORDERED = re.compile(r"^(\d+)([.)])")


# Any character md() may escape: without one (and without a line-start marker) the text
# is its own Markdown (most strings of a report: one search instead of seven passes).
_MD_ANY = re.compile(r"[\\`*{}\[\]|~_&<>]")


def md(value) -> str:
    """Inline text: Markdown punctuation escaped, HTML neutralised, one line."""
    text = " ".join(str(value).split())
    if not _MD_ANY.search(text) and not (text[:1].isdecimal() or text[:1] in ("#", ">", "+", "=", "-")):
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ORDERED.sub(r"\1\\\2", text)
    return _LINE_START.sub(r"\\\1", text)


def _ticks(text: str) -> int:
    runs = [len(m) for m in re.findall(r"`+", text)]
    return max(runs, default=0) + 1


def code(value) -> str:
    """An inline code span (outside tables)."""
    text = " ".join(str(value).split())
    if not text:
        return ""
    fence = "`" * _ticks(text)
    pad = " " if text.startswith("`") or text.endswith("`") or fence != "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def tcode(value) -> str:
    """An inline code span inside a GFM table cell (pipes escaped)."""
    return code(value).replace("|", "\\|")


def fence(value) -> str:
    return "`" * max(3, _ticks(str(value)))


def _tidy(text: str) -> str:
    """Collapse blank-line runs outside code blocks; strip trailing spaces."""
    out: list[str] = []
    in_code, marker, blank = False, "", 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        if not in_code and re.match(r"^`{3,}$", stripped.strip()):
            in_code, marker = True, stripped.strip()
        elif in_code and stripped.strip() == marker:
            in_code = False
        elif not in_code:
            line = stripped
        if not in_code and not line.strip():
            blank += 1
            if blank > 1:
                continue
        else:
            blank = 0
        out.append(line)
    return "\n".join(out).strip() + "\n"


def render_doc(doc: dict, options: RenderOptions) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    env.filters.update(md=md, code=code, tcode=tcode, fence=fence)
    v = build(doc, options)
    return _tidy(env.get_template("report.md.j2").render(v=v, t=v.t))
