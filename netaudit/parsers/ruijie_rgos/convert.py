"""The RGOS rules applied once the whole file is read, over the IOS conversion
(:mod:`netaudit.parsers.cisco_ios.convert`) where RGOS differs or is not established
(docs/vendors/ruijie_rgos.md):

* an ``ip access-group`` on an L2 switch port, or ``out`` on an SVI: partial, the filter
  not applied (what RGOS does there is not what a routed interface's ACL does);
* an ``ip access-group`` naming an ACL that is not defined (or has no entries): partial —
  IOS's "permits everything" is not RGOS's documented rule;
* a global ACL: every interface partial;
* a vty ``access-class`` or SNMP ACL naming an ACL not defined (or empty): the service
  partial (IOS's "permits everything" is not established for RGOS);
* ``enable service``: the servers as written; one nothing in the file switches on or
  off has a default not established here, so it is partial;
* NAT: read with the IOS syntax, each rule partial (RGOS's NAT chapter not checked);
* no Smart Install (a Cisco feature);
* guest Wi-Fi: each SSID in the VLAN its WLAN maps to; a portal makes that SVI partial.
"""

from __future__ import annotations

from netaudit.messages import Text
from netaudit.model import PROTO_TCP, IfKind, Interface, L2Mode, MgmtService, PortRange, Src, Ssid
from netaudit.parsers.base import carried_svis, join_reasons
from netaudit.parsers.cisco_ios.convert import ModelBuilder
from netaudit.parsers.cisco_ios.state import IfState
from netaudit.parsers.ruijie_rgos.facts import RuijieFacts


