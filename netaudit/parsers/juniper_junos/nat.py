"""SRX NAT (``security nat source|destination|static``) → the model's NAT rules
(docs/vendors/juniper_junos.md, "NAT").

Junos rules modelled: static NAT before destination NAT on the way in, its reverse before
source NAT on the way out; rule sets by context, the most specific first (interface, then
zone, then routing instance), rules in order within a set, the first match translates;
``off`` keeps the packet as it is; ``source-nat interface`` → the egress interface's
address; a pool → its address (the first, partial when it has several)."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.messages import Text
from netaudit.model import PROTO_TCP, PROTO_UDP, AddrMatch, Match, NatRule, PortRange, Src
from netaudit.parsers.base import join_reasons
from netaudit.parsers.juniper_junos.names import address, port_range, protocol
from netaudit.parsers.juniper_junos.security import Security
from netaudit.parsers.juniper_junos.syntax import Stmt

_CONTEXT_ORDER = {"interface": 0, "zone": 1, "routing-instance": 2}
_RULE_IGNORED = frozenset({"description", "apply-groups"})


@dataclass
class Pool:
    addrs: list[tuple[int, int]] = field(default_factory=list)  # (ip, length)
    port: int | None = None
    reasons: list[str] = field(default_factory=list)


@dataclass
class RuleSet:
    kind: str
    name: str
    first: Stmt
    frm: list[tuple[str, str]] = field(default_factory=list)  # (zone|interface|routing-instance, name)
    to: list[tuple[str, str]] = field(default_factory=list)
    rules: dict[str, dict] = field(default_factory=dict)


class Nat(Security):
    """Reads the NAT rule sets and pools into model NAT rules."""

    def read_nat(self) -> None:
        pools: dict[tuple[str, str], Pool] = {}
        sets: list[RuleSet] = []
        by_name: dict[tuple[str, str], RuleSet] = {}
        for rest, st in self.conf.under("security", "nat"):
            if len(rest) < 2:
                self.read(st)
                continue
            kind = rest[0]
            if kind in (
                "proxy-arp",
                "traceoptions",
                "pool-utilization-alarm",
                "address-persistent",
                "allow-overlapping-pools",
            ):
                self.read(st)
                continue
            if kind not in ("source", "destination", "static"):
                continue
            body = rest[1:]
            if body[0] == "pool" and len(body) >= 2:
                self._pool(pools.setdefault((kind, body[1]), Pool()), body[2:], st)
            elif body[0] == "rule-set" and len(body) >= 2:
                rs = by_name.get((kind, body[1]))
                if rs is None:
                    rs = by_name[(kind, body[1])] = RuleSet(kind, body[1], st)
                    sets.append(rs)
                self._rule_set(rs, body[2:], st)
            elif body[0] in (
                "pool-utilization-alarm",
                "address-persistent",
                "interface",
                "pool-default-port-range",
                "port-randomization",
                "pool-default-twin-port-range",
            ):
                self.read(st)
        sets.sort(key=lambda rs: min((_CONTEXT_ORDER.get(k, 3) for k, _ in rs.frm), default=3))
        for kind in ("static", "destination", "source"):
            for rs in sets:
                if rs.kind == kind:
                    self._convert(rs, pools)

    def _pool(self, pool: Pool, body: tuple[str, ...], st: Stmt) -> None:
        if not body:
            self.read(st)
            return
        # A pool line not understood: what the pool translates to is not known.
        unread = Text("input.junos.line_not_understood", line=st.line)
        if body[0] == "address" and len(body) >= 2:
            a = address(body[1])
            if a is None:
                pool.reasons.append(unread)
                return
            if len(body) == 2:
                pool.addrs.append(a)
            elif len(body) == 4 and body[2] == "to":
                b = address(body[3])
                if b is None:
                    pool.reasons.append(unread)
                    return
                pool.addrs.append(a)
                pool.reasons.append(Text("input.junos.pool_range"))
            elif len(body) == 4 and body[2] == "port" and body[3].isdecimal():
                pool.addrs.append(a)
                pool.port = int(body[3])
            else:
                pool.reasons.append(unread)
                return
        elif body[0] == "port" and len(body) >= 2 and body[1] == "no-translation":
            pass
        elif body[0] in (
            "description",
            "address-persistent",
            "overflow-pool",
            "host-address-base",
            "port",
            "address-pooling",
            "address-shared",
            "apply-groups",
        ):
            if body[0] == "overflow-pool":
                pool.reasons.append(Text("input.junos.pool_overflow"))
        elif body[0] == "routing-instance":
            pool.reasons.append(Text("input.junos.pool_instance"))
        else:
            pool.reasons.append(unread)
            return
        self.read(st)

    def _rule_set(self, rs: RuleSet, body: tuple[str, ...], st: Stmt) -> None:
        if not body:
            self.read(st)
            return
        if body[0] in ("from", "to") and len(body) == 3 and body[1] in _CONTEXT_ORDER:
            (rs.frm if body[0] == "from" else rs.to).append((body[1], body[2]))
        elif body[0] == "rule" and len(body) >= 2:
            rule = rs.rules.setdefault(body[1], {"st": st, "match": [], "then": [], "reasons": []})
            rule["body"] = [*rule.get("body", []), (body[2:], st)]
            return
        elif body[0] == "description":
            pass
        else:
            return
        self.read(st)

    def _ifaces(self, ctx: list[tuple[str, str]]) -> frozenset[str] | None:
        """The interfaces of a rule set's ``from``/``to`` (None: no context)."""
        if not ctx:
            return None
        out: set[str] = set()
        for kind, name in ctx:
            if kind == "zone":
                out |= {ifn for ifn, z in self.zone_of.items() if z == name}
            elif kind == "interface":
                out.add(name)
            else:
                out |= {ifn for ifn, itf in self.dev.interfaces.items() if itf.vrf == name}
        return frozenset(out)

    def _convert(self, rs: RuleSet, pools: dict[tuple[str, str], Pool]) -> None:
        ins = self._ifaces(rs.frm)
        outs = self._ifaces(rs.to)
        for rname, rule in rs.rules.items():
            m: dict = {"src": [], "dst": [], "dports": [], "protos": [], "then": None, "reasons": []}
            if self.packet_mode:  # NAT needs flow mode
                m["reasons"].append(Text("input.junos.packet_mode_nat"))
            for body, st in rule.get("body", []):
                self._rule_body(m, body, st)
            src = Src(self.file, rule["st"].line, f"nat {rs.kind} rule-set {rs.name} rule {rname}")
            self._rules(rs, m, ins, outs, src, pools)

    def _rule_body(self, m: dict, body: tuple[str, ...], st: Stmt) -> None:
        if not body:
            self.read(st)
            return
        if body[0] == "match" and len(body) >= 3:
            what, value = body[1], body[2]
            if what in ("source-address", "destination-address"):
                a = address(value)
                if a is None:
                    if ":" in value:
                        self.read(st)
                    return
                m["src" if what == "source-address" else "dst"].append(AddrMatch(a[0], (1 << (32 - a[1])) - 1))
            elif what in ("source-address-name", "destination-address-name"):
                r = self.resolve_addrs([value], list(self.zones))
                if r.pats is None:
                    m["reasons"].append(Text("input.junos.nat_match", what=" ".join(body[1:])))
                else:
                    m["src" if what.startswith("source") else "dst"].extend(r.pats)
                    m["reasons"].extend(r.reasons)
            elif what == "destination-port":
                r1 = port_range(value)
                if r1 is None:
                    return
                if len(body) == 5 and body[3] == "to":
                    r2 = port_range(body[4])
                    if r2 is None:
                        return
                    r1 = PortRange(r1.lo, r2.hi)
                m["dports"].append(r1)
            elif what == "protocol":
                p = protocol(value)
                if p is None:
                    return
                m["protos"].append(p)
            elif what in ("application", "source-port"):
                m["reasons"].append(Text("input.junos.nat_match", what=" ".join(body[1:])))
            else:
                return
        elif body[0] == "then" and len(body) >= 3:
            m["then"] = body[2:]
            m["then_src"] = st
            if body[1] not in ("source-nat", "destination-nat", "static-nat"):
                return
        elif body[0] in _RULE_IGNORED:
            pass
        else:
            return
        self.read(st)

    def _rules(self, rs: RuleSet, m: dict, ins, outs, src: Src, pools: dict) -> None:
        dev = self.dev
        then = m["then"]
        reasons = list(m["reasons"])
        protos = tuple(sorted(set(m["protos"]))) or None
        dports = tuple(m["dports"]) or None
        if dports and protos is None:
            protos = (PROTO_TCP, PROTO_UDP)
        match = Match(src=tuple(m["src"]) or None, dst=tuple(m["dst"]) or None, protocols=protos, dst_ports=dports)
        if then is None:
            reasons.append(Text("input.junos.nat_no_then"))
            dev.nat_rules.append(
                NatRule(
                    rs.kind if rs.kind != "static" else "destination",
                    match,
                    in_ifaces=ins,
                    source=src,
                    partial=join_reasons(reasons),
                )
            )
            self.rep.add_partial(src.text, join_reasons(reasons), src)
            return
        word = then[0]
        if rs.kind == "source":
            base = {"in_ifaces": ins, "source": src}
            if word == "off":
                dev.nat_rules.append(
                    NatRule("source", match, out_ifaces=outs, partial=join_reasons(reasons) or None, **base)
                )
            elif word == "interface":
                for ifn in sorted(outs or []):
                    dev.nat_rules.append(
                        NatRule(
                            "source",
                            match,
                            to_interface=ifn,
                            out_ifaces=frozenset({ifn}),
                            partial=join_reasons(reasons) or None,
                            **base,
                        )
                    )
                if outs is None:
                    reasons.append(Text("input.junos.nat_no_context"))
                    dev.nat_rules.append(NatRule("source", match, partial=join_reasons(reasons), **base))
            elif word == "pool" and len(then) >= 2:
                pool = pools.get(("source", then[1]))
                to_ip, why = _pool_ip(pool, then[1])
                reasons += why
                dev.nat_rules.append(
                    NatRule(
                        "source", match, to_ip=to_ip, out_ifaces=outs, partial=join_reasons(reasons) or None, **base
                    )
                )
            else:
                reasons.append(Text("input.junos.nat_then", what=" ".join(then)))
                dev.nat_rules.append(NatRule("source", match, out_ifaces=outs, partial=join_reasons(reasons), **base))
        elif rs.kind == "destination":
            if word == "off":
                dev.nat_rules.append(
                    NatRule("destination", match, in_ifaces=ins, source=src, partial=join_reasons(reasons) or None)
                )
            elif word == "pool" and len(then) >= 2:
                pool = pools.get(("destination", then[1]))
                to_ip, why = _pool_ip(pool, then[1])
                reasons += why
                dev.nat_rules.append(
                    NatRule(
                        "destination",
                        match,
                        to_ip=to_ip,
                        to_port=pool.port if pool is not None else None,
                        in_ifaces=ins,
                        source=src,
                        partial=join_reasons(reasons) or None,
                    )
                )
            else:
                reasons.append(Text("input.junos.nat_then", what=" ".join(then)))
                dev.nat_rules.append(
                    NatRule("destination", match, in_ifaces=ins, source=src, partial=join_reasons(reasons))
                )
        else:  # static: one-to-one both ways
            to_ip = None
            if word == "prefix" and len(then) >= 2:
                b = address(then[1])
                outer = m["dst"]
                if b is not None and b[1] == 32 and len(outer) == 1 and outer[0].wildcard == 0:
                    to_ip = b[0]
                    back = Match(src=(AddrMatch.host(b[0]),))
                    dev.nat_rules.insert(
                        _first_source(dev.nat_rules),
                        NatRule(
                            "source",
                            back,
                            to_ip=outer[0].value,
                            out_ifaces=ins,
                            source=src,
                            partial=join_reasons(reasons) or None,
                        ),
                    )
                else:
                    reasons.append(Text("input.junos.static_prefix"))
            else:
                reasons.append(Text("input.junos.nat_then", what=" ".join(then)))
            dev.nat_rules.append(
                NatRule(
                    "destination", match, to_ip=to_ip, in_ifaces=ins, source=src, partial=join_reasons(reasons) or None
                )
            )
        if reasons:
            self.rep.add_partial(src.text, join_reasons(reasons), src)


def _pool_ip(pool: Pool | None, name: str) -> tuple[int | None, list[str]]:
    if pool is None:
        return None, [Text("input.junos.pool_undefined", name=name)]
    reasons = list(pool.reasons)
    if not pool.addrs:
        return None, [*reasons, Text("input.junos.pool_empty", name=name)]
    ip, length = pool.addrs[0]
    if len(pool.addrs) > 1 or length != 32:
        reasons.append(Text("input.junos.pool_several", name=name))
    return ip, reasons


def _first_source(rules: list[NatRule]) -> int:
    """Where a static NAT's reverse goes: before every source NAT rule read so far."""
    for i, r in enumerate(rules):
        if r.kind == "source":
            return i
    return len(rules)
