"""The neutral base every vendor parser builds on (docs/architecture.md, the parser rows).

What is the same for every vendor lives here, so a new vendor package writes only its
grammar and its conversion to the model.

* :func:`parse_without_gc` — run a parser with the cyclic GC paused (every vendor).
* The line-dispatch machinery of CLI-style configurations (Cisco IOS / ASA, and the
  same shape Huawei VRP / H3C Comware write): a line at column 0 is a global command
  that may open a *block*, indented lines belong to the open block.  Each context has
  a dispatch table (:func:`table`) keyed by the first one to three lower-cased words of
  a line; an entry is a handler, :data:`IGNORE` (understood, irrelevant on purpose) or
  a :class:`Partial` reason (affects forwarding, not modelled).  A line that starts
  with the vendor's negation keyword (:attr:`LineParser.NEGATION`: ``no`` on Cisco,
  ``undo`` on VRP / Comware) followed by a known command puts a setting back to its
  default: understood, ignored.  Everything else is recorded as unrecognized with its
  line number.
* :class:`LineParser` — the never-raise main loop: recognized / ignored / partial /
  unrecognized accounting, secrets collected from ignored and unrecognized lines with
  their line numbers, key material (PEM blocks, hex certificate lines) read as data.

How a vendor uses it: subclass :class:`LineParser`, set :attr:`~LineParser.VENDOR`,
:attr:`~LineParser.NEGATION`, :attr:`~LineParser.TOP_TABLE` (built with :func:`table`
once the handlers exist), :attr:`~LineParser.SECRET_WORDS`,
:attr:`~LineParser.NOT_SECRETS`, and implement the hooks :meth:`~LineParser.prepare`
(comments, banners), :meth:`~LineParser.scan_secrets`, :meth:`~LineParser.ctx_partial`,
:meth:`~LineParser.apply` and :meth:`~LineParser.finish` (conversion to the model);
``parse(text, file)`` is then ``parse_without_gc(MyParser, text, file)``.  A global
handler is called ``handler(parser, tokens, low, src)``; it opens a block by setting
``parser.ctx = Ctx(kind, TABLE, targets, label, src)`` and raises :class:`Unknown` for a
line it does not understand after all.  Block handlers are run by the vendor's
:meth:`~LineParser.apply`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, ClassVar, NamedTuple, Protocol, TypeVar, cast

from netaudit.collector import long_lived
from netaudit.messages import Text
from netaudit.model import (
    AddrMatch,
    Device,
    IfKind,
    Interface,
    L2Mode,
    Match,
    ParseReport,
    ParseResult,
    Src,
    from_values,
)
from netaudit.secrets import key_material_lines, may_hold_secret

_T = TypeVar("_T", covariant=True)


class _Runs(Protocol[_T]):
    def run(self) -> _T: ...


def parse_without_gc(parser_cls: Callable[[str, str], _Runs[_T]], text: str, file: str) -> _T:
    """Run ``parser_cls(text, file).run()`` with the cyclic GC paused.

    A parse allocates millions of small long-lived objects on big inputs and creates no
    garbage cycles; the cyclic GC would rescan them again and again (measured: 5x slower
    on a 50 MB ACL), so it is paused for the duration, and what it built goes straight
    to the oldest generation (:func:`netaudit.collector.long_lived`)."""
    with long_lived():
        return parser_cls(text, file).run()


# --------------------------------------------------------------------------- copies

_D = TypeVar("_D")
_PLAIN: dict[type, frozenset[str] | None] = {}


def _plain_fields(cls: type) -> frozenset[str] | None:
    """The field names of a dataclass whose instances are their ``__dict__`` of fields
    (no ``__post_init__``, ``InitVar``, ``init=False`` field or ``__slots__``), else None."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__") or "__slots__" in vars(cls):
        return None
    fields = dataclasses.fields(cls)
    if len(fields) != len(cls.__dataclass_fields__) or not all(f.init for f in fields):
        return None
    return frozenset(f.name for f in fields)


