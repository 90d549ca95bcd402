"""Property values of a RouterOS export: flags, numbers, lists, addresses, ports, VLAN IDs.

Dotted quads are converted by :mod:`netaudit.parsers.ip`; what RouterOS writes
differently from a plain quad (octets with leading zeros) is normalised here first.
"""

from __future__ import annotations

from typing import overload

from netaudit.parsers.ip import ip_to_int, len_to_mask
from netaudit.parsers.packet_sets import ADDR_MAX, norm

from .syntax import unquote


def yes(v: str | None, default: bool = False) -> bool:
    """A RouterOS flag (``yes``/``no``, ``true``, ``on``, ``enabled``)."""
    if v is None:
        return default
    return v.strip('"').lower() in ("yes", "true", "on", "enabled")


def removed_item(v: str | None) -> bool:
    """Whether a reference is absent or the id of a removed item (``*14``): what an
    export writes for an entry whose interface, bridge … no longer exists."""
    if not v:
        return True
    return v[0] == "*" and len(v) > 1 and all(c in "0123456789abcdefABCDEF" for c in v[1:])


def split_list(v: str | None) -> list[str]:
    """A comma-separated value (``tagged=ether2,ether3``), each item decoded."""
    if not v:
        return []
    return [x for x in (unquote(p).strip() for p in v.split(",")) if x]


@overload
def to_int(v: str | None, default: int) -> int: ...
@overload
def to_int(v: str | None, default: None = None) -> int | None: ...
def to_int(v: str | None, default: int | None = None) -> int | None:
    if v is None:
        return default
    v = unquote(v).strip()
    return int(v) if v.isdecimal() else default


def quad(s: str) -> int | None:
    """An address written ``a.b.c.d`` as an int, or None.

    Each octet is one to three decimal digits, leading zeros allowed (``010`` is 10), and
    one trailing newline is tolerated: the pattern RouterOS values were always read with
    (``^(\\d{1,3})\\.…$``), kept so that no address reads differently."""
    n = ip_to_int(s)
    if n is not None:
        return n
    if s.endswith("\n"):
        s = s[:-1]
    parts = s.split(".")
    if len(parts) != 4 or not all(1 <= len(p) <= 3 and p.isdecimal() for p in parts):
        return None
    return ip_to_int(".".join(str(int(p)) for p in parts))


def parse_addr(s: str) -> tuple[int, int] | None:
    """``a.b.c.d``, ``a.b.c.d/len`` or ``a.b.c.d-e.f.g.h`` → (first, last)."""
    if "/" in s:
        a, _, ln = s.partition("/")
        x = quad(a)
        if x is None or not ln.isdecimal() or int(ln) > 32:
            return None
        mask = len_to_mask(int(ln))
        lo = x & mask
        return lo, lo | (~mask & ADDR_MAX)
    if "-" in s:
        a, _, b = s.partition("-")
        x, y = quad(a), quad(b)
        if x is None or y is None or y < x:
            return None
        return x, y
    x = quad(s)
    return None if x is None else (x, x)


def parse_ports(s: str) -> tuple | None:
    """``80``, ``1000-2000``, ``22,80,443`` → merged ranges (None when not understood)."""
    if s.isdecimal():  # one port (most values): its range, what the loop below makes of it
        a = int(s)
        return ((a, a),) if a <= 65535 else None
    out = []
    ordered = True  # each range after the last one and apart from it: norm leaves them
    last = -2
    for part in s.split(","):
        part = part.strip()
        if not part:
            continue
        lo, _, hi = part.partition("-")
        if not lo.isdecimal() or (hi and not hi.isdecimal()):
            return None
        a, b = int(lo), int(hi or lo)
        if a > 65535 or b > 65535 or b < a:
            return None
        if a <= last + 1:
            ordered = False
        last = b
        out.append((a, b))
    if not out:
        return None
    return tuple(out) if ordered else norm(out)


def parse_vlan_ids(s: str) -> frozenset[int] | None:
    """``10,20-22`` → {10, 20, 21, 22} (None when not understood)."""
    out: set[int] = set()
    for part in unquote(s).split(","):
        part = part.strip()
        if not part:
            continue
        lo, _, hi = part.partition("-")
        if not lo.isdecimal() or (hi and not hi.isdecimal()):
            return None
        a, b = int(lo), int(hi or lo)
        if not (1 <= a <= b <= 4094):
            return None
        out.update(range(a, b + 1))
    return frozenset(out)
