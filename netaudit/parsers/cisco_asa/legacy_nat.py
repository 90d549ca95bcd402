"""Cisco ASA pre-8.3 NAT (``static``, ``nat``/``global``, ``nat-control``) → the model
(docs/vendors/cisco_asa.md, "NAT (pre-8.3)").

What is exact:

* the translations: ``static (real,mapped) …`` like an 8.3 static NAT (both ways, port
  statics included), ``nat (real) N …`` + ``global (mapped) N …`` like an 8.3 dynamic
  NAT/PAT from the real to the mapped interface, ``nat (real) 0 access-list A`` (NAT
  exemption) and ``nat (real) 0 ADDR MASK`` (identity NAT) as identity rules; in the
  8.2 order (exemptions, statics in config order, policy NAT in config order, regular
  NAT best match first);
* everything in the forwarding policy that does not look at addresses.

What is left partial, for the policy to place (:class:`LegacyNat`):

* an 8.2 interface ACL sees a packet as it arrives, so on an interface where NAT
  untranslates destinations it names MAPPED addresses and ports, whereas the engine
  filters after the untranslation: each such possibility is an :class:`Untranslation`,
  and the policy widens (and marks partial) only the ACL lines that may match a packet
  it untranslates;
* what 8.2 drops for want of a translation, or because a packet names a real address
  instead of coming through the translation (:class:`NatDrop`, a partial deny line):
  hosts of a ``nat (R) N`` going to a lower or same-level interface without a
  ``global … N``, connections to the real address of a translated host, and with
  ``nat-control`` any traffic to a lower level (which packets match a NAT rule is not
  modelled exactly).  A partial deny never makes a denial less certain: it only turns
  what would pass into *maybe*.

A line this module cannot read makes every interface's destinations possibly
untranslated and every transit packet possibly dropped (partial), and is listed as
unrecognized.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from netaudit.messages import Text
from netaudit.model import AddrMatch, Match, NatRule, PortRange, Src
from netaudit.parsers.base import evolve
from netaudit.parsers.cisco_asa.nat import NatAddr, NatBuilder, small_hosts
from netaudit.parsers.cisco_asa.objects import ANY_WILDCARD, AclError, asa_port, range_matches, resolve_ip
from netaudit.parsers.cisco_common import line_not_understood
from netaudit.parsers.ip import ip_to_int

# Partial reasons (the engine shows them as the detail of an unknown cell), catalogue
# texts (netaudit/catalogue/cisco_asa.py) that a report says in its language.
ACL_REASON = Text("input.asa.legacy_acl")
REAL_REASON = Text("input.asa.legacy_real")
NO_GLOBAL_REASON = Text("input.asa.legacy_no_global")
NAT_CONTROL_REASON = Text("input.asa.nat_control")
UNREAD_REASON = Text("input.asa.legacy_unread")

# What each legacy line leaves not exact (ParseReport.partially_understood).
STATIC_REPORT = Text("input.asa.legacy_static")
NAT_REPORT = Text("input.asa.legacy_dynamic")
GLOBAL_REPORT = Text("input.asa.legacy_global")
POLICY_STATIC_REPORT = Text("input.asa.legacy_policy_static")


@dataclass(eq=False)
class LegacyNatLine:
    """One pre-8.3 NAT command as read: ``tokens`` is the whole line."""

    tokens: list[str]
    src: Src


@dataclass(frozen=True)
class Untranslation:
    """Packets entering ``iface`` (None: any interface) that ``match`` as they arrive
    (destination, protocol and destination port of the mapped side) may be
    untranslated: their destination becomes one of ``real`` (None: an address not
    known), and their destination port changes when ``port``."""

    iface: str | None
    match: Match
    real: tuple[AddrMatch, ...] | None
    port: bool


@dataclass(frozen=True)
class NatDrop:
    """Transit packets 8.2 may drop because of NAT: a partial deny line of the policy
    for packets entering ``in_ifaces`` and leaving ``out_ifaces`` (None: any) that
    ``match``."""

    in_ifaces: frozenset[str] | None
    out_ifaces: frozenset[str] | None
    match: Match
    name: str
    reason: str
    source: Src


@dataclass
class LegacyNat:
    """The pre-8.3 NAT of one ASA: its translations (``Device.nat_rules``) and what the
    forwarding policy makes partial."""

    rules: list[NatRule] = field(default_factory=list)
    untranslations: list[Untranslation] = field(default_factory=list)
    drops: list[NatDrop] = field(default_factory=list)


@dataclass(eq=False)
class _Nat:
    """A ``nat (R) N …`` line, read."""

    iface: str
    nat_id: int
    real: tuple[AddrMatch, ...] | None  # None: any (also for an access-list)
    acl: str | None
    outside: bool
    src: Src


class LegacyNatBuilder:
    """Converts the pre-8.3 NAT lines of one ASA (:meth:`build`)."""

    def __init__(
        self,
        nb: NatBuilder,
        levels: dict[str, int],
        mgmt_only: set[str],
        acl_usable: dict[str, bool],
        report,
    ):
        self.nb = nb
        self.names = nb.objs.names
        self.levels = levels  # nameif'd interface -> security level
        self.mgmt_only = mgmt_only
        self.acl_usable = acl_usable  # extended ACL name -> fully understood
        self.rep = report
        self.out = LegacyNat()
        self.unread: list[NatRule] = []  # partial rules of the lines not read

    def build(self, lines: list[LegacyNatLine], nat_control: Src | None) -> LegacyNat:
        """The model of ``lines`` (in config order) and ``nat-control``."""
        statics: list[NatRule] = []
        nats: list[_Nat] = []
        pools: dict[int, list[tuple[str, NatAddr, tuple[AddrMatch, ...] | None, Src]]] = {}
        for line in lines:
            kw = line.tokens[0].lower()
            try:
                if kw == "static":
                    statics.extend(self._static(line))
                elif kw == "global":
                    got = self._global(line)
                    if got is not None:
                        pools.setdefault(got[0], []).append(got[1])
                else:
                    nat = self._nat(line)
                    if nat is not None:
                        nats.append(nat)
            except (AclError, IndexError, ValueError) as exc:
                self._unread(line, str(exc) or "syntax")
        exemptions = [self._exemption(n) for n in nats if n.nat_id == 0 and n.acl is not None]
        policy = [r for n in nats if n.nat_id and n.acl is not None for r in self._dynamic(n, pools)]
        regular = sorted((n for n in nats if n.acl is None), key=lambda n: -_fixed_bits(n.real))
        dynamic = [r for n in regular for r in (self._identity(n) if n.nat_id == 0 else self._dynamic(n, pools))]
        # a line not read may have been any translation: its partial rule comes first
        self.out.rules = self.unread + exemptions + statics + policy + dynamic
        for n in nats:
            if n.nat_id:
                self._nat_drops(n, pools)
        self._pool_untranslations(nats, pools)
        if nat_control is not None:
            self._nat_control(nat_control)
        self.out.drops = _merged(self.out.drops)
        return self.out

    # ------------------------------------------------------------------ reading

    def _ifaces(self, spec: str, src: Src) -> list[str] | None:
        """``(a,b)`` / ``(a)`` → interface names; None when one is not a nameif (the ASA
        rejects the command: an undefined reference is recorded)."""
        if not (spec.startswith("(") and spec.endswith(")")):
            raise AclError("expected (interface)")
        out = []
        for nameif in spec[1:-1].split(","):
            got = self.nb._one_if(nameif, src)
            if got is None:
                raise AclError("'any' is not a pre-8.3 NAT interface")
            name = next(iter(got))
            if name.startswith("?"):
                return None
            out.append(name)
        return out

    def _ip(self, token: str) -> int:
        ip = 0 if token == "0" else resolve_ip(token, self.names)
        if ip is None:
            raise AclError(f"address {token!r}")
        return ip

    def _static(self, line: LegacyNatLine) -> list[NatRule]:
        """``static (real,mapped) [tcp|udp] {MAPPED|interface} [MPORT] {REAL [RPORT] |
        access-list ACL} [netmask MASK] …``"""
        t, src = line.tokens, line.src
        low = [w.lower() for w in t]
        pair = self._ifaces(t[1], src)
        if pair is None:
            return []
        if len(pair) != 2:
            raise AclError("static needs (real,mapped)")
        real_if, mapped_if = pair
        proto = {"tcp": 6, "udp": 17}.get(low[2])
        i = 3 if proto is not None else 2
        mapped_tok = t[i]
        i += 1
        mport = None
        if proto is not None:
            mport = asa_port(t[i], proto)
            i += 1
            if mport is None:
                raise AclError(f"port {t[i - 1]!r}")
        mask = ANY_WILDCARD
        if "netmask" in low[i:]:
            mask = self._ip(t[low.index("netmask", i) + 1])
        mapped = self._mapped(mapped_tok, mask)
        in_real, in_mapped = frozenset({real_if}), frozenset({mapped_if})
        if low[i] == "access-list":
            rules = self.nb._partial(src, POLICY_STATIC_REPORT, in_real, in_mapped, None, mapped.addrs, static=True)
            self._untranslations(mapped_if, rules)
            self.out.drops.append(NatDrop(in_mapped, in_real, Match(), "pre-8.3 NAT: real address", REAL_REASON, src))
            return rules
        real_ip = self._ip(t[i])
        i += 1
        rport = None
        if proto is not None:
            rport = asa_port(t[i], proto)
            if rport is None:
                raise AclError(f"port {t[i]!r}")
        real = _block(real_ip, mask)
        svc = (proto, rport, mport) if proto is not None else None
        rules = self.nb._static(real, small_hosts(real), mapped, in_real, in_mapped, svc, src, unidirectional=False)
        if rules:  # not an identity static
            self._untranslations(mapped_if, rules)
            ports = (PortRange(rport, rport),) if rport is not None else None
            self.out.drops.append(
                NatDrop(
                    in_mapped,
                    in_real,
                    Match(dst=real, protocols=(proto,) if proto else None, dst_ports=ports),
                    "pre-8.3 NAT: real address",
                    REAL_REASON,
                    src,
                )
            )
            self.rep.add_partial("nat", STATIC_REPORT, src)
        return rules

    def _mapped(self, token: str, mask: int) -> NatAddr:
        if token.lower() == "interface":
            return NatAddr(None, None, iface=True, name="interface")
        addrs = _block(self._ip(token), mask)
        return NatAddr(addrs, small_hosts(addrs), name=token)

    def _global(self, line: LegacyNatLine):
        """``global (mapped) N {interface | ADDR[-ADDR] [netmask MASK]}`` → (N, (interface,
        operand for the translation, mapped addresses or None, line))."""
        t, src = line.tokens, line.src
        got = self._ifaces(t[1], src)
        if got is None:
            return None
        if len(got) != 1:
            raise AclError("global needs (interface)")
        iface, nat_id, pool = got[0], int(t[2]), t[3]
        self.rep.add_partial("nat", GLOBAL_REPORT, src)
        if pool.lower() == "interface":
            ip = self.nb.if_addr.get(iface)
            return nat_id, (iface, NatAddr(None, None, iface=True, name="interface"), _host(ip), src)
        # a range is a dynamic NAT pool, one address a PAT address; `netmask` only
        # describes their network
        lo, _, hi = pool.partition("-")
        addrs = range_matches(self._ip(lo), self._ip(hi)) if hi else (AddrMatch(self._ip(lo), 0),)
        return nat_id, (iface, NatAddr(addrs, small_hosts(addrs), name=pool), addrs, src)

    def _nat(self, line: LegacyNatLine) -> _Nat | None:
        """``nat (real) N {access-list ACL | ADDR [MASK]} [outside] [dns] …``"""
        t, src = line.tokens, line.src
        low = [w.lower() for w in t]
        got = self._ifaces(t[1], src)
        if got is None:
            return None
        if len(got) != 1:
            raise AclError("nat needs (interface)")
        nat_id = int(t[2])
        if low[3] == "access-list":
            return _Nat(got[0], nat_id, None, t[4], "outside" in low[5:], src)
        mask = ANY_WILDCARD
        if len(t) > 4 and (t[4] == "0" or ip_to_int(t[4]) is not None):
            mask = self._ip(t[4])
        real = _block(self._ip(t[3]), mask)
        return _Nat(got[0], nat_id, real, None, "outside" in low[4:], src)

    def _unread(self, line: LegacyNatLine, why: str) -> None:
        self.rep.unrecognized.append(line.src)
        self.rep.add_partial("nat", line_not_understood(line.src.line, why), line.src)
        self.out.untranslations.append(Untranslation(None, Match(), None, True))
        self.out.drops.append(NatDrop(None, None, Match(), "pre-8.3 NAT: line not understood", UNREAD_REASON, line.src))
        self.unread.extend(self.nb._partial(line.src, UNREAD_REASON))

    # ------------------------------------------------------------------ the model

    def _untranslations(self, iface: str, rules: Iterable[NatRule]) -> None:
        for r in rules:
            if r.kind != "destination":
                continue
            known = r.partial is None and r.to_ip is not None
            m = r.match
            side = Match(dst=m.dst, dst_negate=m.dst_negate, protocols=m.protocols, dst_ports=m.dst_ports)
            real = (AddrMatch(r.to_ip, 0),) if known and r.to_ip is not None else None
            self.out.untranslations.append(Untranslation(iface, side, real, r.to_port is not None or not known))

    def _exemption(self, n: _Nat) -> NatRule:
        """``nat (R) 0 access-list A``: packets A permits leave untranslated, before any
        other NAT rule."""
        rule = NatRule(kind="source", acl=n.acl, in_ifaces=frozenset({n.iface}), source=n.src)
        if not self.acl_usable.get(n.acl or "", False):
            rule.partial = Text("input.asa.nat0_acl", acl=n.acl)
            self.rep.add_partial("nat", rule.partial, n.src)
        return rule

    def _identity(self, n: _Nat) -> list[NatRule]:
        """``nat (R) 0 ADDR MASK``: identity NAT (those hosts keep their address)."""
        return [NatRule(kind="source", match=Match(src=n.real), in_ifaces=frozenset({n.iface}), source=n.src)]

    def _translated_toward(self, n: _Nat) -> set[str]:
        """Interfaces toward which 8.2 must translate ``n``'s hosts: lower or same level
        (with ``outside``: higher or same), management-only ones apart."""
        mine = self.levels.get(n.iface)
        if mine is None:
            return set()
        return {
            y
            for y, lvl in self.levels.items()
            if y != n.iface and y not in self.mgmt_only and (lvl >= mine if n.outside else lvl <= mine)
        }

    def _dynamic(self, n: _Nat, pools: dict) -> list[NatRule]:
        """Source rules of ``nat (R) N`` toward each ``global (Y) N``: exact where 8.2
        must translate (lower or same level), partial toward a higher level (whether the
        pair translates there is not established)."""
        rules = []
        toward = self._translated_toward(n)
        for y, operand, _addrs, _gsrc in pools.get(n.nat_id, []):
            if y == n.iface:
                continue
            in_r, out_y = frozenset({n.iface}), frozenset({y})
            if y not in toward:
                why = Text("input.asa.legacy_higher_level")
                rules.extend(self.nb._partial(n.src, why, in_r, out_y, n.real))
                continue
            rule = self.nb._dynamic(Match(src=n.real), operand, in_r, out_y, n.src)
            if n.acl is not None:
                rule.acl = n.acl
                if not self.acl_usable.get(n.acl, False) and rule.partial is None:
                    rule.partial = Text("input.asa.policy_nat_acl", acl=n.acl)
            rules.append(rule)
        return rules

    def _nat_drops(self, n: _Nat, pools: dict) -> None:
        """What 8.2 drops around ``nat (R) N``: its hosts toward an interface without a
        ``global … N``, and connections to their real addresses from where they must be
        translated."""
        self.rep.add_partial("nat", NAT_REPORT, n.src)
        toward = self._translated_toward(n)
        if not toward:
            return
        with_global = {y for y, *_ in pools.get(n.nat_id, [])}
        me = frozenset({n.iface})
        bare = frozenset(toward - with_global)
        if bare:
            self.out.drops.append(
                NatDrop(me, bare, Match(src=n.real), "pre-8.3 NAT: no global", NO_GLOBAL_REASON, n.src)
            )
        self.out.drops.append(
            NatDrop(frozenset(toward), me, Match(dst=n.real), "pre-8.3 NAT: real address", REAL_REASON, n.src)
        )

    def _pool_untranslations(self, nats: list[_Nat], pools: dict) -> None:
        """A connection to a mapped address of ``global (Y) N`` may reach a host of a
        ``nat (R) N`` while its translation lives (any of its ports)."""
        for nat_id, entries in pools.items():
            users = [n for n in nats if n.nat_id == nat_id]
            for y, _operand, addrs, _src in entries:
                hosts = [n.real for n in users if n.iface != y]
                if not hosts:
                    continue
                real = None if any(h is None for h in hosts) else tuple(a for h in hosts if h for a in h)
                self.out.untranslations.append(Untranslation(y, Match(dst=addrs), real, True))

    def _nat_control(self, src: Src) -> None:
        self.rep.add_partial("nat", NAT_CONTROL_REASON, src)
        named = {n: lvl for n, lvl in self.levels.items() if n not in self.mgmt_only}
        for x, lvl in named.items():
            lower = frozenset(y for y, other in named.items() if other < lvl)
            if lower:
                self.out.drops.append(NatDrop(frozenset({x}), lower, Match(), "nat-control", NAT_CONTROL_REASON, src))


# --------------------------------------------------------------------------- helpers


def _merged(drops: list[NatDrop]) -> list[NatDrop]:
    """Drops that differ only by the addresses of one side (the real addresses of many
    statics) as one drop of their union, cited by the first — a permit line then meets
    a few drops, not one per NAT line."""
    merged: dict[tuple, list[NatDrop]] = {}
    for d in drops:
        m = d.match
        if m.src_negate or m.dst_negate or (m.src is not None and m.dst is not None):
            merged[("alone", id(d))] = [d]
            continue
        side = "src" if m.src is not None else "dst"
        merged.setdefault((d.in_ifaces, d.out_ifaces, d.reason, m.protocols, m.dst_ports, side), []).append(d)
    out = []
    for key, group in merged.items():
        if len(group) == 1:
            out.append(group[0])
            continue
        side = key[-1]
        sets = [getattr(d.match, side) for d in group]
        if any(a is None for a in sets):  # one of them drops any address: cite it
            first = next(d for d in group if getattr(d.match, side) is None)
            out.append(first)
            continue
        union = tuple(dict.fromkeys(x for a in sets if a for x in a))
        first = group[0]
        out.append(
            NatDrop(
                first.in_ifaces,
                first.out_ifaces,
                evolve(first.match, **{side: union}),
                first.name,
                first.reason,
                first.source,
            )
        )
    return out


def _block(ip: int, mask: int) -> tuple[AddrMatch, ...] | None:
    """ADDR MASK as an address set; None (any) for mask 0."""
    if mask == 0:
        return None
    return (AddrMatch(ip & mask, ~mask & ANY_WILDCARD),)


def _host(ip: int | None) -> tuple[AddrMatch, ...] | None:
    return None if ip is None else (AddrMatch(ip, 0),)


def _fixed_bits(addrs: tuple[AddrMatch, ...] | None) -> int:
    """How specific a regular ``nat`` line is (8.2 picks the best match)."""
    if not addrs:
        return 0
    return min(32 - bin(a.wildcard).count("1") for a in addrs)


class AddrSet:
    """A union of address patterns, indexed to intersect it quickly with others (host
    patterns by value)."""

    def __init__(self, addrs: tuple[AddrMatch, ...]):
        self.addrs = addrs
        self.hosts = {a.value for a in addrs if a.wildcard == 0}
        self.wide = [a for a in addrs if a.wildcard]

    def meet(self, xs: tuple[AddrMatch, ...]) -> tuple[AddrMatch, ...]:
        """The addresses in both ``xs`` and this set."""
        out: list[AddrMatch] = []
        for x in xs:
            if x.wildcard == 0:
                if x.value in self.hosts or _meet_addrs((x,), self.wide):
                    out.append(x)
            else:
                out.extend(_meet_addrs((x,), self.addrs))
        return tuple(dict.fromkeys(out))


class UntranslationIndex:
    """The untranslations that apply on one ingress interface, indexed by the mapped
    host addresses they match (:meth:`hits`)."""

    def __init__(self, untranslations: list[Untranslation]):
        self.all = untranslations
        self.by_host: dict[int, list[int]] = {}
        self.always: list[int] = []  # positions of those matching more than hosts
        for k, u in enumerate(untranslations):
            d = u.match.dst
            if d is None or u.match.dst_negate or any(a.wildcard for a in d):
                self.always.append(k)
            else:
                for a in d:
                    self.by_host.setdefault(a.value, []).append(k)

    def hits(self, m: Match) -> list[Untranslation]:
        """The untranslations a packet of ``m`` may undergo, in order."""
        cand: list[int] | range
        if m.dst is None or m.dst_negate or any(a.wildcard for a in m.dst):
            cand = range(len(self.all))
        else:
            cand = sorted({*self.always, *(k for a in m.dst for k in self.by_host.get(a.value, ()))})
        return [self.all[k] for k in cand if _may_overlap(m, self.all[k].match)]


def _may_overlap(m: Match, side: Match) -> bool:
    """Whether a packet may match both ``m`` and ``side`` on destination address,
    protocol and destination port (True when not sure)."""
    exact_dst = m.dst is not None and side.dst is not None and not (m.dst_negate or side.dst_negate)
    if exact_dst and not _meet_addrs(m.dst or (), side.dst or ()):
        return False
    if m.protocols is not None and side.protocols is not None and not set(m.protocols) & set(side.protocols):
        return False
    return (
        m.dst_ports is None
        or side.dst_ports is None
        or any(p.lo <= q.hi and q.lo <= p.hi for p in m.dst_ports for q in side.dst_ports)
    )


def widen(m: Match, index: UntranslationIndex) -> Match:
    """``m`` as the engine must read it after NAT untranslated the destination: its
    destinations plus the real ones of every untranslation it may match (any when one
    is not known), and any destination port where a port may change."""
    hits = index.hits(m)
    if not hits:
        return m
    dst, negate = m.dst, m.dst_negate
    if dst is not None and (negate or any(u.real is None for u in hits)):
        dst, negate = None, False
    elif dst is not None:
        dst = tuple(dict.fromkeys([*dst, *(a for u in hits for a in u.real or ())]))
    ports = None if any(u.port for u in hits) else m.dst_ports
    if dst == m.dst and negate == m.dst_negate and ports == m.dst_ports:
        return m
    return evolve(m, dst=dst, dst_negate=negate, dst_ports=ports)


class DropLine:
    """A :class:`NatDrop` on the interfaces that carry transit, ready to :meth:`meet`
    the policy's permit lines."""

    def __init__(self, drop: NatDrop, match: Match):
        self.drop = drop
        self.match = match  # the drop's match with its interfaces
        self.src = AddrSet(match.src) if match.src is not None and not match.src_negate else None
        self.dst = AddrSet(match.dst) if match.dst is not None and not match.dst_negate else None

    def meet(self, m: Match) -> Match | None:
        """A match between ``m`` and the drop (None when they share no packet): ``m``
        narrowed by the drop's interfaces, addresses, protocols and destination ports
        where that is expressible, else ``m``'s own field — so always within ``m`` and
        covering what both match."""
        d = self.match
        fields: dict = {}
        for name in ("in_ifaces", "out_ifaces"):
            a, b = getattr(m, name), getattr(d, name)
            if b is not None:
                both = b if a is None else a & b
                if not both:
                    return None
                fields[name] = both
        for side, aset in (("src", self.src), ("dst", self.dst)):
            if aset is None or getattr(m, f"{side}_negate"):
                continue
            a = getattr(m, side)
            both = aset.addrs if a is None else aset.meet(a)
            if not both:
                return None
            fields[side] = both
        if d.protocols is not None:
            protos = d.protocols if m.protocols is None else tuple(p for p in m.protocols if p in d.protocols)
            if not protos:
                return None
            fields["protocols"] = protos
        if d.dst_ports is not None:
            ports = d.dst_ports
            if m.dst_ports is not None:
                ports = tuple(
                    PortRange(max(p.lo, q.lo), min(p.hi, q.hi))
                    for p in m.dst_ports
                    for q in d.dst_ports
                    if p.lo <= q.hi and q.lo <= p.hi
                )
            if not ports:
                return None
            fields["dst_ports"] = ports
        return evolve(m, **fields) if fields else m


def _meet_addrs(a: tuple[AddrMatch, ...] | list[AddrMatch], b: tuple[AddrMatch, ...] | list[AddrMatch]) -> list:
    """The addresses in both unions of ternary patterns."""
    out = []
    for x in a:
        for y in b:
            if ((x.value ^ y.value) & ~x.wildcard & ~y.wildcard & ANY_WILDCARD) == 0:
                w = x.wildcard & y.wildcard
                out.append(AddrMatch(((x.value & ~x.wildcard) | (y.value & ~y.wildcard)) & ~w & ANY_WILDCARD, w))
    return out


__all__ = [
    "AddrSet",
    "DropLine",
    "LegacyNat",
    "LegacyNatBuilder",
    "LegacyNatLine",
    "NatDrop",
    "Untranslation",
    "UntranslationIndex",
    "widen",
]
