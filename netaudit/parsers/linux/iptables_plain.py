"""The common ``iptables-save`` rule read straight into its condition (for :mod:`.iptables`).

Nearly every rule of a big dump has one shape: base matches (``-s``, ``-d``, ``-i``,
``-o``, ``-p``, each with one value, ``!`` before it or not), the ``tcp``, ``udp``,
``icmp``, ``multiport`` and ``comment`` modules with one value per option, and a target
(``-j``/``-g`` NAME; a terminal target may carry its own options, ``--reject-with``).
:func:`plain_conds` reads such a rule in one pass over its words into the fields of its
one :class:`~netaudit.parsers.packet_sets.Cond`, without the :class:`.iptables_matches.Opt`
list of :func:`.iptables_matches.split_options` and the general walk of
:func:`.iptables_matches.rule_conds`.  Each option's value is read once per dump by the
same functions the general path uses (:func:`.iptables_matches.option_union`), and a rule
is narrowed field by field as :func:`.iptables_matches.rule_conds` narrows it.

Anything else — another module, an option without ``-m`` (``-p tcp --dport 22``, read with
the protocol), ``!`` between an option and its value, an option with no value or several,
a value not understood (a reason), a union of conditions, no packet, base options after
the target — gives None before anything is kept, and the general path reads the rule.
tests/parsers/linux/test_iptables_plain.py compares the two paths on generated rules.
"""

from __future__ import annotations

from collections.abc import Container

from netaudit.model import from_values
from netaudit.parsers.packet_sets import ADDR_MAX, ANY, FIELD_INDEX, RANGE_FIELDS, Cond, r_and

from .iptables_matches import (
    BASE_NAMES,
    BASE_OPTS,
    MatchContext,
    Opt,
    is_option,
    mask_ranges,
    option_union,
    parse_ip,
)

_EST = FIELD_INDEX["est"]
_NRANGE = len(RANGE_FIELDS)  # the range fields come first in a Cond, then est, inif, outif
_BASE_READ = frozenset({"-s", "-d", "-i", "-o", "-p"})  # base options with one value
_MODULES = frozenset({"tcp", "udp", "icmp", "multiport", "comment"})

# What an (option word, value) pair is, in the module being read with ``!`` before it or
# not (:func:`_classify`): the same pairs repeat all over a dump, so each is told once.
_REFUSE = ("refuse",)  # left to the general path
_SKIP = ("skip",)  # a comment
_MODULE = "module"  # ("module", name): a -m
_TARGET = "target"  # ("target", -j or -g)
_FIELDS = "fields"  # ("fields", the one condition, the fields it sets): a match


def plain_conds(
    words: list[str], ctx: MatchContext, terminal: Container[str], start: int = 0
) -> tuple[tuple[Cond, ...], str, str] | None:
    """(the rule's union of conditions, its target, ``-j`` or ``-g``) for the words of a
    rule of the common shape from ``words[start]`` on (after ``-A CHAIN``), or None
    (module docstring).  ``terminal``: the targets whose own options change nothing the
    model reads."""
    memo = ctx.plain_memo
    fields: list | None = None
    module = ""
    neg = False
    n = len(words)
    i = start
    while i < n:
        w = words[i]
        if type(w) is not str:
            return None
        if w == "!":
            if neg:
                return None
            neg = True
            i += 1
            continue
        if i + 1 >= n:
            return None  # an option without a value
        arg = words[i + 1]
        if module == "comment" and w == "--comment" and not neg and arg != "!" and not is_option(arg):
            i += 2  # a comment (what _classify tells it), not remembered: each is its own
            continue
        key = (module, neg, w, arg)
        kind = memo.get(key)
        if kind is None:
            kind = memo[key] = _classify(module, neg, w, arg, ctx)
        tag = kind[0]
        if type(arg) is not str and kind is not _SKIP:
            return None  # a quoted value (only a comment's is read here)
        if tag is _FIELDS:
            neg = False
            i += 2
            single = kind[2]
            if not single:
                continue  # every packet
            if fields is None:
                fields = list(ANY)
            for idx, value in single:
                have = fields[idx]
                if have is None:
                    fields[idx] = value
                    continue
                # A field set twice (``-p tcp`` and ``--dport``'s protocol): the exact
                # intersection, as rule_conds takes it — packet_sets.intersect on this field.
                if idx == _EST:
                    if have != value:
                        return None
                    continue
                value = r_and(have, value) if idx < _NRANGE else have & value
                if not value:
                    return None
                fields[idx] = value
        elif kind is _SKIP:
            i += 2
        elif tag is _MODULE:
            module = kind[1]
            i += 2
        elif tag is _TARGET:
            rest = words[i + 2 :]
            if rest and (arg not in terminal or any(x in BASE_OPTS for x in rest)):
                # a terminal target's options change nothing; base options after a target are matches
                return None
            return ((ANY,) if fields is None else (from_values(Cond, fields),)), arg, kind[1]
        else:
            return None
    if neg:
        return None
    return ((ANY,) if fields is None else (from_values(Cond, fields),)), "", "-j"


