"""Report renderers: one module per format, each exposing ``render(audit, options) -> str``.

Heavy dependencies (PDF, graph drawing) are imported inside the renderers that need
them, so ``--format json`` and the terminal summary stay fast.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

RENDERERS = {
    "text": "netaudit.report.text",
    "json": "netaudit.report.json_report",
}


@dataclass
class RenderOptions:
    lang: str = "vi"
    show_secrets: bool = False
    color: bool = False


def render(audit, fmt: str, options: RenderOptions) -> str:
    """Render ``audit`` in ``fmt``."""
    return import_module(RENDERERS[fmt]).render(audit, options)
