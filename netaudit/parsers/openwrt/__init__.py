"""OpenWrt (UCI: ``uci export``, ``uci show``, concatenated ``/etc/config`` files) → one
:class:`~netaudit.model.Device`.

The registry API (:mod:`netaudit.parsers`): :data:`VENDOR`, :func:`detect`,
:func:`parse`, :func:`incomplete`.  What each UCI construct becomes and the fw4 chain
order: docs/vendors/openwrt.md (its "Code layout" lists the modules of this package).
"""

from __future__ import annotations

from netaudit.model import ParseResult
from netaudit.parsers.base import parse_without_gc
from netaudit.parsers.markers import marker

VENDOR = "openwrt"

__all__ = ["VENDOR", "detect", "incomplete", "parse"]

_WINDOW = 1 << 20
_PACKAGE = marker(r"^package (?:'|\")?(network|firewall|wireless|dhcp|system|dropbear|uhttpd)\b")
_CONFIG = marker(
    r"^config (?:interface|zone|forwarding|rule|redirect|defaults|wifi-iface|wifi-device|device|"
    r"bridge-vlan|switch_vlan|dnsmasq|dropbear|system)\b",
)
_OPTION = marker(r"^\s+(?:option|list) [A-Za-z0-9_]+\b")
_SHOW = marker(r"^(?:network|firewall|wireless|dhcp|system)\.[@A-Za-z0-9_\[\]-]+(?:\.[A-Za-z0-9_]+)?=")
_FILES = marker(r"^(?:==>\s*/etc/config/\S+\s*<==|#{1,3}\s*/etc/config/\S+)\s*$")


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is OpenWrt UCI configuration."""
    head = text[:_WINDOW]
    score = 0
    if _PACKAGE.search(head):
        score += 50
    configs = len(_CONFIG.findall(head))
    if configs:
        score += 30 + min(configs, 10)
    if _OPTION.search(head):
        score += 15
    shows = len(_SHOW.findall(head, 0, 200_000))
    if shows >= 3:
        score = max(score, 70 + min(shows, 25))
    if _FILES.search(head):
        score += 20
    if configs and score < 50 and _starts_with_config(head):
        # sections and options from the first line on, no package named: an /etc/config
        # file given alone.  Claimed (never above a real export), so the parse says which
        # form to give instead of the file being skipped as an unknown format.
        score += 5
    return min(score, 98)


def _starts_with_config(head: str) -> bool:
    """Whether the first line that is not blank or a ``#`` comment is a ``config`` line."""
    for line in head.split("\n", 200)[:200]:
        s = line.strip()
        if s and not s.startswith("#"):
            return s.startswith("config ")
    return False


def parse(text: str, file: str) -> ParseResult:
    """Parse one OpenWrt input into one Device and its ParseReport (never raises on content)."""
    # Loaded here, not at import: detection imports every vendor package.
    from .parser import OpenWrtParser

    return parse_without_gc(OpenWrtParser, text, file)


def incomplete(text: str, result: ParseResult) -> tuple[int, str] | None:
    """``(line, message)`` when the input is visibly cut: an unclosed quote on the last
    line, a ``config`` header with nothing after it, an ``option``/``list`` without value,
    or an export that lacks the ``firewall`` package while holding packages after which
    ``uci export`` prints it (packages come in alphabetical order)."""
    from .completeness import check

    return check(text, result)
