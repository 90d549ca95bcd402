"""PDF report: the HTML report typeset by WeasyPrint (fonts with Vietnamese diacritics —
Noto Sans / DejaVu Sans — are embedded as subsets by WeasyPrint)."""

from __future__ import annotations

from ..collector import paused
from . import RenderOptions
from .html import render_view, view_with_diagram


def render_doc(doc: dict, options: RenderOptions) -> bytes:
    """The PDF of an audit's JSON document: its HTML report (the print summary unless
    ``options.detail`` says otherwise) typeset by WeasyPrint."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    if options.detail is None:  # called directly: the print default (report/detail.py)
        from dataclasses import replace

        options = replace(options, detail="summary")
    html = render_view(view_with_diagram(doc, options))
    # WeasyPrint builds a box tree, styles and page layouts that stay alive until the PDF
    # is written: the cyclic collector's full collections set off meanwhile walked all of
    # them (6 for the 82-zone core, ≈ 0.1 s each: 15 % of its render).  Its reference
    # cycles (≈ 230,000 objects a render) are collected when the collector next runs; the peak
    # barely moves (docs/performance.md, "The PDF of a many-zone audit").
    with paused():
        return HTML(string=html, base_url=None).write_pdf()
