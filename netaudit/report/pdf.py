"""PDF report: the HTML report typeset by WeasyPrint (fonts with Vietnamese diacritics —
Noto Sans / DejaVu Sans — are embedded as subsets by WeasyPrint)."""

from __future__ import annotations

from . import RenderOptions
from .html import render_view, view_with_diagram


def render_doc(doc: dict, options: RenderOptions) -> bytes:
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    if options.detail is None:  # called directly: the print default (report/detail.py)
        from dataclasses import replace

        options = replace(options, detail="summary")
    html = render_view(view_with_diagram(doc, options))
    return HTML(string=html, base_url=None).write_pdf()