def evolve(obj: _D, **changes: Any) -> _D:
    """``dataclasses.replace(obj, **changes)``, 6x faster, for the plain dataclasses of
    the model, and its equivalent for a named tuple (``Match`` above all: flattening and
    policy building copy hundreds of thousands with one field changed).  The copy is
    the same object ``replace`` would build (its fields in the same order, then the
    changes): a plain dataclass instance is its ``__dict__``, a named tuple its values.
    Any other class goes through ``dataclasses.replace``."""
    cls = type(obj)
    index = _TUPLE_INDEX.get(cls)
    if index is not None:
        values = list(obj)  # type: ignore[call-overload]
        for name, value in changes.items():
            i = index.get(name)
            if i is None:
                raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument {name!r}")
            values[i] = value
        return from_values(cls, values)
    if cls in _PLAIN:
        names = _PLAIN[cls]
    else:
        names = _PLAIN[cls] = _plain_fields(cls)
    if names is None or not changes.keys() <= names:
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    state = obj.__dict__.copy()
    state.update(changes)
    return from_state(cls, state)


# The model's named tuples: each field's place (evolve).
_TUPLE_INDEX: dict[type, dict[str, int]] = {Match: {name: i for i, name in enumerate(Match._fields)}}

# The every-packet Match's fields and values, in field order: a reader builds a Match
# from a copy of it with the constrained fields set (:func:`from_state`).  Copied, never
# changed.
EVERY_MATCH_STATE: dict[str, Any] = Match()._asdict()


def from_state(cls: type[_D], state: dict[str, Any]) -> _D:
    """The instance of a plain dataclass or a named tuple of the model whose fields are
    ``state`` — every field, in field order: what ``cls(**state)`` builds, without the
    keyword call (a ``Match`` per filter line of a big ruleset: :func:`evolve`,
    ``packet_sets.to_matches``).  A dataclass's ``__dict__`` is set past a frozen
    class's ``__setattr__`` as its ``__init__`` does; a named tuple is made of the
    values in one call."""
    if cls in _TUPLE_INDEX:
        return from_values(cls, state.values())
    new = object.__new__(cls)
    object.__setattr__(new, "__dict__", state)
    return new


# --------------------------------------------------------------------------- dispatch tables

IGNORE = object()  # sentinel: understood, irrelevant on purpose


def join_reasons(reasons: Sequence[str | None]) -> str:
    """Reasons a construct is partial (empty ones left out, each said once, a joined one
    taken as its parts), joined with "; ": one catalogue :class:`Text` (input.joined) when
    one of them is one, so that a report words it in its language; the English value is
    the same either way ("" for none)."""
    given = [r for r in reasons if r]
    if len(given) < 2:  # (most calls: a line with no reason or one, in a parse of 20,000 lines)
        return given[0] if given else ""
    flat: list = []
    for r in given:
        if isinstance(r, Text) and r.key == "input.joined":
            flat.extend(cast(tuple, dict(r.fields)["parts"]))  # a join of joins: one list of reasons
        else:
            flat.append(r)
    given = list(dict.fromkeys(flat))  # a reason said again (three `nat outbound` lines) once
    if len(given) == 1:
        return given[0]
    if any(isinstance(r, Text) for r in given):
        return Text("input.joined", parts=tuple(given))
    return "; ".join(given)


def login_access_lists(logins: Sequence[tuple[str | None, Src | None]]) -> list[tuple[str | None, Src | None]]:
    """A service reached through several logins, each with its own access list or none
    (SNMP communities and groups: a manager may use any of them; vty lines: a session may
    be given any free line), as (list, first line naming it) per distinct list, in
    configuration order: each an :class:`~netaudit.model.MgmtService` of its own, whose
    union the engine reads — whoever one list admits may log in, a source no list admits
    never can.  A login with no list (None) admits every source: then that alone, with
    its line (the one to cite)."""
    for acl, src in logins:
        if acl is None:
            return [(None, src)]
    first: dict[str | None, Src | None] = {}
    for acl, src in logins:
        first.setdefault(acl, src)
    return list(first.items())


def configured_hosts(dev: Device) -> tuple[AddrMatch, ...]:
    """The addresses the device's live interfaces hold (configured and virtual), as host
    patterns."""
    return tuple(AddrMatch.host(int(a.ip)) for itf in dev.interfaces.values() if not itf.shutdown for a in itf.owns())


def runtime_address_match(dev: Device) -> dict:
    """Match fields selecting "an address the device receives at run time" (DHCP, PPPoE
    on an interface without a configured one): any address but its configured ones; the
    engine judges every candidate (docs/semantics.md, "Run-time addresses")."""
    hosts = configured_hosts(dev)
    return {"dst": hosts, "dst_negate": True} if hosts else {"dst": None}


