"""Cisco ASA ``access-list … extended`` entries → :class:`~netaudit.model.Match` objects.

An entry is parsed once the whole file is read (objects and groups may be defined
after the ACL that names them), against the resolved :class:`.objects.Objects`;
:mod:`.convert` memoises the parse per token tuple because big configs repeat the
same bodies.  What an entry may hold:

* addresses: ``any`` = any4 + any6, ``any4``, ``any6`` (no IPv4 packet), ``host A``,
  ``A M`` (subnet **masks**, never wildcards), ``interface IFNAME`` (the interface's
  own address), ``object NAME`` (a network object), ``object-group NAME``, and names
  defined with ``name A NAME``;
* the protocol position may hold ``object-group`` (a protocol group or a service
  group with ``service-object`` items) or ``object`` (a service object);
* a port position may hold ``object-group NAME`` naming a service group declared
  with a protocol (``object-group service WEB tcp`` + ``port-object eq 80``);
* an ICMP type position may hold ``object-group NAME`` (an icmp-type group);
* options: ``log [level] [interval N] | log disable | log default``,
  ``time-range NAME`` (partial: the line applies only at some times), ``inactive``
  (the line is skipped by the device), identity-firewall qualifiers ``user``,
  ``user-group``, ``object-group-user``, ``security-group`` (partial: the line
  applies to a subset of the stated addresses); FTD's ``ifc NAMEIF``, ``rule-id``,
  ``event-log`` and ``trust`` (a permit for reachability).
"""

from __future__ import annotations

from typing import NamedTuple

from netaudit.messages import Text
from netaudit.model import Action, AddrMatch, Match
from netaudit.parsers.base import join_reasons
from netaudit.parsers.cisco_asa.objects import (
    PORT_PROTOCOLS,
    AclError,
    Objects,
    Ref,
    asa_protocol,
    icmp_type_of,
    iface_address_unknown,
    is_v6,
    parse_port_op,
    prefix_match,
    resolve_ip,
    undefined,
)
from netaudit.parsers.cisco_common import Svc
from netaudit.parsers.ip import ip_to_int

_LOG_LEVELS = frozenset(
    {"emergencies", "alerts", "critical", "errors", "warnings", "notifications", "informational", "debugging"}
)


class Entry(NamedTuple):
    """One parsed ``access-list NAME extended`` entry."""

    action: Action
    matches: tuple[Match, ...]
    partial: str | None  # something in the line not modelled (superset match)
    missing: tuple[Ref, ...]  # undefined objects/groups (treated as any: superset)
    inactive: bool


_IDENTITY = {"user": 1, "user-group": 1, "object-group-user": 1, "object-group-security": 1}


def _addr(tokens, i: int, objs: Objects, missing: list, partial: list, ifc: list | None = None):
    """An address at tokens[i] → (tuple of AddrMatch | None for any, next index).

    Qualifiers before the address: identity-firewall ones (partial) and FTD's
    ``ifc NAMEIF`` (the interface the packet enters, for a source, or leaves, for a
    destination), appended to ``ifc`` as a real interface name."""
    n = len(tokens)
    while i < n:
        w = tokens[i].lower()
        if w in _IDENTITY or w == "security-group":
            partial.append(Text("input.asa.identity_qualifier", word=w))
            i += 3 if w == "security-group" else 1 + _IDENTITY[w]
        elif w == "ifc" and i + 1 < n and ifc is not None:
            real = objs.nameif_real.get(tokens[i + 1])
            if real is None:
                missing.append(Ref("interface", tokens[i + 1]))
            else:
                ifc.append(real)
            i += 2
        else:
            break
    if i >= n:
        raise AclError("missing address")
    tok = tokens[i]
    low = tok.lower()
    if low in ("any", "any4"):
        return None, i + 1
    if low == "any6":
        return (), i + 1
    if low == "host":
        if i + 1 >= n:
            raise AclError("host without an address")
        if is_v6(tokens[i + 1]):
            return (), i + 2
        ip = resolve_ip(tokens[i + 1], objs.names)
        if ip is None:
            raise AclError(f"bad host {tokens[i + 1]!r}")
        return (AddrMatch(ip, 0),), i + 2
    if low == "interface":
        if i + 1 >= n:
            raise AclError("interface without a name")
        nameif = tokens[i + 1]
        if nameif not in objs.iface_addr:
            missing.append(Ref("interface", nameif))
            return None, i + 2
        ip = objs.iface_addr[nameif]
        if ip is None:
            partial.append(iface_address_unknown(nameif))
            return None, i + 2
        return (AddrMatch(ip, 0),), i + 2
    if low in ("object", "object-group"):
        if i + 1 >= n:
            raise AclError(f"{low} without a name")
        v, m, p = objs.network(Ref("object" if low == "object" else "group", tokens[i + 1]))
        missing.extend(m)
        partial.extend(x for x in p if x)
        return (None if m else v), i + 2
    if is_v6(tok):
        return (), i + 1
    ip = resolve_ip(tok, objs.names)
    if ip is None:
        raise AclError(f"bad address {tok!r}")
    mask = ip_to_int(tokens[i + 1]) if i + 1 < n else None
    if mask is None:
        raise AclError(f"address {tok} without a mask")
    if mask == 0:
        return None, i + 2
    return (prefix_match(ip, mask),), i + 2


def _ports_at(tokens, i: int, proto: int | None, objs: Objects, missing: list, partial: list):
    """A port spec (operator or port object-group) at tokens[i], or (None, i)."""
    if (
        i < len(tokens)
        and tokens[i].lower() == "object-group"
        and i + 1 < len(tokens)
        and objs.group_kind(tokens[i + 1]) == "port"
    ):
        v, m, p = objs.ports(tokens[i + 1])
        missing.extend(m)
        partial.extend(x for x in p if x)
        return v, i + 2
    r = parse_port_op(tokens, i, proto)
    if r is None:
        return None, i
    return r


