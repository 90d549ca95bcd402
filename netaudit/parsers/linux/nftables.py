"""``nft list ruleset`` text → :class:`~.rules.Ruleset` (the nftables front end).

The section is first cut into statements as nft's own scanner cuts them
(:func:`scan`): a statement ends at a newline or at an unquoted ``;`` (an empty
statement is nothing); a ``{ … }`` inside a statement (a set, a map, a verdict map, an
anonymous chain) keeps it open over several lines; ``#`` starts a comment; a ``{``
after ``table F N``, ``chain N``, ``set N`` (…) opens a block and its ``}`` closes it.
So the listing nft prints and a ruleset written for ``nft -f`` (``flush ruleset``,
``define``, ``type filter hook input priority 0; policy drop;``, rules ending in ``;``,
sets over several lines, one-line blocks) read the same.

The blocks: ``table <family> <name> { … }`` holding ``set``/``map`` blocks (``type``,
``flags``, ``elements = { … }``), ``chain`` blocks (a base chain has the statements
``type T hook H priority P`` and ``policy X``) and ``flowtable`` blocks.  Every rule
statement is read into conditions (:mod:`netaudit.parsers.packet_sets`) and one
verdict (:mod:`.nft_match`); a verdict map (``iifname vmap { "eth0" : jump wan_in, … }``)
becomes one rule per element.  What is not understood keeps the rule as wide as the rest
of it, with a reason; a statement not understood where it stands is unrecognized and
makes what holds it unknown: a rule of a chain an unknown rule, a statement outside the
chains the whole firewall (:attr:`~.rules.Ruleset.unsure`).  Only IPv4 is modelled:
``ip6``/``icmpv6`` matches select no IPv4 packet, ``ip6`` tables are counted and ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from netaudit.messages import Text
from netaudit.model import Src, from_values
from netaudit.parsers.packet_sets import ANY, Cond, Ranges, cond, intersect_all

from . import nft_match
from .nft_match import UNSEEN as _UNSEEN
from .nft_values import cut, elements, priority, unquote
from .reasons import RULE_NOT_UNDERSTOOD, not_understood
from .rules import Chain, Rule, Ruleset
from .state import CITED_MAX, State

_TABLE = re.compile(r"^table\s+(?:(ip|ip6|inet|arp|bridge|netdev)\s+)?(\S+)$")
_BLOCK = re.compile(
    r"^(set|map|meter|chain|flowtable|counter|quota|limit|ct\s+helper|ct\s+timeout|ct\s+expectation"
    r"|secmark|synproxy|tunnel)\s+(\S+)$"
)
# A line that only opens a block: a '{' of a statement still open before it was never closed.
# (Its blanks before are the pattern's: ``\s`` is what ``str.strip`` strips, no copy made.)
_BLOCK_LINE = re.compile(r"\s*(?:table(?:\s+\S+){1,2}|chain\s+\S+|flowtable\s+\S+)\s*\{")
_BASE = re.compile(
    r"^type\s+(\w+)\s+hook\s+(\w+)(?:\s+device\s+(\S+)|\s+devices\s*=\s*(\{[^}]*\}))?(?:\s+priority\s+(.+))?$"
)
_HANDLE = re.compile(r"^handle\s+\d+$")  # what ``nft -a`` appends as a comment
_SPECIAL = re.compile(r'[";#{}]')  # the characters that end or open something
# How the statements _header reads begin (a statement of a chain beginning otherwise is
# a rule; a PlainLine never begins so).
_HEADER_STARTS = ("#", "comment ", "flags offload", "type", "policy ")
_DEFINES = ("define", "redefine", "undefine")  # read by the scanner's loop
_NOT_RULE_STARTS = _DEFINES + _HEADER_STARTS  # a line beginning so is no PlainLine
_NOT_RULE_FIRST = frozenset(w[0] for w in _NOT_RULE_STARTS)
_DEFINE = re.compile(r"^(?:re)?define\s+([A-Za-z_.][\w/.\-]*)\s*=\s*(.*)$")
_VARIABLE = re.compile(r'"[^"]*"|\$([A-Za-z_.][\w/.\-]*)')
# nft commands that change a ruleset (a line of a script outside any table block).
_COMMANDS = frozenset(
    {"add", "insert", "replace", "create", "delete", "destroy", "flush", "include", "rename", "reset", "import"}
)
_SET_UPDATE = re.compile(r"(?:add|update|delete)\s+@(\S+)")  # a rule filling a set at run time
# nft prints these on stderr (before the table with the one-liner's 2>&1, or wherever
# the buffered listing was when they came): they name their table.
_MANAGED = re.compile(r"#\s*Warning: table (\w+) (\S+) is managed by iptables-nft")
_FUTURE = re.compile(r"#\s*Warning: table (\w+) (\S+) was created by a newer version of nftables")


@dataclass(slots=True)  # one per statement of a big ruleset: no __dict__ to build and free
class Stmt:
    """One statement: its text (comments removed, its lines joined by spaces), the line it
    starts on, the ``#`` comment that followed it on its line, and whether it was left
    with a ``{`` open (damaged or cut short: not a statement nft would accept)."""

    no: int
    text: str
    tail: str = ""
    broken: bool = False


# A statement that is one whole line of the common shape (:meth:`_Scanner.plain_line`)
# and does not begin as a chain's own statement does (_HEADER_STARTS: in a chain, a
# rule): a :class:`Src` of the file, the line's number and its stripped text (the whole
# statement: a citation cuts a text past CITED_MAX, State.src) — a :class:`Stmt` with no
# comment after it, not broken.  Most rules of a big ruleset are such lines: a tuple is a
# third of a Stmt's cost to make and free, the table loop reads its rule without a Stmt's
# attributes and keeps the tuple as the rule's ``src`` when its text is within CITED_MAX
# (no second tuple per rule, kept from the scan to the end of the parse: about 2.5 % of
# a 20,000-rule ruleset's parse), and _header takes a chain of them as it stands.
PlainLine = Src


def as_stmt(item: Stmt | PlainLine) -> Stmt:
    """The :class:`Stmt` of a statement as a block holds it (a plain line's Src made one)."""
    return Stmt(item.line, item.text) if isinstance(item, tuple) else item


@dataclass
class Block:
    """A ``head { … }`` block (``table inet filter``, ``chain input``, ``set admins`` …)
    and what it holds, in order (statements as :class:`Stmt` or, a plain line's,
    :data:`PlainLine`); the root block (head ``""``) is the whole section."""

    no: int
    head: str
    items: list[Stmt | PlainLine | Block] = field(default_factory=list)


class _Scanner:
    """Cuts the lines of a section into :class:`Stmt` and :class:`Block` (see the module
    docstring): the rules of nft's scanner that decide where a statement ends."""

    def __init__(self, file: str = "") -> None:
        self.file = file  # (the file a PlainLine cites)
        self.root = Block(0, "")
        self.stack = [self.root]
        self.parts: list[str] = []
        self.start = 0
        self.depth = 0  # '{' open inside the current statement
        self.ignored = 0  # blank lines, define / undefine
        self.defines: dict[str, str] = {}

    def add(self, no: int, piece: str) -> None:
        if piece.strip():
            if not self.parts:
                self.start = no
            self.parts.append(piece.strip())

    def end(self, tail: str = "", broken: bool = False) -> None:
        text = " ".join(self.parts)
        self.parts = []
        self.depth = 0
        if not text:
            return
        m = _DEFINE.match(text)
        if m and not broken:
            # nft allows these in any block; a name is used after its definition
            self.defines[m.group(1)] = self.expand(m.group(2).strip())
            self.ignored += 1
            return
        if text.startswith("undefine ") and len(text.split()) == 2 and not broken:
            self.defines.pop(text.split()[1], None)
            self.ignored += 1
            return
        self.stack[-1].items.append(Stmt(self.start, self.expand(text), tail, broken))

    def expand(self, text: str) -> str:
        """``$name`` → the value of ``define name = …`` (as nft does; a name not defined
        stays, and the rule reading it says so)."""
        if "$" not in text:
            return text
        for _ in range(8):  # a define may name another one
            new = _VARIABLE.sub(lambda m: self.defines.get(m.group(1), m.group(0)) if m.group(1) else m.group(0), text)
            if new == text:
                break
            text = new
        return text

    def opens_block(self) -> bool:
        """Whether a ``{`` after the statement read so far opens a block."""
        head = " ".join(self.parts)
        ctx = self.stack[-1]
        if ctx is self.root:
            return bool(_TABLE.match(head))
        return ctx.head.startswith("table") and bool(_BLOCK.match(head))

    def recover(self, no: int, text: str) -> None:
        """A line that opens a table, chain or flowtable where none can be: a ``{`` left
        open before it (damaged, cut, hand-edited) — end the statement and the blocks it
        kept open there, each with this line as a statement it cannot place."""
        if self.depth:
            self.end(broken=True)
        table = text.startswith("table")
        while len(self.stack) > 1 and (table or not self.stack[-1].head.startswith("table")):
            self.stack.pop().items.append(Stmt(no, text, broken=True))

    def line(self, no: int, s: str) -> None:
        if not s or s.isspace():  # a blank line (tested without a stripped copy of each)
            self.ignored += 1
            return
        if not self.depth and self.plain_line(no, s):
            return
        if _BLOCK_LINE.match(s):
            self.recover(no, s.strip())
        frm, quoted = 0, False
        for m in _SPECIAL.finditer(s):  # most lines hold none: one statement, read whole
            c, i = m.group(), m.start()
            if c == '"':
                quoted = not quoted
            elif quoted:
                continue
            elif c == "#":
                self.add(no, s[frm:i])
                comment = s[i + 1 :].strip()
                if self.depth:
                    return  # a comment inside a set: nothing
                if not self.parts:
                    if not s[:i].strip():  # a comment line (one after a '{' or ';' is nothing)
                        self.stack[-1].items.append(Stmt(no, s[i:].strip()))
                    return
                self.end(tail="" if _HANDLE.match(comment) else comment)
                return
            elif c == ";":
                if not self.depth:
                    self.add(no, s[frm:i])
                    self.end()
                    frm = i + 1
            elif c == "{":
                if not self.depth:
                    self.add(no, s[frm:i])
                    frm = i
                    if self.opens_block():
                        blk = Block(self.start, " ".join(self.parts))
                        self.parts = []
                        self.stack[-1].items.append(blk)
                        self.stack.append(blk)
                        frm = i + 1
                        continue
                self.depth += 1
            elif self.depth:  # '}' closing a set, a map, an anonymous chain
                self.depth -= 1
            else:  # '}' closing a block
                self.add(no, s[frm:i])
                self.end()
                frm = i + 1
                if len(self.stack) > 1:
                    self.stack.pop()
                else:
                    self.root.items.append(Stmt(no, "}", broken=True))  # closes nothing
        self.add(no, s[frm:])
        if not self.depth:
            self.end()

    def plain_line(self, no: int, s: str) -> bool:
        """Read a line that is one whole statement of the common shape — no ``;`` or
        ``#``, quotes holding none of the characters that end or open something, at most
        one ``{ … }`` group opening no block, no ``define`` or ``$`` — as :meth:`line`
        reads it; False (nothing done) for any other line.  Most rule lines of a big
        ruleset are such lines (tests/parsers/linux/test_nft_syntax.py compares both)."""
        if '"' in s or "{" in s or "}" in s or ";" in s or "#" in s:
            # Its characters of _SPECIAL in order, as bytes: its UTF-8 (a character past
            # ASCII, a surrogate too, is bytes past 0x7F) without every other byte — one
            # table pass, a third of _SPECIAL.findall and a join on a rule line.
            specials = s.encode("utf-8", "surrogatepass").translate(None, _NOT_SPECIAL)
            shape = _SHAPES.get(specials, _SHAPES)  # (the memo's hit read here: a call per line otherwise)
            if shape is _SHAPES:
                shape = _shape_of(specials)
        else:  # none of _SPECIAL (half the rules of a big ruleset): five searches, not the pattern
            shape = False
        if shape is None:
            return False
        if shape:  # one group: the statement is cut at its '{' (pieces joined by a blank)
            ctx = self.stack[-1]
            if ctx is self.root or ctx.head.startswith("table") or _BLOCK_LINE.match(s):
                return False  # its '{' may open a block
            text = _cut_at_brace(s)
        else:
            text = s.strip()
        if "$" in text:
            return False
        # (a startswith of a tuple tries each of its words in turn: tested only where the
        # line's first character begins one of them — not ip, iifname, oifname, meta …)
        if text[:1] in _NOT_RULE_FIRST and text.startswith(_NOT_RULE_STARTS):
            if text.startswith(_DEFINES):
                return False
            self.stack[-1].items.append(Stmt(no, text))  # (perhaps a chain's own: no PlainLine)
        else:
            self.stack[-1].items.append(from_values(Src, (self.file, no, text)))  # (a PlainLine: stripped)
        return True


# A line's characters of _SPECIAL in order (bytes) → False: a whole statement without a
# group, True: with one group (at depth 0), None: read by the scanner's loop.
_SHAPES: dict[bytes, bool | None] = {}
# Every byte but those of _SPECIAL's characters (what bytes.translate deletes).
_NOT_SPECIAL = bytes(b for b in range(256) if chr(b) not in '";#{}')


def _shape_of(key: bytes) -> bool | None:
    got = _SHAPES.get(key, _SHAPES)
    if got is not _SHAPES:
        return got  # type: ignore[return-value]
    specials = key.decode("ascii")
    depth = groups = 0
    plain: bool | None = True
    k = 0
    while k < len(specials):
        c = specials[k]
        if c == '"':
            if specials[k + 1 : k + 2] != '"':
                plain = None  # a quote holding a special character, or left open
                break
            k += 2
            continue
        if c == "{":
            groups += depth == 0
            depth += 1
        elif c == "}" and depth:
            depth -= 1
        else:  # ';', '#', a '}' closing a block
            plain = None
            break
        k += 1
    if plain is not None and (depth or groups > 1):
        plain = None
    shape = None if plain is None else groups == 1
    if len(_SHAPES) < 1024:
        _SHAPES[key] = shape
    return shape


# Every byte but those of _SPECIAL's characters, '$' and the newline: what scan deletes
# from the whole section's UTF-8 to have every line's characters of _SPECIAL (and '$') at
# once, its lines split at the kept newlines.
_NOT_SCANNED = bytes(b for b in range(256) if chr(b) not in '";#{}$\n')


def _cut_at_brace(s: str) -> str:
    """The statement of a line with one ``{ … }`` group, as the scanner's loop cuts it:
    the pieces before and from its first ``{``, stripped and joined by a blank."""
    k = s.index("{")
    if k > 1 and s[k - 1] == " " and not s[k - 2].isspace():
        return s.strip()  # (one blank before the '{' after a non-blank: the joined pieces are the line)
    head, rest = s[:k].strip(), s[k:].strip()
    return f"{head} {rest}" if head else rest


def scan(texts: list[str], first: int = 1, text: str | None = None, file: str = "") -> tuple[Block, int]:
    """The section's statements and blocks (:class:`Block` ``""`` holds them all) and
    how many of its lines it left out (blank lines, ``define``).  ``texts``: its lines,
    numbered on from ``first``; ``text``: them joined by newlines, when the caller has
    it; ``file``: the file its :data:`PlainLine` tuples cite.

    A line of the common shape (:meth:`_Scanner.plain_line`) outside a ``{`` left open,
    beginning as no define and no chain's own statement does, is read here; every other
    line by :meth:`_Scanner.line`, which reads these the same way
    (tests/parsers/linux/test_nft_syntax.py compares both).  Each line's characters of
    _SPECIAL and ``$`` — its shape's key — come from one ``translate`` of the whole
    section (about 1 ms for 20,000 lines, against five searches or a ``translate`` and a
    memo lookup of each line, and a method call or two a line)."""
    sc = _Scanner(file)
    if text is None:
        text = "\n".join(texts)
    keys = text.encode("utf-8", "surrogatepass").translate(None, _NOT_SCANNED).split(b"\n")
    if len(keys) != len(texts):  # (a line holding a newline: not the lines joined)
        keys = [s.encode("utf-8", "surrogatepass").translate(None, _NOT_SCANNED) for s in texts]
    # What the loop below depends on, as the scanner's loop last left it: the block
    # statements go to, whether a group line's '{' there cannot open a block, the depth.
    items = sc.root.items
    grouped = False
    depth = 0
    shapes = _SHAPES
    for no, (s, key) in enumerate(zip(texts, keys, strict=True), first):
        # (no key: none of _SPECIAL and no '$', half the rules of a big ruleset)
        if not key or (shape := shapes.get(key)) is False:  # a whole statement, no group
            t = s.strip()
            # (a first character beginning none of _NOT_RULE_STARTS: no define, no
            # chain's own statement; a blank line, or one in an open '{', is the loop's)
            if t and not depth and t[:1] not in _NOT_RULE_FIRST:
                items.append(from_values(Src, (file, no, t)))  # (a PlainLine)
                continue
        elif shape and grouped and not depth:  # one '{ … }' group
            t = _cut_at_brace(s)
            # (its first character is the line's first one not blank: not t, c or f, so
            # no table, chain or flowtable line whose '{' opens a block either)
            if t[:1] not in _NOT_RULE_FIRST:
                items.append(from_values(Src, (file, no, t)))
                continue
        sc.line(no, s)
        ctx = sc.stack[-1]
        items, depth = ctx.items, sc.depth
        grouped = ctx is not sc.root and not ctx.head.startswith("table")
    if sc.parts:
        sc.end(broken=sc.depth > 0)
    return sc.root, sc.ignored


def statements(block: Block):
    """Every :class:`Stmt` under ``block``, in order (block heads as statements)."""
    for it in block.items:
        if isinstance(it, Block):
            yield Stmt(it.no, it.head)
            yield from statements(it)
        else:
            yield as_stmt(it)


def lines_of(block: Block) -> int:
    """How many lines the statements under ``block`` start on (what is counted ignored
    when a block is skipped: lines, not statements)."""
    return len({s.no for s in statements(block)})


@dataclass
class NamedSet:
    """A named set or map: its elements as written (read per use by the field reading them)."""

    name: str
    kind: str  # set | map | meter
    type: str = ""
    flags: str = ""
    elements: list[str] = field(default_factory=list)
    has_elements: bool = False
    src: Src | None = None
    # Why its members are not known, said of the set (a catalogue text: "is filled at run
    # time", "has a line not understood (line N)"): a rule reading it keeps its wider
    # condition with the reason "set @NAME <this>".
    unknown: str = ""


# NamedSet.unknown of a set a rule or a flag fills at run time, and of a meter.
_FILLED_AT_RUN_TIME = Text("input.linux.partial.set_filled_at_run_time")


@dataclass
class Ctx:
    """What a rule needs to resolve names: the table's sets, interfaces, own addresses."""

    st: State
    family: str
    table: str
    sets: dict[str, NamedSet]
    ifaces: frozenset[str]
    own: Ranges
    notrack: bool = False
    broadcast: Ranges = ((0xFFFFFFFF, 0xFFFFFFFF),)
    # the section's lines, numbered on from ``first``, to cite (raw_line)
    texts: list[str] = field(default_factory=list)
    first: int = 1

    def raw_line(self, no: int, default: str) -> str:
        """The text of the section's line ``no`` (a base chain's ``type … hook`` line,
        cited as it stands), or ``default`` when the section has no such line."""
        k = no - self.first
        return self.texts[k] if 0 <= k < len(self.texts) else default


def read_nft(
    st: State,
    texts: list[str],
    first: int,
    ifaces: frozenset[str],
    own: Ranges,
    broadcast: Ranges = (),
    text: str | None = None,
) -> Ruleset:
    """Read an ``nft list ruleset`` section (or a ruleset file for ``nft -f``) into a
    :class:`Ruleset` (lines counted on ``st``).  ``texts``: its lines, numbered on from
    ``first`` (:attr:`.sections.Section.texts`).  ``text``: them joined by newlines, when
    the caller has it (:meth:`.sections.Section.text`)."""
    rs = Ruleset(origin="nft list ruleset")
    if text is None:
        text = "\n".join(texts)
    root, left_out = scan(texts, first, text, st.file)
    st.ignored += left_out
    # (searched in the whole text, not line by line: a word never spans a newline)
    notrack = "notrack" in text
    warned = [t for t in texts if "#" in t] if "#" in text else []  # nft's warnings are comments
    managed = managed_tables(warned)
    future = {(m.group(1), m.group(2)) for t in warned for m in _FUTURE.finditer(t)}
    for item in root.items:
        if isinstance(item, Block):
            m = _TABLE.match(item.head)
            assert m is not None  # the scanner opens no other block at the top
            family, tname = m.group(1) or "ip", unquote(m.group(2))
            ctx = Ctx(
                st, family, tname, {}, ifaces, own, notrack, broadcast or ((0xFFFFFFFF, 0xFFFFFFFF),), texts, first
            )
            tsrc = st.src(item.no, item.head + " {")
            if (family, tname) in future:
                rs.unsure.append((Text("input.linux.nft_newer", family=family, table=tname), tsrc))
            _read_table(ctx, rs, item, (family, tname) in managed)
            continue
        item = as_stmt(item)  # (a plain line as a Stmt: few stand here)
        if item.text.startswith("#") or item.text == "flush ruleset":
            st.ignored += 1
            continue
        st.unrecognized(item.no, item.text)
        if item.text.split()[0] in _COMMANDS or item.broken:
            # A command of an nft -f script (add rule, include …) or a '}' closing
            # nothing (the blocks before it are not what they seem): any chain may differ.
            doubt = Text("input.linux.nft_outside_table", text=cut(item.text))
            rs.unsure.append((doubt, st.src(item.no, item.text)))
    return rs


def _read_table(ctx: Ctx, rs: Ruleset, table: Block, managed: bool) -> None:
    """The body of one table (``managed``: nft warned that iptables-nft manages it)."""
    st = ctx.st
    chains: list[tuple[Chain, Block]] = []
    dormant = False
    for item in table.items:
        if not isinstance(item, Block):
            item = as_stmt(item)  # (a plain line as a Stmt: few stand here)
            t = item.text
            if t.startswith("#") or t.startswith("comment "):
                st.ignored += 1
            elif t.startswith("flags "):
                st.ignored += 1
                dormant = dormant or "dormant" in re.split(r"[\s,]+", t)
            else:
                st.unrecognized(item.no, t)
                doubt = Text("input.linux.nft_in_table", text=cut(t), family=ctx.family, table=ctx.table)
                rs.unsure.append((doubt, st.src(item.no, t)))
            continue
        m = _BLOCK.match(item.head)
        assert m is not None  # the scanner opens no other block in a table
        kind, name = m.group(1), unquote(m.group(2))
        src = st.src(item.no, item.head + " {")
        if kind in ("set", "map", "meter"):
            ctx.sets[name] = _read_set(st, kind, name, item, src)
        elif kind == "chain":
            chains.append((Chain(ctx.family, ctx.table, name, src=src), item))
        elif kind == "flowtable":
            st.ignored += lines_of(item)
            rs.problems.append((Text("input.linux.flowtable", name=name), None))
        else:
            st.ignored += lines_of(item)  # stateful objects: counters, quotas, helpers
    if dormant:
        # A dormant table's chains are not hooked: they filter nothing.
        st.ignored += sum(lines_of(b) for _, b in chains)
        st.warn(Text("input.linux.table_dormant", family=ctx.family, table=ctx.table))
        return
    if ctx.family not in ("ip", "inet"):
        # ip6 / arp / bridge / netdev: counted; IPv4 routing verdicts do not depend on
        # ip6/arp; bridge and netdev chains are reported by the conversion.
        for chain, body in chains:
            counted = st.ignored
            _header(ctx, rs, chain, body)
            st.ignored = counted + lines_of(body)
            if ctx.family in ("bridge", "netdev") and chain.hook:
                chain.reasons.append(Text("input.linux.partial.family_hook", family=ctx.family, hook=chain.hook))
                rs.chains.append(chain)
        return
    if managed:
        st.facts.iptables_nft_tables.append(f"{ctx.family} {ctx.table}")
    # Mark every dynamic set (a rule adds elements at run time) before reading rules.
    # (A chain holds statements, a block only where the scanner opened one it cannot
    # place: its statements as statements() gives them, without a generator step per
    # rule of a big ruleset.)
    for _, body in chains:
        for item in body.items:
            if isinstance(item, tuple) or type(item) is Stmt:  # (a PlainLine or a Stmt: its text)
                if "@" in item.text:
                    _mark_filled(ctx, item.text)
            else:
                for s in statements(Block(0, "", [item])):
                    if "@" in s.text:
                        _mark_filled(ctx, s.text)
    plain_memo = nft_match.plain_memo(ctx)
    for chain, body in chains:
        append = chain.rules.append
        for s in _header(ctx, rs, chain, body):
            if isinstance(s, tuple):
                # A plain line (nearly every rule): the common rule (nft_match.plain_rule,
                # remembered per text) made here, without read_rule's and State.src's
                # calls; cited by the scanner's PlainLine itself (as State.src cites it:
                # the line's file, number and stripped text), or cut past CITED_MAX
                # characters as State.src cuts it.  (Its fields by name: unpacking a
                # tuple subclass takes the generic path, an iterator per rule.)
                text = s.text
                plain = plain_memo.get(text, _UNSEEN)
                if plain is _UNSEEN:
                    plain = nft_match.new_plain_rule(ctx, plain_memo, text)
                if plain is not None:
                    src = s if len(text) <= CITED_MAX else st.src(s.line, text)
                    conds, verdict, target = plain  # (the conditions' tuple: the text's, shared)
                    append(Rule(conds, verdict, src, target))
                    continue
                no, tail, broken = s.line, "", False  # (read below: a plain line is a Stmt without either)
            else:  # any other statement (read_rule reads a plain one as the branch above)
                no, text, tail, broken = s.no, s.text, s.tail, s.broken
            src = st.src(no, text)
            rules = None if broken else nft_match.read_rule(ctx, text, src, tail)
            if rules is None:
                st.unrecognized(no, text)
                # Not read at all: an unknown rule may accept or drop anything.
                rules = [Rule((ANY,), "unknown", src, reasons=(RULE_NOT_UNDERSTOOD,))]
            if rules[0].reasons if len(rules) == 1 else any(r.reasons for r in rules):
                for why in dict.fromkeys(w for r in rules for w in r.reasons):
                    st.partial(f"nft chain {chain.name}", why, src)
            chain.rules.extend(rules)
        rs.chains.append(chain)


def _mark_filled(ctx: Ctx, text: str) -> None:
    """Mark the sets a statement fills at run time (``add @set …``, ``update``, ``delete``)."""
    for sm in _SET_UPDATE.finditer(text):
        if sm.group(1) in ctx.sets:
            ctx.sets[sm.group(1)].unknown = _FILLED_AT_RUN_TIME


def _header(ctx: Ctx, rs: Ruleset, chain: Chain, body: Block) -> list[Stmt | PlainLine]:
    """Read a chain's own statements (``type … hook … priority …``, ``policy``,
    ``comment``, ``flags``); returns its rules, in order."""
    st = ctx.st
    items = body.items
    if set(map(type, items)) <= {Src}:  # (the items' types in one pass of C: PlainLine is Src)
        return cast(list[Stmt | PlainLine], items)  # PlainLines only (a big chain): its rules
    rest: list[Stmt | PlainLine] = []
    for item in items:
        if isinstance(item, tuple):
            rest.append(item)  # a PlainLine: a rule
            continue
        if isinstance(item, Block):  # the scanner opens none in a chain
            rest.append(Stmt(item.no, item.head, broken=True))
            continue
        text = item.text
        if not text.startswith(_HEADER_STARTS):
            rest.append(item)  # a rule (nearly every statement): none of the tests below
            continue
        if text.startswith("#") or text.startswith("comment ") or text == "flags offload":
            st.ignored += 1
            continue
        m = _BASE.match(text) if text.startswith("type") else None
        if m:
            # cited as the line (with its policy, as nft lists it), not the statement
            src = st.src(item.no, ctx.raw_line(item.no, text))
            chain.kind, chain.hook = m.group(1), m.group(2)
            prio = priority(m.group(5), ctx.family) if m.group(5) else None
            if prio is None:
                given = m.group(5)
                why = not_understood(f"priority {given.strip()}") if given else Text("input.linux.partial.no_priority")
                chain.reasons.append(why)
                st.partial(f"nft chain {chain.name}", why, src)
                prio = 0
            chain.priority = prio
            chain.src = src
            if m.group(3) or m.group(4):
                chain.reasons.append(Text("input.linux.partial.chain_device", device=m.group(3) or m.group(4)))
            continue
        if text.startswith("policy "):
            pol = text.split()[1:]
            if pol in (["accept"], ["drop"]):
                chain.policy = pol[0]
                if chain.src is None or chain.src.line != item.no:
                    chain.src = st.src(item.no, ctx.raw_line(item.no, text))  # the policy's own line
                continue
            st.unrecognized(item.no, text)
            doubt = Text("input.linux.nft_chain_statement", chain=chain.name, text=cut(text))
            rs.unsure.append((doubt, st.src(item.no, text)))
            continue
        rest.append(item)
    return rest


# What a set/map/meter block holds: read (type, flags, elements) or irrelevant to its members.
_SET_STATEMENTS = (
    "type ", "typeof ", "flags ", "elements", "size ", "timeout ", "gc-interval ", "auto-merge", "counter",
    "quota ", "limit ", "last", "policy ", "comment ",
)  # fmt: skip


def _read_set(st: State, kind: str, name: str, body: Block, src: Src) -> NamedSet:
    """A ``set``/``map``/``meter`` block; a statement in it not understood makes its
    members unknown (the rules reading it partial)."""
    ns = NamedSet(name, kind, src=src)
    if kind == "meter":
        ns.unknown = _FILLED_AT_RUN_TIME
    st.ignored += lines_of(body)
    for it in body.items:
        item = Stmt(it.no, it.head, broken=True) if isinstance(it, Block) else as_stmt(it)
        t = item.text
        if t.startswith("#"):
            continue
        if item.broken or not t.startswith(_SET_STATEMENTS):
            st.unrecognized(item.no, t)
            ns.unknown = Text("input.linux.partial.set_line_not_understood", line=item.no)
        elif t.startswith("type ") or t.startswith("typeof "):
            ns.type = t.split(None, 1)[1]
        elif t.startswith("flags "):
            ns.flags = t[6:]
            if "dynamic" in ns.flags or "timeout" in ns.flags:
                ns.unknown = ns.unknown or _FILLED_AT_RUN_TIME
        elif t.startswith("elements"):
            ns.has_elements = True
            ns.elements = elements(t.split("=", 1)[1] if "=" in t else "")
    return ns


def managed_tables(texts: Iterable[str]) -> set[tuple[str, str]]:
    """(family, table) of the tables nft warns are managed by iptables-nft, wherever the
    warning stands in the listing (nft 1.0 prints it before the table, older ones inside)."""
    return {(m.group(1), m.group(2)) for t in texts for m in _MANAGED.finditer(t)}


# ``iifname``, ``oifname``, ``iif``, ``oif`` and the value after them.  The search looks for
# the literal "if" and then checks the word around it: a pattern that begins with ``\b``
# and an alternation is tried at every character of the dump (25 ms on 1.3 MB, 4 here).
_IFACE_MATCH = re.compile(r'if(?<=\b[io]if)(?:name)?\s+(?:!=\s*)?(\{[^}]*\}|"[^"]*"|\S+)')


def iface_names(text: str) -> set[str]:
    """Interface names an nft ruleset mentions (for the negation universe)."""
    names: set[str] = set()
    if "$" in text:  # a ruleset file with ``define``: read its statements, variables given their value
        root, _ = scan(text.split("\n"))
        text = "\n".join(s.text for s in statements(root))
    # Each distinct value once, in the order met (a ruleset names the same few interfaces
    # in rule after rule: dict.fromkeys drops the repeats in C, not a Python step each).
    for v in dict.fromkeys(_IFACE_MATCH.findall(text)):
        items = elements(v) if v.startswith("{") else [v]
        for it in items:
            it = unquote(it.split(":")[0].strip())
            if it and not it.endswith("*") and not it.startswith(("@", "vmap", "map", "$")):
                names.add(it)
    return names


__all__ = [
    "Block",
    "Cond",
    "PlainLine",
    "Stmt",
    "as_stmt",
    "cond",
    "iface_names",
    "intersect_all",
    "managed_tables",
    "read_nft",
    "scan",
]
