"""iptables rule options → packet conditions, for :mod:`.iptables`.

A rule line after ``-A CHAIN`` is split into options (:func:`split_options`), each
tagged with the match module it belongs to (``-m tcp --dport 22``: module ``tcp``),
then :func:`rule_conds` turns the match options into a union of
:class:`~netaudit.parsers.packet_sets.Cond` and the reasons for what it could not
express.  The rule keeps a condition **at least as wide** as the kernel's whenever a
reason is given, never a narrower one (a narrower condition could hide a permit).

What the engine's packets are decides a few translations (docs/semantics.md): they
open new connections — a TCP packet is a SYN without ACK/RST/FIN/PSH/URG, an ICMP
packet is not part of a known connection, and no packet is a non-first fragment
(conntrack reassembles before the raw table anyway).  So:

* ``--syn`` / ``--tcp-flags MASK COMP`` are evaluated on that SYN: for new
  connections (``est=False``) they match every TCP packet or none, exactly; for the
  established side, which the engine never injects, the TCP condition is kept wide.
* ``-f`` matches none of these packets; ``! -f`` all of them.
* ``--ctstate NEW`` is every new connection but the ICMP types conntrack refuses as
  new (only echo, timestamp, info and address-mask requests start one); those others
  are ``INVALID`` (nf_conntrack_proto_icmp).  ``ESTABLISHED``/``RELATED`` →
  ``est=True``.  ``UNTRACKED`` matches nothing unless the ruleset has NOTRACK /
  ``CT --notrack`` rules; with them every state match gets a reason.
* ``-m addrtype --dst-type LOCAL`` is exact when the caller passes the device's local
  addresses (``local``: what the ``local`` table of ``ip route show table all`` says
  is local, 127/8 included); ``MULTICAST`` is 224/4; the other types get a reason.
* ``-m set``: exact when the caller passes the members of a one-dimension set that
  no ``-j SET`` rule changes at run time; otherwise a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from netaudit.messages import Text
from netaudit.model import from_values
from netaudit.parsers.ip import read_quad
from netaudit.parsers.packet_sets import (
    ADDR_MAX,
    ANY,
    Cond,
    Ranges,
    cond,
    cond1,
    intersect,
    intersect_all,
    norm,
    r_not,
    r_or,
)

from . import devgroups
from .reasons import not_modelled, not_understood, reason

TCP, UDP, ICMP = 6, 17, 1
PROTOCOLS = {
    "all": None, "icmp": 1, "igmp": 2, "ipencap": 4, "ipip": 94, "tcp": 6, "egp": 8, "udp": 17,
    "ipv6": 41, "gre": 47, "esp": 50, "ah": 51, "ipv6-icmp": 58, "icmpv6": 58, "ospf": 89,
    "pim": 103, "vrrp": 112, "l2tp": 115, "sctp": 132, "udplite": 136, "dccp": 33, "mh": 135,
    "rsvp": 46, "etherip": 97, "isis": 124,
}  # fmt: skip
# Names iptables accepts for --icmp-type (libxt_icmp), as (type, code or None = any code).
ICMP_NAMES = {
    "echo-reply": (0, None), "pong": (0, None), "destination-unreachable": (3, None),
    "network-unreachable": (3, 0), "host-unreachable": (3, 1), "protocol-unreachable": (3, 2),
    "port-unreachable": (3, 3), "fragmentation-needed": (3, 4), "source-route-failed": (3, 5),
    "network-unknown": (3, 6), "host-unknown": (3, 7), "network-prohibited": (3, 9),
    "host-prohibited": (3, 10), "tos-network-unreachable": (3, 11), "tos-host-unreachable": (3, 12),
    "communication-prohibited": (3, 13), "host-precedence-violation": (3, 14),
    "precedence-cutoff": (3, 15), "source-quench": (4, None), "redirect": (5, None),
    "network-redirect": (5, 0), "host-redirect": (5, 1), "tos-network-redirect": (5, 2),
    "tos-host-redirect": (5, 3), "echo-request": (8, None), "ping": (8, None),
    "router-advertisement": (9, None), "router-solicitation": (10, None),
    "time-exceeded": (11, None), "ttl-exceeded": (11, None), "ttl-zero-during-transit": (11, 0),
    "ttl-zero-during-reassembly": (11, 1), "parameter-problem": (12, None),
    "ip-header-bad": (12, 0), "required-option-missing": (12, 1), "timestamp-request": (13, None),
    "timestamp-reply": (14, None), "address-mask-request": (17, None), "address-mask-reply": (18, None),
}  # fmt: skip
# Service names people write by hand (iptables-save always prints numbers).
SERVICES = {
    "ftp-data": 20, "ftp": 21, "ssh": 22, "telnet": 23, "smtp": 25, "domain": 53, "bootps": 67,
    "bootpc": 68, "tftp": 69, "http": 80, "www": 80, "pop3": 110, "ntp": 123, "netbios-ns": 137,
    "netbios-ssn": 139, "imap": 143, "snmp": 161, "snmp-trap": 162, "ldap": 389, "https": 443,
    "microsoft-ds": 445, "isakmp": 500, "syslog": 514, "submission": 587, "ldaps": 636,
    "imaps": 993, "pop3s": 995, "openvpn": 1194, "mysql": 3306, "ms-wbt-server": 3389,
    "ipsec-nat-t": 4500, "postgresql": 5432, "http-alt": 8080, "webcache": 8080,
}  # fmt: skip
TCP_FLAGS = {"FIN": 1, "SYN": 2, "RST": 4, "PSH": 8, "ACK": 16, "URG": 32, "ALL": 63, "NONE": 0}
OPENING_SYN = 2  # the flags of a connection-opening TCP packet: SYN alone
ICMP_NEW_TYPES: Ranges = ((8, 8), (13, 13), (15, 15), (17, 17))
NOT_ICMP: Ranges = ((0, 0), (2, 255))
CT_BASE = frozenset({"INVALID", "NEW", "ESTABLISHED", "RELATED", "UNTRACKED"})
# Match modules the model cannot express: the rule keeps the rest of its condition, with
# the reason "<the module's catalogue text> not modelled" ("rate limit (-m limit) not modelled").
PARTIAL_MODULES = {
    m: Text(f"input.linux.module.{m}")
    for m in (
        "limit", "hashlimit", "recent", "string", "time", "mark", "connmark", "physdev", "length", "ttl",
        "dscp", "tos", "ecn", "pkttype", "mac", "owner", "policy", "u32", "connlimit", "connbytes", "helper",
        "quota", "statistic", "socket", "rpfilter", "bpf", "cgroup", "realm", "ipvs", "cluster", "cpu", "esp",
        "ah", "sctp", "dccp", "geoip", "condition", "rateest", "nfacct", "osf", "ipv4options", "dst", "tcpmss",
        "set_counters",
    )
}  # fmt: skip
BASE_OPTS = {
    "-s": "-s", "--source": "-s", "--src": "-s", "-d": "-d", "--destination": "-d", "--dst": "-d",
    "-p": "-p", "--protocol": "-p", "-i": "-i", "--in-interface": "-i", "-o": "-o",
    "--out-interface": "-o", "-f": "-f", "--fragment": "-f", "-m": "-m", "--match": "-m",
    "-j": "-j", "--jump": "-j", "-g": "-g", "--goto": "-g", "-c": "-c", "--set-counters": "-c",
}  # fmt: skip
BASE_NAMES = frozenset(BASE_OPTS.values())
TARGET = "@target"  # module tag of the options after -j / -g
Fields = tuple[tuple[int, object], ...]  # (index in a Cond, value) of the fields a condition constrains
# Match modules whose options mean the same in every rule of a dump (no side effect on
# the context, nothing read from the other options of their group): read once each.
PURE_MODULES = frozenset({"", "tcp", "udp", "icmp", "multiport", "comment"})


class Opt(NamedTuple):
    """One option of a rule: the match module it belongs to ("" = the base options,
    :data:`TARGET` = the target's), whether ``!`` negates it, its name and arguments.
    (A named tuple: a rule has half a dozen, 20,000 rules a dump.)"""

    module: str
    neg: bool
    name: str
    args: tuple[str, ...]


@dataclass
class MatchContext:
    """What a rule's matches are resolved against (one device, one ruleset)."""

    ifaces: frozenset[str]
    sets: dict[str, list[tuple[int, int]]] | None = None
    dynamic_sets: set[str] = field(default_factory=set)  # changed by -j SET at run time
    local: Ranges | None = None  # the device's local addresses, when known
    notrack: bool = False  # the ruleset has NOTRACK / CT --notrack rules
    # interface → its group as ``ip -j addr`` printed it (-m devgroup; None: no ip addr)
    groups: dict[str, str | None] | None = None
    # set by the rule being read: interfaces a -m devgroup match took in unknown
    doubts: list[devgroups.Unsure] = field(default_factory=list)
    ct_dnat: bool | None = None  # set by the rule being read: --ctstate DNAT (True) / ! DNAT (False)
    # option (of a PURE_MODULES module) → its union, the reasons it adds and the fields
    # of its one condition (rule_conds): a dump repeats the same options thousands of
    # times (-p tcp, -o wan0, --dport 443 …)
    memo: dict[tuple[Opt, str], tuple[list[Cond], tuple[str, ...], Fields]] = field(default_factory=dict)
    # (module, negated, option, value) → the one condition and the fields it sets, for
    # the plain path (:func:`.iptables_plain.plain_conds`)
    plain_memo: dict[tuple[str, bool, str, str], tuple] = field(default_factory=dict)


_OTHER_SPACE = re.compile(r"[^\S \t]")  # whitespace str.split() cuts at, iptables-restore does not
# A word: runs of unquoted characters and "…" parts (``\`` escapes the next character
# inside), up to a space or tab; or a lone quote, one that never closes (no word is ``"``).
# (The inside of a quote is written unrolled, ``[^"\\]*(?:\\.[^"\\]*)*``: one way to
# match it, so a quote left open fails in linear time, not by trying every split.)
_WORD = re.compile(r'(?:[^ \t"]+|"[^"\\]*(?:\\.[^"\\]*)*")+|"', re.DOTALL)
_QUOTED_PART = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"', re.DOTALL)
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


class Quoted(str):
    """A word that was quoted on the line: ``"-j"`` is an argument, never an option
    (a plain ``str`` otherwise, so that a line without quotes is ``text.split()``)."""

    __slots__ = ()


def tokenize(text: str) -> list[str] | None:
    """Words of a rule line as iptables-restore splits them: blanks separate, ``"…"``
    quotes with ``\\`` escaping the next character inside; a word with a quoted part is a
    :class:`Quoted`.  None for an unclosed quote."""
    # (a printable text holds no blank but spaces: tested in C before the pattern)
    plain_blanks = text.isprintable() or not _OTHER_SPACE.search(text)
    if '"' not in text and plain_blanks:
        return text.split()  # no quote and no blank but spaces and tabs: nearly every line
    if plain_blanks and text.count('"') == 2 and "\\" not in text:
        # One quoted word between blanks (a comment): the pattern's words, cut by partition.
        before, _, rest = text.partition('"')
        inside, _, after = rest.partition('"')
        if (not before or before[-1] in " \t") and (not after or after[0] in " \t"):
            return [*before.split(), Quoted(inside), *after.split()]
    words = _WORD.findall(text)
    if '"' in words:
        return None
    return [Quoted(_QUOTED_PART.sub(_unquote, w)) if '"' in w else w for w in words]


def _unquote(m: re.Match) -> str:
    inside = m.group(1)
    return _ESCAPE.sub(r"\1", inside) if "\\" in inside else inside


def is_option(w: str) -> bool:
    """Whether word ``w`` names an option (``-s``, ``--dport``): a dash and a character
    that is not a digit (``-1`` is a value), never a quoted word (``"-j"`` is an argument)."""
    return len(w) > 1 and w[0] == "-" and not w[1].isdecimal() and type(w) is str


def split_options(words: list[str]) -> list[Opt] | None:
    """Options with their module and arguments; None when a word belongs to no option.

    ``!`` before an option negates it (what iptables-save prints); ``!`` after an
    option name and before its value (the pre-1.4.3 spelling) negates it too."""
    # (Opts built with tuple.__new__: a named tuple's own constructor is a Python
    # function, 1.5x the cost, and a dump has some 100,000 options.)
    out: list[Opt] = []
    module, neg = "", False  # the module of the options to come; a "!" before the next one
    name = ""  # the option being read ("": none yet), its module, negation and arguments
    opt_module, opt_neg = "", False
    args: list[str] = []
    for i, w in enumerate(words):
        if w == "!" and type(w) is str:
            nxt = words[i + 1] if i + 1 < len(words) else None
            if name and not args and not (nxt and nxt.startswith("-") and type(nxt) is str):
                opt_neg = True  # old spelling: --dport ! 25
            else:
                neg = True
            continue
        if is_option(w):
            if name:
                out.append(from_values(Opt, (opt_module, opt_neg, name, tuple(args))))
            name = BASE_OPTS.get(w, w)
            opt_module, opt_neg, args = module, neg, []
            if name in BASE_NAMES:
                opt_module = ""
                if name in ("-j", "-g"):
                    module = TARGET
                elif name == "-m":
                    module = ""  # set when its argument arrives
            neg = False
            continue
        if not name:
            return None
        args.append(w)
        if name == "-m" and len(args) == 1:
            module = w.lower()
    if name:
        out.append(from_values(Opt, (opt_module, opt_neg, name, tuple(args))))
    return out


# --------------------------------------------------------------------------- values


def parse_ip(text: str, is_mask: bool = False) -> int | None:
    """A dotted quad; iptables completes a network address written short (``10`` →
    10.0.0.0, ``10.1`` → 10.1.0.0) but not a mask."""
    plain = read_quad(text)  # four numbers written plainly (nearly every address)
    if plain is not None:
        return plain  # what the tests below give
    parts = text.split(".")
    if not 1 <= len(parts) <= 4 or (is_mask and len(parts) != 4):
        return None
    if not all(p.isdecimal() and int(p) <= 255 for p in parts):
        return None
    parts += ["0"] * (4 - len(parts))
    return (int(parts[0]) << 24) | (int(parts[1]) << 16) | (int(parts[2]) << 8) | int(parts[3])


def mask_ranges(value: int, mask: int, reasons: list[str], spec: str) -> Ranges:
    """Addresses x with x & mask == value & mask.  A non-contiguous mask is a union of
    blocks; past 4096 blocks the contiguous leading part of the mask is kept (wider)."""
    value &= mask
    free = ~mask & ADDR_MAX
    if not free & (free + 1):  # a prefix (nearly every address): one block
        return ((value, value | free),)
    free_low = (mask & -mask).bit_length() - 1 if mask else 32  # trailing zero bits
    holes = [b for b in range(free_low, 32) if not (mask >> b) & 1]
    if len(holes) > 12:
        lead = 0
        while lead < 32 and (mask >> (31 - lead)) & 1:
            lead += 1
        reasons.append(reason("input.linux.partial.mask_widened", address=spec, length=lead))
        m = (ADDR_MAX << (32 - lead)) & ADDR_MAX
        return ((value & m, (value & m) | (~m & ADDR_MAX)),)
    out = []
    for combo in range(1 << len(holes)):
        lo = value
        for k, b in enumerate(holes):
            if (combo >> k) & 1:
                lo |= 1 << b
        out.append((lo, lo | ((1 << free_low) - 1)))
    return norm(out)


def parse_addrs(spec: str, reasons: list[str]) -> Ranges | None:
    """``a.b.c.d[/len|/mask][,…]`` → ranges; None (with a reason) when not understood
    (a host name: resolved by iptables when the rule was added, unknown here)."""
    parts: list[Ranges] = []
    for item in spec.split(","):
        addr, _, m = item.partition("/")
        a = parse_ip(addr)
        if a is None:
            reasons.append(_address_not_understood(item))
            return None
        if not m:
            mask = ADDR_MAX
        elif m.isdecimal() and int(m) <= 32:
            mask = (ADDR_MAX << (32 - int(m))) & ADDR_MAX
        else:
            mk = parse_ip(m, is_mask=True)
            if mk is None:
                reasons.append(_address_not_understood(item))
                return None
            mask = mk
        parts.append(mask_ranges(a, mask, reasons, item))
    # one address (nearly every rule): its ranges are already sorted and merged
    return parts[0] if len(parts) == 1 else norm([r for rs in parts for r in rs])


def _address_not_understood(item: str) -> Text:
    return reason("input.linux.partial.address_not_understood", address=repr(item))


def parse_port(text: str) -> int | None:
    if text.isdecimal():
        return int(text) if int(text) <= 65535 else None
    return SERVICES.get(text.lower())


def parse_ports(spec: str, sep: str = ",") -> Ranges | None:
    """``a``, ``a:b``, ``:b``, ``a:`` (and comma lists for multiport) → ranges."""
    out = []
    for item in spec.split(sep):
        if ":" in item:
            lo_s, _, hi_s = item.partition(":")
            lo = parse_port(lo_s) if lo_s else 0
            hi = parse_port(hi_s) if hi_s else 65535
        else:
            lo = hi = parse_port(item)
        if lo is None or hi is None:
            return None
        out.append((min(lo, hi), max(lo, hi)))  # iptables swaps a reversed range
    return (out[0],) if len(out) == 1 else norm(out)


def parse_range(spec: str) -> Ranges | None:
    """``a.b.c.d-e.f.g.h`` (iprange) → one range."""
    lo_s, _, hi_s = spec.partition("-")
    lo, hi = parse_ip(lo_s), parse_ip(hi_s or lo_s)
    if lo is None or hi is None or len(lo_s.split(".")) != 4:
        return None
    return ((lo, hi),)


def iface_set(name: str, neg: bool, ifaces: frozenset[str]) -> frozenset[str]:
    """``-i``/``-o`` names: ``+`` at the end is a prefix wildcard over the device's
    interfaces; a name (or a wildcard) matching none of them matches itself only."""
    if name.endswith("+"):
        s = frozenset(i for i in ifaces if i.startswith(name[:-1])) or frozenset({name})
    else:
        s = frozenset({name})
    return frozenset(ifaces - s) if neg else s


# --------------------------------------------------------------------------- matches


def _one(neg: bool, field_name: str, rs: Ranges, maxv: int) -> list[Cond]:
    c = cond1(field_name, r_not(rs, maxv) if neg else rs)
    return [] if c is None else [c]


def ct_states(value: str, neg: bool, ctx: MatchContext, reasons: list[str]) -> list[Cond]:
    """``--ctstate`` / ``--state`` → est and the ICMP types conntrack takes as new."""
    states = {s.strip().upper() for s in value.split(",") if s.strip()}
    if states == {"DNAT"}:
        ctx.ct_dnat = not neg  # the conversion reads it through the DNAT rules' image
        return [ANY]
    if "DNAT" in states:
        reasons.append(reason("input.linux.partial.ctstate_dnat_and_others", states=value))
        return [ANY]
    snat = "SNAT" in states
    states.discard("SNAT")
    if snat and not states:
        # SNAT is decided in nat POSTROUTING, after every hook a filter sees a new
        # connection's first packet in: only established packets can carry it
        return [ANY] if neg else [Cond(est=True)]
    if snat and neg:
        reasons.append(not_modelled(f"ctstate ! {value}"))
        return [ANY]
    if not states or states - CT_BASE:
        reasons.append(reason("input.linux.partial.ct_state_not_understood", state=repr(value)))
        return [ANY]
    if neg:
        states = set(CT_BASE - states)
    new_side = states & {"NEW", "INVALID", "UNTRACKED"}
    # NOTRACK'ed packets are new ones matching only UNTRACKED: the Cond cannot tell them
    # from tracked new packets unless the states take all or none of the new side
    blur = ctx.notrack and new_side and new_side != {"NEW", "INVALID", "UNTRACKED"}
    if blur:
        reasons.append(reason("input.linux.partial.ct_state_notrack"))
    out: list[Cond] = []
    if states & {"ESTABLISHED", "RELATED"}:
        out.append(Cond(est=True))
    if {"NEW", "INVALID"} <= states or ("UNTRACKED" in states and ctx.notrack):
        out.append(Cond(est=False))  # with UNTRACKED and NOTRACK rules: wider, said above
    elif "NEW" in states:
        out += [Cond(est=False, proto=NOT_ICMP), Cond(est=False, proto=((ICMP, ICMP),), itype=ICMP_NEW_TYPES)]
    elif "INVALID" in states:
        out.append(Cond(est=False, proto=((ICMP, ICMP),), itype=r_not(ICMP_NEW_TYPES, 255)))
    if snat:
        out.append(Cond(est=True))
    return out


def conntrack_opt(o: Opt, ctx: MatchContext, reasons: list[str]) -> list[Cond]:
    arg = o.args[0] if o.args else ""
    if o.name in ("--ctstate", "--state"):
        return ct_states(arg, o.neg, ctx, reasons)
    if o.name == "--ctdir":
        # a new connection's packets travel in the original direction
        if (arg.upper() == "REPLY") != o.neg:
            return [Cond(est=True)]
        return [ANY]
    if o.name == "--ctstatus":
        st = {s.upper() for s in arg.split(",")}
        if st and st <= {"SEEN_REPLY", "ASSURED"}:
            # no reply has been seen for the first packet of a connection
            return [ANY] if o.neg else [Cond(est=True)]
    reasons.append(not_modelled(f"conntrack {o.name} {arg}"))
    return [ANY]


def tcp_flags(mask_s: str, comp_s: str, neg: bool, reasons: list[str]) -> list[Cond]:
    """``--tcp-flags`` evaluated on the connection-opening SYN (module docstring)."""
    try:
        mask = sum(TCP_FLAGS[f] for f in mask_s.upper().split(","))
        comp = sum(TCP_FLAGS[f] for f in comp_s.upper().split(","))
    except KeyError:
        reasons.append(not_understood(f"--tcp-flags {mask_s} {comp_s}"))
        return [Cond(proto=((TCP, TCP),))]
    hits_syn = ((OPENING_SYN & mask) == comp) != neg
    if hits_syn:
        return [Cond(proto=((TCP, TCP),))]
    return [Cond(proto=((TCP, TCP),), est=True)]


def icmp_type(spec: str, neg: bool, reasons: list[str]) -> list[Cond]:
    icmp = ((ICMP, ICMP),)
    if spec.lower() == "any":
        return [] if neg else [Cond(proto=icmp)]
    t_s, _, c_s = spec.partition("/")
    code: int | None
    if t_s.lower() in ICMP_NAMES and not c_s:
        t, code = ICMP_NAMES[t_s.lower()]
    elif t_s.isdecimal() and int(t_s) <= 255 and (not c_s or (c_s.isdecimal() and int(c_s) <= 255)):
        t, code = int(t_s), (int(c_s) if c_s else None)
    else:
        reasons.append(not_understood(f"--icmp-type {spec}"))
        return [Cond(proto=icmp)]
    tr: Ranges = ((t, t),)
    if not neg:
        return [Cond(proto=icmp, itype=tr, icode=None if code is None else ((code, code),))]
    out = [Cond(proto=icmp, itype=r_not(tr, 255))]
    if code is not None:
        out.append(Cond(proto=icmp, itype=tr, icode=r_not(((code, code),), 255)))
    return out


def addrtype(o: Opt, ctx: MatchContext, reasons: list[str], has_limit: bool) -> list[Cond]:
    types = {t.upper() for t in (o.args[0] if o.args else "").split(",")}
    fname = "src" if o.name == "--src-type" else "dst"
    rs: Ranges = ()
    for t in types:
        if t == "LOCAL" and ctx.local is not None and not has_limit:
            rs = r_or(rs, ctx.local)
        elif t == "MULTICAST":
            rs = r_or(rs, ((0xE0000000, 0xEFFFFFFF),))
        else:
            key = "input.linux.partial.addrtype_limit_iface" if has_limit else "input.linux.partial.addrtype_no_local"
            reasons.append(reason(key, option=o.name, type=t))
            return [ANY]
    return _one(o.neg, fname, rs, ADDR_MAX)


def ipset(o: Opt, ctx: MatchContext, reasons: list[str], extra: set[str]) -> list[Cond]:
    if len(o.args) < 2:
        reasons.append(reason("input.linux.partial.match_set_incomplete"))
        return [ANY]
    name, flags = o.args[0], o.args[1].split(",")
    members = ctx.sets.get(name) if ctx.sets is not None else None
    if members is None:
        reasons.append(reason("input.linux.partial.ipset_not_in_dump", name=name))
        return [ANY]
    why = None
    if name in ctx.dynamic_sets:
        why = reason("input.linux.partial.ipset_changed", name=name)
    elif len(flags) != 1 or flags[0] not in ("src", "dst"):
        why = reason("input.linux.partial.ipset_dimensions", name=name, flags=o.args[1])
    elif extra:
        why = not_modelled(f"ipset {name}: {', '.join(sorted(extra))}")
    if why is not None:
        reasons.append(why)
        return [ANY]
    return _one(o.neg, flags[0], norm(members), ADDR_MAX)


def _ports(o: Opt, field_name: str, reasons: list[str], sep: str = ",") -> list[Cond]:
    rs = parse_ports(o.args[0], sep) if o.args else None
    if rs is None:
        reasons.append(not_understood(f"{o.name} {' '.join(o.args)}"))
        return [ANY]
    return _one(o.neg, field_name, rs, 65535)


# The long options of the modules and targets read here: iptables takes any unambiguous
# prefix of one (getopt_long: `--to-port` is `--to-ports`, `--dport` after `-m multiport`
# is `--dports`), and a hand-written rules file uses them (iptables-save writes them whole).
LONG_OPTIONS: dict[str, tuple[str, ...]] = {
    "tcp": ("--source-port", "--sport", "--destination-port", "--dport", "--tcp-flags", "--syn", "--tcp-option"),
    "udp": ("--source-port", "--sport", "--destination-port", "--dport"),
    "icmp": ("--icmp-type",),
    "multiport": ("--source-ports", "--sports", "--destination-ports", "--dports", "--ports"),
    "state": ("--state",),
    "conntrack": (
        "--ctstate", "--ctproto", "--ctorigsrc", "--ctorigdst", "--ctreplsrc", "--ctrepldst", "--ctorigsrcport",
        "--ctorigdstport", "--ctreplsrcport", "--ctrepldstport", "--ctstatus", "--ctexpire", "--ctdir",
    ),
    "iprange": ("--src-range", "--dst-range"),
    "addrtype": ("--src-type", "--dst-type", "--limit-iface-in", "--limit-iface-out"),
    "devgroup": ("--src-group", "--dst-group"),
    "DNAT": ("--to-destination", "--random", "--persistent"),
    "SNAT": ("--to-source", "--random", "--random-fully", "--persistent"),
    "MASQUERADE": ("--to-ports", "--random", "--random-fully"),
    "REDIRECT": ("--to-ports", "--random"),
    "NETMAP": ("--to",),
    "MARK": ("--set-mark", "--set-xmark", "--and-mark", "--or-mark", "--xor-mark"),
    "CONNMARK": ("--set-mark", "--set-xmark", "--save-mark", "--restore-mark", "--and-mark", "--or-mark", "--xor-mark"),
}  # fmt: skip


def long_option(module: str, name: str) -> str:
    """``name`` as the option of ``module`` it abbreviates, when it is an unambiguous
    prefix of exactly one (an exact name stands for itself)."""
    known = LONG_OPTIONS.get(module)
    if not known or name in known or not name.startswith("--"):
        return name
    hits = [k for k in known if k.startswith(name)]
    return hits[0] if len(hits) == 1 else name


def module_opt(o: Opt, ctx: MatchContext, reasons: list[str], group: list[Opt]) -> list[Cond] | None:
    """One option of a match module → a union; None when the module is unknown."""
    m, n = o.module, long_option(o.module, o.name)
    if n != o.name:
        o = o._replace(name=n)
    if m in ("tcp", "udp"):
        if n in ("--dport", "--destination-port"):
            return _ports(o, "dport", reasons, sep="\0")
        if n in ("--sport", "--source-port"):
            return _ports(o, "sport", reasons, sep="\0")
        if m == "tcp" and n == "--syn":
            return tcp_flags("FIN,SYN,RST,ACK", "SYN", o.neg, reasons)
        if m == "tcp" and n == "--tcp-flags" and len(o.args) == 2:
            return tcp_flags(o.args[0], o.args[1], o.neg, reasons)
        if m == "tcp" and n == "--tcp-option":
            reasons.append(not_modelled(f"--tcp-option {' '.join(o.args)}"))
            return [ANY]
    elif m == "icmp" and n == "--icmp-type" and o.args:
        return icmp_type(o.args[0], o.neg, reasons)
    elif m == "multiport":
        if n in ("--dports", "--destination-ports"):
            return _ports(o, "dport", reasons)
        if n in ("--sports", "--source-ports"):
            return _ports(o, "sport", reasons)
        if n == "--ports":
            rs = parse_ports(o.args[0]) if o.args else None
            if rs is None:
                reasons.append(not_understood(f"--ports {' '.join(o.args)}"))
                return [ANY]
            if o.neg:  # neither port in the list
                c = cond(sport=r_not(rs, 65535), dport=r_not(rs, 65535))
                return [] if c is None else [c]
            return [Cond(sport=rs), Cond(dport=rs)]
    elif m in ("conntrack", "state"):
        return conntrack_opt(o, ctx, reasons)
    elif m == "iprange" and n in ("--src-range", "--dst-range") and o.args:
        rs = parse_range(o.args[0])
        if rs is None:
            reasons.append(not_understood(f"{n} {o.args[0]}"))
            return [ANY]
        return _one(o.neg, n[2:5], rs, ADDR_MAX)
    elif m == "addrtype":
        if n in ("--limit-iface-in", "--limit-iface-out"):
            return [ANY]  # read with --src-type/--dst-type
        if n in ("--src-type", "--dst-type"):
            limit = any(g.name.startswith("--limit-iface") for g in group)
            return addrtype(o, ctx, reasons, limit)
    elif m == "set":
        if n == "--match-set":
            extra = {g.name for g in group if g.module == "set" and g.name != "--match-set"}
            return ipset(o, ctx, reasons, extra)
        return [ANY]  # its flags are read with --match-set
    elif m == "comment":
        return [ANY]
    elif m == "devgroup" and n in ("--src-group", "--dst-group") and o.args:
        return devgroup(o, ctx, reasons)
    elif m in PARTIAL_MODULES:
        reasons.append(not_modelled(PARTIAL_MODULES[m]))
        return [ANY]
    else:
        return None
    # (the option quoted with the spacing its English sentence always had: one blank
    # before "not understood" when it has no arguments)
    said = f"-m {m} {n} {' '.join(o.args)} not understood".replace("  ", " ")
    reasons.append(not_understood(said.removesuffix(" not understood")))
    return [ANY]


def devgroup(o: Opt, ctx: MatchContext, reasons: list[str]) -> list[Cond]:
    """``-m devgroup [!] --src-group|--dst-group value[/mask]``: the in- or out-interfaces
    of that group, exact where ``ip -j addr`` tells their groups (:mod:`.devgroups`)."""
    v = devgroups.value(o.args[0])
    if v is None:
        reasons.append(not_understood(f"{o.name} {o.args[0]}"))
        return [ANY]
    if not ctx.groups:
        reasons.append(devgroups.NO_GROUPS)
        return [ANY]
    fld = "inif" if o.name == "--src-group" else "outif"
    names, unsure = devgroups.select(ctx.groups, ctx.ifaces, [v], o.neg)
    if unsure:
        ctx.doubts.append(devgroups.unsure(fld, ctx.groups, unsure, [v]))
    if not names:
        return []
    return [Cond(inif=names)] if fld == "inif" else [Cond(outif=names)]


def base_opt(o: Opt, ctx: MatchContext, reasons: list[str]) -> list[Cond]:
    arg = o.args[0] if o.args else ""
    if o.name in ("-s", "-d"):
        rs = parse_addrs(arg, reasons)
        return [ANY] if rs is None else _one(o.neg, "src" if o.name == "-s" else "dst", rs, ADDR_MAX)
    if o.name == "-p":
        low = arg.lower()
        num = int(low) if low.isdecimal() and int(low) <= 255 else PROTOCOLS.get(low, -1)
        if num == -1:
            reasons.append(reason("input.linux.partial.protocol_not_understood", protocol=repr(arg)))
            return [ANY]
        if num is None or num == 0:  # all
            return [] if o.neg else [ANY]
        return _one(o.neg, "proto", ((num, num),), 255)
    if o.name in ("-i", "-o"):
        s = iface_set(arg, o.neg, ctx.ifaces)
        if not s:
            return []
        return [Cond(inif=s)] if o.name == "-i" else [Cond(outif=s)]
    if o.name == "-f":
        return [ANY] if o.neg else []  # no connection-opening packet is a later fragment
    return [ANY]  # -m, -c


def rule_conds(opts: list[Opt], ctx: MatchContext) -> tuple[list[Cond], list[str]]:
    """The union of conditions of a rule's match options, and what was not modelled
    (``ctx.ct_dnat`` is left set for ``--ctstate DNAT``: :attr:`.rules.Rule.ct_dnat`;
    ``ctx.doubts`` for a ``-m devgroup`` match not known on some interfaces)."""
    reasons: list[str] = []
    conds: list[Cond] = [ANY]
    # While the rule is one condition (nearly always), the fields it constrains, in a
    # Cond's layout: an option constraining a field no other one has is set there, not
    # intersected (a Cond built per option of every rule otherwise).
    fields: list | None = None
    ctx.ct_dnat = None
    ctx.doubts = []
    proto = ""
    for o in opts:
        if o.name == "-p" and o.args and not o.neg:
            proto = o.args[0].lower()
    memo = ctx.memo
    start = 0  # where the option's group begins: at its ``-m`` (the base options: 0)
    for k, o in enumerate(opts):
        name, module = o.name, o.module
        if name == "-m":
            start = k
        if module == TARGET or module == "comment" or name in _SELECT_ALL:
            continue  # every packet (base_opt, module_opt): a comment would only fill the memo
        if module in PURE_MODULES:
            key = (o, proto if module == "" and name not in BASE_NAMES else "")
            hit = memo.get(key)
            if hit is None:
                said = len(reasons)
                got = option_union(o, ctx, reasons, _group(opts, start), proto)
                hit = memo[key] = (got, tuple(reasons[said:]), _fields_of(got))
            else:
                reasons.extend(hit[1])
            got, single = hit[0], hit[2]
        else:
            got = option_union(o, ctx, reasons, _group(opts, start), proto)
            single = _fields_of(got)
        if not single:
            if got == [ANY]:
                continue  # every packet (``-m tcp``, ``-p all``): nothing to intersect
        elif len(conds) == 1:
            if fields is None:
                fields = list(conds[0])
            for i, v in single:
                if fields[i] is None:
                    fields[i] = v
                else:  # a field set twice: the exact intersection
                    z = intersect(from_values(Cond, fields), got[0])
                    if z is None:
                        return [], []
                    fields = list(z)
                    break
            continue
        if fields is not None:
            conds, fields = [from_values(Cond, fields)], None
        conds = intersect_all(conds, got)
        if not conds:
            # every factor is at least as wide as the kernel's: no packet matches
            return [], []
    if fields is not None:
        conds = [from_values(Cond, fields)]
    return conds, list(dict.fromkeys(reasons))


def _fields_of(got: list[Cond]) -> Fields:
    """(index, value) of the fields ``got`` constrains when it is one condition (empty:
    every packet, no packet or a union of several)."""
    if len(got) != 1:
        return ()
    return tuple([(i, v) for i, v in enumerate(got[0]) if v is not None])  # (a list: no generator)


# Base options that select every packet (or are not matches): -m (its module's options
# select), -c (counters), -j / -g (the target).
_SELECT_ALL = frozenset({"-m", "-c", "-j", "-g"})


def _group(opts: list[Opt], start: int) -> list[Opt]:
    """The options of one match module: from its ``-m`` (``start``) to the next ``-m``
    (the base options before the first ``-m`` when ``start`` is 0)."""
    end = start + 1
    while end < len(opts) and opts[end].name != "-m":
        end += 1
    return opts[start:end]


def option_union(
    o: Opt, ctx: MatchContext, reasons: list[str], group: list[Opt] | None = None, proto: str = ""
) -> list[Cond]:
    """The union one match option selects (reasons appended for what is not modelled).
    ``group``: the options of its ``-m`` (read by ``addrtype`` and ``set``); ``proto``:
    the rule's protocol, for an option written without its ``-m`` (``-p tcp --dport 22``)."""
    if o.module == "" and o.name in BASE_NAMES:
        return base_opt(o, ctx, reasons)
    if o.module == "" and proto in ("tcp", "udp", "icmp"):
        o = Opt(proto, o.neg, o.name, o.args)  # implicit -m of -p
    got_m = module_opt(o, ctx, reasons, group or [])
    if got_m is None:
        match = ("-m " + o.module) if o.module else o.name
        reasons.append(reason("input.linux.partial.match_not_understood", match=match))
        return [ANY]
    return got_m
