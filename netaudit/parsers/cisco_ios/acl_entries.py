"""IOS access-list entries and object-groups → :class:`~netaudit.model.Match` objects.

Parsing an entry is a pure function of its tokens, so it is memoised: a huge
generated ACL (the 50 MB case) repeats the same bodies, and even real ACLs share
most of their address/port vocabulary.  Entries that name object-groups cannot be
expanded until the whole file is read (IOS lets the group be redefined later), so
they keep a symbolic spec and are expanded by :func:`expand_ace` at the end.

The NX-OS / Arista EOS spellings of the same entries are read too: sequence numbers,
``A.B.C.D/len`` prefixes, ``addrgroup`` (NX-OS ``object-group ip address``) and
``portgroup`` (``object-group ip port``) — so a list written in that syntax is a list,
never "no list".
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from netaddr import IPRange

from netaudit.messages import Text
from netaudit.model import Action, AddrMatch, Match, PortRange
from netaudit.parsers.base import join_reasons
from netaudit.parsers.cisco_common import ICMP_TYPES, Svc, parse_port_op, protocol_number
from netaudit.parsers.ip import ip_to_int, mask_to_len

ANY_WILDCARD = 0xFFFFFFFF


class AceError(ValueError):
    """An ACL entry (or object-group item) whose syntax we do not understand."""


class OG(NamedTuple):
    """A reference to an object-group by name (resolved after the file is read)."""

    name: str


class Ace(NamedTuple):
    """One parsed ACL entry."""

    action: Action
    svc: Svc | OG
    # An address side: None (any), a union of patterns, or an object-group name.
    src: tuple[AddrMatch, ...] | OG | None
    dst: tuple[AddrMatch, ...] | OG | None
    established: bool
    partial: str | None  # constraint present in the line but not modelled
    groups: tuple[str, ...]
    matches: tuple[Match, ...] | None  # precomputed when no object-group is used
    # NX-OS ``portgroup NAME`` in place of a port operator: (("src"|"dst"), NAME) pairs.
    port_groups: tuple[tuple[str, str], ...] = ()


# Keywords that constrain an extended entry without being modelled, with the number
# of operand tokens they take (-1 = variable, handled in code).
_UNMODELLED = {
    "dscp": 1,
    "precedence": 1,
    "tos": 1,
    "time-range": 1,
    "option": 1,
    "fragments": 0,
    "ttl": -1,
    "packet-length": -1,
    "reflect": -1,
    "match-all": -1,
    "match-any": -1,
    "ack": 0,
    "fin": 0,
    "psh": 0,
    "rst": 0,
    "syn": 0,
    "urg": 0,
}
_LOG = frozenset({"log", "log-input"})
_OPTION_WORDS = frozenset(_UNMODELLED) | _LOG | {"established"}
_PORT_PROTOCOLS = frozenset({6, 17, 132})


def _addr(tokens: tuple[str, ...], i: int, standard: bool) -> tuple[tuple[AddrMatch, ...] | OG | None, int]:
    """Parse an address at ``tokens[i]`` → (address side, next index)."""
    if i >= len(tokens):
        raise AceError("missing address")
    tok = tokens[i]
    low = tok.lower()
    if low == "any":
        return None, i + 1
    if low == "host":
        if i + 1 >= len(tokens) or (ip := ip_to_int(tokens[i + 1])) is None:
            raise AceError("host without a valid address")
        return (AddrMatch(ip, 0),), i + 2
    if low in ("object-group", "addrgroup"):
        if i + 1 >= len(tokens):
            raise AceError("object-group without a name")
        return OG(tokens[i + 1]), i + 2
    if "/" in tok:  # A/len (accepted by IOS-XE object-group-style entries)
        a, _, ln = tok.partition("/")
        ip = ip_to_int(a)
        if ip is None or not ln.isdecimal() or int(ln) > 32:
            raise AceError(f"bad prefix {tok}")
        host_bits = (1 << (32 - int(ln))) - 1
        return (AddrMatch(ip & ~host_bits & ANY_WILDCARD, host_bits),), i + 1
    ip = ip_to_int(tok)
    if ip is None:
        raise AceError(f"bad address {tok!r}")
    wc = ip_to_int(tokens[i + 1]) if i + 1 < len(tokens) else None
    if wc is None:
        if standard:  # standard ACL: bare address = host
            return (AddrMatch(ip, 0),), i + 1
        raise AceError(f"address {tok} without wildcard")
    if wc == ANY_WILDCARD:
        return None, i + 2
    # IOS ignores address bits under the wildcard; normalise so equal patterns compare equal.
    return (AddrMatch(ip & ~wc & ANY_WILDCARD, wc),), i + 2


def _ports(tokens: tuple[str, ...], i: int, proto: int | None):
    try:
        return parse_port_op(tokens, i, proto)
    except ValueError as exc:
        raise AceError(str(exc)) from None


@lru_cache(maxsize=16384)
def parse_ace(tokens: tuple[str, ...], standard: bool) -> Ace:
    """Parse the body of an entry, starting at ``permit``/``deny``.

    ``tokens`` excludes the list name/number and any sequence number.  Raises
    :class:`AceError` when the entry cannot be understood.
    """
    if not tokens:
        raise AceError("empty entry")
    act = tokens[0].lower()
    if act not in ("permit", "deny"):
        raise AceError(f"unknown action {tokens[0]!r}")
    action = Action.PERMIT if act == "permit" else Action.DENY
    partial: list[str] = []
    groups: list[str] = []
    port_groups: list[tuple[str, str]] = []
    n = len(tokens)

    if standard:
        if n < 2:
            raise AceError("missing source")
        src, i = _addr(tokens, 1, True)
        svc: Svc | OG = Svc()
        dst = None
        established = False
        while i < n:
            if tokens[i].lower() in _LOG:
                i += 2 if (i + 1 < n and tokens[i + 1].lower() not in _OPTION_WORDS) else 1
                continue
            raise AceError(f"unexpected {tokens[i]!r}")
        if isinstance(src, OG):
            groups.append(src.name)
    else:
        if n < 2:
            raise AceError("missing protocol")
        i = 1
        proto: int | None = None
        if tokens[1].lower() == "object-group":
            if n < 3:
                raise AceError("object-group without a name")
            svc = OG(tokens[2])
            groups.append(tokens[2])
            i = 3
        else:
            known, proto = protocol_number(tokens[1])
            if not known:
                raise AceError(f"unknown protocol {tokens[1]!r}")
            i = 2
            svc = Svc(protocols=None if proto is None else (proto,))
        src, i = _addr(tokens, i, False)
        sports = dports = None
        if proto in _PORT_PROTOCOLS:
            r = _ports(tokens, i, proto)
            if r is not None:
                sports, i = r
            elif _portgroup(tokens, i):
                port_groups.append(("src", tokens[i + 1]))
                i += 2
        dst, i = _addr(tokens, i, False)
        if proto in _PORT_PROTOCOLS:
            r = _ports(tokens, i, proto)
            if r is not None:
                dports, i = r
            elif _portgroup(tokens, i):
                port_groups.append(("dst", tokens[i + 1]))
                i += 2
        icmp_type = icmp_code = None
        if proto == 1 and i < n:
            tok = tokens[i].lower()
            if tok.isdecimal() and int(tok) <= 255:
                icmp_type = int(tok)
                i += 1
                if i < n and tokens[i].isdecimal() and int(tokens[i]) <= 255:
                    icmp_code = int(tokens[i])
                    i += 1
            elif tok in ICMP_TYPES:
                icmp_type, icmp_code = ICMP_TYPES[tok]
                i += 1
        established = False
        while i < n:
            tok = tokens[i].lower()
            if tok == "established":
                established = True
                i += 1
            elif tok in _LOG:
                # `log [cookie]`: a following word that is not an option is the cookie.
                i += 2 if (i + 1 < n and tokens[i + 1].lower() not in _OPTION_WORDS) else 1
            elif tok == "reflect" and action is Action.PERMIT:
                # Reflexive ACL: the entry permits what it matches and records each
                # session for ``evaluate NAME`` elsewhere (replies only, see
                # acls.py); the side effect adds no condition to this entry.
                i = _skip_unmodelled(tokens, i, tok)
            elif tok in _UNMODELLED:
                partial.append(_option_unmodelled(tok))
                i = _skip_unmodelled(tokens, i, tok)
            else:
                raise AceError(f"unexpected {tokens[i]!r}")
        if (sports is not None or dports is not None or icmp_type is not None) and type(svc) is Svc:
            svc = Svc(svc.protocols, sports, dports, icmp_type, icmp_code)
        if type(src) is OG:
            groups.append(src.name)
        if type(dst) is OG:
            groups.append(dst.name)
        if port_groups:
            groups.extend(name for _, name in port_groups)

    if groups:
        return Ace(
            action, svc, src, dst, established, join_reasons(partial) or None, tuple(groups), None, tuple(port_groups)
        )
    # Without groups the service is never an OG (an OG service names a group).
    matches = _build(svc, src, dst, established) if type(svc) is Svc else None
    return Ace(action, svc, src, dst, established, join_reasons(partial) or None if partial else None, (), matches)


@lru_cache(maxsize=64)
def _option_unmodelled(option: str) -> Text:
    """Why an entry with this option is partial (one Text per option: entries repeat them)."""
    return Text("input.ios.ace_option", option=option)


def _portgroup(tokens: tuple[str, ...], i: int) -> bool:
    """``portgroup NAME`` (NX-OS) at ``tokens[i]``."""
    if i < len(tokens) and tokens[i].lower() == "portgroup":
        if i + 1 >= len(tokens):
            raise AceError("portgroup without a name")
        return True
    return False


def _skip_unmodelled(tokens: tuple[str, ...], i: int, tok: str) -> int:
    """Index after an unmodelled option and its operands."""
    n = len(tokens)
    argc = _UNMODELLED[tok]
    if argc >= 0:
        if i + argc >= n:
            raise AceError(f"{tok} without its value")
        return i + 1 + argc
    if tok in ("ttl", "packet-length"):
        if i + 1 >= n:
            raise AceError(f"{tok} without an operator")
        return i + (4 if tokens[i + 1].lower() == "range" else 3)
    if tok == "reflect":  # reflect NAME [timeout N]
        i += 2
        if i < n and tokens[i].lower() == "timeout":
            i += 2
        return i
    # match-all / match-any +syn -ack …
    i += 1
    while i < n and tokens[i][:1] in "+-":
        i += 1
    return i


def _build(svc: Svc, src, dst, established: bool) -> tuple[Match, ...]:
    """One Match for concrete address sides; none when a side matches nothing."""
    if src == () or dst == () or svc.src_ports == () or svc.dst_ports == ():
        return ()
    return (
        Match(
            src=src,
            dst=dst,
            protocols=svc.protocols,
            src_ports=svc.src_ports,
            dst_ports=svc.dst_ports,
            icmp_type=svc.icmp_type,
            icmp_code=svc.icmp_code,
            tcp_established=established and (svc.protocols is None or 6 in svc.protocols),
        ),
    )


def expand_ace(
    ace: Ace,
    net_groups: dict[str, tuple[AddrMatch, ...] | None],
    svc_groups: dict[str, tuple[Svc, ...]],
    port_groups: dict[str, tuple[PortRange, ...]] | None = None,
) -> tuple[list[Match], list[str]]:
    """Matches of an entry that uses object-groups, and the names not defined.

    An undefined group is treated as ``any`` (a superset); the caller marks the line
    partial so no verdict rests on it.  ``port_groups`` are NX-OS ``object-group ip
    port`` groups (name → port ranges) for ``portgroup`` sides.
    """
    missing: list[str] = []

    def side(spec):
        if isinstance(spec, OG):
            if spec.name not in net_groups:
                missing.append(spec.name)
                return None
            return net_groups[spec.name]
        return spec

    src, dst = side(ace.src), side(ace.dst)
    if isinstance(ace.svc, OG):
        if ace.svc.name in svc_groups:
            svcs = svc_groups[ace.svc.name]
        else:
            missing.append(ace.svc.name)
            svcs = (Svc(),)
    else:
        svcs = (ace.svc,)
    for which, name in ace.port_groups:
        ranges = (port_groups or {}).get(name)
        if ranges is None:
            missing.append(name)  # ports unconstrained: a superset
            continue
        if which == "src":
            svcs = tuple(s._replace(src_ports=ranges) for s in svcs)
        else:
            svcs = tuple(s._replace(dst_ports=ranges) for s in svcs)
    matches: list[Match] = []
    for svc in svcs:
        matches.extend(_build(svc, src, dst, ace.established))
    return matches, missing


# --------------------------------------------------------------------------- object-groups


def unread_item(kind: str) -> tuple:
    """What an object-group line that was not understood stands for: everything of the
    group's kind.  What it names may be a member, so a narrower reading could prove
    "blocked" a flow it lets through; the lines naming the group are partial (the group's
    reason), so no verdict rests on this superset either."""
    if kind == "service":
        return (Svc(),)
    if kind == "port":
        return (PortRange(0, 65535),)
    return (AddrMatch(0, ANY_WILDCARD),)


def parse_network_item(tokens: list[str]) -> tuple[AddrMatch, ...] | OG | None:
    """One line of ``object-group network``: patterns, an ``OG`` for group-object,
    or ``None`` for description.  Object-groups use subnet masks, not wildcards."""
    kw = tokens[0].lower()
    n = len(tokens)
    if kw == "description":
        return None
    if kw == "group-object" and n == 2:
        return OG(tokens[1])
    if kw == "any" and n == 1:
        return (AddrMatch(0, ANY_WILDCARD),)
    if kw == "host" and n == 2 and (ip := ip_to_int(tokens[1])) is not None:
        return (AddrMatch(ip, 0),)
    if kw == "range" and n == 3:
        lo, hi = ip_to_int(tokens[1]), ip_to_int(tokens[2])
        if lo is None or hi is None or lo > hi:
            raise AceError("bad range")
        return tuple(AddrMatch(int(c.network), int(c.hostmask)) for c in IPRange(tokens[1], tokens[2]).cidrs())
    if n == 1 and "/" in tokens[0]:
        a, _, ln = tokens[0].partition("/")
        ip = ip_to_int(a)
        if ip is not None and ln.isdecimal() and int(ln) <= 32:
            wc = (1 << (32 - int(ln))) - 1
            return (AddrMatch(ip & ~wc & ANY_WILDCARD, wc),)
    if n == 2:
        ip, mask = ip_to_int(tokens[0]), ip_to_int(tokens[1])
        if ip is not None and mask is not None and mask_to_len(mask) is not None:
            wc = ~mask & ANY_WILDCARD
            return (AddrMatch(ip & mask, wc),)
    raise AceError("unknown network object-group item")


def parse_nxos_address_item(tokens: list[str]) -> tuple[AddrMatch, ...] | None:
    """One line of NX-OS ``object-group ip address``: ``[seq] host A``, ``[seq] A/len``
    or ``[seq] A WILDCARD`` (a wildcard, as in ACL entries); ``None`` for description."""
    if tokens and tokens[0].isdecimal():
        tokens = tokens[1:]
    if not tokens:
        raise AceError("empty address group item")
    if tokens[0].lower() == "description":
        return None
    spec, i = _addr(tuple(tokens), 0, False)
    if i != len(tokens) or isinstance(spec, OG):
        raise AceError("unknown address group item")
    return (AddrMatch(0, ANY_WILDCARD),) if spec is None else spec


def parse_port_item(tokens: list[str]) -> tuple[PortRange, ...] | None:
    """One line of NX-OS ``object-group ip port``: ``[seq] eq|neq|lt|gt|range …``;
    ``None`` for description."""
    if tokens and tokens[0].isdecimal():
        tokens = tokens[1:]
    if not tokens:
        raise AceError("empty port group item")
    if tokens[0].lower() == "description":
        return None
    r = _ports(tuple(tokens), 0, None)
    if r is None or r[1] != len(tokens):
        raise AceError("unknown port group item")
    return r[0]


def parse_service_item(tokens: list[str]) -> tuple[Svc, ...] | OG | None:
    """One line of ``object-group service``: ``tcp eq 80``, ``udp range 1 2``,
    ``tcp-udp eq 53``, ``tcp source eq 1 [eq 2]``, ``icmp echo``, ``ip``, ``esp``,
    ``group-object X``; ``None`` for description."""
    kw = tokens[0].lower()
    n = len(tokens)
    if kw == "description":
        return None
    if kw == "group-object" and n == 2:
        return OG(tokens[1])
    if kw == "tcp-udp":
        protos: tuple[int, ...] | None = (6, 17)
        pnum: int | None = None
    else:
        known, pnum = protocol_number(kw)
        if not known:
            raise AceError(f"unknown service {tokens[0]!r}")
        protos = None if pnum is None else (pnum,)
    i = 1
    sports = dports = None
    icmp_type = icmp_code = None
    if pnum in (6, 17, 132) or kw == "tcp-udp":
        if i < n and tokens[i].lower() == "source":
            r = _ports(tuple(tokens), i + 1, pnum)
            if r is None:
                raise AceError("source without a port operator")
            sports, i = r
        r = _ports(tuple(tokens), i, pnum)
        if r is not None:
            dports, i = r
    elif pnum == 1 and i < n:
        tok = tokens[i].lower()
        if tok.isdecimal():
            icmp_type = int(tok)
            i += 1
            if i < n and tokens[i].isdecimal():
                icmp_code = int(tokens[i])
                i += 1
        elif tok in ICMP_TYPES:
            icmp_type, icmp_code = ICMP_TYPES[tok]
            i += 1
    if i != n:
        raise AceError(f"unexpected {tokens[i]!r}")
    return (Svc(protos, sports, dports, icmp_type, icmp_code),)


def resolve_groups(items: dict[str, list], kind: str) -> tuple[dict, list[tuple[str, str]]]:
    """Flatten object-groups (``group-object`` nesting) → name → members.

    ``items`` maps a group name to its parsed items (tuples or ``OG``).  Network
    groups resolve to a tuple of AddrMatch, or ``None`` when they contain ``any``;
    service groups to a tuple of Svc.  Returns the table and ``(group, missing)``
    pairs for nested names that are not defined (treated as empty, reported).
    """
    done: dict[str, object] = {}
    missing: list[tuple[str, str]] = []
    # Depth-first with an explicit stack (a chain of thousands of nested groups must not
    # exhaust Python's recursion limit): name -> [members so far, contains any].
    acc: dict[str, list] = {}

    def add(name: str, sub) -> None:
        if sub is None:
            acc[name][1] = True
        else:
            acc[name][0].extend(sub)

    for root in items:
        if root in done:
            continue
        acc[root] = [[], False]
        stack: list[list] = [[root, 0]]
        while stack:
            frame = stack[-1]
            name, idx = frame
            members = items[name]
            if idx < len(members):
                frame[1] = idx + 1
                item = members[idx]
                if isinstance(item, OG):
                    sub = item.name
                    if sub not in items:
                        missing.append((name, sub))
                    elif sub in done:
                        add(name, done[sub])
                    elif sub in acc:  # a cycle: IOS refuses it, we just stop
                        pass
                    else:
                        acc[sub] = [[], False]
                        stack.append([sub, 0])
                else:
                    for m in item:
                        if kind == "network" and m.wildcard == ANY_WILDCARD:
                            acc[name][1] = True
                        acc[name][0].append(m)
                continue
            stack.pop()
            out, is_any = acc.pop(name)
            result = None if is_any else tuple(dict.fromkeys(out))
            done[name] = result
            if stack:
                add(stack[-1][0], result)
    return done, missing
