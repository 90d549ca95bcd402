"""Vendor parser registry.

A vendor is one module in this package exposing::

    VENDOR: str                                   # e.g. "cisco_ios"
    def detect(text: str) -> int                  # confidence 0..100 that text is this vendor
    def parse(text: str, file: str) -> ParseResult

and one line in :data:`VENDOR_MODULES`.  ``text`` is already decoded, BOM-stripped
and newline-normalised by :mod:`netaudit.inputs`; ``file`` is the display path used
in every :class:`~netaudit.model.Src`.

State parsers (routing tables and other live state) follow the same shape with
``STATE_KIND`` instead of ``VENDOR`` and ``parse_state(text, file) -> StateResult``.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

# The one place a vendor is registered.
VENDOR_MODULES = [
    "netaudit.parsers.cisco_ios",
    "netaudit.parsers.cisco_asa",
    "netaudit.parsers.mikrotik_routeros",
    "netaudit.parsers.fortinet_fortios",
]

STATE_MODULES = [
    "netaudit.parsers.state_routes",
]

_loaded: dict[str, ModuleType] = {}


def _load(name: str) -> ModuleType:
    if name not in _loaded:
        _loaded[name] = import_module(name)
    return _loaded[name]


def vendor_parsers() -> list[ModuleType]:
    return [_load(m) for m in VENDOR_MODULES]


def state_parsers() -> list[ModuleType]:
    return [_load(m) for m in STATE_MODULES]


def parser_for(vendor: str) -> ModuleType:
    for mod in vendor_parsers():
        if mod.VENDOR == vendor:
            return mod
    raise KeyError(vendor)


def detect_vendor(text: str) -> tuple[str | None, int]:
    """Best (vendor, confidence) over all registered parsers; (None, 0) if none claims it."""
    best: tuple[str | None, int] = (None, 0)
    for mod in vendor_parsers():
        score = mod.detect(text)
        if score > best[1]:
            best = (mod.VENDOR, score)
    return best


def detect_state(text: str) -> tuple[ModuleType | None, int]:
    best: tuple[ModuleType | None, int] = (None, 0)
    for mod in state_parsers():
        score = mod.detect(text)
        if score > best[1]:
            best = (mod, score)
    return best
