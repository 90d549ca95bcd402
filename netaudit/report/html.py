"""Self-contained HTML report (inline CSS and SVG, no script, no network fetch).

Rendered from the JSON document with jinja2 (autoescape on); the same template,
in print mode, is the PDF's source (pdf.py).
"""

from __future__ import annotations

from pathlib import Path

from . import RenderOptions
from .view import View, build

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "report"


def _cssstr(value) -> object:
    """``value`` as the inside of a CSS string literal (safe inside <style>)."""
    from markupsafe import Markup

    out = []
    for ch in str(value):
        if ch.isalnum() or ch in " -_.,:;()/" or ord(ch) > 127:
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):X} ")
    return Markup("".join(out))


def finalize(value):
    """Every ``{{ }}`` output of the report templates (HTML, PDF, Markdown): control and
    bidi characters written as visible escapes (safetext.clean), markup kept markup."""
    if isinstance(value, str):
        from markupsafe import Markup

        from ..safetext import clean

        cleaned = clean(value)
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value


def environment(autoescape: bool = True):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
        finalize=finalize,
    )
    env.filters["cssstr"] = _cssstr
    return env


def view_with_diagram(doc: dict, options: RenderOptions) -> View:
    from .diagram import svg

    v = build(doc, options)
    v.diagram_svg, v.diagram_error = svg(doc, options.lang)
    return v


def render_view(v: View) -> str:
    from markupsafe import Markup

    env = environment()
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    return env.get_template("report.html.j2").render(v=v, t=v.t, css=Markup(css))


def render_doc(doc: dict, options: RenderOptions) -> str:
    return render_view(view_with_diagram(doc, options))