def _classify(module: str, neg: bool, w: str, arg: str, ctx: MatchContext) -> tuple:
    """What option word ``w`` with the value ``arg`` is in a rule (``module``: the ``-m``
    being read, ``neg``: a ``!`` before it), for :func:`plain_conds`; its match read by
    the general path's function (:func:`.iptables_matches.option_union`)."""
    if not is_option(w):
        return _REFUSE  # a second value of the option before (split_options takes it so)
    if arg == "!" or is_option(arg):
        return _REFUSE  # "--dport ! 25", or no value
    name = BASE_OPTS.get(w, w)
    if name == "-j" or name == "-g":
        return _REFUSE if neg else (_TARGET, name)
    if name == "-m":
        low = arg.lower()
        return _REFUSE if neg or low not in _MODULES else (_MODULE, low)
    if module == "comment" and name not in BASE_NAMES:
        return _SKIP if name == "--comment" and not neg else _REFUSE
    if name in BASE_NAMES:
        if name not in _BASE_READ:
            return _REFUSE
        if module:  # a base option means the same after any -m: one reading (one object) for all
            key = ("", neg, w, arg)
            kind = ctx.plain_memo.get(key)
            if kind is None:
                kind = ctx.plain_memo[key] = _classify("", neg, w, arg, ctx)
            return kind
    elif not module:
        return _REFUSE  # no -m: read with the rule's protocol (the general path)
    quick = None if neg else _quick(module, name, arg)
    if quick is not None:
        idx, rs = quick
        if rs == _WHOLE[idx]:
            return (_FIELDS, ANY, ())  # every packet (what cond1 gives the whole range)
        fields: list = [None] * _NFIELDS
        fields[idx] = rs
        return (_FIELDS, from_values(Cond, fields), (quick,))
    reasons: list[str] = []
    got = option_union(from_values(Opt, (module, neg, name, (arg,))), ctx, reasons)
    if reasons or len(got) != 1:
        return _REFUSE  # a reason, no packet or a union
    single = tuple([(k, v) for k, v in enumerate(got[0]) if v is not None])
    return (_FIELDS, got[0], single)


_NFIELDS = len(Cond._fields)
_WHOLE = {FIELD_INDEX[f]: ((0, ADDR_MAX if f in ("src", "dst") else 65535),) for f in ("src", "dst", "sport", "dport")}
_PORT_OPTS = {"--dport": "dport", "--destination-port": "dport", "--sport": "sport", "--source-port": "sport"}
_ADDR_OPTS = {"-s": "src", "-d": "dst"}


def _quick(module: str, name: str, arg: str) -> tuple[int, tuple[tuple[int, int], ...]] | None:
    """(field index, ranges) of the commonest first readings of a dump — one port number
    of a ``tcp``/``udp`` port option, one address or prefix of ``-s``/``-d``, without
    ``!`` — as :func:`.iptables_matches.option_union` reads them (its parse_ports,
    parse_addrs and cond1), without its layers; None for anything else, read by it.
    (A dump has some 10,000 distinct such values, each read once; tests/parsers/linux/
    test_iptables_plain.py compares both readings on random values.)"""
    if module:
        fld = _PORT_OPTS.get(name) if module in ("tcp", "udp") else None
        if fld is None or not (arg.isascii() and arg.isdecimal()):
            return None
        n = int(arg)
        return None if n > 65535 else (FIELD_INDEX[fld], ((n, n),))
    fld = _ADDR_OPTS.get(name)
    if fld is None or "," in arg:
        return None
    addr, _, plen = arg.partition("/")
    a = parse_ip(addr)
    if a is None:
        return None
    if not plen:
        mask = ADDR_MAX
    elif plen.isascii() and plen.isdecimal() and int(plen) <= 32:
        mask = (ADDR_MAX << (32 - int(plen))) & ADDR_MAX
    else:
        return None  # a mask written as an address, a prefix not understood
    return FIELD_INDEX[fld], mask_ranges(a, mask, [], arg)  # (a prefix: one block, no reason)
