"""Routing-table state files → :class:`~netaudit.model.Route` objects (origin "state").

Two formats:

1. The Stanford backbone / ``show ip cef`` style table::

       Prefix               Next Hop             Interface
       0.0.0.0/0            172.20.4.2           Vlan2
       0.0.0.0/8            drop
       0.0.0.0/32           receive
       10.0.0.0/8           attached             Null0
       171.64.0.107/32      172.20.10.3          Vlan11
                            172.20.10.6          Vlan11        <- ECMP continuation

   ``receive`` (the device's own address) and ``multicast``/``punt`` rows are
   skipped (counted as ignored); ``drop``/``Null0`` are drop routes; ``attached``/
   ``glean`` with a real interface are connected routes.

2. Cisco ``show ip route`` output: route codes, ``via``, ``is directly connected``,
   ``[AD/metric]``, "is subnetted" headers (classful 12.x style without lengths),
   multi-line ECMP and wrapped prefixes; ``Routing Table: VRF`` switches VRF.

Never raises on content: rows not understood are listed in ``report.unrecognized``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from netaddr import IPNetwork

from netaudit.lazy_re import lazy_compile
from netaudit.model import ParseReport, Route, Src, from_values
from netaudit.parsers.base import from_state, parse_without_gc
from netaudit.parsers.ip import ip_to_int, prefix_of
from netaudit.parsers.markers import marker


@lru_cache(maxsize=1)
def _canonical() -> Callable[[str], str]:
    """netaudit.parsers.cisco_common's canonical names, imported on first use: netutils
    costs start-up time to every audit, routing-state files or not."""
    from netaudit.parsers.cisco_common import canonical_ifname

    return canonical_ifname


def _ifname(name: str) -> str:
    """Canonical interface name (``Gi0/1`` → ``GigabitEthernet0/1``)."""
    return _canonical()(name)


STATE_KIND = "routes"
_STATE_ROUTE = Route(prefix=IPNetwork("0.0.0.0/0"), origin="state")
_STATE_ROUTE_FIELDS = _STATE_ROUTE.__dict__  # every field, in field order (copied, never changed)


@dataclass
class StateResult:
    """Routes read from one state file, for the device named by ``device_hint``."""

    device_hint: str
    routes: list[Route]
    report: ParseReport


# --------------------------------------------------------------------------- detection

_CEF_HEADER = marker(r"^\s*Prefix\s+Next Hop\s+Interface\s*$")
_CEF_ROW = marker(
    r"^\d+\.\d+\.\d+\.\d+/\d+\s+(\d+\.\d+\.\d+\.\d+|attached|receive|drop"
    r"|glean|punt|multicast)",
)
_SHOW_ROUTE = marker(r"^(Codes: |Gateway of last resort)")
_SHOW_ROW = marker(
    r"^[A-Za-z*+%&]{1,3}[ *]{0,3}(\S{1,3}\s+)?\d+\.\d+\.\d+\.\d+(/\d+)?"
    r"( \[\d+/\d+\] via | is directly connected)",
)


def detect(text: str) -> int:
    """Confidence 0..100 that ``text`` is a routing table this module reads."""
    head = text[: 1 << 20]
    if _CEF_HEADER.search(head):
        return 95
    if _SHOW_ROUTE.search(head) and _SHOW_ROW.search(head):
        return 95
    rows = len(_CEF_ROW.findall(head[:200_000]))
    if rows >= 3:
        return 70
    if _SHOW_ROW.search(head):
        return 60
    return 0


# --------------------------------------------------------------------------- parsing

_SUFFIXES = ("_routes", "-routes", "_route", "-route", "_rib", "-rib")


def _device_hint(file: str) -> str:
    """``bbra_rtr_route.txt`` → ``bbra_rtr`` (matches the IOS hostname fallback)."""
    stem = PurePath(file).name
    for ext in (".txt", ".log", ".out"):
        if stem.lower().endswith(ext) and len(stem) > len(ext):
            stem = stem[: -len(ext)]
            break
    for suf in _SUFFIXES:
        if stem.lower().endswith(suf) and len(stem) > len(suf):
            return stem[: -len(suf)]
    return stem


def _prefix(text: str) -> IPNetwork | None:
    addr, _, ln = text.partition("/")
    return _net(addr, int(ln)) if ln.isdecimal() else None


def _net(addr: str, plen: int) -> IPNetwork | None:
    """The network of ``addr``/``plen`` (host bits cleared), None when not a prefix."""
    a = ip_to_int(addr)
    if a is None or not 0 <= plen <= 32:
        return None
    mask = (0xFFFFFFFF << (32 - plen)) & 0xFFFFFFFF if plen else 0
    return prefix_of(a & mask, plen)


class _Reader:
    def __init__(self, text: str, file: str):
        self.text, self.file = text, file
        self.rep = ParseReport(file=file, vendor=STATE_KIND)
        self.routes: list[Route] = []
        self.ignored = 0

    def bad(self, lineno: int, text: str) -> None:
        self.rep.unrecognized.append(Src(self.file, lineno, text))

    def run(self) -> StateResult:
        lines = self.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        self.rep.lines = len(lines)
        head = self.text[: 1 << 20]
        show_route = bool(_SHOW_ROUTE.search(head)) or (not _CEF_HEADER.search(head) and bool(_SHOW_ROW.search(head)))
        parse_line = self._show_line if show_route else self._cef_line
        self.state: dict = {"prefix": None, "vrf": "default", "subnet_len": None, "code": None, "pending": None}
        for lineno, raw in enumerate(lines, 1):
            try:
                parse_line(raw, lineno)
            except Exception:  # never raise on content
                self.bad(lineno, raw.strip())
        self.rep.ignored = self.ignored
        hint = _device_hint(self.file)
        self.rep.devices = [hint]
        return StateResult(device_hint=hint, routes=self.routes, report=self.rep)

    def _add(
        self,
        prefix: IPNetwork,
        src: Src,
        *,
        nh: int | None = None,
        iface: str | None = None,
        drop: bool = False,
        distance: int = 1,
    ) -> None:
        # a copy of the state route template's fields with these set: what
        # evolve(_STATE_ROUTE, prefix=…, …) builds, without its keyword call and checks (a
        # table has tens of thousands of routes; Route(…) with its keywords is 3x slower)
        state = _STATE_ROUTE_FIELDS.copy()
        state["prefix"] = prefix
        state["vrf"] = self.state["vrf"]
        state["next_hop"] = nh
        state["interface"] = iface
        state["drop"] = drop
        state["distance"] = distance
        state["source"] = src
        self.routes.append(from_state(Route, state))

    # ---------------------------------------------------------------- format 1

    def _cef_line(self, raw: str, lineno: int) -> None:
        text = raw.strip()
        if not text or text.startswith(("Prefix", "#", "!")):
            self.ignored += 1
            return
        parts = text.split()
        src = from_values(Src, (self.file, lineno, text))
        if raw[0] in " \t":  # ECMP continuation: another path for the last prefix
            prefix = self.state["prefix"]
            if prefix is None:
                self.bad(lineno, text)
                return
            self._cef_path(prefix, parts, src, lineno)
            return
        prefix = _prefix(parts[0])
        if prefix is None:
            self.bad(lineno, text)
            return
        self.state["prefix"] = prefix
        self._cef_path(prefix, parts[1:], src, lineno)

    def _cef_path(self, prefix: IPNetwork, parts: list[str], src: Src, lineno: int) -> None:
        if not parts:
            self.bad(lineno, src.text)
            return
        what = parts[0].lower()
        iface = _ifname(parts[1]) if len(parts) > 1 else None
        if what in ("receive", "multicast", "punt"):
            self.ignored += 1  # own address / multicast / to the CPU: not forwarded
            return
        if what == "drop" or (iface and iface.startswith("Null")):
            self._add(prefix, src, iface=iface, drop=True)
            return
        if what in ("attached", "glean"):
            if iface is None:
                self.bad(lineno, src.text)
                return
            self._add(prefix, src, iface=iface)
            return
        nh = ip_to_int(parts[0])
        if nh is not None:
            self._add(prefix, src, nh=nh, iface=iface)
            return
        if len(parts) == 1:  # interface only
            self._add(prefix, src, iface=_ifname(parts[0]))
            return
        self.bad(lineno, src.text)

    # ---------------------------------------------------------------- format 2

    _CODE = lazy_compile(
        r"^([A-Za-z*+%&][A-Za-z0-9*+%&]{0,3}(?:\s+[A-Za-z0-9*+%&]{1,2})?)\s+"
        r"(\d+\.\d+\.\d+\.\d+)(/\d+)?(?:\s+(.*))?$"
    )
    _SUBNETTED = lazy_compile(r"^(\d+\.\d+\.\d+\.\d+)(/\d+)?\s+is\s+(variably\s+)?subnetted")
    _PATH = lazy_compile(r"^\[(\d+)/(\d+)\]\s+via\s+(\d+\.\d+\.\d+\.\d+)(.*)$")
    _CONNECTED = lazy_compile(r"^is directly connected,\s*(\S+)")
    _SUMMARY = lazy_compile(r"^is a summary,.*?(Null\d+)\s*$")
    _HEADER_WORDS = (
        "Codes:",
        "Gateway of last resort",
        "Routing entry",
        "Known via",
        "Routing Descriptor",
        "Redistributing",
        "Advertised by",
        "Last update",
        "Route metric",
        "Routing Information Sources",
    )
    # legend continuation lines: "D - EIGRP, EX - EIGRP external, O - OSPF …"
    _LEGEND = lazy_compile(r"^[A-Za-z0-9*+%&]{1,3} - ")
    _AGE = lazy_compile(r"^[\d:.]+[wdhms]?[\d:.hdmws]*$")  # 00:01:02, 3d04h, 1w2d
    _VIA = lazy_compile(r"^via\s+(\d+\.\d+\.\d+\.\d+)")

    # The common path in its one plain form, read by one regex: ``[AD/metric] via NH``,
    # then optionally ``, AGE`` (what _AGE matches) and ``, IFACE`` (a word starting with a
    # letter, so never an age).  Every text it matches, _PATH and the loop over the tail's
    # pieces in _show_path read the same way; any other tail (a "from …", "tag …", other
    # spacing) fails it and goes there.  Groups: distance, next hop, interface.
    _PLAIN_PATH = (
        r"\[(\d+)/\d+\]\s+via\s+(\d+\.\d+\.\d+\.\d+)"
        r"(?:, [\d:.]+[wdhms]?[\d:.hdmws]*)?(?:, ([A-Za-z][^,\s]*))?"
    )
    _FAST_PATH = lazy_compile(_PLAIN_PATH)
    # A whole route row whose path is plain, one regex instead of the checks of
    # _show_line, _CODE and _PATH (20,000 rows a table): _CODE's code and prefix, then the
    # plain path.  A text it matches is none of the lines _show_line sets apart before
    # _CODE — its first word is a route code (at most 4 letters or *+%&, no ":", "#" or
    # "-"), followed by a prefix — except the prompt and continuation words, excluded.
    # Groups: code, address, /length, then _PLAIN_PATH's.
    _FAST_ROW = lazy_compile(
        r"(?!(?:sh|show|via) )([A-Za-z*+%&][A-Za-z0-9*+%&]{0,3}(?:\s+[A-Za-z0-9*+%&]{1,2})?)\s+"
        r"(\d+\.\d+\.\d+\.\d+)(/\d+)?\s+" + _PLAIN_PATH
    )

    def _row_prefix(self, addr: str, plen: str | None) -> IPNetwork | None:
        """A route row's prefix: its address with its ``/length``, else with the length
        the "subnetted" line before it gave, else its class's (None: not an address)."""
        if plen is not None:
            return _net(addr, int(plen[1:]))
        known = self.state["subnet_len"]
        return _net(addr, known if known is not None else _classful(addr))

    def _show_line(self, raw: str, lineno: int) -> None:
        text = raw.strip()
        st = self.state
        m = self._FAST_ROW.fullmatch(text)
        if m is not None:  # a route row with a plain path: as the general path below reads it
            code, addr, plen = m.group(1, 2, 3)
            prefix = self._row_prefix(addr, plen)
            if prefix is None:
                self.bad(lineno, text)
                return
            st["prefix"] = prefix
            code = st["code"] = code.split()[0]
            if code.rstrip("*") == "L":
                self.ignored += 1  # local /32 = the device's own address
                return
            self._via(prefix, from_values(Src, (self.file, lineno, text)), *m.group(4, 5, 6))
            return
        if not text:
            self.ignored += 1
            return
        if text.startswith("Routing Table:"):
            st["vrf"] = text.split(":", 1)[1].strip() or "default"
            self.ignored += 1
            return
        if (
            text.startswith(self._HEADER_WORDS)
            or (" - " in text[:6] and self._LEGEND.match(text))
            or ("#" in text and "#" in text.split(None, 1)[0])
            or text.startswith(("show ", "sh "))
        ):
            self.ignored += 1  # legend, gateway-of-last-resort, prompt lines
            return
        src = from_values(Src, (self.file, lineno, text))
        # (each regex only on a line holding the words it needs: 20,000 rows, no legend)
        m = self._SUBNETTED.match(text) if "subnetted" in text else None
        if m:
            st["subnet_len"] = int(m.group(2)[1:]) if m.group(2) and not m.group(3) else None
            self.ignored += 1
            return
        if text.startswith("[") or text.startswith("via ") or text.startswith("is directly connected"):
            # continuation (ECMP path or the rest of a wrapped prefix line)
            prefix = st["pending"] or st["prefix"]
            if prefix is None:
                self.bad(lineno, text)
                return
            st["pending"] = None
            self._show_path(prefix, st["code"], text, src, lineno)
            return
        m = self._CODE.match(text)
        if not m:
            self.bad(lineno, text)
            return
        code, addr, plen, rest = m.group(1), m.group(2), m.group(3), m.group(4) or ""
        prefix = self._row_prefix(addr, plen)
        if prefix is None:
            self.bad(lineno, text)
            return
        st["prefix"], st["code"] = prefix, code.split()[0]
        rest = rest.strip()
        if not rest:
            st["pending"] = prefix  # wrapped: the path is on the next line
            return
        self._show_path(prefix, st["code"], rest, src, lineno)

    def _show_path(self, prefix: IPNetwork, code: str | None, rest: str, src: Src, lineno: int) -> None:
        if code and code.rstrip("*") == "L":
            self.ignored += 1  # local /32 = the device's own address
            return
        m = self._FAST_PATH.fullmatch(rest)
        if m is not None:  # the plain path, as _PATH and the loop below read it
            self._via(prefix, src, *m.group(1, 2, 3))
            return
        m = self._CONNECTED.match(rest) if rest.startswith("is directly connected,") else None
        if m:
            iface = _ifname(m.group(1).rstrip(","))
            self._add(prefix, src, iface=iface, drop=iface.startswith("Null"), distance=0)
            return
        m = self._SUMMARY.match(rest) if rest.startswith("is a summary,") else None
        if m:
            self._add(prefix, src, iface="Null0", drop=True)
            return
        m = self._PATH.match(rest)
        if m:
            named: str | None = None
            # the last piece that is not an age, "from …", "tag …" or "type …"
            for piece in reversed(m.group(4).split(",")):
                piece = piece.strip()
                if piece and not self._AGE.match(piece) and not piece.startswith(("from ", "tag ", "type ")):
                    named = piece.split()[0]
                    break
            self._via(prefix, src, m.group(1), m.group(3), named)
            return
        m = self._VIA.match(rest)
        if m:
            self._add(prefix, src, nh=ip_to_int(m.group(1)))
            return
        self.bad(lineno, src.text)

    def _via(self, prefix: IPNetwork, src: Src, distance: str, nh: str, iface: str | None) -> None:
        """The route of a path ``[distance/metric] via nh``, out of interface ``iface``
        as written (None: none named): dropped when that is a Null interface."""
        out_iface = _ifname(iface) if iface is not None else None
        self._add(
            prefix,
            src,
            nh=ip_to_int(nh),
            iface=out_iface,
            distance=int(distance),
            drop=bool(out_iface and out_iface.startswith("Null")),
        )


def _classful(addr: str) -> int:
    first = int(addr.split(".")[0])
    return 8 if first < 128 else 16 if first < 192 else 24


def parse_state(text: str, file: str) -> StateResult:
    """Parse a routing-table file; ``device_hint`` names the device it belongs to."""
    return parse_without_gc(_Reader, text, file)
