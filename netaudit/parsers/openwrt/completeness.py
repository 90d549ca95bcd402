"""Is an OpenWrt input complete?  ``uci export`` has no end marker; it prints the
packages in alphabetical order, so a cut shows as a visibly broken last line or as
missing packages that must come before the ones present."""

from __future__ import annotations

import re

from netaudit.model import ParseResult

from .uci import FILE_HEADER, NO_PACKAGE, OPEN, scan

_AT_LINE = re.compile(r"^[^\n]*?:(\d+): (.*)$", re.DOTALL)


def _last(text: str) -> tuple[int, str]:
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return len(lines), (lines[-1] if lines else "")


def _in_raw_file(text: str) -> str | None:
    """The path of the file the input ends in when that file is not UCI (a ``==> path <==``
    header of ``tail -n +1`` naming a file outside ``/config/``), else None."""
    for raw in reversed(text.split("\n")):
        line = raw.strip()
        m = FILE_HEADER.match(line) if line and line[0] in "=#" else None
        if m:
            path = m.group(1) or m.group(2)
            return path if "/config/" not in path else None
    return None


def check(text: str, result: ParseResult) -> tuple[int, str] | None:
    n, last = _last(text)
    if not n:
        return None
    line = last.strip()
    words = line.split(None, 1)
    if not words:
        return None
    for w in result.report.warnings:
        # sections the reader could not place in a package: the input is not in a form
        # read (one /etc/config file alone) — the lines are unrecognized, not cut off.
        # The parser's warning is "FILE:LINE: message" (as cisco_ios's banner one).
        m = _AT_LINE.match(w)
        if m and m.group(2) == NO_PACKAGE:
            return int(m.group(1)), NO_PACKAGE
    if words[0] in ("option", "list"):
        vals, problem = scan(words[1] if len(words) > 1 else "")
        if problem == OPEN or (problem is None and len(vals) < 2):
            return n, f"the input stops in the middle of an option: {line[:60]!r}"
    elif words[0] in ("config", "package"):
        vals, problem = scan(words[1] if len(words) > 1 else "")
        if problem == OPEN or not vals or words[0] == "config":
            return n, f"the input stops after {line[:60]!r}: the section's options are missing"
    elif "=" in line and line.count("'") % 2:
        return n, f"the input stops in the middle of a value: {line[:60]!r}"
    uci_line = words[0] in ("option", "list", "config", "package")
    if not uci_line and _in_raw_file(text) is not None:
        # the last file of `tail -n +1 /etc/config/* /etc/firewall.user` is a shell
        # script: its last line is a command, not a cut
        return None
    if not uci_line and result.report.unrecognized and result.report.unrecognized[-1].line == n:
        # (a complete UCI line of a package netaudit does not read is unrecognized, not cut)
        return n, f"the last line is not UCI: {line[:60]!r} (cut short?)"
    devs = result.devices
    if devs and text.lstrip().startswith("package "):
        pk = [
            p for p in ("dhcp", "dropbear", "firewall", "network") if f"package {p}" in text or f"package '{p}'" in text
        ]
        if "network" in pk and "firewall" not in pk:
            return n, "the export holds 'network' but not 'firewall', which uci export prints before it: cut short?"
    return None
