"""Line-dispatch machinery shared by the Cisco parsers (IOS/IOS-XE and ASA).

Both read a config the same way: a column-0 line is a global command that may open
a *block*, indented lines belong to the open block.  Each context has a dispatch
table keyed by the first one to three lower-cased words of a line; an entry is a
handler, :data:`IGNORE` (understood, irrelevant on purpose) or a :class:`Partial`
reason (affects forwarding, not modelled).  Everything else is recorded as
unrecognized with its line number.

This module holds what the two parsers share: the table builder and look-up, the
context object, and :class:`LineParser` — the per-line classification (recognized /
ignored / partial / unrecognized accounting), secret collection from ignored lines
and the never-raise main loop.  Vendor modules subclass :class:`LineParser` and keep
their own tables, handlers, comment/banner rules and secret keywords.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import NamedTuple

from netaddr import IPNetwork

from netaudit.model import Device, IfKind, Interface, ParseReport, ParseResult, Src
from netaudit.parsers.cisco_common import int_to_ip
from netaudit.secrets import key_material_lines, may_hold_secret

IGNORE = object()   # sentinel: understood, irrelevant on purpose


class Partial(NamedTuple):
    reason: str


class Unknown(Exception):
    """Raised by a handler for a line it does not understand after all."""


def table(ignored=(), partial=None, handlers=None) -> dict:
    """Build a dispatch table: key tuple → IGNORE | Partial | handler."""
    t: dict = {}
    for s in ignored:
        t[tuple(s.split())] = IGNORE
    for s, reason in (partial or {}).items():
        t[tuple(s.split())] = Partial(reason)
    for s, h in (handlers or {}).items():
        t[tuple(s.split())] = h
    return t


def lookup(tbl: dict, low: list[str]):
    """Longest-prefix (3, 2, 1 words) look-up of a line in a dispatch table."""
    n = len(low)
    if n >= 3:
        e = tbl.get((low[0], low[1], low[2]))
        if e is not None:
            return e
    if n >= 2:
        e = tbl.get((low[0], low[1]))
        if e is not None:
            return e
    return tbl.get((low[0],)) if n else None


def lookup_or_no(tbl: dict, low: list[str]):
    """:func:`lookup`, and ``no <known>`` (back to a default) as :data:`IGNORE`."""
    entry = lookup(tbl, low)
    if entry is None and low[0] == "no" and len(low) > 1 and lookup(tbl, low[1:]) is not None:
        entry = IGNORE
    return entry


@dataclass(eq=False)
class Ctx:
    """An open block: its kind, dispatch table and the object(s) it configures."""

    kind: str
    table: dict | None = None
    targets: list = field(default_factory=list)
    label: str = ""
    src: Src | None = None


IGNORE_CTX = Ctx("ignore")     # body understood and irrelevant (secrets still collected)
UNKNOWN_CTX = Ctx("unknown")   # body of an unrecognized command: not understood either


def prefix_of(addr: int, length: int) -> IPNetwork:
    return IPNetwork(f"{int_to_ip(addr)}/{length}")


def kind_from_name(name: str, physical_hints: tuple[str, ...],
                   kind_by_prefix: tuple[tuple[str, IfKind], ...]) -> IfKind:
    """An interface's kind from its canonical name: the first matching prefix, else
    physical when a hint is in the name, else other."""
    kind = IfKind.PHYSICAL if any(h in name for h in physical_hints) else IfKind.OTHER
    for prefix, k in kind_by_prefix:
        if name.startswith(prefix):
            kind = k
            break
    return kind


HOST_SUFFIXES = ("_config", "-config", ".cfg", "_cfg", "-confg", "_confg")


def hostname_from_file(file: str, extensions: tuple[str, ...], repeat: bool) -> str:
    """``bbra_rtr_config.txt`` → ``bbra_rtr`` (configs without a hostname line): one of
    ``extensions`` is cut, then the :data:`HOST_SUFFIXES` (until none is left when
    ``repeat``, else one pass over them)."""
    name = PurePath(file).name
    stem = name
    for ext in extensions:
        if stem.lower().endswith(ext) and len(stem) > len(ext):
            stem = stem[: -len(ext)]
            break
    changed = True
    while changed:
        changed = False
        for suf in HOST_SUFFIXES:
            if stem.lower().endswith(suf) and len(stem) > len(suf):
                stem = stem[: -len(suf)]
                changed = repeat
    return stem or name


def parse_without_gc(parser_cls, text: str, file: str) -> ParseResult:
    """Run ``parser_cls(text, file).run()`` with the cyclic GC paused.

    The parse allocates millions of small long-lived objects on big inputs and
    creates no garbage cycles; the cyclic GC would rescan them again and again
    (measured: 5x slower on a 50 MB ACL), so it is paused for the duration."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return parser_cls(text, file).run()
    finally:
        if paused:
            gc.enable()


