"""Interface groups (``ip link set DEV group N``): which interfaces a group match selects.

nft's ``iifgroup`` / ``oifgroup`` and iptables' ``-m devgroup --src-group`` /
``--dst-group`` match the in- or out-interface by its group number (a 32-bit value;
iptables also takes ``value/mask``: the bits of the mask compared).  ``ip -j addr``
prints each interface's group as ``"group"``: a name from ``/etc/iproute2/group`` when
that file names the number (``"default"`` is 0 in the file iproute2 ships), else the
number.  nft and iptables print (and read) group names from the same file.

What is exact and what is not (docs/vendors/linux.md, "Interface groups"):

* a number in the rule against an interface whose group is a number (or ``default``):
  compared exactly;
* a name in the rule that some interface of the dump carries: the interfaces carrying
  it, and no other (on the same box, one file gives both tools their names);
* a number in the rule against an interface whose group ip printed as a name: not that
  number when ip printed the number itself (or ``default`` for 0) for another interface
  (ip prints one name per number, a number only when it has none);
* anything else — a name in the rule no interface carries, a number against a named
  interface that no interface shows as a number, an interface whose group the dump
  does not show — is not known: that interface is taken as matching and
  the rule is partial (the engine says unknown, never blocked).

Only the packets of the interfaces not known are partial: a rule is cut in two
(:func:`split`), the part on the interfaces whose groups are known stays exact.

Names that are not interfaces of the dump (a name only a rule mentions, the empty name
of the box's own traffic) carry no packet of the model: they are taken as matching,
without a reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from netaudit.messages import Text
from netaudit.parsers.packet_sets import Cond, intersect_all

if TYPE_CHECKING:
    from .rules import Rule

GROUP_MAX = 0xFFFFFFFF
# /etc/iproute2/group as iproute2 ships it: "0 default".
DEFAULT_NAME = "default"
NO_GROUPS = Text("input.linux.partial.no_groups")


class GroupValue(NamedTuple):
    """One value of a group match: a number range (``lo``..``hi``) compared under
    ``mask``, or a ``name`` whose number the dump may not tell."""

    lo: int | None
    hi: int | None
    mask: int = GROUP_MAX
    name: str | None = None


def number(text: str) -> int | None:
    """A group as a number: decimal or ``0x`` hex, ``default`` → 0; None for a name."""
    t = text.strip().strip('"')
    if t == DEFAULT_NAME:
        return 0
    try:
        n = int(t, 0)
    except ValueError:
        return None
    return n if 0 <= n <= GROUP_MAX else None


def value(text: str) -> GroupValue | None:
    """A rule's group value: ``5``, ``0x5``, ``1-3`` (nft), ``0x5/0xf`` (iptables),
    ``"lan"``; None when it is not one."""
    t = text.strip().strip('"')
    if not t:
        return None
    base, slash, mask_s = t.partition("/")
    if slash:
        n, m = number(base), number(mask_s)
        return None if n is None or m is None or base == DEFAULT_NAME else GroupValue(n, n, m)
    lo_s, dash, hi_s = t.partition("-")
    if dash and lo_s and hi_s:
        lo, hi = number(lo_s), number(hi_s)
        if lo is not None and hi is not None and lo <= hi:
            return GroupValue(lo, hi)
    n = number(t)
    if n is not None:
        return GroupValue(n, n)
    if any(c.isspace() for c in t):
        return None
    return GroupValue(None, None, GROUP_MAX, t)


def _one(v: GroupValue, shown: str | None, seen: frozenset[str]) -> bool | None:
    """Whether an interface whose group ``ip`` showed as ``shown`` has value ``v``
    (None: not known).  ``seen``: every group ``ip`` showed, as printed."""
    if shown is None:
        return None
    if v.name is not None:
        if shown == v.name:
            return True
        # ip prints one name per number: another word is another group
        return False if v.name in seen else None
    g = number(shown)
    if g is not None:
        assert v.lo is not None and v.hi is not None
        if v.mask != GROUP_MAX:
            return (v.lo ^ g) & v.mask == 0
        return v.lo <= g <= v.hi
    # A name other than "default": its number is not in the dump, but ip printed it by
    # name, so it is none of the numbers ip printed as numbers (no name for them).
    if v.mask == GROUP_MAX and v.lo == v.hi and _printed_as_number(v.lo, seen):
        return False
    return None


def _printed_as_number(n: int | None, seen: frozenset[str]) -> bool:
    return n is not None and ((n == 0 and DEFAULT_NAME in seen) or any(number(g) == n for g in seen))


class Unsure(NamedTuple):
    """Interfaces a group match took in without knowing their group: ``field`` is
    ``inif`` or ``outif``."""

    field: str
    names: frozenset[str]
    reason: str


def select(
    groups: dict[str, str | None], universe: frozenset[str], values: list[GroupValue], negate: bool
) -> tuple[frozenset[str], list[str]]:
    """The interface names of ``universe`` whose group is one of ``values`` (``negate``:
    none of them), and the interfaces among them whose membership is not known (taken
    in: the answer is never narrower than the kernel's).  ``groups``: each interface of
    ``ip -j addr`` → its group as printed (None: not shown)."""
    seen = frozenset(g for g in groups.values() if g is not None)
    out: set[str] = set()
    unsure: list[str] = []
    for name in sorted(universe):
        if name not in groups:
            out.add(name)  # not an interface of the dump: no packet of the model crosses it
            continue
        got: bool | None = False
        for v in values:
            one = _one(v, groups[name], seen)
            if one:
                got = True
                break
            if one is None:
                got = None
        if got is None:
            out.add(name)
            unsure.append(name)
        elif got != negate:
            out.add(name)
    return frozenset(out), unsure


def unsure(field: str, groups: dict[str, str | None], names: list[str], values: list[GroupValue]) -> Unsure:
    """The :class:`Unsure` of a match whose ``names`` were taken in unknown."""
    # "a (lan), b (not shown)": each interface with its group as a text of its own, the
    # next ones in its ``more`` (a list of texts joins with "; ", this one with ", ")
    shown: str = ""
    for n in reversed(names):
        group = groups[n]
        sep = ", " if shown else ""
        if group is None:
            shown = Text("input.linux.partial.group_not_shown", name=n, sep=sep, more=shown)
        else:
            shown = Text("input.linux.partial.group_shown", name=n, group=group, sep=sep, more=shown)
    wanted = ", ".join(v.name if v.name is not None else _num_text(v) for v in values)
    why = Text("input.linux.partial.group_unknown", wanted=wanted, shown=shown)
    return Unsure(field, frozenset(names), why)


def split(rule: Rule, doubts: list[Unsure]) -> list[Rule]:
    """``rule`` as two rules with its verdict: its packets on interfaces whose groups
    are known (exact) and those on the interfaces of ``doubts`` (partial, the reasons
    said).  The two are disjoint, so their order does not matter."""
    from dataclasses import replace

    if not doubts:
        return [rule]
    ins = frozenset().union(*(d.names for d in doubts if d.field == "inif"))
    outs = frozenset().union(*(d.names for d in doubts if d.field == "outif"))
    unsure_part: list[Cond] = []
    if ins:
        unsure_part += intersect_all(rule.conds, [Cond(inif=ins)])
    if outs:
        unsure_part += [c for c in intersect_all(rule.conds, [Cond(outif=outs)]) if c not in unsure_part]
    sure_part = rule.conds
    for fld, names in (("inif", ins), ("outif", outs)):
        if names:
            sure_part = tuple(c for c in (_without(c, fld, names) for c in sure_part) if c is not None)
    reasons = (*rule.reasons, *(d.reason for d in doubts if d.reason not in rule.reasons))
    out = []
    if sure_part:
        out.append(replace(rule, conds=sure_part))
    if unsure_part:
        out.append(replace(rule, conds=tuple(unsure_part), reasons=reasons))
    return out


def _without(c: Cond, fld: str, names: frozenset[str]) -> Cond | None:
    """``c`` without the packets of interfaces ``names`` (None: nothing left).  A
    condition on any interface (None) is left as it is only when it names none: the
    group match made the set explicit."""
    have = getattr(c, fld)
    if have is None:
        return c
    left = have - names
    return c._replace(**{fld: left}) if left else None


def _num_text(v: GroupValue) -> str:
    if v.mask != GROUP_MAX:
        return f"{v.lo:#x}/{v.mask:#x}"
    return str(v.lo) if v.lo == v.hi else f"{v.lo}-{v.hi}"
