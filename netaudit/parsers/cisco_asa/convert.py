"""Cisco ASA: what was read → the vendor-neutral model, once the whole file is read.

Cross-references are resolved here: ``nameif`` and security levels (``nameif
inside`` without a level = 100, any other name = 0, as the ASA sets them; an
interface without ``nameif`` passes no traffic, so its addresses are dropped with a
warning), objects and groups (:class:`.objects.Objects`), ACL entries
(:mod:`.acl_entries`), then NAT (:mod:`.nat`; pre-8.3 NAT: :mod:`.legacy_nat`), the
site-to-site VPN traffic that bypasses the access-lists (:mod:`.vpn`), the
forwarding policy (:mod:`.policy`), routes (``management-only`` interfaces route in
their own table from ASA 9.5), management services (:mod:`.services`) and references.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, IfKind, L2Mode, Match, NatRule, Reference, Route, Src
from netaudit.parsers.base import Unknown, runtime_address_match
from netaudit.parsers.cisco_asa.acl_entries import Entry, parse_entry
from netaudit.parsers.cisco_asa.legacy_nat import LegacyNat, LegacyNatBuilder
from netaudit.parsers.cisco_asa.nat import NatBuilder, NatLine, NatUndefined
from netaudit.parsers.cisco_asa.objects import AclError, Objects, is_v6, resolve_ip
from netaudit.parsers.cisco_asa.policy import PolicyBuilder
from netaudit.parsers.cisco_asa.services import ServiceBuilder
from netaudit.parsers.cisco_asa.syntax import hostname_of_file, version_tuple
from netaudit.parsers.cisco_common import line_not_understood
from netaudit.parsers.ip import ip_to_int, len_to_mask, mask_to_len, prefix_of

MGMT_VRF = "management"  # management-only routing table (ASA 9.5+)


class ModelBuilder(PolicyBuilder, ServiceBuilder):
    """:meth:`finish`: the conversion to the model."""

    def finish(self) -> None:
        dev = self.dev
        if not dev.hostname:
            dev.hostname = hostname_of_file(self.file)
        self.rep.devices = [dev.hostname]
        self._finish_interfaces()
        self.objs = Objects(
            self.nets,
            self.svc_objs,
            self.groups,
            self.names,
            {nf: self.if_ip.get(real) for nf, real in self.nameif_to_if.items()},
        )
        self.objs.nameif_real = dict(self.nameif_to_if)
        self._finish_acls()
        self._finish_access_groups()
        self._finish_nat()  # before the policy: pre-8.3 NAT makes some of its lines partial
        self._finish_vpn()  # before the policy: decrypted traffic bypasses its access-lists
        self._finish_policy()
        self._finish_routes()
        self._finish_l2tp()  # before the services: where L2TP over IPsec is answered
        self._finish_services()
        self._finish_refs()

    # --- interfaces

    def _finish_interfaces(self) -> None:
        dev = self.dev
        self.nameif_to_if = {}
        self.if_ip = {}
        self.levels = {}
        has_vlan_ifs = any(st.iface.kind == IfKind.SVI and st.nameif for st in self.ifs.values())
        uses_switchport = any(st.sw_any for st in self.ifs.values()) or has_vlan_ifs
        for name, st in self.ifs.items():
            iface = st.iface
            if st.nameif:
                nameif_src = st.nameif_src
                assert nameif_src is not None  # set with the nameif
                if st.nameif in self.nameif_to_if:
                    why = Text("input.asa.nameif_twice", nameif=st.nameif)
                    self.rep.warnings.append(Text("input.at", where=f"{self.file}:{nameif_src.line}", what=why))
                self.nameif_to_if[st.nameif] = name
                iface.zone = st.nameif
                level, lsrc = st.level, st.level_src  # set (and cleared) together
                if level is None or lsrc is None:  # set by the ASA when the name was given
                    level, lsrc = (100 if st.nameif.lower() == "inside" else 0), nameif_src
                iface.security_level = level
                self.levels[name] = (level, lsrc)
                if st.addr is not None:
                    iface.addresses = [st.addr]
                    iface.virtual_addresses = [prefix_of(s, st.addr.prefixlen) for s in st.standby]
                    self.if_ip[name] = int(st.addr.ip)
                else:
                    self.if_ip[name] = None
            elif st.addr is not None and self.transparent is not None and name.upper().startswith("BVI"):
                # Transparent mode: a bridge group's BVI holds its management address and
                # needs no nameif (no warning).  The bridging is not modelled, so neither is
                # the address: what reaches it stays unknown, never "blocked".
                pass
            elif st.addr is not None:
                assert st.addr_src is not None  # set with the address
                why = Text("input.asa.address_no_nameif", name=name)
                self.rep.warnings.append(Text("input.at", where=f"{self.file}:{st.addr_src.line}", what=why))
            # L2 role (ASA 5505-style switch ports)
            if st.sw_any or (
                uses_switchport
                and not st.nameif
                and iface.kind == IfKind.PHYSICAL
                and name.startswith("Ethernet")
                and st.addr is None
            ):
                if st.mode == "trunk":
                    iface.mode = L2Mode.TRUNK
                    iface.allowed_vlans = st.allowed
                    iface.native_vlan = st.native if st.native is not None else 1
                else:
                    iface.mode = L2Mode.ACCESS
                    iface.access_vlan = st.access_vlan if st.access_vlan is not None else 1
            if iface.kind == IfKind.SUBINTERFACE and iface.encapsulation_vlan is None and iface.addresses:
                why = Text("input.asa.subinterface_no_vlan", name=name)
                self.rep.warnings.append(Text("input.at", where=self.file, what=why))
                iface.addresses, iface.virtual_addresses = [], []
            parent = (
                self.ifs.get(iface.parent) if iface.kind == IfKind.SUBINTERFACE and iface.parent is not None else None
            )
            if parent is not None and parent.iface.shutdown:
                iface.shutdown = True  # a subinterface is down with its parent
        for name, st in list(self.ifs.items()):
            for member, msrc in st.members:
                m = self._iface(member, msrc)
                m.iface.parent = name
            if st.channel_group is not None:
                pc = st.channel_group[0]
                if pc not in self.ifs:
                    self._iface(pc, st.channel_group[1])
                st.iface.parent = pc
        for nameif, src in self.urpf:
            real = self.nameif_to_if.get(nameif)
            if real is None:
                self.ref("nameif", nameif, src)
            else:
                dev.interfaces[real].urpf = "strict"
        if self.transparent is not None:
            for st in self.ifs.values():
                if st.nameif:
                    self.iface_partial(st.iface, Text("input.asa.transparent_iface"), self.transparent)

    # --- ACLs

    def _finish_acls(self) -> None:
        memo: dict[tuple[str, ...], Entry | AclError] = {}
        for name, acl in self.acls.items():
            if acl.standard:
                continue
            flt = Filter(name=name, kind="extended", source=acl.src, default_text=Text("input.asa.default.end_of_acl"))
            for tokens, src in acl.entries:
                got = memo.get(tokens)
                if got is None:
                    try:
                        got = parse_entry(tokens, self.objs)
                    except AclError as exc:
                        got = exc
                    memo[tokens] = got
                if isinstance(got, AclError):
                    self.rep.unrecognized.append(src)
                    act = Action.DENY if tokens and tokens[0].lower() == "deny" else Action.PERMIT
                    why = line_not_understood(src.line, got)
                    flt.lines.append(FilterLine(act, [Match()], src, name, why))
                    self.rep.add_partial(f"acl {name}", why, src)
                    continue
                for r in got.missing:
                    kind = {"group": "object-group", "object": "object"}.get(r.kind, r.kind)
                    if kind == "interface":
                        kind = "nameif"
                    self.ref(kind, r.name, src)
                if got.inactive:
                    continue
                flt.lines.append(FilterLine(got.action, list(got.matches), src, name, got.partial))
                if got.partial:
                    self.rep.add_partial(f"acl {name}", got.partial, src)
            self.dev.filters[name] = flt

    # --- NAT

    def _finish_nat(self) -> None:
        runtime = {n for n, i in self.dev.interfaces.items() if i.dynamic_address}
        nb = NatBuilder(self.objs, self.nameif_to_if, self.if_ip, self.rep, (runtime, runtime_address_match(self.dev)))
        rules: list[NatRule] = []

        def convert(line: NatLine, fn):
            try:
                return fn(line)
            except NatUndefined as exc:
                self.rep.add_partial("nat", Text("input.asa.nat_not_applied", why=exc.why), line.src)
                return None
            except AclError as exc:
                self.rep.unrecognized.append(line.src)
                self.rep.add_partial("nat", line_not_understood(line.src.line, exc), line.src)
                return None

        for line in self.nat_manual:
            got = convert(line, nb.twice_nat)
            rules.extend(got or [])
        objs: list[tuple[tuple, list]] = []
        for line in self.nat_object:
            assert line.obj is not None  # object NAT lines name their object
            obj = self.nets.get(line.obj)
            if obj is None or not obj.defined:
                self.ref("object", line.obj, line.src)
                continue
            if obj.partial:
                self.rep.add_partial("nat", Text("input.at", where=f"object {obj.name}", what=obj.partial), line.src)
                continue
            got = convert(line, lambda ln, o=obj: nb.object_nat(ln, o.addrs))
            if got is not None:
                objs.append((got[1], got[0]))
        for _, rs in sorted(objs, key=lambda kv: kv[0]):
            rules.extend(rs)
        for line in self.nat_after:
            got = convert(line, nb.twice_nat)
            rules.extend(got or [])
        self.legacy = LegacyNat()
        if self.legacy_nat or self.nat_control is not None:
            levels = {n: lvl for n, (lvl, _src) in self.levels.items()}
            mgmt_only = {n for n in levels if self.ifs[n].mgmt_only is not None}
            usable = {
                n: f.partial is None and not any(ln.partial for ln in f.lines) for n, f in self.dev.filters.items()
            }
            self.legacy = LegacyNatBuilder(nb, levels, mgmt_only, usable, self.rep).build(
                self.legacy_nat, self.nat_control
            )
            rules.extend(self.legacy.rules)
            # an 8.2 outbound ACL sees addresses as on its interface: translated sources
            self.dev.snat_before_out_filter = bool(self.legacy_nat)
        for r, src in nb.missing:
            kind = {"group": "object-group", "interface": "nameif"}.get(r.kind, r.kind)
            self.ref(kind, r.name, src)
        self.dev.nat_rules = rules

    # --- routes

    def _finish_routes(self) -> None:
        dev = self.dev
        version = version_tuple(dev.os_version)
        separate_mgmt = version is None or version >= (9, 5)
        for tokens, src in self.routes:
            try:
                self._route(tokens, src, separate_mgmt)
            except (Unknown, ValueError):
                self.rep.unrecognized.append(src)
                self.dev.unread_routes.append(src)  # a route the table may lack (docs/semantics.md)

    def _route(self, tokens: list[str], src: Src, separate_mgmt: bool) -> None:
        dev = self.dev
        nameif = tokens[1]
        if is_v6(tokens[2]):
            self.ignored += 1
            return
        p = resolve_ip(tokens[2], self.names)
        m = ip_to_int(tokens[3])
        plen = mask_to_len(m) if m is not None else None
        if p is None or plen is None:
            raise Unknown
        prefix = prefix_of(p & len_to_mask(plen), plen)
        low = [t.lower() for t in tokens]
        if nameif.lower() == "null0":
            dev.routes.append(Route(prefix=prefix, interface="Null0", drop=True, source=src))
            return
        if len(tokens) < 5:
            raise Unknown
        nh = resolve_ip(tokens[4], self.names)
        if nh is None:
            raise Unknown
        distance = 1
        i = 5
        tunneled = False
        while i < len(tokens):
            w = low[i]
            if w.isdecimal():
                distance = int(w)
                i += 1
            elif w == "track" and i + 1 < len(tokens):
                i += 2
            elif w == "tunneled":
                tunneled = True
                i += 1
            else:
                raise Unknown
        if tunneled:
            self.rep.add_partial(f"route {prefix}", Text("input.asa.route_tunneled"), src)
            return
        real = self.nameif_to_if.get(nameif)
        if real is None:
            self.ref("nameif", nameif, src)
            return
        vrf = "default"
        if separate_mgmt and self.ifs[real].mgmt_only is not None:
            vrf = MGMT_VRF  # ASA 9.5+: management-only routing table
            dev.vrfs.add(MGMT_VRF)
        dev.routes.append(
            Route(prefix=prefix, vrf=vrf, next_hop=nh or None, interface=real, distance=distance, source=src)
        )

    # --- references

    def _finish_refs(self) -> None:
        defined = {
            "acl": set(self.acls) | self.ipv6_acls,
            "object": set(self.nets) | set(self.svc_objs),
            "object-group": set(self.groups),
            "nameif": set(self.nameif_to_if),
            "interface": set(self.dev.interfaces),
        }
        seen: set[tuple] = set()
        for kind, name, src in self.refs:
            key = (kind, name, src.line)
            if key in seen:
                continue
            seen.add(key)
            self.dev.references.append(Reference(kind, name, src, name in defined.get(kind, ())))