class LineParser:
    """One pass over the lines, then :meth:`finish` resolves cross-references.

    A subclass sets :attr:`VENDOR`, :attr:`TOP_TABLE`, :attr:`SECRET_WORDS`,
    :attr:`NOT_SECRETS` and implements :meth:`prepare` (comments, banners),
    :meth:`scan_secrets`, :meth:`ctx_partial`, :meth:`apply`, :meth:`access_list`
    and :meth:`finish`.
    """

    VENDOR = ""
    TOP_TABLE: dict = {}
    SECRET_WORDS: frozenset[str] = frozenset()
    NOT_SECRETS: frozenset[str] = frozenset()   # keywords, never secret values
    MASKED_NOT_SECRET = False                   # "*****" is a value the device masked
    DEINDENTED_BLOCKS = False                   # unknown column-0 line: try the open block

    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file
        self.dev = Device(hostname="", vendor=self.VENDOR, file=file)
        self.rep = ParseReport(file=file, vendor=self.VENDOR)
        self.ctx: Ctx | None = None
        self.ignored = 0
        self.refs: list[tuple[str, str, Src]] = []
        self.lineno = 0                          # the line being read (secrets are recorded on it)

    # ------------------------------------------------------------------ helpers

    def src(self, lineno: int, text: str) -> Src:
        return Src(self.file, lineno, text)

    def unrecognized(self, lineno: int, text: str) -> None:
        self.rep.unrecognized.append(Src(self.file, lineno, text))
        if may_hold_secret(text):                # its secrets are masked where it is echoed
            self._maybe_scan(text)

    def ref(self, kind: str, name: str, src: Src) -> None:
        self.refs.append((kind, name, src))

    def add_secret(self, value: str | None) -> None:
        """Remember a literal secret so every output can mask it: on the line being read
        (by grammar position, whatever the value) and as a value.  Guards against keywords
        and tiny numbers that masking would wreck reports with."""
        if not value or len(value) < 2 or value.lower() in self.NOT_SECRETS:
            return
        if self.MASKED_NOT_SECRET and set(value) == {"*"}:
            return
        if value.isdigit() and len(value) <= 2:
            return
        self.dev.secrets.add(value)
        if self.lineno:
            self.dev.secret_lines.setdefault(self.lineno, set()).add(value)

    def scan_secrets(self, tokens: list[str], low: list[str]) -> None:
        raise NotImplementedError

    def _maybe_scan(self, stripped: str) -> None:
        low = stripped.lower().split()
        if not self.SECRET_WORDS.isdisjoint(low):
            self.scan_secrets(stripped.split(), low)

    def ignore_line(self, tokens: list[str], low: list[str]) -> None:
        """Count an understood, irrelevant line, collecting any secret in it."""
        self.ignored += 1
        if not self.SECRET_WORDS.isdisjoint(low):
            self.scan_secrets(tokens, low)

    def iface_partial(self, iface: Interface, reason: str, src: Src) -> None:
        iface.partial = f"{iface.partial}; {reason}" if iface.partial else reason
        self.rep.add_partial(f"interface {iface.name}", reason, src)

    # ------------------------------------------------------------------ shared handlers

    def h_hostname(self, tokens, low, src):
        if len(tokens) < 2:
            raise Unknown
        self.dev.hostname = tokens[1]
        self.dev.source = src

    # ------------------------------------------------------------------ main loop

    def run(self) -> ParseResult:
        lines = self.text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        self.rep.lines = len(lines)
        # Key material (PEM blocks, hex certificate lines): data, never configuration.
        material = key_material_lines(lines) if "-----BEGIN" in self.text or "certificate" in self.text else {}
        for lineno, raw in enumerate(lines, 1):
            self.lineno = lineno
            if material and lineno in material:
                self.ignored += 1
                if material[lineno]:
                    self.dev.secret_lines.setdefault(lineno, set()).add(material[lineno])
                continue
            stripped = self.prepare(raw, lineno)
            if stripped is None:
                continue
            try:
                if raw[0] in " \t":
                    ctx = self.ctx
                    if ctx is None or not self._in_ctx(ctx, stripped, lineno, False):
                        self.unrecognized(lineno, stripped)
                else:
                    self._top(stripped, lineno)
            except Exception as exc:   # noqa: BLE001 - odd content must never crash a parse
                self.unrecognized(lineno, stripped)
                self.rep.warnings.append(
                    f"{self.file}:{lineno}: line not understood ({type(exc).__name__}: {exc})")
        self.lineno = 0
        self.end_of_input()
        self.rep.ignored = self.ignored
        return ParseResult(devices=[self.dev], report=self.rep)

    def prepare(self, raw: str, lineno: int) -> str | None:
        """The stripped line to dispatch, or None when it was consumed here (blank,
        comment, banner text …)."""
        raise NotImplementedError

    def end_of_input(self) -> None:
        self.finish()

    def finish(self) -> None:
        raise NotImplementedError

    def access_list(self, tokens: list[str], stripped: str, lineno: int) -> None:
        raise NotImplementedError

    def _top(self, stripped: str, lineno: int) -> None:
        tokens = stripped.split()
        if tokens[0] == "access-list":          # fast path: the bulk of big configs
            self.ctx = None
            self.access_list(tokens, stripped, lineno)
            return
        low = stripped.lower().split()
        entry = lookup_or_no(self.TOP_TABLE, low)
        if entry is None:
            # A de-indented config puts block contents at column 0: try the open block.
            if self.DEINDENTED_BLOCKS and self.ctx is not None \
                    and self._in_ctx(self.ctx, stripped, lineno, True):
                return
            self.unrecognized(lineno, stripped)
            self.ctx = UNKNOWN_CTX              # its body is not understood either
            return
        self.ctx = None
        if entry is IGNORE:
            self.ignore_line(tokens, low)
            self.ctx = IGNORE_CTX
            return
        src = self.src(lineno, stripped)
        if isinstance(entry, Partial):
            self.rep.add_partial(" ".join(tokens[:2]), entry.reason, src)
            self.ctx = IGNORE_CTX
            return
        try:
            entry(self, tokens, low, src)
        except Unknown:
            self.unrecognized(lineno, stripped)
            self.ctx = UNKNOWN_CTX

    def _in_ctx(self, ctx: Ctx, stripped: str, lineno: int, fallback: bool) -> bool:
        """Handle a line inside ``ctx``; False when the block does not know it.
        ``fallback``: a column-0 line tried in the open block (de-indented input)."""
        kind = ctx.kind
        if kind == "ignore":
            if fallback:
                return False
            self.ignored += 1
            self._maybe_scan(stripped)
            return True
        if kind == "unknown":
            return False
        tokens = stripped.split()
        low = stripped.lower().split()
        entry = lookup_or_no(ctx.table, low)
        if entry is None:
            return False
        if entry is IGNORE:
            self.ignore_line(tokens, low)
            return True
        src = self.src(lineno, stripped)
        if isinstance(entry, Partial):
            self.ctx_partial(ctx, entry.reason, src)
            return True
        return self.apply(ctx, entry, tokens, low, src)

    def ctx_partial(self, ctx: Ctx, reason: str, src: Src) -> None:
        raise NotImplementedError

    def apply(self, ctx: Ctx, entry, tokens: list[str], low: list[str], src: Src) -> bool:
        """Run a block handler on the block's target(s); False if it raised Unknown."""
        raise NotImplementedError

