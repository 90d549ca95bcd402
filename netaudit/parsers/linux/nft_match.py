"""One nft rule statement → :class:`~.rules.Rule` (s): its matches as exact conditions,
its statements and its verdict.  A verdict map becomes one rule per element.

Each match narrows the rule's union of conditions by intersection.  A match netaudit
cannot express (``meta mark``, ``tcp flags``, ``limit`` …) leaves the rule as wide as the
rest of it and adds a reason: the conversion makes it partial, never narrower.

A statement netaudit does not understand (a word it does not know, ``tproxy``, an
``xt target`` iptables-nft left untranslated, a rewrite of a field the rule matches on …)
may be what decides the packet's fate: when no verdict was read besides it, the rule's
verdict is ``unknown`` (it may accept or drop), never ``continue`` — a rule is not
dropped from its chain because a part of it was not read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from netaudit.model import from_values
from netaudit.parsers.packet_sets import (
    ADDR_MAX,
    ANY,
    FIELD_INDEX,
    MAXV,
    RANGE_FIELDS,
    Cond,
    Ranges,
    cond,
    cond1,
    intersect_all,
    norm,
    r_and,
    r_not,
    r_or,
)

from . import devgroups
from .nft_values import PORT_PROTOS, STATE_CONDS, compare, cut, elements, one_addr, tokenize, unquote, values
from .reasons import not_modelled, not_understood, reason
from .rules import NatTarget, Rule

if TYPE_CHECKING:
    from netaudit.model import Src

    from .nftables import Ctx

OPS = frozenset({"==", "!=", "<", ">", "<=", ">=", "eq", "ne", "lt", "gt", "le", "ge"})
_KEYWORD_TEXT = (
    "ip ip6 tcp udp udplite sctp dccp th icmp icmpv6 meta ct iifname oifname iif oif fib counter "
    "log comment limit accept drop reject jump goto return continue queue dnat snat masquerade redirect "
    "mark notrack flow quota ether vlan arp tproxy update add set socket rt numgen jhash symhash "
    "osf synproxy meter ipsec exthdr dup fwd ah esp comp gre icmpx igmp "
)
KEYWORDS = frozenset(_KEYWORD_TEXT.split())
# Statements whose effect on the packet netaudit does not model: with no verdict read
# besides them, the rule may do anything.
OPAQUE_STATEMENTS = frozenset({"dup", "fwd", "tproxy", "synproxy"})
# Meta keys nft prints without ``meta`` (``pkttype host``, ``skuid 0``): matches.
_META_KEY_TEXT = (
    "pkttype skuid skgid iiftype oiftype cpu cgroup iifgroup oifgroup rtclassid ibrname obrname "
    "ibriport obriport iifkind oifkind nftrace"
)
META_KEYS = frozenset(_META_KEY_TEXT.split())
# (first word, second word) → (value kind, Cond field, implied protocols)
FIELDS: dict[tuple[str, str], tuple[str, str, Ranges | None]] = {
    ("ip", "saddr"): ("addr", "src", None),
    ("ip", "daddr"): ("addr", "dst", None),
    ("ip", "protocol"): ("proto", "proto", None),
    ("meta", "l4proto"): ("proto", "proto", None),
    ("icmp", "type"): ("icmp", "itype", ((1, 1),)),
    ("icmp", "code"): ("num", "icode", ((1, 1),)),
    ("th", "dport"): ("port", "dport", PORT_PROTOS),
    ("th", "sport"): ("port", "sport", PORT_PROTOS),
}
for _p, _n in (("tcp", 6), ("udp", 17), ("udplite", 136), ("sctp", 132), ("dccp", 33)):
    FIELDS[(_p, "dport")] = ("port", "dport", ((_n, _n),))
    FIELDS[(_p, "sport")] = ("port", "sport", ((_n, _n),))
IFACE_FIELDS = {"iifname": "inif", "iif": "inif", "oifname": "outif", "oif": "outif"}
# Interface groups (devgroups.py): the interfaces whose ``ip -j addr`` group is the value.
GROUP_FIELDS = {"iifgroup": "inif", "oifgroup": "outif"}
NO_IPV4 = frozenset({"ip6", "icmpv6"})  # matches that select no IPv4 packet
_NFIELDS = len(Cond._fields)
_NRANGE = len(RANGE_FIELDS)  # the range fields come first in a Cond, then est, inif, outif
_EST = FIELD_INDEX["est"]
_PROTO = FIELD_INDEX["proto"]


def _meet(fields: list, pairs) -> bool:
    """Intersect the condition whose fields are ``fields`` (changed in place) with the
    one that constrains only ``pairs`` (index, value), as
    :func:`~netaudit.parsers.packet_sets.intersect` does; False when no packet is left."""
    for i, v in pairs:
        have = fields[i]
        if have is None:
            fields[i] = v
            continue
        if i == _EST:
            if have != v:
                return False  # established and new
            continue
        v = r_and(have, v) if i < _NRANGE else have & v
        if not v:
            return False
        fields[i] = v
    return True


def _from_pairs(pairs) -> list:
    """The fields of the condition that constrains only ``pairs`` (index, value)."""
    fields: list = [None] * _NFIELDS
    for i, v in pairs:
        fields[i] = v
    return fields


class _Rule:
    """The rule being read.

    Its packets are one condition while every match narrows it by one condition (nearly
    every rule): that condition is kept as its fields in :class:`Cond` order
    (``fields``) and each match sets or intersects only the fields it constrains; the
    :class:`Cond` is built once, when the rule is read.  A match that selects a union
    (a ``ct state``, a verdict map's key) turns ``fields`` into the union ``union``,
    narrowed by :func:`intersect_all` from then on.  Both give the conditions the
    intersection of every match's union gives (tests/parsers/linux/test_nft_match.py)."""

    def __init__(self, src: Src):
        self.src = src
        self.fields: list | None = [None] * _NFIELDS  # the one condition, or None: ``union``
        self.union: list[Cond] = []
        self.reasons: list[str] = []
        self.verdict = ""
        self.target = ""
        self.nat: NatTarget | None = None
        self.mark: int | None = None
        self.ct_dnat: bool | None = None
        self.vmap: list[tuple[list[Cond], str, str]] | None = None
        self.nat_map: list[tuple[list[Cond], NatTarget]] | None = None  # dnat … map { k : target }
        self.marked = False
        self.opaque = False  # a statement was not understood: it may be the verdict
        self.doubts: list[devgroups.Unsure] = []  # interfaces a group match took in unknown

    @property
    def conds(self) -> list[Cond]:
        """The rule's packets so far, a union of conditions (``[]``: none)."""
        if self.fields is not None:
            return [from_values(Cond, self.fields)]
        return self.union

    @conds.setter
    def conds(self, cs: list[Cond]) -> None:
        self.fields = None
        self.union = cs

    def narrow(self, cs: list[Cond]) -> None:
        if self.fields is not None and len(cs) == 1:
            self.meet([(i, v) for i, v in enumerate(cs[0]) if v is not None])
            return
        conds = self.conds
        self.conds = intersect_all(conds, cs) if conds else []

    def meet(self, pairs) -> None:
        """Narrow by the one condition whose constrained fields are ``pairs`` (index in
        :class:`Cond`, value): :func:`~netaudit.parsers.packet_sets.intersect` on the
        fields alone."""
        fields = self.fields
        if fields is None:
            cs = [from_values(Cond, _from_pairs(pairs))]
            self.union = intersect_all(self.union, cs) if self.union else []
        elif not _meet(fields, pairs):
            self.conds = []  # no packet

    def not_read(self, why: str) -> None:
        """A statement that may change the packet's fate was not understood."""
        self.reasons.append(why)
        self.opaque = True


def read_rule(ctx: Ctx, text: str, src: Src, comment: str = "") -> list[Rule] | None:
    """The rule(s) of one rule statement, or None when it is not an nft rule at all.
    ``comment``: the text after a ``#`` on its line (a comment in a ruleset file; the
    options of an iptables-nft match that nft before 1.0.6 printed that way)."""
    if not comment:
        memo = plain_memo(ctx)
        plain = memo.get(text, _UNSEEN)
        if plain is _UNSEEN:
            plain = new_plain_rule(ctx, memo, text)
        if plain is not None:
            conds, verdict, target = plain
            return [Rule(conds, verdict, src, target)]  # no NAT, mark, reason or ct status
    toks = tokenize(text)
    if not _is_rule(toks):
        return None
    return _read_tokens(ctx, toks, src, comment)


def plain_memo(ctx: Ctx) -> dict[str, tuple[tuple[Cond, ...], str, str] | None]:
    """The remembered plain readings of rule texts (:func:`plain_rule`) under the
    interfaces of ``ctx``: a reader of many rules looks a text up here itself (a call
    per rule otherwise) and calls :func:`new_plain_rule` for a text not in it."""
    memo = _PLAIN_RULES.get(ctx.ifaces)
    if memo is None:
        memo = _PLAIN_RULES[ctx.ifaces] = {}
    return memo


def plain_rule(ctx: Ctx, text: str) -> tuple[tuple[Cond, ...], str, str] | None:
    """The plain reading of a rule statement without a ``#`` comment — (its
    conditions: its one condition, or none for no packet; its verdict; its jump or goto
    target) — or None: a statement read by :func:`read_rule`'s full path (or no rule).
    Remembered per text: a ruleset repeats rule texts from chain to chain (the same
    rules in every VLAN's chain); each rule read from it gets its own :class:`Rule`,
    sharing the conditions' tuple."""
    memo = plain_memo(ctx)
    plain = memo.get(text, _UNSEEN)
    if plain is _UNSEEN:
        plain = new_plain_rule(ctx, memo, text)
    return plain


def new_plain_rule(
    ctx: Ctx, memo: dict[str, tuple[tuple[Cond, ...], str, str] | None], text: str
) -> tuple[tuple[Cond, ...], str, str] | None:
    """:func:`plain_rule` of a text ``memo`` (``plain_memo(ctx)``) does not hold yet, as
    a reader that has just looked it up there calls it (without the second lookup):
    read, and remembered there."""
    toks = tokenize(text)
    # (_plain_reading reads words that begin a rule only — header fields, interface
    # names, verdicts, counter, comment: _is_rule's test is its own first step)
    plain = _plain_reading(ctx, toks) if toks else None
    if len(memo) > MEMO_LIMIT:
        memo.clear()
    memo[text] = plain
    return plain


def _is_rule(toks: list[str]) -> bool:
    """Whether a statement's words begin as an nft rule does."""
    return bool(toks) and (toks[0] in KEYWORDS or toks[0] in IFACE_FIELDS or toks[0] in META_KEYS)


def _read_tokens(ctx: Ctx, toks: list[str], src: Src, comment: str) -> list[Rule]:
    """The rule(s) of a rule statement's tokens: every match, statement and verdict nft
    has (:func:`_step`)."""
    r = _Rule(src)
    i = 0
    while i < len(toks):
        i = _step(ctx, r, toks, i)
    if comment and not r.verdict and r.vmap is None:
        # After a verdict (or a mark: iptables-nft's target) it is only a comment; before
        # any, it may hide the verdict.
        r.not_read(reason("input.linux.partial.comment_before_verdict", comment=cut(comment)))
    verdict = r.verdict or "continue"
    if r.opaque and verdict in ("continue", "mark") and r.vmap is None:
        verdict = "unknown"  # a statement not understood may accept or drop
    conds = tuple(r.conds)
    reasons = tuple(r.reasons)  # (shared by the rules made here: a tuple, never changed)
    out: list[Rule] = []
    if r.marked and verdict != "mark":
        out.append(Rule(conds, "mark", src, mark=r.mark, reasons=reasons, ct_dnat=r.ct_dnat))
    if r.vmap is not None:
        for kc, v, tgt in r.vmap:
            cs = tuple(intersect_all(conds, kc))
            out.append(Rule(cs, v, src, target=tgt, reasons=reasons, ct_dnat=r.ct_dnat))
    elif r.nat_map is not None and verdict == r.verdict:
        # A lookup that finds no element ends the rule (nft's NFT_BREAK): one rule per
        # element is the same ruleset.
        for kc, nat in r.nat_map:
            cs = tuple(intersect_all(conds, kc))
            out.append(Rule(cs, verdict, src, nat=nat, mark=r.mark, reasons=reasons, ct_dnat=r.ct_dnat))
    else:
        out.append(
            Rule(conds, verdict, src, target=r.target, nat=r.nat, mark=r.mark, reasons=reasons, ct_dnat=r.ct_dnat)
        )
    if r.doubts:
        return [part for rule in out for part in devgroups.split(rule, r.doubts)]
    return out


def _plain_reading(ctx: Ctx, toks: list[str]) -> tuple[tuple[Cond, ...], str, str] | None:
    """The conditions (its one condition, or none: no packet), verdict and target of
    a statement of the common shape, or None: read by :func:`_read_tokens`.

    The common shape (nearly every rule of a big ruleset): header fields, interface
    names, counters and comments that :func:`_step` reads without a reason, and a plain
    verdict (``accept``, ``drop``, ``reject``, ``continue``, ``return``, ``jump``,
    ``goto``).  Each word is tested as :func:`_step` tests it, in its order, and each
    value read by the same functions (:func:`_field_conds_uncached`, :func:`_iface_names`); the
    condition is narrowed field by field (:func:`_meet`) without the :class:`_Rule`.
    Anything else — another statement, a named set, a map, a concatenation, a value
    not understood, a reason of any kind — gives None before anything is kept, so the
    two paths cannot differ on what this one reads
    (tests/parsers/linux/test_nft_match.py compares them on generated rules)."""
    fields: list = [None] * _NFIELDS
    empty = False  # no packet: the values are still read (one may not be understood)
    verdict = target = ""
    ifaces = ctx.ifaces
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t in _PLAIN_HEADS:  # a header field or an interface name, its operator, its value
            if t in IFACE_FIELDS:
                head = ""
                i += 1
            else:
                head = toks[i + 1] if i + 1 < n else ""
                i += 2
            word = toks[i] if i < n else ""
            op = ""
            if word in OPS:
                op = word
                i += 1
                word = toks[i] if i < n else ""
            i += 1
            key = (t, head, op, word, ifaces)
            pairs = _PLAIN_VALUES.get(key, _UNSEEN)
            if pairs is _UNSEEN:
                pairs = _plain_value(ctx, t, head, op, word)
                if len(_PLAIN_VALUES) > MEMO_LIMIT:
                    _PLAIN_VALUES.clear()
                _PLAIN_VALUES[key] = pairs
            if pairs is None:
                return None
            if pairs is _NO_PACKET:
                empty = True
            elif not empty:
                for k, v in pairs:  # (_meet, written out for a field met first: a call per match)
                    if fields[k] is None:
                        fields[k] = v
                    elif not _meet(fields, ((k, v),)):
                        empty = True
                        break
        elif t in ("accept", "drop", "continue", "return"):
            verdict = t
            i += 1
        elif t in ("jump", "goto"):
            nxt = toks[i + 1] if i + 1 < n else ""
            if nxt.startswith("{"):
                return None
            verdict, target = t, unquote(nxt)
            i += 2
        elif t == "reject":
            verdict = "reject"
            break
        elif t == "counter":
            nxt = toks[i + 1] if i + 1 < n else ""
            i += 5 if nxt == "packets" else 3 if nxt == "name" else 1
        elif t == "comment":
            i += 2
        else:
            return None
    return (() if empty else (from_values(Cond, fields),)), verdict or "continue", target


# The value memos below hold one parse's values: the parser empties them when it starts
# and ends (clear_memos), and a memo past MEMO_LIMIT entries is emptied (a bound on the
# memory one file can take, far above a 20,000-rule ruleset's 9,000 distinct values: at
# 8,192 such a ruleset emptied them mid-parse and read a value again after each).
MEMO_LIMIT = 65536

# the interfaces → rule text → what _plain_reading gives its words (None also when they
# are no rule).  Its conditions' tuple is shared by the rules of that text (never changed).
# (Keyed by the text alone within the interfaces: no key tuple per rule.)
_PLAIN_RULES: dict[frozenset[str], dict[str, tuple[tuple[Cond, ...], str, str] | None]] = {}
# (head word, second word, operator, value, the interfaces) → what _plain_value gives.
_PLAIN_VALUES: dict[tuple, tuple | None] = {}
_NO_PACKET: tuple = ((),)  # what _plain_value gives for a match no packet passes


def _plain_value(ctx: Ctx, t: str, head: str, op: str, val: str) -> tuple | None:
    """What a match of the common shape selects — one condition's constrained fields as
    (index, value) pairs (``()``: every packet), :data:`_NO_PACKET` for none — or None:
    read by the full path (a field or value it does not take, a union, a reason).  A
    pure function of its arguments and the interfaces, remembered by :func:`_plain_reading`."""
    if val in ("set", "."):
        return None  # a set statement, a concatenation
    if not op or op in ("==", "eq"):
        quick = _quick_value(t, head, val)
        if quick is not None:
            return quick
    items = _plain_items(val)
    if items is None:
        return None
    if t in IFACE_FIELDS:
        names = _iface_names(ctx, items, op)
        return ((_INIF if IFACE_FIELDS[t] == "inif" else _OUTIF, names),) if names else _NO_PACKET
    spec = FIELDS.get((t, head))
    if spec is None:
        return None
    # The pairs of _field_conds_uncached's one condition, without building it: the
    # field's ranges unless they are the whole range, after the protocols the field
    # implies (pairs in Cond order; the protocol field comes before every field that
    # implies one).  (Remembered by the caller: not through _field_memo's memo as well.)
    kind, fld, implied = spec
    rs = _field_ranges(kind, fld, items, op)
    if rs is None:
        return None  # a value not understood: a reason
    rs = norm(rs)
    if not rs:
        return _NO_PACKET
    own = () if rs == ((0, MAXV[fld]),) else ((FIELD_INDEX[fld], rs),)
    return own if implied is None else ((_PROTO, implied), *own)


def _quick_value(t: str, head: str, val: str) -> tuple | None:
    """The pairs of the commonest first readings of a ruleset — one port number, a range
    ``A-B`` or a ``{ … }`` group of them, one address or prefix of a header field,
    without an operator — as :func:`_plain_value` reads them below (the same
    :func:`~.nft_values.one_addr`; a port as ``int(v, 0)`` reads a plain decimal; the
    ranges through the same :func:`~netaudit.parsers.packet_sets.norm`), without its
    layers; None for anything else, read below.  (A 20,000-rule ruleset has some 9,000
    distinct values, each read once; tests/parsers/linux/test_nft_match.py compares both
    readings on random values.)"""
    spec = FIELDS.get((t, head))
    if spec is None:
        return None
    kind, fld, implied = spec
    if kind == "port":
        if val.isascii() and val.isdecimal():  # one number
            n = _port_number(val)
            if n is None:
                return None
            own: tuple = ((FIELD_INDEX[fld], ((n, n),)),)
        else:
            rs = _port_ranges(val)
            if rs is None:
                return None
            own = () if rs == ((0, 65535),) else ((FIELD_INDEX[fld], rs),)
    elif kind == "addr" and val[:1].isdecimal() and "-" not in val and "," not in val:
        r = one_addr(val)
        if r is None:
            return None
        own = () if r == (0, ADDR_MAX) else ((FIELD_INDEX[fld], (r,)),)
    else:
        return None
    return own if implied is None else ((_PROTO, implied), *own)


def _port_number(v: str) -> int | None:
    """A port written as a plain decimal (ASCII digits), as ``int(v, 0)`` reads it, or
    None (a leading zero, which int(v, 0) refuses but for zeros alone, or past 65535)."""
    if not (v.isascii() and v.isdecimal()) or (v[0] == "0" and len(v) > 1):
        return None
    n = int(v)
    return n if n <= 65535 else None


def _port_ranges(val: str) -> Ranges | None:
    """The ranges of a port range ``A-B`` or of a ``{ … }`` group of port numbers and
    ranges, all plain decimals (:func:`_port_number`), as :func:`~.nft_values.values`
    reads them; None for anything else (a name, an empty element, a nested brace …)."""
    if val[:1] != "{":  # one number or range (3,000 first readings of a big ruleset)
        lo_text, dash, hi_text = val.strip().partition("-")
        lo = _port_number(lo_text)
        hi = _port_number(hi_text) if dash else lo
        return None if lo is None or hi is None or lo > hi else ((lo, hi),)
    if val[-1:] != "}":
        return None
    # (every comma: an element holding a brace, a quote or a ':' is no number below)
    parts = val[1:-1].split(",")
    got = []
    for part in parts:
        lo_text, dash, hi_text = part.strip().partition("-")
        lo = _port_number(lo_text)
        hi = _port_number(hi_text) if dash else lo
        if lo is None or hi is None or lo > hi:
            return None  # (also an empty element, which elements() would drop)
        got.append((lo, hi))
    return norm(tuple(got))  # (a tuple: norm's one range, most often, is taken as it is)


def _plain_items(val: str) -> list[str] | None:
    """The elements of a value as :func:`_items` reads them where that adds no reason:
    a ``{ … }`` group read whole or one value; None for anything else (a named set, a
    map, a variable, a group not understood, no value at all)."""
    if not val or val in ("vmap", "map") or val.startswith("@") or "$" in val:
        return None
    if val.startswith("{"):
        items, why = _group_items(val)
        return None if why else items
    if "," in val and not val.startswith('"'):
        return [v for v in val.split(",") if v]
    return [val]


def _skip_unknown(toks: list[str], i: int) -> int:
    """Skip the tokens of an expression netaudit does not read, up to the next keyword."""
    i += 1
    while i < len(toks) and toks[i] not in KEYWORDS:
        i += 1
    return i


def _step(ctx: Ctx, r: _Rule, toks: list[str], i: int) -> int:
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    # The most frequent tokens first (``ip daddr``, ``tcp dport``, ``oifname``): none of
    # the words the branches below test before theirs.
    if t in _FIELD_HEADS and (t, nxt) in FIELDS:
        if i + 2 < len(toks) and toks[i + 2] == ".":
            return _concat(ctx, r, toks, i)
        if i + 2 < len(toks) and toks[i + 2] == "set":
            return _set_statement(r, toks, i, i + 2)
        return _field(ctx, r, toks, i + 2, FIELDS[(t, nxt)])
    if t in IFACE_FIELDS:
        if nxt == ".":
            return _concat(ctx, r, toks, i)
        return _iface(ctx, r, toks, i + 1, IFACE_FIELDS[t])
    if t in ("accept", "drop", "continue", "return"):
        r.verdict = t
        return i + 1
    if t in ("jump", "goto"):
        if nxt.startswith("{"):
            r.not_read(reason("input.linux.partial.anonymous_chain", verdict=t))
            r.verdict = "unknown"
            return i + 2
        r.verdict, r.target = t, unquote(nxt)
        return i + 2
    if t == "reject":
        r.verdict = "reject"
        return len(toks)
    if t == "queue":
        r.verdict = "unknown"
        r.reasons.append(reason("input.linux.partial.queue_statement"))
        return len(toks)
    if t == "counter":
        if nxt == "packets":
            return i + 5
        return i + 3 if nxt == "name" else i + 1
    if t == "comment":
        return i + 2
    if t == "log":
        i += 1
        while i < len(toks) and toks[i] in ("prefix", "level", "flags", "group", "snaplen", "queue-threshold"):
            i += 2
        return i
    if t in ("limit", "quota", "meter"):
        r.reasons.append(reason("input.linux.partial.rate_or_quota", statement=t))
        return _skip_unknown(toks, i)
    if t == "notrack":
        return i + 1
    if t == "flow":
        return i + 3 if nxt in ("add", "offload") else _skip_unknown(toks, i)
    if (t in ("update", "add") and nxt.startswith("@")) or (t == "set" and nxt.startswith("@")):
        return _skip_unknown(toks, i + 1)
    if t in ("dnat", "snat", "masquerade", "redirect"):
        return _nat(ctx, r, toks, i)
    if t in ("meta", "ct") and nxt == "mark" and i + 2 < len(toks) and toks[i + 2] == "set":
        if t == "meta":
            return _mark(r, toks, i + 3)
        return _skip_unknown(toks, i + 2)  # ct mark set …: conntrack bookkeeping
    if t == "mark" and nxt == "set":
        return _mark(r, toks, i + 2)
    if t == "xt" and nxt in ("match", "target", "watcher"):
        # iptables-nft: a compat expression nft could not translate (1.0.6+ prints these).
        name = unquote(toks[i + 2]) if i + 2 < len(toks) else ""
        why = reason("input.linux.partial.xt_untranslated", kind=nxt, name=name)
        if nxt == "target":
            r.not_read(why)  # the target is the verdict
        else:
            r.reasons.append(why)  # a match: the rule is wider
        return i + 3
    if t in GROUP_FIELDS or (t == "meta" and nxt in GROUP_FIELDS):
        if t == "meta":
            i += 1
        return _group(ctx, r, toks, i + 1, GROUP_FIELDS[toks[i]])
    setter = _setter(toks, i)
    if setter is not None:
        return _set_statement(r, toks, i, setter)
    if t in IFACE_FIELDS or (t == "meta" and nxt in IFACE_FIELDS):
        if t == "meta":
            i += 1
        return _iface(ctx, r, toks, i + 1, IFACE_FIELDS[toks[i]])
    if t in NO_IPV4 or (t == "meta" and nxt in ("nfproto", "protocol")):
        if t in NO_IPV4:
            r.conds = []  # IPv6 only: no IPv4 packet matches
            return _skip_unknown(toks, i)
        op, val, j = _opval(toks, i + 2)
        v4 = unquote(val) in ("ipv4", "ip")
        if (op in ("!=", "ne")) == v4:
            r.conds = []
        return j
    if t == "ct" and nxt == "state":
        return _ct_state(ctx, r, toks, i + 2)
    if t == "ct" and nxt == "status":
        op, val, j = _opval(toks, i + 2)
        if unquote(val) == "dnat":
            r.ct_dnat = op not in ("!=", "ne")
        else:
            r.reasons.append(not_modelled(f"ct status {val}"))
        return j
    if t == "fib" and nxt == "daddr" and i + 2 < len(toks) and toks[i + 2] == "type":
        return _fib(ctx, r, toks, i + 3)
    if t == "fib":
        return _fib_other(r, toks, i)
    if (t, nxt) in FIELDS:
        if i + 2 < len(toks) and toks[i + 2] == ".":
            return _concat(ctx, r, toks, i)
        return _field(ctx, r, toks, i + 2, FIELDS[(t, nxt)])
    if t in META_KEYS:
        r.reasons.append(not_modelled(f"'meta {t}'"))
        return _skip_unknown(toks, i)
    if t in OPAQUE_STATEMENTS:
        r.not_read(reason("input.linux.partial.statement_unmodelled", statement=t))
        return _skip_unknown(toks, i)
    if t in KEYWORDS:
        # a match of a header field netaudit does not read: the rule is wider
        r.reasons.append(not_modelled(f"'{t} {nxt}'".replace(" '", "'")))
        return _skip_unknown(toks, i)
    r.not_read(not_understood(f"'{t}'"))
    return _skip_unknown(toks, i)


def _concat(ctx: Ctx, r: _Rule, toks: list[str], i: int) -> int:
    """A concatenation (``ip saddr . tcp dport @pairs``, ``ip protocol . th dport vmap
    { tcp . 22 : accept, … }``, the nftables wiki's home-router input rule).  Of header
    fields and interface names, an element is the intersection of its parts: a set
    membership narrows the rule to the union of its elements, a verdict map gives one
    rule per verdict.  Anything else is read to its end — fields joined by ``.``, the
    operator, the value — and not modelled: the rule is wider (a verdict map keyed on
    it decides what netaudit cannot read)."""
    parts, j = _key_parts(toks, i)
    op = ""
    if j < len(toks) and toks[j] in OPS:
        op, j = toks[j], j + 1
    val = toks[j] if j < len(toks) else ""
    known: list[tuple[str, tuple]] = [p for p in parts if p is not None]
    if len(known) == len(parts):
        key = lambda k: _concat_conds(ctx, known, k)  # noqa: E731 - a key for _map
        if val == "vmap":
            return _map(ctx, r, toks, j + 1, val, key)
        if op in ("", "==", "eq") and val.startswith(("{", "@")):
            items = _items(ctx, r, val)
            if items is None:
                return j + 1  # the set's members are not known: the rule is wider
            union: list[Cond] = []
            for el in items:
                got = key(el)
                if got is None:
                    r.reasons.append(reason("input.linux.partial.concat_element", element=repr(cut(el))))
                    return j + 1
                union += [c for c in got if c not in union]
            r.narrow(union)
            return j + 1
    r.reasons.append(reason("input.linux.partial.concatenation"))
    if val in ("vmap", "map"):
        r.not_read(reason("input.linux.partial.concatenation_key", map=val))
        return j + 2
    return j + 1


def _key_parts(toks: list[str], i: int) -> tuple[list[tuple[str, tuple] | None], int]:
    """The parts of a key expression at ``i`` (one field, or fields joined by ``.``):
    ("iface", (direction,)), ("field", FIELDS' spec), or None for a part not read; and
    the index after it."""
    parts: list[tuple[str, tuple] | None] = []
    j = i
    while j < len(toks):
        t = toks[j]
        if t in IFACE_FIELDS:
            parts.append(("iface", (IFACE_FIELDS[t],)))
            j += 1
        elif j + 1 < len(toks) and (t, toks[j + 1]) in FIELDS:
            parts.append(("field", FIELDS[(t, toks[j + 1])]))
            j += 2
        else:
            parts.append(None)
            j += 1 if t in META_KEYS or t == "mark" else 2
        if j < len(toks) and toks[j] == ".":
            j += 1
            continue
        break
    return parts, j


def _concat_conds(ctx: Ctx, parts: list[tuple[str, tuple]], element: str) -> list[Cond] | None:
    """The packets one element of a concatenation selects (``tcp . 22``: protocol 6 and
    port 22); None when a part is not understood."""
    values_of = [v.strip() for v in element.split(" . ")]
    if len(values_of) != len(parts):
        return None
    conds: list[Cond] = [ANY]
    for (what, spec), value in zip(parts, values_of, strict=True):
        if what == "iface":
            got: list[Cond] | None = _iface_conds(ctx, spec[0], [value], "")
        else:
            got = _field_conds(spec[0], spec[1], [value], "", spec[2])
        if got is None:
            return None
        conds = intersect_all(conds, got)
    return conds


def _setter(toks: list[str], i: int) -> int | None:
    """``<expression> set <value>`` at ``i`` (``ip dscp set cs1``, ``tcp option maxseg
    size set rt mtu``, ``meta priority set 1:10``): the index of its ``set``, else None."""
    if toks[i] not in KEYWORDS:
        return None
    for k in range(i + 1, min(i + 6, len(toks))):
        if toks[k] == "set":
            return k
        if toks[k] in KEYWORDS or toks[k].startswith(("{", "@", '"')):
            return None
    return None


def _set_statement(r: _Rule, toks: list[str], i: int, k: int) -> int:
    """A statement that writes a header or metadata field.  Writing a field the rules
    match on (addresses, ports, protocol) changes what later rules see: not modelled.
    Others (DSCP, TTL, the TCP MSS option, priority, conntrack helpers) change no verdict."""
    if (toks[i], toks[i + 1]) in FIELDS or toks[i + 1] in IFACE_FIELDS:
        r.not_read(reason("input.linux.partial.field_rewrite", expression=" ".join(toks[i:k])))
    return _skip_value(toks, k + 1)


def _skip_value(toks: list[str], j: int) -> int:
    """Past the value of a ``set`` statement: a literal, or an expression such as ``rt
    mtu``, ``ct mark``, ``meta mark and 0xff``, ``ip saddr map { … }``."""
    if j < len(toks) and toks[j] in KEYWORDS and j + 1 < len(toks) and toks[j + 1] not in KEYWORDS:
        j += 2
    else:
        j += 1
    while j + 1 < len(toks) and toks[j] in ("&", "|", "^", "<<", ">>", "and", "or", "xor", "map"):
        j += 2
    return j


# Heads of header fields tested first by _step ("meta" is not: ``meta mark set`` and
# ``meta nfproto`` are read before the fields).
_FIELD_HEADS = frozenset(t for t, _ in FIELDS) - {"meta"}
_PLAIN_HEADS = _FIELD_HEADS | frozenset(IFACE_FIELDS)  # the matches _plain_reading reads


def _opval(toks: list[str], i: int) -> tuple[str, str, int]:
    op = ""
    if i < len(toks) and toks[i] in OPS:
        op = toks[i]
        i += 1
    val = toks[i] if i < len(toks) else ""
    return op, val, i + 1


# Words no set element holds: a rule's fields and verdicts.  A ``{`` left open in a
# damaged dump swallows the rest of the rule into its "elements".
_NOT_IN_ELEMENT = frozenset({"iifname", "oifname", "iif", "oif", "accept", "drop", "reject"})
# What nft prints after an element of a set with counters or timeouts
# (``10.0.0.5 counter packets 3 bytes 180``, ``… timeout 1h expires 59m``).
_ELEMENT_STATE = re.compile(r"\s+(?:counter|timeout|expires|comment|quota|limit|last)\b[^:]*")


def _items(ctx: Ctx, r: _Rule, val: str) -> list[str] | None:
    """The elements a value names: a ``{ … }`` group, ``@set`` or one value (None: a
    named set whose members are not known, the reason recorded)."""
    if val.startswith("{"):
        items, why = _group_items(val)
        if why:
            r.not_read(why)
        return items
    if val.startswith("@"):
        ns = ctx.sets.get(val[1:])
        if ns is None:
            r.reasons.append(reason("input.linux.partial.set_undefined", set=val, table=ctx.table))
            return None
        if ns.unknown:
            r.reasons.append(reason("input.linux.partial.set_unknown", set=val, why=ns.unknown))
            return None
        items, why = _elements(ns.elements)
        if why:
            r.not_read(why)
        return items
    if "$" in val:  # a variable no ``define`` gave a value
        r.reasons.append(reason("input.linux.partial.variable_undefined", variable=val))
        return None
    if "," in val and not val.startswith('"'):
        return [v for v in val.split(",") if v]
    return [val]


# An anonymous set's text → its elements (or why they are not read): a ruleset repeats
# its ``{ 80, 443 }`` from rule to rule (the lists are shared: never changed).
_GROUPS: dict[str, tuple[list[str] | None, str]] = {}


def _group_items(val: str) -> tuple[list[str] | None, str]:
    """The elements of an anonymous set ``{ … }`` (or None and why they are not read)."""
    got = _GROUPS.get(val)
    if got is None:
        if len(_GROUPS) > MEMO_LIMIT:
            _GROUPS.clear()
        got = _GROUPS[val] = _elements(elements(val))
    return got


def _elements(items: list[str]) -> tuple[list[str] | None, str]:
    """The elements without the state nft prints after them; None and the reason when
    one holds a rule's words (a ``{`` left open)."""
    out = []
    for el in items:
        key, sep, value = el.partition(":")
        if len(key.split()) > 1:
            if not _NOT_IN_ELEMENT.isdisjoint(key.split()):
                return None, reason("input.linux.partial.set_element_open", element=repr(cut(el)))
            el = _ELEMENT_STATE.sub("", key).strip() + (f" {sep}{value}" if sep else "")
        out.append(el)
    return out, ""


def _field(ctx: Ctx, r: _Rule, toks: list[str], i: int, spec: tuple[str, str, Ranges | None]) -> int:
    kind, fld, implied = spec
    op, val, j = _opval(toks, i)
    if val in ("vmap", "map"):
        return _map(ctx, r, toks, j, val, lambda k: _field_conds(kind, fld, [k], "", implied))
    items = _items(ctx, r, val)
    got = _field_memo(kind, fld, items, op, implied) if items is not None else None
    if got is None:  # the values not known or not understood: the protocol the field implies
        if items is not None:
            r.reasons.append(reason("input.linux.partial.value_not_understood", value=val))
        r.narrow([Cond(proto=implied) if implied else ANY])
        return j
    cs, pairs = got
    if pairs is None:
        r.narrow(cs)
    else:
        r.meet(pairs)
    return j


# A field match's union and, when it is one condition, that condition's constrained
# fields as (index, value) pairs (what _Rule.meet narrows by); None: not understood.
_FIELD_MEMO: dict[tuple, tuple[list[Cond], tuple | None] | None] = {}
UNSEEN: Any = object()  # a value no memo holds (None is a memo's answer)
_UNSEEN = UNSEEN


def clear_memos() -> None:
    """Empty the value memos (:data:`MEMO_LIMIT`): pure caches, nothing read changes."""
    for memo in (_PLAIN_RULES, _PLAIN_VALUES, _GROUPS, _FIELD_MEMO):
        memo.clear()


def _field_memo(
    kind: str, fld: str, items: list[str], op: str, implied: Ranges | None
) -> tuple[list[Cond], tuple | None] | None:
    """:func:`_field_conds` with the pairs of its one condition, remembered: a pure
    function of its arguments, and a ruleset repeats the same ports, protocols and
    networks in rule after rule (what it returns is shared: never changed)."""
    key = (kind, fld, tuple(items), op, implied)
    got = _FIELD_MEMO.get(key, _UNSEEN)
    if got is not _UNSEEN:
        return got
    cs = _field_conds_uncached(kind, fld, items, op, implied)
    got = None if cs is None else (cs, _pairs_of(cs))
    if len(_FIELD_MEMO) > MEMO_LIMIT:
        _FIELD_MEMO.clear()
    _FIELD_MEMO[key] = got
    return got


def _pairs_of(cs: list[Cond]) -> tuple | None:
    """The (index, value) pairs of the fields a one-condition union constrains; None for
    any other union (several conditions, or none: no packet)."""
    if len(cs) != 1:
        return None
    return tuple([(i, v) for i, v in enumerate(cs[0]) if v is not None])  # (a list: no generator)


def _field_conds(kind: str, fld: str, items: list[str], op: str, implied: Ranges | None) -> list[Cond] | None:
    """The union a header field match selects (None: a value not understood)."""
    got = _field_memo(kind, fld, items, op, implied)
    return None if got is None else got[0]


def _field_ranges(kind: str, fld: str, items: list[str], op: str) -> Ranges | None:
    """The values of header field ``fld`` a match selects, its operator applied, or None:
    a value not understood."""
    rs = values(items, kind)
    if rs is None:
        return None
    if op and op not in ("==", "eq"):
        maxv = MAXV[fld]
        if op in ("!=", "ne"):
            return r_not(rs, maxv)
        return compare(op, rs, maxv)
    return rs


def _field_conds_uncached(kind: str, fld: str, items: list[str], op: str, implied: Ranges | None) -> list[Cond] | None:
    rs = _field_ranges(kind, fld, items, op)
    if rs is None:
        return None
    c = cond1(fld, rs)
    if c is None:
        return []
    if implied is not None:  # the field's protocols (a "proto" field implies none)
        c = from_values(Cond, (*c[:_PROTO], implied, *c[_PROTO + 1 :]))
    return [c]


def _iface(ctx: Ctx, r: _Rule, toks: list[str], i: int, fld: str) -> int:
    op, val, j = _opval(toks, i)
    if val in ("vmap", "map"):
        return _map(ctx, r, toks, j, val, lambda k: _iface_conds(ctx, fld, [k], ""))
    items = _items(ctx, r, val)
    if items is None:
        return j
    names = _iface_names(ctx, items, op)
    if names:
        r.meet(((_INIF if fld == "inif" else _OUTIF, names),))
    else:
        r.conds = []
    return j


_INIF, _OUTIF = FIELD_INDEX["inif"], FIELD_INDEX["outif"]


def _iface_conds(ctx: Ctx, fld: str, items: list[str], op: str) -> list[Cond]:
    s = _iface_names(ctx, items, op)
    if not s:
        return []
    return [Cond(inif=s)] if fld == "inif" else [Cond(outif=s)]


def _iface_names(ctx: Ctx, items: list[str], op: str) -> frozenset[str]:
    """The interfaces an ``iifname``/``oifname`` match names (its ``!=`` the others)."""
    names: set[str] = set()
    for it in items:
        n = unquote(it.strip())
        if n.endswith("*") and not n.endswith("\\*"):
            names |= {x for x in ctx.ifaces if x and x.startswith(n[:-1])}
        else:
            names.add(n.replace("\\*", "*"))
    s = frozenset(names) & ctx.ifaces if names <= ctx.ifaces else frozenset(names)
    if op in ("!=", "ne"):
        s = ctx.ifaces - s
    return s


def _group(ctx: Ctx, r: _Rule, toks: list[str], i: int, fld: str) -> int:
    """``iifgroup`` / ``oifgroup`` (``meta`` or not): the interfaces of those groups,
    exact where ``ip -j addr`` tells their groups (:mod:`.devgroups`)."""
    op, val, j = _opval(toks, i)
    if val in ("vmap", "map"):
        return _map(ctx, r, toks, j, val, lambda k: _group_conds(ctx, r, fld, [k], ""))
    if op not in ("", "==", "eq", "!=", "ne"):
        r.reasons.append(reason("input.linux.partial.group_comparison", op=op, value=val))
        return j
    items = _items(ctx, r, val)
    if items is None:
        return j
    got = _group_conds(ctx, r, fld, items, op)
    if got is None:
        r.reasons.append(reason("input.linux.partial.group_not_understood", value=cut(val)))
        return j
    r.narrow(got)
    return j


def _group_conds(ctx: Ctx, r: _Rule, fld: str, items: list[str], op: str) -> list[Cond] | None:
    """The packets whose in- or out-interface has one of the groups ``items`` (None: a
    value not understood); interfaces whose group is not known add a reason."""
    vals = [devgroups.value(unquote(it.strip())) for it in items]
    known = [v for v in vals if v is not None]
    if len(known) != len(vals) or not known:
        return None
    if not ctx.st.ifgroups:
        r.reasons.append(devgroups.NO_GROUPS)
        return [ANY]
    names, unsure = devgroups.select(ctx.st.ifgroups, ctx.ifaces, known, op in ("!=", "ne"))
    if unsure:
        r.doubts.append(devgroups.unsure(fld, ctx.st.ifgroups, unsure, known))
    if not names:
        return []
    return [Cond(inif=names)] if fld == "inif" else [Cond(outif=names)]


def _ct_state(ctx: Ctx, r: _Rule, toks: list[str], i: int) -> int:
    op, val, j = _opval(toks, i)
    if val in ("vmap", "map"):
        return _map(ctx, r, toks, j, val, lambda k: _state_conds(ctx, r, [k], ""))
    items = _items(ctx, r, val)
    if items is None:
        return j
    r.narrow(_state_conds(ctx, r, items, op))
    return j


def _state_conds(ctx: Ctx, r: _Rule, items: list[str], op: str) -> list[Cond]:
    states = {unquote(s.strip()) for it in items for s in it.split(",") if s.strip()}
    unknown = states - set(STATE_CONDS)
    if unknown:
        r.reasons.append(not_understood(f"ct state {','.join(sorted(unknown))}"))
        return [ANY]
    if op in ("!=", "ne"):
        states = set(STATE_CONDS) - states
    if ctx.notrack and ("untracked" in states or "new" in states):
        r.reasons.append(reason("input.linux.partial.notrack_not_new"))
    out: list[Cond] = []
    for s in sorted(states):
        for c in STATE_CONDS[s]:
            if c not in out:
                out.append(c)
    return out


def _fib(ctx: Ctx, r: _Rule, toks: list[str], i: int) -> int:
    op, val, j = _opval(toks, i)
    items = _items(ctx, r, val) or []
    rs: Ranges = ()
    for it in items:
        kind = unquote(it.strip())
        if kind == "local":
            rs = r_or(rs, ctx.own)
        elif kind == "multicast":
            rs = r_or(rs, ((0xE0000000, 0xEFFFFFFF),))
        elif kind == "broadcast":
            rs = r_or(rs, ctx.broadcast)
        else:
            r.reasons.append(not_modelled(f"fib daddr type {kind}"))
            return j
    if op in ("!=", "ne"):
        rs = r_not(rs, MAXV["dst"])
    c = cond(dst=rs)
    r.narrow([c] if c is not None else [])
    return j


def _fib_other(r: _Rule, toks: list[str], i: int) -> int:
    """Another ``fib`` lookup (``fib saddr . iif oif missing``: reverse-path filtering):
    not modelled, the rule is wider.  Read to its end — keys joined by ``.``, the result
    (``oif``, ``oifname``, ``type``) and the value — so that no word of it is read as a
    match of its own (``oif missing``)."""
    j = i + 2
    while j + 1 < len(toks) and toks[j] == ".":
        j += 2
    what = " ".join(toks[i : j + 1])
    r.reasons.append(reason("input.linux.partial.lookup_unmodelled", lookup=cut(what)))
    _op, _val, j = _opval(toks, j + 1)
    return j


def _map(ctx: Ctx, r: _Rule, toks: list[str], j: int, what: str, key) -> int:
    """``<key> vmap { k : verdict, … }`` → one rule per element."""
    val = toks[j] if j < len(toks) else ""
    j += 1
    if what == "map":
        r.not_read(reason("input.linux.partial.data_map"))
        return len(toks)
    items = _items(ctx, r, val)
    if items is None:
        r.verdict = "unknown"
        return j
    out: list[tuple[list[Cond], str, str]] = []
    for el in items:
        k, sep, v = el.partition(":")
        words = v.split()
        size = 2 if words and words[0] in ("jump", "goto") else 1
        if not sep or len(words) != size or words[0] not in ("accept", "drop", "continue", "return", "jump", "goto"):
            r.reasons.append(reason("input.linux.partial.vmap_element", element=repr(el)))
            r.verdict = "unknown"
            return j
        kc = key(k.strip())
        if kc is None:
            r.reasons.append(reason("input.linux.partial.vmap_key", map_key=repr(k.strip())))
            r.verdict = "unknown"
            return j
        verdict, tgt = words[0], words[1] if len(words) > 1 else ""
        for k2, (ks, v2, t2) in enumerate(out):
            if (v2, t2) == (verdict, tgt):
                out[k2] = (ks + [c for c in kc if c not in ks], v2, t2)  # one rule per verdict
                break
        else:
            out.append((kc, verdict, tgt))
    r.vmap = out
    return j


def _nat(ctx: Ctx, r: _Rule, toks: list[str], i: int) -> int:
    t = toks[i]
    r.verdict = t
    j = i + 1
    if j < len(toks) and toks[j] == "ip":
        j += 1
    with_port = toks[j : j + 3] == ["addr", ".", "port"]  # dnat ip addr . port to … map
    if with_port:
        j += 3
    # `to` is optional in nft's grammar (`dnat 192.168.5.200`, `dnat tcp dport map {…}`)
    has_to = j < len(toks) and toks[j] == "to"
    if has_to:
        j += 1
    target = toks[j] if j < len(toks) else ""
    mapped = _nat_map(ctx, r, toks, j, with_port) if j < len(toks) else None
    if mapped is not None:
        j = mapped
    elif has_to or target[:1].isdecimal() or target.startswith(":"):
        j += 1
        nat = _nat_target(target, t)
        if nat is None:
            r.reasons.append(not_understood(f"{t} to {target}"))
            nat = NatTarget()
        r.nat = nat
    else:
        r.nat = NatTarget()
    while j < len(toks) and toks[j] in ("random", "persistent", "fully-random", "random,persistent"):
        j += 1
    return j


def _nat_map(ctx: Ctx, r: _Rule, toks: list[str], j: int, with_port: bool) -> int | None:
    """``dnat to tcp dport map { 8080 : 10.0.10.9, … }`` (``dnat ip addr . port to …
    map { k : 10.0.10.9 . 80 }``; a named map the same): the targets per key, exactly
    (``r.nat_map``), and the index after the map; None when ``j`` starts no map
    expression.  A key or target not understood leaves the NAT unknown (reasons)."""
    parts, k = _key_parts(toks, j)
    if k >= len(toks) or toks[k] != "map":
        return None
    val = toks[k + 1] if k + 1 < len(toks) else ""
    known: list[tuple[str, tuple]] = [p for p in parts if p is not None]
    items = _items(ctx, r, val) if len(known) == len(parts) else None
    out: list[tuple[list[Cond], NatTarget]] = []
    for el in items or ():
        key, sep, value = el.partition(" : ") if " : " in el else el.partition(":")
        kc = _concat_conds(ctx, known, key.strip())
        spec = value.strip()
        if with_port:
            addr, dot, port = spec.partition(" . ")
            spec = f"{addr.strip()}:{port.strip()}" if dot else ""
        nat = _nat_target(spec, r.verdict) if sep and spec else None
        if kc is None or nat is None:
            r.reasons.append(reason("input.linux.partial.nat_map_element", verdict=r.verdict, element=repr(cut(el))))
            items = None
            break
        out.append((kc, nat))
    if items is None:
        r.reasons.append(reason("input.linux.partial.nat_map", verdict=r.verdict))
        r.nat = NatTarget()
    else:
        r.nat_map = out
    return k + 2


def _nat_target(target: str, verdict: str) -> NatTarget | None:
    from netaudit.parsers.ip import ip_to_int

    if target.startswith(("{", "@")) or target in ("ip", "ip6", "meta", "numgen", "jhash"):
        return None
    addr, port = target, ""
    if target.startswith(":"):
        addr, port = "", target[1:]
    elif ":" in target:
        addr, _, port = target.rpartition(":")
    lo = hi = None
    if addr:
        a, _, b = addr.partition("-")
        lo = ip_to_int(a)
        hi = ip_to_int(b) if b else lo
        if lo is None or hi is None:
            return None
    plo = phi = None
    if port:
        pa, _, pb = port.partition("-")
        if not pa.isdecimal() or (pb and not pb.isdecimal()):
            return None
        plo = int(pa)
        phi = int(pb) if pb else plo
    return NatTarget(lo, hi if hi != lo else None, plo, phi if phi != plo else None)


def _mark(r: _Rule, toks: list[str], j: int) -> int:
    val = toks[j] if j < len(toks) else ""
    r.verdict = r.verdict or "mark"
    r.marked = True
    try:
        r.mark = int(val, 0)
        return j + 1
    except ValueError:
        r.mark = None  # computed from the packet or the connection: not known here
    while j < len(toks) and toks[j] not in ("accept", "drop", "return", "jump", "goto", "counter", "log", "comment"):
        j += 1
    return j


__all__ = ["Rule", "norm", "read_rule"]
