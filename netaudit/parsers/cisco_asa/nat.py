"""Cisco ASA NAT (8.3+ object NAT and twice NAT) → :class:`~netaudit.model.NatRule` lists.

The engine applies ``destination`` rules at ingress before routing and ``source``
rules after routing and filtering, first match per kind over ``Device.nat_rules``.
ASA rule order is kept: section 1 (manual / twice NAT, in config order), section 2
(object NAT: static before dynamic, then fewer real addresses first, then lower
address, then object name), section 3 (``after-auto`` / ``after-object`` manual NAT).

A static rule is bidirectional: ``source`` for traffic real→mapped interface (real
source address rewritten to the mapped one) and ``destination`` for traffic that
arrives on the mapped interface addressed to the mapped address (untranslated to the
real one, so the access rules after it see the REAL address — exactly the ASA 8.3+
rule that ACLs name real addresses).  Dynamic NAT/PAT is ``source`` only.  Identity
NAT (mapped = real) is a no-op.  Anything else is kept as a ``partial`` rule that
translates nothing, and reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from netaudit.messages import Text
from netaudit.model import AddrMatch, Match, NatRule, PortRange, Src
from netaudit.parsers.cisco_asa.objects import (
    ANY_WILDCARD,
    AclError,
    Objects,
    Ref,
    asa_port,
    iface_address_unknown,
    resolve_ip,
    undefined,
)
from netaudit.parsers.cisco_common import Svc

MAX_EXPAND = 256  # static subnet-to-subnet NAT expanded per address up to this size


@dataclass(eq=False)
class NatLine:
    """One ``nat`` command as read (converted once every object is known)."""

    tokens: list[str]  # from the word after ``nat``
    src: Src
    obj: str | None = None  # object NAT: the owning ``object network``


@dataclass
class NatAddr:
    """A resolved NAT address operand."""

    addrs: tuple[AddrMatch, ...] | None  # None = any
    hosts: list[int] | None  # individual addresses when small, else None
    iface: bool = False  # the mapped interface's own address
    name: str = ""


class NatUndefined(AclError):
    """A NAT operand names an object that does not exist or is not fully understood (a
    reference, not syntax); ``why`` says which, a catalogue text (its English is the
    exception's message)."""

    def __init__(self, why: Text):
        super().__init__(why)
        self.why = why


class NatBuilder:
    """Converts :class:`NatLine` objects into NatRules for one device."""

    def __init__(
        self,
        objs: Objects,
        nameif_to_if: dict[str, str],
        if_addr: dict[str, int | None],
        report,
        runtime: tuple[set[str], dict] = (set(), {}),
    ):
        self.objs = objs
        self.nameif_to_if = nameif_to_if
        self.if_addr = if_addr  # interface name -> its primary address
        self.rep = report
        # (interfaces addressed at run time, the Match fields of "the address the device
        # receives at run time": parsers.base.runtime_address_match)
        self.runtime_ifs, self.runtime_dst = runtime
        self.missing: list[tuple[Ref, Src]] = []

    # ------------------------------------------------------------------ helpers

    def _ifaces(self, spec: str | None, src: Src) -> tuple[frozenset[str] | None, frozenset[str] | None]:
        """``(real,mapped)`` → (real interfaces, mapped interfaces); ``any`` = None."""
        if spec is None:
            return None, None
        inner = spec.strip("()")
        real, _, mapped = inner.partition(",")
        return self._one_if(real, src), self._one_if(mapped, src)

    def _one_if(self, nameif: str, src: Src) -> frozenset[str] | None:
        if not nameif or nameif == "any":
            return None
        real = self.nameif_to_if.get(nameif)
        if real is None:
            self.missing.append((Ref("interface", nameif), src))
            return frozenset({f"?{nameif}"})  # matches no interface
        return frozenset({real})

    def _operand(self, token: str, src: Src) -> NatAddr:
        if token.lower() == "any":
            return NatAddr(None, None, name="any")
        if token.lower() == "interface":
            return NatAddr(None, None, iface=True, name="interface")
        ip = resolve_ip(token, self.objs.names)
        if ip is not None:
            return NatAddr((AddrMatch(ip, 0),), [ip], name=token)
        ref = Ref("group", token) if token in self.objs.groups else Ref("object", token)
        addrs, missing, partial = self.objs.network(ref)
        if missing:
            for r in missing:
                self.missing.append((r, src))
            raise NatUndefined(undefined(missing[0]))  # the name missing (a group's member, or the token)
        if partial:
            raise NatUndefined(Text("input.asa.object_partial", name=token))
        return NatAddr(addrs, small_hosts(addrs), name=token)

    def _partial(
        self,
        rule_src: Src,
        reason: str,
        in_real: frozenset[str] | None = None,
        in_mapped: frozenset[str] | None = None,
        real: tuple[AddrMatch, ...] | None = None,
        mapped: tuple[AddrMatch, ...] | None = None,
        static: bool = False,
    ) -> list[NatRule]:
        """A NAT line not fully understood, on the interfaces and addresses it names: its
        source translation, and for a static one the way back (packets for the mapped
        addresses from the mapped side, translated to addresses not known) — a static NAT
        works both ways, and leaving that out made the public address "blocked"."""
        rules = [
            NatRule(
                kind="source",
                match=Match(src=real),
                in_ifaces=in_real,
                out_ifaces=in_mapped,
                source=rule_src,
                partial=reason,
            )
        ]
        if static:
            rules.append(
                NatRule(
                    kind="destination", match=Match(dst=mapped), in_ifaces=in_mapped, source=rule_src, partial=reason
                )
            )
        self.rep.add_partial("nat", reason, rule_src)
        return rules

    # ------------------------------------------------------------------ object NAT

    def object_nat(self, line: NatLine, real: tuple[AddrMatch, ...] | None) -> tuple[list[NatRule], tuple]:
        """Rules of one object NAT line and its section-2 sort key."""
        t = line.tokens
        src = line.src
        i = 0
        spec = None
        if i < len(t) and t[i].startswith("("):
            spec, i = t[i], i + 1
        if i >= len(t) or t[i].lower() not in ("static", "dynamic"):
            raise AclError("object nat: expected static or dynamic")
        kind = t[i].lower()
        i += 1
        if i >= len(t):
            raise AclError("object nat without a mapped address")
        in_real, in_mapped = self._ifaces(spec, src)
        hosts = small_hosts(real)
        size = 1 << 32 if real is None else sum(a.wildcard + 1 for a in real)
        first = 0 if not real else min(a.value for a in real)
        key = (0 if kind == "static" else 1, size, first, line.obj or "")
        rest = [w.lower() for w in t[i + 1 :]]
        if "inactive" in rest:
            return [], key
        mapped_tok = t[i]
        if kind == "dynamic":
            if mapped_tok.lower() == "pat-pool":
                if i + 1 >= len(t):
                    raise AclError("pat-pool without an object")
                mapped = self._operand(t[i + 1], src)
                return [self._dynamic(Match(src=real), mapped, in_real, in_mapped, src)], key
            mapped = self._operand(mapped_tok, src)
            return [self._dynamic(Match(src=real), mapped, in_real, in_mapped, src)], key
        # static
        mapped = self._operand(mapped_tok, src)
        if (
            mapped.hosts is not None
            and len(mapped.hosts) == 1
            and resolve_ip(mapped_tok, self.objs.names) is not None
            and real is not None
            and hosts is not None
            and len(hosts) > 1
        ):
            # An inline mapped address takes the real object's size: a subnet maps to the
            # subnet with the same mask, a range to a range of the same length.
            base = mapped.hosts[0]
            if len(real) == 1 and real[0].wildcard & (real[0].wildcard + 1) == 0:
                w = real[0].wildcard
                block = AddrMatch(base & ~w & ANY_WILDCARD, w)
                mapped = NatAddr((block,), list(range(block.value, block.value + w + 1)), name=mapped_tok)
            else:
                mapped = NatAddr(
                    tuple(AddrMatch(base + k, 0) for k in range(len(hosts))),
                    [base + k for k in range(len(hosts))],
                    name=mapped_tok,
                )
        svc = None
        if "service" in rest:
            j = i + 1 + rest.index("service")
            if j + 3 >= len(t):
                raise AclError("service needs a protocol and two ports")
            proto = {"tcp": 6, "udp": 17, "sctp": 132}.get(t[j + 1].lower())
            rp = asa_port(t[j + 2], proto) if proto else None
            mp = asa_port(t[j + 3], proto) if proto else None
            if proto is None or rp is None or mp is None:
                raise AclError("bad service in static nat")
            svc = (proto, rp, mp)
        return self._static(real, hosts, mapped, in_real, in_mapped, svc, src, unidirectional=False), key

    # ------------------------------------------------------------------ twice NAT

    def twice_nat(self, line: NatLine) -> list[NatRule]:
        t = line.tokens
        src = line.src
        low = [w.lower() for w in t]
        if "inactive" in low:
            return []
        if "description" in low:
            cut = low.index("description")
            t, low = t[:cut], low[:cut]
        i = 0
        spec = None
        if i < len(t) and t[i].startswith("("):
            spec, i = t[i], i + 1
        while i < len(t) and (low[i] in ("after-auto", "after-object") or low[i].isdecimal()):
            i += 1
        if i + 3 > len(t) or low[i] != "source" or low[i + 1] not in ("static", "dynamic"):
            raise AclError("twice nat: expected 'source static|dynamic REAL MAPPED'")
        kind = low[i + 1]
        in_real, in_mapped = self._ifaces(spec, src)
        real = self._operand(t[i + 2], src)
        j = i + 3
        if j >= len(t):
            raise AclError("twice nat without a mapped source")
        if low[j] == "pat-pool":
            if j + 1 >= len(t):
                raise AclError("pat-pool without an object")
            mapped = self._operand(t[j + 1], src)
            j += 2
        else:
            mapped = self._operand(t[j], src)
            j += 1
        dest = None
        svc = None
        flags: set[str] = set()
        while j < len(t):
            w = low[j]
            if w == "destination":
                if j + 3 >= len(t) or low[j + 1] != "static":
                    raise AclError("destination must be 'destination static MAPPED REAL'")
                dest = (self._operand(t[j + 2], src), self._operand(t[j + 3], src))
                j += 4
            elif w == "service":
                if j + 2 >= len(t):
                    raise AclError("service needs two service objects")
                svc = (t[j + 1], t[j + 2])
                j += 3
            elif w in (
                "dns",
                "unidirectional",
                "no-proxy-arp",
                "route-lookup",
                "net-to-net",
                "interface",
                "round-robin",
                "extended",
                "flat",
                "include-reserve",
                "block-allocation",
            ):
                flags.add(w)
                j += 1
            else:
                raise AclError(f"unexpected {t[j]!r}")
        identity_src = _same(real, mapped)
        dst_match = None
        if dest is not None:
            d_mapped, d_real = dest
            if not _same(d_mapped, d_real):
                both = (in_real, in_mapped, real.addrs, mapped.addrs, kind == "static")
                if identity_src and kind == "static":
                    return self._partial(src, Text("input.asa.twice_dst"), *both)
                return self._partial(src, Text("input.asa.twice_src_dst"), *both)
            dst_match = d_real.addrs
        service = None
        if svc is not None:
            service = self._twice_service(svc, src)
            if service is None:
                both = (in_real, in_mapped, real.addrs, mapped.addrs, kind == "static")
                return self._partial(src, Text("input.asa.twice_service"), *both)
        if kind == "dynamic":
            if identity_src:
                return []
            m = Match(src=real.addrs, dst=dst_match)
            return [self._dynamic(m, mapped, in_real, in_mapped, src)]
        if identity_src:
            return []  # identity NAT (VPN exemptions): no translation
        if dst_match is not None:
            # source static with an identity destination: bidirectional only between
            # the real source and that destination.
            rules = self._static(
                real.addrs,
                real.hosts,
                mapped,
                in_real,
                in_mapped,
                service,
                src,
                unidirectional="unidirectional" in flags,
            )
            for r in rules:
                if r.kind == "source":
                    r.match = Match(
                        src=r.match.src, dst=dst_match, protocols=r.match.protocols, src_ports=r.match.src_ports
                    )
                else:
                    r.match = Match(
                        src=dst_match, dst=r.match.dst, protocols=r.match.protocols, dst_ports=r.match.dst_ports
                    )
            return rules
        return self._static(
            real.addrs, real.hosts, mapped, in_real, in_mapped, service, src, unidirectional="unidirectional" in flags
        )

    def _twice_service(self, svc: tuple[str, str], src: Src):
        """``service REAL MAPPED`` with single-port tcp/udp destination objects →
        (proto, real_port, mapped_port), else None."""
        out = []
        for name in svc:
            v, m, p = self.objs.services(Ref("object", name))
            if m or p or not v or len(v) != 1:
                return None
            s: Svc = v[0]
            if (
                s.protocols not in ((6,), (17,))
                or not s.dst_ports
                or len(s.dst_ports) != 1
                or s.dst_ports[0].lo != s.dst_ports[0].hi
                or s.src_ports is not None
            ):
                return None
            out.append((s.protocols[0], s.dst_ports[0].lo))
        if out[0][0] != out[1][0]:
            return None
        return out[0][0], out[0][1], out[1][1]

    # ------------------------------------------------------------------ rule makers

    def _dynamic(self, match: Match, mapped: NatAddr, in_real, in_mapped, src: Src) -> NatRule:
        rule = NatRule(kind="source", match=match, in_ifaces=in_real, out_ifaces=in_mapped, source=src)
        if mapped.iface:
            if in_mapped is None or len(in_mapped) != 1:
                rule.partial = Text("input.asa.pat_no_interface")
                self.rep.add_partial("nat", rule.partial, src)
            else:
                rule.to_interface = next(iter(in_mapped))
            return rule
        if mapped.addrs is None or not mapped.addrs:
            rule.partial = Text("input.asa.pool_no_ipv4", name=mapped.name)
            self.rep.add_partial("nat", rule.partial, src)
            return rule
        first = min(a.value for a in mapped.addrs)
        rule.to_ip = first
        if not (len(mapped.addrs) == 1 and mapped.addrs[0].wildcard == 0):
            self.rep.add_partial("nat", Text("input.asa.pool_first", name=mapped.name), src)
        return rule

    def _static(
        self, real, hosts, mapped: NatAddr, in_real, in_mapped, svc, src: Src, unidirectional: bool
    ) -> list[NatRule]:
        protos = (svc[0],) if svc else None
        both = (in_real, in_mapped, real, mapped.addrs, not unidirectional)  # a partial rule's place
        if mapped.iface:
            if hosts is None or len(hosts) != 1:
                return self._partial(src, Text("input.asa.static_iface_many"), *both)
            if in_mapped is None or len(in_mapped) != 1:
                return self._partial(src, Text("input.asa.static_iface_no_interface"), *both)
            out_if = next(iter(in_mapped))
            if_ip = self.if_addr.get(out_if)
            # On `ip address dhcp|pppoe` the mapped address is the one the interface
            # receives at run time (a SOHO port forward): matched as that address, and
            # the source side masquerades to it, as `dynamic interface` does.
            dst_fields: dict = {"dst": (AddrMatch(if_ip, 0),)} if if_ip is not None else {}
            if if_ip is None and out_if in self.runtime_ifs:
                dst_fields = self.runtime_dst
            elif if_ip is None:
                return self._partial(src, iface_address_unknown(out_if), *both)
            r = hosts[0]
            rules: list[NatRule] = [
                NatRule(
                    kind="source",
                    source=src,
                    to_interface=out_if,
                    in_ifaces=in_real,
                    out_ifaces=in_mapped,
                    match=Match(
                        src=(AddrMatch(r, 0),),
                        protocols=protos,
                        src_ports=(PortRange(svc[1], svc[1]),) if svc else None,
                    ),
                )
            ]
            if not unidirectional:
                d = NatRule(
                    kind="destination",
                    source=src,
                    to_ip=r,
                    to_port=svc[1] if svc and svc[1] != svc[2] else None,
                    in_ifaces=in_mapped,
                    match=Match(
                        **dst_fields,
                        protocols=protos,
                        dst_ports=(PortRange(svc[2], svc[2]),) if svc else None,
                    ),
                )
                rules.append(d)
            if svc and svc[1] != svc[2]:
                rules[0].partial = _port_rewrite(svc[1], svc[2])
            return rules
        if real is None or mapped.addrs is None:
            if real is None and mapped.addrs is None:
                return []  # any -> any: identity
            return self._partial(src, Text("input.asa.static_any"), *both)
        if _same_addrs(real, mapped.addrs):
            return []  # identity NAT
        m_hosts = mapped.hosts
        if hosts is None or m_hosts is None:
            return self._partial(src, Text("input.asa.static_too_many", count=MAX_EXPAND), *both)
        if len(m_hosts) != len(hosts):
            if len(m_hosts) == 1 and svc is None:
                return self._partial(src, Text("input.asa.static_many_to_one"), *both)
            if len(m_hosts) != 1:
                return self._partial(src, Text("input.asa.static_sizes"), *both)
        rules = []
        pairs = list(zip(hosts, m_hosts, strict=True)) if len(m_hosts) == len(hosts) else [(hosts[0], m_hosts[0])]
        for r, m in pairs:
            s = NatRule(
                kind="source",
                source=src,
                to_ip=m,
                in_ifaces=in_real,
                out_ifaces=in_mapped,
                match=Match(
                    src=(AddrMatch(r, 0),), protocols=protos, src_ports=(PortRange(svc[1], svc[1]),) if svc else None
                ),
            )
            if svc and svc[1] != svc[2]:
                s.partial = _port_rewrite(svc[1], svc[2])
            rules.append(s)
            if not unidirectional:
                rules.append(
                    NatRule(
                        kind="destination",
                        source=src,
                        to_ip=r,
                        to_port=svc[1] if svc and svc[1] != svc[2] else None,
                        in_ifaces=in_mapped,
                        match=Match(
                            dst=(AddrMatch(m, 0),),
                            protocols=protos,
                            dst_ports=(PortRange(svc[2], svc[2]),) if svc else None,
                        ),
                    )
                )
        if any(r.partial for r in rules):
            self.rep.add_partial("nat", rules[0].partial, src)
        return rules


def _port_rewrite(real: int, mapped: int) -> Text:
    """Why the source half of a static NAT with a service whose ports differ is partial."""
    return Text("input.asa.port_rewrite", real=real, mapped=mapped)


def small_hosts(addrs: tuple[AddrMatch, ...] | None) -> list[int] | None:
    """Individual addresses of a small address set, in order; None when large or any."""
    if addrs is None:
        return None
    total = sum(a.wildcard + 1 for a in addrs)
    if total > MAX_EXPAND or any(a.wildcard & (a.wildcard + 1) for a in addrs):
        return None
    out: list[int] = []
    for a in sorted(addrs, key=lambda a: a.value):
        out.extend(range(a.value, a.value + a.wildcard + 1))
    return out


def _same_addrs(a: tuple[AddrMatch, ...] | None, b: tuple[AddrMatch, ...] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return set(a) == set(b)


def _same(a: NatAddr, b: NatAddr) -> bool:
    if a.iface or b.iface:
        return False
    if a.name and a.name == b.name:
        return True
    return _same_addrs(a.addrs, b.addrs)


__all__ = ["MAX_EXPAND", "NatBuilder", "NatLine", "NatUndefined"]