class Partial(NamedTuple):
    """A table entry: the command affects forwarding in a way the model does not capture."""

    reason: str


class Unknown(Exception):
    """Raised by a handler for a line it does not understand after all."""


def table(ignored=(), partial=None, handlers=None) -> dict:
    """Build a dispatch table: key tuple → IGNORE | Partial | handler.  Keys are
    space-separated lower-case keyword prefixes of one to three words."""
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


def lookup_negated(tbl: dict, low: list[str], negation: str):
    """:func:`lookup`, and ``<negation> <known>`` (back to a default) as :data:`IGNORE`
    when the line itself is not in the table (a table may handle a negated form itself:
    ``"no shutdown": handler``)."""
    entry = lookup(tbl, low)
    if entry is None and negation and low[0] == negation and len(low) > 1 and lookup(tbl, low[1:]) is not None:
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


IGNORE_CTX = Ctx("ignore")  # body understood and irrelevant (secrets still collected)
UNKNOWN_CTX = Ctx("unknown")  # body of an unrecognized command: not understood either


# --------------------------------------------------------------------------- small helpers


def kind_from_name(
    name: str, physical_hints: tuple[str, ...], kind_by_prefix: tuple[tuple[str, IfKind], ...]
) -> IfKind:
    """An interface's kind from its canonical name: the first matching prefix of the
    vendor's ``kind_by_prefix`` table, else physical when one of its ``physical_hints``
    is in the name, else other."""
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


def carried_svis(dev: Device, port: Interface, every_vlan: bool = False) -> list[Interface]:
    """The SVIs of the VLANs an L2 ``port`` carries: an access port's VLAN (VLAN 1 when it
    names none: every vendor's default), a trunk's allowed VLANs (every VLAN when it lists
    none); every SVI for another mode or with ``every_vlan``."""
    if every_vlan or port.mode not in (L2Mode.ACCESS, L2Mode.TRUNK):
        vids: set[int] | frozenset[int] | None = None
    elif port.mode == L2Mode.ACCESS:
        vids = {port.access_vlan or 1}
    else:
        vids = port.allowed_vlans
    svis = [i for i in dev.interfaces.values() if i.kind == IfKind.SVI and i.svi_vlan is not None]
    return sorted((i for i in svis if vids is None or i.svi_vlan in vids), key=lambda i: i.svi_vlan or 0)


# --------------------------------------------------------------------------- the main loop