class RuijieBuilder(ModelBuilder):
    """:meth:`finish` with the RGOS rules."""

    facts: RuijieFacts
    global_acls: list[tuple[str, Src]]
    wlan_webauth: dict[int, Src]
    wlan_src: dict[int, Src]
    wlan_open: dict[int, bool]
    snmp_hosts: list[tuple[str, Src]]
    web_bare: Src | None

    def finish(self) -> None:
        super().finish()
        dev = self.dev
        # IOS's "an empty ACL permits everything" warning says IOS's rule; the interfaces
        # that use one are partial instead (_fail_open_filters).
        self.rep.warnings = [w for w in self.rep.warnings if getattr(w, "key", None) != "input.ios.acl_empty"]
        for text, src in self.global_acls:
            why = Text("input.ruijie.global_acl", text=text)
            for iface in dev.interfaces.values():
                self.iface_partial(iface, why, src)
        for rule in dev.nat_rules:
            rule.partial = join_reasons((rule.partial, Text("input.ruijie.nat")))
            if rule.source is not None:
                self.rep.add_partial("nat", Text("input.ruijie.nat"), rule.source)
        self._finish_wireless()
        self._port_doubts_to_svis()

    def _port_doubts_to_svis(self) -> None:
        """A switch port only partly understood (an ACL, an expert ACL, web
        authentication, 802.1X on it) decides what its hosts send: the engine places a
        zone's hosts in the VLAN, not behind a port, so the SVI of each VLAN the port
        carries is partial too — routed verdicts from and to those hosts are unknown,
        never "reachable" past a filter the model does not read."""
        dev = self.dev
        for port in list(dev.interfaces.values()):
            if port.mode not in (L2Mode.ACCESS, L2Mode.TRUNK) or not port.partial:
                continue
            st = self.ifs.get(port.name)
            # a mode not modelled (`hybrid`, QinQ …): which VLANs it carries is not known
            unmodelled = st is not None and st.mode not in (None, "access", "trunk")
            where = port.source or Src(self.file, 1, dev.hostname)
            for svi in carried_svis(dev, port, every_vlan=unmodelled):
                self.iface_partial(svi, port.partial, where)

    def _resolve_mode(self, st: IfState) -> None:
        super()._resolve_mode(st)
        iface = st.iface
        l2 = iface.mode in (L2Mode.ACCESS, L2Mode.TRUNK)
        for attr in ("acl_in", "acl_out"):
            spec = getattr(st, attr)
            if spec is None:
                continue
            if l2:
                self.iface_partial(iface, Text("input.ruijie.port_acl", acl=spec[0], interface=iface.name), spec[1])
                setattr(st, attr, None)
            elif attr == "acl_out" and iface.kind == IfKind.SVI:
                self.iface_partial(iface, Text("input.ruijie.svi_acl_out", acl=spec[0], interface=iface.name), spec[1])
                setattr(st, attr, None)

    def _fail_open_filters(self, uses: list[tuple[Interface, str, tuple[str, Src]]]) -> None:
        for iface, _attr, (name, src) in uses:
            self.iface_partial(iface, Text("input.ruijie.acl_undefined", acl=name), src)

    def _finish_smart_install(self) -> None:
        return None  # Smart Install is Cisco's; RGOS has none

    def _finish_services(self, usable: set[str]) -> None:
        super()._finish_services(usable)
        dev, facts = self.dev, self.facts
        states = facts.enable_service
        kept: list[MgmtService] = []
        for svc in dev.services:
            if svc.name in ("telnet", "ssh", "snmp"):
                state = states.get(svc.name)
                if state is None:
                    self._service_default(svc)
                elif not state[0]:
                    continue  # `no enable service …`: not listening
                elif svc.source is None:
                    svc.source = state[1]
            kept.append(svc)
        for name, port, insecure in (("http", self.http["port"], True), ("https", self.http["secure_port"], False)):
            state = states.get(name)
            if state is not None and not state[0]:
                continue
            svc = MgmtService(
                name, PROTO_TCP, (PortRange(port, port),), insecure=insecure, source=state[1] if state else None
            )
            if state is None:
                self._service_default(svc)
            kept.append(svc)
            setattr(facts, "http_server" if name == "http" else "https_server", svc.source)
        dev.services = kept
        self._undefined_service_acls(usable)

    def _undefined_service_acls(self, usable: set[str]) -> None:
        """A vty ``access-class`` or an SNMP community ACL naming an ACL that is not defined
        (or has no entries): IOS lets every source in, which is how the IOS conversion left
        the service — RGOS's rule is not established, so the service is partial (unknown,
        neither open to all nor restricted).  So is SNMP with a community tied to one
        manager (``host A``, not modelled)."""
        vty = [ln for ln in self.lines_cfg if ln.kind == "vty"]
        for svc in self.dev.services:
            missing: list[tuple[str, Src]] = []
            if svc.name in ("telnet", "ssh"):
                for ln in vty:
                    allows = ln.transports if ln.transports is not None else {"telnet", "ssh"}
                    if svc.name in allows and ln.acl is not None and ln.acl[0] not in usable:
                        missing.append(ln.acl)
            elif svc.name == "snmp":
                missing = [(name, src) for name, src in self.snmp if name is not None and name not in usable]
            reasons = [(Text("input.ruijie.acl_undefined", acl=name), src) for name, src in missing]
            if svc.name == "snmp":
                reasons += [(Text("input.ruijie.snmp_host", host=host), src) for host, src in self.snmp_hosts]
            for why, src in reasons:
                svc.partial = join_reasons((svc.partial, why))
                self.rep.add_partial(f"service {svc.name}", why, src)

    def _service_default(self, svc: MgmtService) -> None:
        """A server no line switches on or off: its default on this release is not
        established from the documentation at hand — partial, never absent.  HTTPS after
        a bare ``[no] enable service web-server``: whether that line covers it is not
        established either."""
        if svc.name == "https" and self.web_bare is not None:
            why = Text("input.ruijie.web_server_bare", text=self.web_bare.text)
            where = self.web_bare
        else:
            why = Text("input.ruijie.service_default", service=svc.name)
            where = self.version_src or Src(self.file, 1, self.dev.hostname)
        svc.partial = join_reasons((svc.partial, why))
        self.rep.add_partial(f"service {svc.name}", why, where)

    def _finish_wireless(self) -> None:
        """Each SSID, in the VLAN(s) its WLAN maps to (``netaudit init`` drafts the guest
        zone from it); a portal on it makes the VLAN's SVI partial."""
        dev, facts = self.dev, self.facts
        for wlan, ssid in sorted(facts.ssids.items()):
            src = self.wlan_src.get(wlan)
            open_auth = self.wlan_open.get(wlan)
            vlans: list[int | None] = [*sorted(facts.ssid_vlans.get(wlan, ()))] or [None]
            for vid in vlans:
                dev.ssids.append(Ssid(ssid, vlan=vid, open_auth=open_auth, source=src))
        for wlan, vids in sorted(facts.ssid_vlans.items()):
            portal = self.wlan_webauth.get(wlan)
            for vid in sorted(vids):
                svi = dev.interfaces.get(f"Vlan{vid}")
                if svi is not None and portal is not None:
                    self.iface_partial(svi, Text("input.ruijie.web_auth"), portal)