def parse_entry(tokens: tuple[str, ...], objs: Objects) -> Entry:
    """Parse an extended entry from its ``permit``/``deny`` token on."""
    if not tokens:
        raise AclError("empty entry")
    act = tokens[0].lower()
    if act not in ("permit", "deny", "trust"):
        raise AclError(f"unknown action {tokens[0]!r}")
    # FTD prefilter "trust" forwards without inspection: a permit for reachability
    action = Action.DENY if act == "deny" else Action.PERMIT
    n = len(tokens)
    missing: list[Ref] = []
    partial: list[str] = []
    if n < 2:
        raise AclError("missing protocol")
    i = 1
    kw = tokens[1].lower()
    proto: int | None = None
    ported = False
    svcs: tuple[Svc, ...]
    if kw in ("object-group", "object") and n > 2:
        name = tokens[2]
        i = 3
        if kw == "object":
            v, m, p = objs.services(Ref("object", name))
        elif objs.group_kind(name) == "protocol":
            protos, m, p = objs.protocols(name)
            v = (Svc(protos),)
            ported = protos is not None and bool(protos) and set(protos) <= PORT_PROTOCOLS
            if ported and len(protos) == 1:
                proto = protos[0]
        else:
            v, m, p = objs.services(Ref("group", name))
        missing.extend(m)
        partial.extend(x for x in p if x)
        svcs = (Svc(),) if m else tuple(v or ())
    else:
        known, proto = asa_protocol(kw)
        if not known:
            raise AclError(f"unknown protocol {tokens[1]!r}")
        i = 2
        svcs = (Svc(None if proto is None else (proto,)),)
        ported = proto in PORT_PROTOCOLS
    in_ifc: list[str] = []
    out_ifc: list[str] = []
    src, i = _addr(tokens, i, objs, missing, partial, in_ifc)
    sports = dports = None
    if ported:
        sports, i = _ports_at(tokens, i, proto, objs, missing, partial)
    dst, i = _addr(tokens, i, objs, missing, partial, out_ifc)
    icmp: tuple[tuple[int, int | None], ...] | None = None
    if ported:
        dports, i = _ports_at(tokens, i, proto, objs, missing, partial)
    elif svcs and all(s.protocols in ((1,), (58,)) for s in svcs) and i < n:
        if tokens[i].lower() == "object-group" and i + 1 < n and objs.group_kind(tokens[i + 1]) == "icmp-type":
            v, m, p = objs.icmp_types(tokens[i + 1])
            missing.extend(m)
            partial.extend(x for x in p if x)
            icmp = v
            i += 2
        else:
            got = icmp_type_of(tokens, i)
            if got is not None:
                icmp = ((got[0], got[1]),)
                i = got[2]
    inactive = False
    while i < n:
        w = tokens[i].lower()
        if w == "log":
            i += 1
            if i < n and tokens[i].lower() in ("disable", "default"):
                i += 1
                continue
            if i < n and (tokens[i].isdecimal() or tokens[i].lower() in _LOG_LEVELS):
                i += 1
            if i + 1 < n and tokens[i].lower() == "interval":
                i += 2
        elif w == "time-range" and i + 1 < n:
            partial.append(Text("input.asa.time_range", name=tokens[i + 1]))
            i += 2
        elif w == "inactive":
            inactive = True
            i += 1
        elif w in ("rule-id", "event-log") and i + 1 < n:  # FTD rule id; event-log both | flow-start | flow-end
            i += 2
        else:
            raise AclError(f"unexpected {tokens[i]!r}")
    matches: list[Match] = []
    in_ifaces = frozenset(in_ifc) if in_ifc else None
    out_ifaces = frozenset(out_ifc) if out_ifc else None
    if src != () and dst != ():
        for s in svcs:
            sp = sports if sports is not None else s.src_ports
            dp = dports if dports is not None else s.dst_ports
            if sp == () or dp == ():
                continue
            if icmp is not None:
                for t, c in icmp:
                    matches.append(
                        Match(
                            src=src,
                            dst=dst,
                            protocols=s.protocols,
                            icmp_type=t,
                            icmp_code=c,
                            in_ifaces=in_ifaces,
                            out_ifaces=out_ifaces,
                        )
                    )
            else:
                matches.append(
                    Match(
                        src=src,
                        dst=dst,
                        protocols=s.protocols,
                        src_ports=sp,
                        dst_ports=dp,
                        icmp_type=s.icmp_type,
                        icmp_code=s.icmp_code,
                        in_ifaces=in_ifaces,
                        out_ifaces=out_ifaces,
                    )
                )
    # undefined references after what is not modelled, each reason once
    reason = (
        join_reasons([*dict.fromkeys(partial), *map(undefined, dict.fromkeys(missing))]) or None
        if partial or missing
        else None
    )
    # Equal matches once (an object-group's members may repeat); one match is itself
    # (most entries: no dataclass hash of its fields and address patterns).
    unique = tuple(matches) if len(matches) < 2 else tuple(dict.fromkeys(matches))
    return Entry(action, unique, reason, tuple(dict.fromkeys(missing)) if missing else (), inactive)


_EVERY_PACKET = Match()


def is_unconditional(m: Match) -> bool:
    """A match every packet satisfies (``permit ip any any``)."""
    # (most matches name an address or a protocol: told apart without the field-by-field
    # comparison of the dataclass)
    return m is _EVERY_PACKET or (m.src is None and m.dst is None and m.protocols is None and m == _EVERY_PACKET)
