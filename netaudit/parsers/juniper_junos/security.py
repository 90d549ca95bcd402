"""SRX flow mode: security zones, their host-inbound traffic, and the security policies
→ the device's forward filter (docs/vendors/juniper_junos.md, "Security zones and
policies").

Junos rules modelled: a logical interface in no zone forwards nothing and accepts no host
traffic (out-of-band ports excepted); traffic from zone A to zone B — A = B too — passes
only by a policy ``from-zone A to-zone B`` (in order), then the ``global`` policies (in
order), then ``default-policy`` (``deny-all`` unless it says ``permit-all``); a policy
matches the destination after destination/static NAT and the source before source NAT
(the engine's order).  Host-inbound traffic set on an interface replaces its zone's."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.messages import Text
from netaudit.model import PROTO_ICMP, Action, Filter, FilterLine, Match, Reference, Src
from netaudit.parsers.base import EVERY_MATCH_STATE, from_state, join_reasons
from netaudit.parsers.juniper_junos.interfaces import OUT_OF_BAND
from netaudit.parsers.juniper_junos.names import App
from netaudit.parsers.juniper_junos.objects import Objects
from netaudit.parsers.juniper_junos.syntax import PARTIAL, Stmt

FORWARD_FILTER = "security-policies"
_ZONE_IGNORED = frozenset(
    {
        "screen",
        "tcp-rst",
        "description",
        "application-tracking",
        "enable-reverse-reroute",
        "source-identity-log",
        "unidirectional-session-refreshing",
        "apply-groups",
    }
)
_POLICY_IGNORED = frozenset({"description", "scheduler-name", "apply-groups"})
_THEN_IGNORED = frozenset({"log", "count"})
_SECURITY_IGNORED = frozenset(
    {
        "screen",
        "log",
        "flow",
        "alg",
        "pki",
        "ssh-known-hosts",
        "certificates",
        "idp",
        "utm",
        "application-tracking",
        "policies",
        "zones",
        "address-book",
        "nat",
        "traceoptions",
        "ike",
        "ipsec",
        "authentication-key-chains",
        "user-identification",
        "dynamic-address",
        "apply-groups",
        "forwarding-process",
        "advance-policy-based-routing",
        "dhcpv6",
        "gprs",
    }
)


@dataclass
class Zone:
    name: str
    src: Stmt
    interfaces: dict[str, Stmt] = field(default_factory=dict)
    host: dict[str, bool] | None = None  # system-services name → allowed (None: none configured)
    iface_host: dict[str, dict[str, bool]] = field(default_factory=dict)
    functional: bool = False


class Security(Objects):
    """Zones, host-inbound traffic, policies."""

    zones: dict[str, Zone]
    flow: bool  # SRX flow mode: zones decide
    packet_mode: bool  # `family mpls mode packet-based`: packet-based processing, no NAT
    host_unsure: set[str]  # interfaces whose host-inbound system services are not certain
    zone_of: dict[str, str]
    # application names of a policy → (its Match keyword sets, why partial, undefined names)
    app_specs_of: dict[tuple[str, ...], tuple[list[dict], list[str], list[str]]]

    def read_zones(self) -> None:
        self.zones = {}
        self.zone_of = {}
        packet_mode = False
        for rest, st in self.conf.under("security", "forwarding-options"):
            # MPLS in packet mode turns the whole device to packet-based processing: no
            # zones, policies or NAT (Juniper, "Basic MPLS Configuration"; "Enabling MPLS").
            if rest[:2] in (("family", "inet"), ("family", "mpls")) and rest[2:] == ("mode", "packet-based"):
                packet_mode = True
            self.read(st)
        for rest, st in self.conf.under("security", "zones"):
            if len(rest) >= 2 and rest[0] == "security-zone":
                self._zone_stmt(rest[1], rest[2:], st, False)
            elif len(rest) >= 2 and rest[0] == "functional-zone" and rest[1] == "management":
                self._zone_stmt("management", rest[2:], st, True)
        # (looked up by their first two words: not every statement of `security`, most of
        # which are policies and addresses); route-based VPN (`ike`, `ipsec`): st0 units
        # are partial interfaces (interfaces.py)
        for word in _SECURITY_IGNORED - {"policies", "zones", "address-book", "nat"}:
            for _, st in self.conf.under("security", word):
                self.read(st)
        self.flow = bool(self.zones) and not packet_mode
        self.packet_mode = packet_mode
        for key, z in self.zones.items():
            for ifn in z.interfaces:
                self.zone_of.setdefault(ifn, key)
        for ifn, key in self.zone_of.items():
            itf = self.dev.interfaces.get(ifn)
            if itf is not None and not self.zones[key].functional:
                itf.zone = key

    def _zone_stmt(self, name: str, rest: tuple[str, ...], st: Stmt, functional: bool) -> None:
        key = ("functional:" if functional else "") + name
        z = self.zones.get(key)
        if z is None:
            z = self.zones[key] = Zone(name, st, functional=functional)
        if not rest:
            self.read(st)
            return
        if rest[0] == "interfaces" and len(rest) >= 2:
            ifn = self._zone_iface(rest[1], st)
            z.interfaces.setdefault(ifn, st)
            if len(rest) == 2:
                if st.state != PARTIAL:
                    self.read(st)
            elif rest[2] == "host-inbound-traffic":
                self._host(z.iface_host.setdefault(ifn, {}), rest[3:], st)
            return
        if rest[0] == "host-inbound-traffic":
            if z.host is None:
                z.host = {}
            self._host(z.host, rest[1:], st)
            return
        if rest[0] == "address-book":
            return  # objects.py
        if rest[0] in _ZONE_IGNORED:
            self.read(st)

    def _zone_iface(self, name: str, st: Stmt) -> str:
        """A zone's interface named without its unit (``ge-0/0/1``) is taken as unit 0 when
        only that unit exists — which unit Junos binds is not established, so the interface
        is partial (never a zone-less interface that passes nothing: a false "blocked")."""
        if "." in name or name in self.dev.interfaces:
            return name
        units = [n for n in self.dev.interfaces if n.startswith(name + ".")]
        if units != [name + ".0"]:
            return name
        unit = self.dev.interfaces[units[0]]
        why = Text("input.junos.zone_no_unit", interface=name)
        unit.partial = join_reasons((unit.partial, why))
        self.partial(f"interface {units[0]}", why, st)
        return units[0]

    def _host(self, table: dict[str, bool], rest: tuple[str, ...], st: Stmt) -> None:
        if len(rest) >= 2 and rest[0] == "system-services":
            table[rest[1]] = not (len(rest) == 3 and rest[2] == "except")
            self.read(st)
        elif len(rest) >= 1 and rest[0] == "protocols":
            self.read(st)  # routing protocols to the device: no service the model holds

    def host_allowed(self, ifn: str) -> dict[str, bool] | None:
        """The system services host-inbound traffic lets in on ``ifn`` (None: every one —
        no flow mode, or an out-of-band port); {} when none."""
        port = ifn.split(".", 1)[0]
        if not self.flow or port in OUT_OF_BAND:
            return None
        zn = self.zone_of.get(ifn)
        if zn is None:
            return {}
        z = self.zones[zn]
        if ifn in z.iface_host:
            if not z.iface_host[ifn] and z.host:
                # The interface lists only protocols, the zone system services: whether the
                # interface's list replaces the zone's services too is not established —
                # the zone's taken (more), the services that rely on it partial.
                self.host_unsure.add(ifn)
                return z.host
            return z.iface_host[ifn]
        return z.host or {}

    # ------------------------------------------------------------------ policies

    def build_policies(self) -> None:
        """The forward filter of an SRX in flow mode; without zones, one that keeps transit
        traffic off the out-of-band management ports (none when there is none)."""
        policy_stmts = list(self.conf.under("security", "policies"))
        self.app_specs_of = {}
        if not self.flow:
            self._out_of_band_filter()
            return
        flt = Filter(
            FORWARD_FILTER, kind="policy", default_action=Action.DENY, default_text=Text("input.junos.default.policy")
        )
        self.dev.filters[FORWARD_FILTER] = flt
        self.dev.forward_filter = FORWARD_FILTER
        contexts: dict[tuple[str, str], dict[str, dict]] = {}
        globals_: dict[str, dict] = {}
        default_permit: Stmt | None = None
        # The path to the zone policy of the statement before, and that policy's body: a
        # policy's statements come one after another (its block), each added at once.
        last: tuple[str, ...] | None = None
        last_body: list[tuple[tuple[str, ...], Stmt]] = []
        for rest, st in policy_stmts:
            if rest[:6] == last:  # (the same `from-zone A to-zone B policy P`)
                last_body.append((rest[6:], st))
            elif len(rest) >= 6 and rest[0] == "from-zone" and rest[2] == "to-zone" and rest[4] == "policy":
                pair = rest[1], rest[3]
                pols = contexts.get(pair)
                if pols is None:
                    pols = contexts[pair] = {}
                pol = pols.get(rest[5])
                if pol is None:  # (its first statement: the rest only add to the body)
                    pol = pols[rest[5]] = {"st": st, "body": []}
                last_body, last = pol["body"], rest[:6]
                last_body.append((rest[6:], st))
            elif len(rest) >= 3 and rest[0] == "global" and rest[1] == "policy":
                pol = globals_.setdefault(rest[2], {"st": st, "body": []})
                pol["body"].append((rest[3:], st))
            elif not rest:
                self.read(st)  # an empty `policies` container
            elif len(rest) == 2 and rest[0] == "default-policy":
                if rest[1] == "permit-all":
                    default_permit = st
                elif rest[1] != "deny-all":
                    continue
                self.read(st)
            elif (
                rest
                and rest[0]
                in ("policy-rematch", "pre-id-default-policy", "traceoptions", "stateful-firewall-rule", "apply-groups")
            ) or (len(rest) >= 4 and rest[0] == "from-zone" and rest[2] == "to-zone" and rest[4:5] == ()):
                self.read(st)
        zoned = frozenset(ifn for ifn, key in self.zone_of.items() if not self.zones[key].functional)
        for (fz, tz), pols in contexts.items():
            ins, outs = self._zone_ifaces(fz), self._zone_ifaces(tz)
            fzs, tzs, context = [fz], [tz], f"from-zone {fz} to-zone {tz}"
            for name, pol in pols.items():
                self._policy(flt, name, pol, fzs, tzs, ins, outs, context)
        for name, pol in globals_.items():
            fzs = [b[0][2] for b in pol["body"] if b[0][:2] == ("match", "from-zone") and len(b[0]) == 3]
            tzs = [b[0][2] for b in pol["body"] if b[0][:2] == ("match", "to-zone") and len(b[0]) == 3]
            for body, st in pol["body"]:
                if body[:2] in (("match", "from-zone"), ("match", "to-zone")):
                    self.read(st)
            ins = zoned if not fzs or "any" in fzs else frozenset().union(*(self._zone_ifaces(z) for z in fzs))
            outs = zoned if not tzs or "any" in tzs else frozenset().union(*(self._zone_ifaces(z) for z in tzs))
            zf = [z for z in fzs if z != "any"] or [k for k, z in self.zones.items() if not z.functional]
            zt = [z for z in tzs if z != "any"] or [k for k, z in self.zones.items() if not z.functional]
            self._policy(flt, name, pol, zf, zt, ins, outs, "global")
        if default_permit is not None:
            flt.lines.append(
                FilterLine(
                    Action.PERMIT,
                    [Match(in_ifaces=zoned, out_ifaces=zoned)],
                    self.src(default_permit),
                    name="default-policy permit-all",
                )
            )

    def _out_of_band_filter(self) -> None:
        """A management port (fxp0, me0, vme, em0) answers for the device but forwards no
        transit traffic: a router or switch without zones routes everything else."""
        oob = {n: i.out_of_band for n, i in self.dev.interfaces.items() if i.out_of_band is not None}
        if not oob:
            return
        lines = [
            FilterLine(Action.DENY, [Match(in_ifaces=frozenset({n})), Match(out_ifaces=frozenset({n}))], src, name=n)
            for n, src in oob.items()
        ]
        name = "out-of-band"
        self.dev.filters[name] = Filter(
            name, lines, Action.PERMIT, kind="synthesized", default_text=Text("input.junos.default.out_of_band")
        )
        self.dev.forward_filter = name

    def _zone_ifaces(self, zone: str) -> frozenset[str]:
        return frozenset(ifn for ifn, zn in self.zone_of.items() if zn == zone)

    def _policy(
        self,
        flt: Filter,
        name: str,
        pol: dict,
        fzones: list[str],
        tzones: list[str],
        ins: frozenset[str],
        outs: frozenset[str],
        context: str,
    ) -> None:
        srcs: list[str] = []
        dsts: list[str] = []
        apps: list[str] = []
        src_neg = dst_neg = False
        action: str | None = None
        reasons: list[str] = []
        for body, st in pol["body"]:
            if len(body) == 3 and body[0] == "match":
                kind, value = body[1], body[2]
                if kind == "source-address":
                    srcs.append(value)
                elif kind == "destination-address":
                    dsts.append(value)
                elif kind == "application":
                    apps.append(value)
                elif (
                    kind in ("source-address-excluded", "destination-address-excluded") and value in ("", "enable")
                ) or (kind == "dynamic-application" and value in ("any", "none")):
                    pass
                elif kind in ("from-zone", "to-zone"):
                    continue
                elif kind in ("dynamic-application", "source-identity", "url-category", "source-end-user-profile"):
                    why = Text("input.junos.policy_match", what=f"{kind} {value}")
                    reasons.append(why)
                    self.partial(f"policy {name}", why, st)
                    continue
                else:
                    continue
            elif (
                len(body) == 2
                and body[0] == "match"
                and body[1] in ("source-address-excluded", "destination-address-excluded")
            ):
                if body[1] == "source-address-excluded":
                    src_neg = True
                else:
                    dst_neg = True
            elif body and body[0] == "then" and len(body) >= 2:
                word = body[1]
                if word in ("permit", "deny", "reject"):
                    action = word if action in (None, word) else action
                    extra = body[2:]
                    if word == "permit" and extra:
                        if extra[0] in ("tunnel", "firewall-authentication", "destination-address", "services-offload"):
                            why = Text("input.junos.policy_then", what=" ".join(body[1:]))
                            if extra[0] != "services-offload":
                                reasons.append(why)
                                self.partial(f"policy {name}", why, st)
                                continue
                        elif extra[0] != "application-services":
                            continue
                elif word not in _THEN_IGNORED:
                    continue
            elif body and body[0] in _POLICY_IGNORED:
                if body[0] == "scheduler-name":
                    why = Text("input.junos.policy_scheduler", name=" ".join(body[1:]))
                    reasons.append(why)
                    self.partial(f"policy {name}", why, st)
                    continue
            elif not body:
                pass
            else:
                continue
            self.read(st)
        if action is None:
            reasons.append(Text("input.junos.policy_no_action"))
            action = "permit"
        s = self.resolve_addrs(srcs or ["any"], fzones)
        d = self.resolve_addrs(dsts or ["any"], tzones)
        key = tuple(apps)
        known = self.app_specs_of.get(key)
        if known is None:  # (policy after policy names the same applications: resolved once)
            a, app_why, app_undef = self.resolve_apps(apps or ["any"])
            if app_why:
                a = None  # partial: every application (a superset), never fewer
            known = self.app_specs_of[key] = (app_specs(a), app_why, app_undef)
        every_spec, app_why, app_undef = known
        reasons += s.reasons + d.reasons + app_why
        src = Src(self.file, pol["st"].line, _summary(name, context, srcs, dsts, apps, action))

        for n in s.undefined + d.undefined:
            self.dev.references.append(Reference("address", n, src, False))
        for n in app_undef:
            self.dev.references.append(Reference("application", n, src, False))
        spats = None if s.pats is None or s.reasons else tuple(s.pats)
        dpats = None if d.pats is None or d.reasons else tuple(d.pats)
        matches: list[Match] = []
        if (spats == () and not src_neg) or (dpats == () and not dst_neg):
            specs: list[dict] = []
        else:
            specs = every_spec
        if specs:
            base = EVERY_MATCH_STATE.copy()  # every key already there: set in field order
            base["src"] = spats if spats is not None or not src_neg else None
            base["dst"] = dpats
            base["src_negate"] = src_neg and spats is not None
            base["dst_negate"] = dst_neg and dpats is not None
            base["in_ifaces"], base["out_ifaces"] = ins, outs
            for sp in specs:
                state = base.copy()
                state.update(sp)
                matches.append(from_state(Match, state))
        if (src_neg and spats is None) or (dst_neg and dpats is None):
            matches = [] if not reasons else matches  # excluding "any": nothing
        act = Action.PERMIT if action == "permit" else Action.DENY
        reason = join_reasons(reasons) or None
        flt.lines.append(FilterLine(act, matches, src, name=name, partial=reason))


def app_specs(apps: list[App] | None) -> list[dict]:
    """Application pieces → Match keyword sets (one per piece, ICMP with its type)."""
    if apps is None:
        return [{}]
    out: list[dict] = []
    for proto, ports, itype in dict.fromkeys(apps):
        sp: dict = {"protocols": (proto,)} if proto is not None else {}
        if ports is not None:
            sp["dst_ports"] = ports
        if proto == PROTO_ICMP and itype is not None:
            sp["icmp_type"] = itype
        out.append(sp)
    return out


def _summary(name: str, context: str, srcs: list[str], dsts: list[str], apps: list[str], action: str) -> str:
    return (
        f"policy {name} ({context}): source {_names(srcs)}, destination {_names(dsts)}, "
        f"application {_names(apps)}, then {action}"
    )


def _names(v: list[str]) -> str:
    """A policy's names of one kind, as its summary shows them: the first three."""
    if len(v) == 1:  # (most lists)
        return v[0] or "any"
    shown = " ".join(v[:3]) or "any"
    return shown + (f" … (+{len(v) - 3})" if len(v) > 3 else "")