class LineParser:
    """One pass over the lines, then :meth:`finish` resolves cross-references.

    A subclass sets :attr:`VENDOR`, :attr:`NEGATION`, :attr:`TOP_TABLE`,
    :attr:`SECRET_WORDS`, :attr:`NOT_SECRETS` and implements :meth:`prepare` (comments,
    banners), :meth:`scan_secrets`, :meth:`ctx_partial`, :meth:`apply` and
    :meth:`finish`; with :attr:`FAST_WORD` also :meth:`fast_line`.
    """

    VENDOR = ""
    NEGATION = ""  # "no" (Cisco), "undo" (Huawei VRP, H3C)
    TOP_TABLE: ClassVar[dict] = {}  # set on the vendor class once its handlers exist
    SECRET_WORDS: frozenset[str] = frozenset()  # words announcing a secret value after them
    NOT_SECRETS: frozenset[str] = frozenset()  # keywords, never secret values
    MASKED_NOT_SECRET = False  # "*****" is a value the device masked
    DEINDENTED_BLOCKS = False  # unknown column-0 line: try the open block
    before: Ctx | None = None  # the block open before the column-0 line being handled
    # A column-0 first word read by :meth:`fast_line` without a table look-up (the bulk
    # of big configs: Cisco ``access-list``); it closes any open block.
    FAST_WORD: str | None = None

    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file
        self.dev = Device(hostname="", vendor=self.VENDOR, file=file)
        self.rep = ParseReport(file=file, vendor=self.VENDOR)
        self.ctx: Ctx | None = None
        self.ignored = 0
        self.refs: list[tuple[str, str, Src]] = []
        self.lineno = 0  # the line being read (secrets are recorded on it)

    # ------------------------------------------------------------------ helpers

    def src(self, lineno: int, text: str) -> Src:
        return from_values(Src, (self.file, lineno, text))  # (Src's own __new__ is Python's)

    def unrecognized(self, lineno: int, text: str) -> None:
        self.rep.unrecognized.append(from_values(Src, (self.file, lineno, text)))
        if may_hold_secret(text):  # its secrets are masked where it is echoed
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
        if value.isdecimal() and len(value) <= 2:
            return
        self.dev.secrets.add(value)
        if self.lineno:
            self.dev.secret_lines.setdefault(self.lineno, set()).add(value)

    def scan_secrets(self, tokens: list[str], low: list[str]) -> None:
        """Hook: collect the secrets of a line that has one of :attr:`SECRET_WORDS`
        (with :meth:`add_secret`)."""
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
        iface.partial = join_reasons((iface.partial, reason))
        self.rep.add_partial(f"interface {iface.name}", reason, src)

    def port_partial(self, port: Interface, reason: str, src: Src, every_vlan: bool = False) -> None:
        """A switch port only partly understood (a filter on it the model does not apply,
        an authentication): it decides what its hosts send, and the engine places a zone's
        hosts in a VLAN, not behind one port — so the port is partial and so is the SVI of
        each VLAN it carries (``every_vlan``: which it carries is not known), and verdicts
        through those hosts are unknown, never "reachable" past what the port does."""
        self.iface_partial(port, reason, src)
        for svi in carried_svis(self.dev, port, every_vlan):
            self.iface_partial(svi, reason, src)

    # ------------------------------------------------------------------ shared handlers

    def h_hostname(self, tokens, low, src):
        """``hostname NAME`` (Cisco), ``sysname NAME`` (VRP, Comware)."""
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
                        if ctx is not None and ctx.kind == "interface":
                            # What the line sets (its address, its filter …) is unknown:
                            # the interface's verdicts are too, never "blocked".
                            why = Text("input.interface_line_not_understood", line=lineno)
                            self.ctx_partial(ctx, why, self.src(lineno, stripped))
                else:
                    self._top(stripped, lineno)
            except Exception as exc:  # odd content must never crash a parse
                self.unrecognized(lineno, stripped)
                why = Text("input.line_not_understood", error=f"{type(exc).__name__}: {exc}")
                self.rep.warnings.append(Text("input.at", where=f"{self.file}:{lineno}", what=why))
        self.lineno = 0
        self.end_of_input()
        self.rep.ignored = self.ignored
        return ParseResult(devices=[self.dev], report=self.rep)

    def prepare(self, raw: str, lineno: int) -> str | None:
        """Hook: the stripped line to dispatch, or None when it was consumed here
        (blank, comment, banner text …)."""
        raise NotImplementedError

    def end_of_input(self) -> None:
        self.finish()

    def finish(self) -> None:
        """Hook: resolve cross-references and convert what was read into the model."""
        raise NotImplementedError

    def fast_line(self, tokens: list[str], stripped: str, lineno: int) -> None:
        """Hook: a column-0 line whose first word is :attr:`FAST_WORD`."""
        raise NotImplementedError

    def _top(self, stripped: str, lineno: int) -> None:
        tokens = stripped.split()
        if tokens[0] == self.FAST_WORD:
            self.ctx = None
            self.fast_line(tokens, stripped, lineno)
            return
        low = stripped.lower().split()
        entry = lookup_negated(self.TOP_TABLE, low, self.NEGATION)
        if entry is None:
            # A de-indented config puts block contents at column 0: try the open block.
            if self.DEINDENTED_BLOCKS and self.ctx is not None and self._in_ctx(self.ctx, stripped, lineno, True):
                return
            self.unrecognized(lineno, stripped)
            self.ctx = UNKNOWN_CTX  # its body is not understood either
            return
        self.before, self.ctx = self.ctx, None  # the block a de-indented line may still be in
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
        if kind == "unknown" or ctx.table is None:
            return False
        tokens = stripped.split()
        low = stripped.lower().split()
        entry = lookup_negated(ctx.table, low, self.NEGATION)
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
        """Hook: a :class:`Partial` entry inside block ``ctx``."""
        raise NotImplementedError

    def apply(self, ctx: Ctx, entry, tokens: list[str], low: list[str], src: Src) -> bool:
        """Hook: run a block handler on the block's target(s); False if it raised
        :class:`Unknown`."""
        raise NotImplementedError
