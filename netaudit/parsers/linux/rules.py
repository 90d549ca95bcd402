"""Netfilter rulesets as both front ends read them: the one form the conversion consumes.

``nft list ruleset`` (:mod:`.nftables`) and ``iptables-save`` (:mod:`.iptables`) are two
spellings of the same kernel machinery: tables of chains, base chains hooked into the
packet path at a priority with a policy, rules whose matches select packets and whose
verdict accepts, drops, jumps to / goes to a user chain, returns, or translates (NAT).
Each front end reads its text into a :class:`Ruleset`; :mod:`.netfilter` orders the base
chains of each hook, flattens jumps, gotos and returns with the exact condition algebra
of :mod:`netaudit.parsers.packet_sets`, and builds the model's filters and NAT rules.

Conventions the front ends follow:

* ``conds`` is a union of :class:`~netaudit.parsers.packet_sets.Cond` (``(ANY,)`` = every
  packet; ``()`` = no packet, e.g. an empty set).  ``conds`` and ``reasons`` are tuples:
  rules share them (the rules of one rule text, the parts of a split rule), so a rule's
  are replaced, never changed in place.  Interface names are resolved against the
  device's interfaces (``iifname "wg*"`` → every matching name); a name not on the device
  still matches its own name (interfaces created later).
* ``Cond.est``: ``True`` = packets of established/related connections only (replies and
  related ICMP errors), ``False`` = new connections only (``ct state new``);
  ``None`` = both.  A match the front end cannot express exactly (``ct mark``,
  ``meta skuid``, an ipset whose members are not given, a rate limit, ``fib`` lookups…)
  leaves the condition as wide as the rest of the rule and adds a reason to
  ``reasons``: the conversion turns the rule into a *partial* one — the engine then says
  "unknown" for the packets it could decide (docs/semantics.md).
* Non-terminal statements (``counter``, ``log``, ``limit`` as a statement, ``meta mark
  set`` …) are kept as verdict ``continue`` so that the line is still cited; a ``mark``
  that policy routing reads (``ip rule … fwmark``) is verdict ``mark`` with ``mark``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.messages import Text
from netaudit.model import Src
from netaudit.parsers.packet_sets import Cond

# Verdicts a rule can carry.  Terminal in a filter chain: accept, drop, reject.
# Control flow: jump, goto, return, continue (no verdict: the next rule).
# NAT chains: dnat, snat, masquerade, redirect (terminal for the NAT hook), accept
# (no translation, stop the chain), return.  ``mark``: sets ``mark`` (policy routing).
VERDICTS = frozenset(
    {
        "accept",
        "drop",
        "reject",
        "jump",
        "goto",
        "return",
        "continue",
        "dnat",
        "snat",
        "masquerade",
        "redirect",
        "mark",
        "unknown",  # a rule the front end could not read at all: may do anything
    }
)

HOOKS = ("prerouting", "input", "forward", "output", "postrouting")


@dataclass(frozen=True)
class NatTarget:
    """Where a NAT verdict sends the packet.  A range of addresses or ports that the
    kernel picks from at run time is ``to_ip``..``to_ip_hi`` / ``to_port``..``to_port_hi``
    (the conversion decides whether the model can hold it exactly)."""

    to_ip: int | None = None
    to_ip_hi: int | None = None
    to_port: int | None = None
    to_port_hi: int | None = None


@dataclass(slots=True)  # one per rule of a big ruleset: no __dict__ to build and free
class Rule:
    """One rule: the packets it selects (``conds``) and what it does to them."""

    # (Tuples, shared and never changed in place: a plain rule's conditions are its nft
    # text's, shared by every rule of that text, and a rule without reasons holds the
    # empty tuple — no list and item array per rule to make and free: about 4 % of the
    # parse of a 20,000-rule ruleset.)
    conds: tuple[Cond, ...]
    verdict: str
    src: Src
    target: str = ""  # chain name for jump / goto
    nat: NatTarget | None = None
    mark: int | None = None  # the mark a ``mark`` verdict sets
    mark_mask: int | None = None
    reasons: tuple[str, ...] = ()  # what was not understood
    # ``ct status dnat`` (True) / ``ct status != dnat`` (False): the conversion turns it
    # into the image of the destination NAT rules (the model has no "was DNATed" bit);
    # None when the rule does not look at it.  (Added by the nftables front end.)
    ct_dnat: bool | None = None


@dataclass
class Chain:
    """A chain of one table.  Base chains have ``hook``, ``kind`` (filter | nat |
    route), ``priority`` and ``policy``; user chains have ``hook = None``."""

    family: str  # ip | inet | ip6 | arp | bridge | netdev (iptables-save: "ip")
    table: str
    name: str
    hook: str | None = None
    kind: str = "filter"
    priority: int = 0
    policy: str = "accept"
    rules: list[Rule] = field(default_factory=list)
    src: Src | None = None
    reasons: list[str] = field(default_factory=list)  # e.g. a chain on a device hook (netdev)


@dataclass
class Ruleset:
    """Every chain one front end read, in the order they appear."""

    chains: list[Chain] = field(default_factory=list)
    # Constructs outside the chains that matter but are not modelled (flowtables that
    # bypass the forward hook, a table flag, a set whose members are loaded at run time):
    # warned (catalogue texts), and the firewall's partial reasons.
    problems: list[tuple[Text, Src | None]] = field(default_factory=list)
    # Statements that may change any chain and were not read (an nft script command
    # outside a table, a line out of place in a table): the firewall they belong to is
    # unknown as a whole (catalogue texts: the first is warned).
    unsure: list[tuple[Text, Src]] = field(default_factory=list)
    origin: str = ""  # "nft list ruleset" | "iptables-save"

    def chain(self, family: str, table: str, name: str) -> Chain | None:
        for c in self.chains:
            if c.family == family and c.table == table and c.name == name:
                return c
        return None
