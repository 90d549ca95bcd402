"""What must change, vendor-neutral (docs/remedy.md): from an audit, the changes that close
its findings, merged per device.

* :class:`Block` — traffic the policy denies (or limits) between two zones, stopped where
  it enters a router from its source zone (the source zone's gateway interfaces), or —
  from an external zone, whose packets may be translated on the way in (DNAT) — where it
  leaves towards the destination zone.  One block per (device, interface, direction,
  source zone, destination zone); the services the policy still allows stay allowed.
* :class:`Restrict` — a service on a device's own control plane reached from a zone that
  may not reach it: limited to the management zone (or turned off when cleartext).
* :class:`AntiSpoof` — a zone whose hosts forge other zones' source addresses past
  source-based rules: strict reverse-path checking (uRPF) where its packets enter a router.
* :class:`Unbind` — an interface bound to an ACL the configuration never defines (IOS
  filters nothing there): the binding is removed, which changes no packet's fate.
* :class:`Unfixable` — a finding no configuration change of the snapshot closes (a device
  outside the snapshot, two zones in one L2 segment without a router), or none the plan
  can choose without the site file saying more (no management zone to limit SSH to),
  with the reason.

The vendor modules (``netaudit/remedy/<registry id>.py``) spell the blocks and restrictions
in their syntax and patch a copy of the configuration text; :mod:`.prove` re-audits it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import IPNetwork, IPSet

from ..checks.config import FAIL_OPEN_VENDORS, reference_usage
from ..headerspace import service_match
from ..messages import both
from ..model import VPN_ENDPOINTS
from ..policy import ALLOW, DENY, GATEWAY_SERVICES, LIMITED, excess, services_packets
from ..vocabulary import DEVICES_ZONE

# Vendors whose change set closes a gateway service where the Internet enters only
# (EdgeClose: a drop on the WAN interface, FortiOS the WAN's DNS server entry deleted);
# elsewhere an open resolver is left with the port to drop by hand (Cisco ASA serves no
# DNS: docs/remedy.md, "Open resolver").
EDGE_CLOSE_VENDORS = frozenset(
    {"mikrotik_routeros", "cisco_ios", "fortinet_fortios", "linux", "openwrt", "huawei_vrp", "juniper_junos"}
)
# Cleartext VPN tunnel servers (model service names: L2TP and L2F udp/1701, PPTP tcp/1723)
# the Internet reaches: closed where it enters, by the vendors whose renderer spells that
# (EdgeClose; docs/remedy.md, "Cleartext L2TP / PPTP servers"). Elsewhere they are
# restricted like any other device service.
CLEARTEXT_TUNNELS = frozenset({"l2tp", "l2f", "pptp"})
TUNNEL_CLOSE_VENDORS = frozenset({"cisco_ios"})
# Management checks a restriction of the service closes (docs/remedy.md).
SERVICE_CHECKS = {
    "mgmt-telnet",
    "mgmt-http-server",
    "mgmt-vty-no-access-class",
    "mgmt-snmp-community",
    "ios-smart-install",
}
FLOW_CHECKS = {"guest-isolation", "policy-violation"}
# A vendor's own hardening checks whose finding names one configuration line a renderer
# can act on (turn a server off, require a login) or must say it leaves open (a password
# only its owner can set again): handed to the device's plan (DevicePlan.hardening).
HARDENING_CHECKS = {
    "huawei-reversible-password",
    "huawei-vty-no-authentication",
    "huawei-ftp-server",
    "junos-ssh-root-login",
}
# Cleartext services restricted to the management zone rather than turned off (SNMP v1/v2c:
# the monitoring server still polls the devices; its check asks for a source ACL).
KEEP_RESTRICTED = {"snmp"}


@dataclass
class Block:
    device: str
    interface: str
    direction: str  # in | out
    src_zone: str
    dst_zone: str
    src: list[IPNetwork]
    dst: list[IPNetwork]  # the destination zone's addresses ([] = the device's own: see Restrict)
    allow: tuple[str, ...] = ()  # services the policy still allows (limited): not blocked
    findings: list[str] = field(default_factory=list)
    # The network devices' own addresses inside ``dst`` (an external zone's set is every
    # address no inside zone owns: a router's transit-link and WAN addresses too).  Packets to
    # them are for the devices — the zone → @devices cell decides those (restrictions), not
    # this block; a deny of them cut the management zone off a router it manages.  A vendor
    # that reads it permits them before the deny (H3C Comware); [] where dst is an inside zone.
    devices: list[IPNetwork] = field(default_factory=list)


@dataclass
class Restrict:
    device: str
    service: str  # model MgmtService name (ssh, telnet, http, https, snmp, winbox …)
    protocol: int
    ports: tuple[tuple[int, int], ...]
    allow_from: list[IPNetwork]  # the management zone's subnets ([] = nobody: turn it off)
    insecure: bool = False
    zones: list[str] = field(default_factory=list)  # the zones that reached it
    findings: list[str] = field(default_factory=list)


@dataclass
class AntiSpoof:
    device: str
    interface: str
    zone: str  # the zone whose forged packets it stops
    findings: list[str] = field(default_factory=list)


@dataclass
class EdgeClose:
    """A gateway service the inside zones use (DNS, DHCP) that answers the Internet too
    (an open resolver): dropped where the external zone enters the device, so the
    inside zones keep it.  Also a cleartext L2TP/PPTP server the Internet reaches
    (:data:`CLEARTEXT_TUNNELS`, on :data:`TUNNEL_CLOSE_VENDORS`)."""

    device: str
    interfaces: list[str]  # where the external zone's packets enter the device
    service: str  # "udp/53"
    findings: list[str] = field(default_factory=list)
    # Inside zones that lost the service in the proof's first round (set by remedy/prove.py):
    # a renderer that removes the listener (FortiOS) leaves it on for them instead.
    kept_for: list[str] = field(default_factory=list)


@dataclass
class Keep:
    """A gateway service the policy allows a zone (DNS, DHCP) that the zone reached before
    the change and the change set alone would take away (its ports moved onto a VLAN
    interface whose own input rules drop it): accepted on the device again."""

    device: str
    zone: str
    subnets: list[IPNetwork]  # the zone's addresses: the interface holding them is its gateway
    service: str  # "tcp/53"


@dataclass
class Hardening:
    """A finding of a vendor hardening check (:data:`HARDENING_CHECKS`) on one line."""

    check: str
    finding: str  # the finding id
    file: str
    line: int  # 1-based line of the configuration it cites


@dataclass
class Unbind:
    device: str
    interface: str
    direction: str  # in | out
    acl: str  # the undefined name
    findings: list[str] = field(default_factory=list)


@dataclass
class Unfixable:
    finding: str  # finding id
    check: str
    title: dict[str, str]
    reason: dict[str, str]


@dataclass
class DevicePlan:
    device: str
    vendor: str
    file: str
    blocks: list[Block] = field(default_factory=list)
    restricts: list[Restrict] = field(default_factory=list)
    unbinds: list[Unbind] = field(default_factory=list)
    antispoofs: list[AntiSpoof] = field(default_factory=list)
    keeps: list[Keep] = field(default_factory=list)  # set by the proof (remedy/prove.py)
    closes: list[EdgeClose] = field(default_factory=list)
    hardening: list[Hardening] = field(default_factory=list)
    # What the policy lets the Internet reach on the devices (their VPN endpoint, the
    # external → @devices row): a renderer re-accepting a WAN zone's services keeps only these.
    edge_services: list[str] = field(default_factory=list)
    mgmt: list[IPNetwork] = field(default_factory=list)  # the management zone(s)' subnets
    # The site zones' addresses by name (an external zone: every address no inside zone
    # owns): a renderer that names where a restricted zone enters the device by interface,
    # not by source address (Junos host-inbound traffic), finds its interfaces with them.
    zones: dict[str, list[IPNetwork]] = field(default_factory=dict)


@dataclass
class Plan:
    devices: dict[str, DevicePlan]
    unfixable: list[Unfixable]
    mgmt: list[IPNetwork]  # the management zone(s)' subnets


def _nets(ipset: IPSet) -> list[IPNetwork]:
    return list(ipset.iter_cidrs())


def gateways(audit, zone: str) -> list[tuple[str, str]]:
    """(device, interface) where the zone's packets enter a router: the routed interfaces
    of its segments, and for a zone behind tunnels (site ``via: tunnel``) the interfaces
    whose tunnels lead to it — packets leave toward it there, before encryption."""
    pz = next(z for z in audit.zones if z.name == zone)
    out: list[tuple[str, str]] = []
    for did in pz.domains:
        for dev, ifn in audit.topology.domains[did].l3:
            if (dev, ifn) not in out:
                out.append((dev, ifn))
    out += [t for t in pz.tunnels if t not in out]
    return out


def _device_plan(plans: dict[str, DevicePlan], audit, name: str) -> DevicePlan:
    if name not in plans:
        dev = audit.topology.devices[name]
        plans[name] = DevicePlan(name, dev.vendor, dev.file)
    return plans[name]


def derive(audit) -> Plan:
    """The plan of ``audit``: blocks for every violating zone-to-zone cell, restrictions for
    every management service reached against the policy, and what cannot be fixed."""
    hs = audit.engine.hs
    kinds = {z.name: z.kind for z in audit.zones}
    owned = {z.name: z.owned for z in audit.zones}
    mgmt = [n for z in audit.zones if z.kind == "management" for n in _nets(z.owned)]
    plans: dict[str, DevicePlan] = {}
    unfixable: list[Unfixable] = []
    by_cell: dict[tuple[str, str], list] = {}
    # What the policy lets the Internet reach on the devices (their VPN endpoint): a
    # service there stays on, whoever else reaches it.
    edge_services: list[str] = []
    for cell in audit.matrix:
        exp = cell.expectation
        external = cell.dst == DEVICES_ZONE and kinds.get(cell.src) == "external"
        if external and exp is not None and exp.expected == LIMITED:
            edge_services += [s for s in exp.allowed_services if s not in edge_services]
    edge_vpn = services_packets(hs, edge_services)
    for f in audit.findings:
        if f.check in FLOW_CHECKS and len(f.zones) >= 2:
            by_cell.setdefault((f.zones[0], f.zones[1]), []).append(f)
    for cell in audit.matrix:
        if not cell.violation or cell.delivered is None:
            continue
        ids = [f.id for f in by_cell.get((cell.src, cell.dst), [])]
        exp = cell.expectation
        allow = tuple(exp.allowed_services) if exp is not None and exp.expected not in (ALLOW, DENY) else ()
        if cell.dst == DEVICES_ZONE:
            _restrict(audit, plans, cell, excess(hs, cell), mgmt, ids, edge_vpn, unfixable)
            continue
        zones = {z.name: z for z in audit.zones}
        # From a zone behind a tunnel too: its packets skip the inbound ACL where they come
        # decrypted (docs/semantics.md, "A zone behind a tunnel").
        external = kinds.get(cell.src) in ("external", "wan") or bool(zones[cell.src].tunnels)
        points = gateways(audit, cell.dst if external else cell.src)
        if set(zones[cell.src].domains) & set(zones[cell.dst].domains):
            points = []  # one L2 segment: delivered without crossing a router
        if not points:
            for f in by_cell.get((cell.src, cell.dst), []):
                unfixable.append(_l2_reason(f))
            continue
        dst = _nets(owned[cell.dst]) if kinds.get(cell.dst) not in ("external",) else _outside(audit)
        hosts = _device_hosts(audit, dst) if kinds.get(cell.dst) == "external" else []
        # From the Internet: any source; from a WAN zone (the government network): its subnets.
        src = _nets(owned[cell.src]) if kinds.get(cell.src) != "external" else []
        for dev, ifn in points:
            _device_plan(plans, audit, dev).blocks.append(
                Block(dev, ifn, "out" if external else "in", cell.src, cell.dst, src, dst, allow, ids, hosts)
            )
    for f in audit.findings:
        if f.check in SERVICE_CHECKS and not any(f.id in r.findings for p in plans.values() for r in p.restricts):
            for dev_name in f.devices:
                _restrict_by_check(audit, plans, dev_name, f, mgmt)
    for f in audit.findings:
        if f.check in HARDENING_CHECKS:
            _hardening(audit, plans, f)
        elif f.check == "undefined-reference":
            _unbind(audit, plans, f)
        elif f.check == "spoofing":
            _antispoof(audit, plans, f, unfixable)
        elif f.check == "unzoned-reach":
            unfixable.append(_unzoned_reason(f))
    if not mgmt:
        unfixable += _without_management(plans, {f.id: f for f in audit.findings})
        # a device left with nothing to change gets no (empty) change set
        plans = {
            n: dp
            for n, dp in plans.items()
            if dp.blocks or dp.restricts or dp.unbinds or dp.antispoofs or dp.closes or dp.hardening
        }
    zone_nets = {z.name: _nets(z.owned) for z in audit.zones if z.kind != "external"}
    if plans and any(z.kind == "external" for z in audit.zones):
        outside = _outside(audit)
        zone_nets.update({z.name: outside for z in audit.zones if z.kind == "external"})
    for dp in plans.values():
        dp.mgmt = list(mgmt)
        dp.edge_services = list(edge_services)
        dp.zones = zone_nets
    return Plan(plans, unfixable, mgmt)


def _hardening(audit, plans, f) -> None:
    """A hardening finding handed to its device's plan, with the line it cites."""
    cite = f.evidence[0] if f.evidence else {}
    if len(f.devices) != 1 or f.devices[0] not in audit.topology.devices or not cite.get("line"):
        return
    dp = _device_plan(plans, audit, f.devices[0])
    dp.hardening.append(Hardening(f.check, f.id, str(cite.get("file", "")), int(cite["line"])))


def _unbind(audit, plans, f) -> None:
    """An interface filter naming an undefined ACL on a vendor where that filters nothing:
    the binding goes (what passes stays the same; the finding says what was intended)."""
    dev = audit.topology.devices.get(f.devices[0]) if f.devices else None
    if dev is None or dev.vendor not in FAIL_OPEN_VENDORS or not f.evidence:
        return
    cite = f.evidence[0]
    ref = next(
        (r for r in dev.references if r.source.file == cite.get("file") and r.source.line == cite.get("line")),
        None,
    )
    if ref is None or reference_usage(ref) != "traffic":
        return
    words = ref.source.text.split()
    direction = words[-1].lower() if words else ""
    # The interface whose block holds the line: the last interface header above it.
    above = [
        i
        for i in dev.interfaces.values()
        if i.source is not None and i.source.file == ref.source.file and i.source.line < ref.source.line
    ]
    iface = max(above, key=lambda i: i.source.line, default=None)
    if iface is None or direction not in ("in", "out"):
        return
    if (iface.filter_in if direction == "in" else iface.filter_out) != ref.name:
        return
    dp = _device_plan(plans, audit, dev.hostname)
    block = next((b for b in dp.blocks if (b.interface, b.direction) == (iface.name, direction)), None)
    if block is not None:  # the block's new filter is bound in its place
        block.findings.append(f.id)
    else:
        dp.unbinds.append(Unbind(dev.hostname, iface.name, direction, ref.name, [f.id]))


def _antispoof(audit, plans, f, unfixable: list[Unfixable]) -> None:
    """Strict uRPF on the gateways of the zone that forges (the finding's key is that zone):
    a packet whose source is not routed back through the interface it came in by is dropped.
    Where a zone it reaches sits on the forger's own segment, that zone's addresses are
    legitimate sources on the same interface: no check by interface tells them apart, so
    the finding is said not closable (the check still stops every other forged source)."""
    zone = f.key
    zones = {z.name: z for z in audit.zones}
    if zone not in zones:
        return
    beside = [z for z in f.zones if z != zone and z in zones and set(zones[z].domains) & set(zones[zone].domains)]
    if beside:
        gw = gateways(audit, zone)
        where = gw[0] if gw else ("", "")
        unfixable.append(
            Unfixable(
                f.id,
                f.check,
                f.title,
                both("fix.left.spoof_same_segment", zone=zone, device=where[0], interface=where[1]),
            )
        )
    for dev_name, ifn in gateways(audit, zone):
        iface = audit.topology.devices[dev_name].interfaces.get(ifn)
        if iface is None or (iface.urpf == "strict" and not iface.urpf_allow_default):
            continue  # already strict here: the forged packets come in elsewhere
        dp = _device_plan(plans, audit, dev_name)
        same = next((a for a in dp.antispoofs if a.interface == ifn), None)
        if same is None:
            dp.antispoofs.append(AntiSpoof(dev_name, ifn, zone, [f.id]))
        elif f.id not in same.findings:
            same.findings.append(f.id)


def _without_management(plans: dict[str, DevicePlan], findings: dict) -> list[Unfixable]:
    """With no management zone, a service that stays on (SSH, HTTPS …) has nowhere to be
    limited to.  Where zones reached it against the policy, the change set stops those
    zones; what a hardening check asks (a vty access-class) has nothing to name as the
    source: those findings are said, not guessed at."""
    out: list[Unfixable] = []
    open_ids: dict[str, list[str]] = {}
    had = {id(r): bool(r.findings) for dp in plans.values() for r in dp.restricts}
    for dp in plans.values():
        for r in dp.restricts:
            if not r.allow_from and not r.insecure:
                for i in r.findings:
                    if r.zones and findings[i].check not in SERVICE_CHECKS:
                        continue  # a zone reached it: the change set stops that zone
                    open_ids.setdefault(i, [])
                    if r.service not in open_ids[i]:
                        open_ids[i].append(r.service)
    for dp in plans.values():
        for r in dp.restricts:
            r.findings = [i for i in r.findings if i not in open_ids]
        # A restriction all of whose findings are left open closes nothing: rendered, it only
        # cut every zone off the service (an OpenWrt lan went to input REJECT for nothing).
        dp.restricts = [r for r in dp.restricts if r.findings or not had.get(id(r))]
    for i, services in open_ids.items():
        names = ", ".join(services)
        out.append(
            Unfixable(
                i,
                findings[i].check,
                findings[i].title,
                {
                    "vi": f"tệp site không có vùng quản trị (kind: management): {names} không thể giới hạn về vùng "
                    "đó — khai báo vùng quản trị rồi chạy lại",
                    "en": f"the site file has no management zone (kind: management): {names} cannot be limited "
                    "to it — declare the management zone and run again",
                },
            )
        )
    return out


def _outside(audit) -> list[IPNetwork]:
    """Every address no inside zone owns: what an external zone stands for."""
    inside = IPSet()
    for z in audit.zones:
        if z.kind not in ("external",):
            inside |= z.owned
    return _nets(IPSet(["0.0.0.0/0"]) - inside)


def device_hosts(dev) -> list[IPNetwork]:
    """A device's own addresses (interfaces not shut down) as hosts, first seen first."""
    out: list[IPNetwork] = []
    for iface in dev.interfaces.values():
        if iface.shutdown:
            continue
        for a in iface.owns():
            host = IPNetwork(f"{a.ip}/32")
            if host not in out:
                out.append(host)
    return out


def _device_hosts(audit, dst: list[IPNetwork]) -> list[IPNetwork]:
    """The devices' own addresses inside ``dst``, as hosts."""
    within = IPSet(dst)
    out: list[IPNetwork] = []
    for dev in audit.topology.devices.values():
        out += [h for h in device_hosts(dev) if h.ip in within and h not in out]
    return out


def _l2_reason(f) -> Unfixable:
    return Unfixable(
        f.id,
        f.check,
        f.title,
        {
            "vi": "Hai vùng nằm chung một miền lớp 2 (không qua router nào trong tập cấu hình): danh sách "
            "kiểm soát truy cập không chặn được. Phải tách lớp 2 (VLAN, cổng truy cập, SSID gắn VLAN).",
            "en": "The two zones share one L2 segment (no router of the snapshot between them): no filter can "
            "stop it. The L2 must be separated (VLANs, access ports, an SSID tagged into its VLAN).",
        },
    )


def _unzoned_reason(f) -> Unfixable:
    """A zone reaching segments no zone covers (check unzoned-reach): what to deny there
    depends on what the segments are, which the site file, not a change set, says."""
    return Unfixable(
        f.id,
        f.check,
        f.title,
        {
            "vi": "Các đoạn mạng này chưa thuộc vùng nào: phải khai báo vùng của chúng trong site.yaml trước, "
            "rồi chạy lại để có kế hoạch chặn theo chính sách.",
            "en": "These segments belong to no zone: declare their zones in site.yaml first, then run again "
            "for a plan that blocks what the policy denies.",
        },
    )


def _restrict(audit, plans, cell, packets, mgmt, ids, edge_vpn, unfixable: list[Unfixable]) -> None:
    """One restriction per device service the excess packets reach.  Kept, the findings
    saying why: a service inside ``edge_vpn`` (the VPN endpoint the policy lets the
    Internet reach), and a gateway service (DNS, DHCP) the Internet reaches — the inside
    zones use it."""
    hs = audit.engine.hs
    from_outside = any(z.name == cell.src and z.kind == "external" for z in audit.zones)
    # Behind a tunnel: no interface ACL sees the zone's packets and, without a management
    # zone to limit the service to, nothing names them but the service's own access list.
    untouchable = not mgmt and any(z.name == cell.src and z.tunnels for z in audit.zones)
    gateway = services_packets(hs, GATEWAY_SERVICES)
    kept: dict[tuple[str, str, str], list[str]] = {}  # (reason, device, service) -> its ports
    for dev in audit.topology.devices.values():
        own = hs.false
        for (name, _vrf), addrs in audit.engine.own.items():
            if name == dev.hostname:
                own |= addrs
        for svc in dev.services:
            if not svc.enabled:
                continue
            probe = hs.match(service_match(_svc_text(svc)))
            # Whether the excess packets meet the service on the device's own addresses,
            # asked of CUDD without building their intersection (the excess is a large set;
            # the service's packets on the device's addresses a small one).
            if not hs.meets(packets, probe & own):
                continue
            if svc.name in VPN_ENDPOINTS or hs.within(probe, edge_vpn):
                kept.setdefault(("fix.left.edge_vpn", dev.hostname, svc.name), []).append(_svc_text(svc))
            elif untouchable:
                kept.setdefault(("fix.left.tunnel_zone_service", dev.hostname, svc.name), []).append(_svc_text(svc))
            elif from_outside and svc.name in CLEARTEXT_TUNNELS and dev.vendor in TUNNEL_CLOSE_VENDORS:
                # A VPN server without encryption answering the Internet: dropped where the
                # Internet enters (turning it off is the unit's choice: its remote users).
                entries = [ifn for name, ifn in gateways(audit, cell.src) if name == dev.hostname]
                if entries:
                    _add_close(plans, audit, dev.hostname, entries, _svc_text(svc), ids)
                else:
                    _add_restrict(plans, audit, dev.hostname, svc, mgmt, cell.src, ids)
            elif from_outside and hs.within(probe, gateway):
                # Turned off or limited to management, the inside zones would lose it:
                # dropped where the Internet enters, by the renderers that can.
                entries = [ifn for name, ifn in gateways(audit, cell.src) if name == dev.hostname]
                if dev.vendor in EDGE_CLOSE_VENDORS and entries:
                    _add_close(plans, audit, dev.hostname, entries, _svc_text(svc), ids)
                else:
                    kept.setdefault(("fix.left.edge_gateway_service", dev.hostname, svc.name), []).append(
                        _svc_text(svc)
                    )
            else:
                _add_restrict(plans, audit, dev.hostname, svc, mgmt, cell.src, ids)
    if kept:
        texts = [
            both(key, service=name, device=device, zone=cell.src, ports=", ".join(ports))
            for (key, device, name), ports in kept.items()
        ]
        reason = {lang: "; ".join(t[lang] for t in texts) for lang in texts[0]}
        findings = {f.id: f for f in audit.findings}
        unfixable += [Unfixable(i, findings[i].check, findings[i].title, reason) for i in ids]


def _add_close(plans, audit, device: str, interfaces: list[str], service: str, ids) -> None:
    plan = _device_plan(plans, audit, device)
    for c in plan.closes:
        if c.service == service:
            c.interfaces += [n for n in interfaces if n not in c.interfaces]
            c.findings += [i for i in ids if i not in c.findings]
            return
    plan.closes.append(EdgeClose(device, list(interfaces), service, list(ids)))


def _svc_text(svc) -> str:
    if svc.protocol == 1:
        return f"icmp/{svc.icmp_type}" if svc.icmp_type is not None else "icmp"
    proto = {6: "tcp", 17: "udp"}.get(svc.protocol, f"proto/{svc.protocol}")
    if not svc.ports:
        return proto
    r = svc.ports[0]
    return f"{proto}/{r.lo}" if r.lo == r.hi else f"{proto}/{r.lo}-{r.hi}"


def _add_restrict(plans, audit, device: str, svc, mgmt, zone: str, ids) -> None:
    plan = _device_plan(plans, audit, device)
    ports = tuple((p.lo, p.hi) for p in svc.ports)
    for r in plan.restricts:
        if (r.service, r.protocol, r.ports) == (svc.name, svc.protocol, ports):
            if zone and zone not in r.zones:
                r.zones.append(zone)
            r.findings += [i for i in ids if i not in r.findings]
            return
    plan.restricts.append(
        Restrict(
            device,
            svc.name,
            svc.protocol,
            ports,
            [] if svc.insecure and svc.name not in KEEP_RESTRICTED else list(mgmt),
            svc.insecure,
            [zone] if zone else [],
            list(ids),
        )
    )


def _restrict_by_check(audit, plans, dev_name: str, f, mgmt) -> None:
    dev = audit.topology.devices.get(dev_name)
    if dev is None:
        return
    want = {
        "mgmt-telnet": ("telnet",),
        "mgmt-http-server": ("http", "https"),
        "mgmt-vty-no-access-class": ("ssh", "telnet"),
        "mgmt-snmp-community": ("snmp",),
        "ios-smart-install": ("smart-install",),
    }[f.check]
    for svc in dev.services:
        if svc.name in want and svc.enabled:
            _add_restrict(plans, audit, dev_name, svc, mgmt, "", [f.id])


def snmp_agent_left(plan: DevicePlan, where: str) -> dict[str, dict[str, str]]:
    """The SNMP source-limit findings a firewall limit of SNMP (to the management zone, or
    away from the zones that reached it) leaves open on a vendor whose model does not read
    the agent's own source limit (Linux ``snmpd.conf``, OpenWrt ``snmpd``): finding id ->
    why, naming ``where`` the limit is set (docs/remedy.md)."""
    out: dict[str, dict[str, str]] = {}
    for r in plan.restricts:
        if r.service == "snmp" and (r.allow_from or r.zones):
            for i in r.findings:
                if i.startswith("mgmt-snmp-community:"):
                    out[i] = both("fix.left.snmp_agent", where=where)
    return out


def plan_json(plan: Plan) -> dict:
    """The plan as the audit document carries it (``remedy``; docs/remedy.md): what the
    change sets will do, per device — ``netaudit fix`` writes and proves them."""
    from . import VENDORS

    devices = []
    for name, dp in sorted(plan.devices.items()):
        ids: list[str] = []
        for found in (
            [b.findings for b in dp.blocks]
            + [r.findings for r in dp.restricts]
            + [u.findings for u in dp.unbinds]
            + [a.findings for a in dp.antispoofs]
            + [c.findings for c in dp.closes]
            + [[h.finding] for h in dp.hardening]
        ):
            ids += [i for i in found if i not in ids]
        devices.append(
            {
                "device": name,
                "vendor": dp.vendor,
                "generator": dp.vendor in VENDORS,
                "blocks": [
                    {
                        "interface": b.interface,
                        "direction": b.direction,
                        "from": b.src_zone,
                        "to": b.dst_zone,
                        "allow": list(b.allow),
                    }
                    for b in dp.blocks
                ],
                "restricts": [
                    {
                        "service": r.service,
                        "off": not r.allow_from,
                        "cleartext": r.insecure,
                        "allow_from": [str(n) for n in r.allow_from],
                        "zones": list(r.zones),
                    }
                    for r in dp.restricts
                ],
                "unbinds": [{"interface": u.interface, "direction": u.direction, "acl": u.acl} for u in dp.unbinds],
                "antispoofs": [{"interface": a.interface, "zone": a.zone} for a in dp.antispoofs],
                # additive: services closed where the Internet enters (EdgeClose), the inside zones keep them
                "closes": [{"interfaces": list(c.interfaces), "service": c.service} for c in dp.closes],
                "findings": ids,
            }
        )
    return {
        "devices": devices,
        "unfixable": [{"finding": u.finding, "check": u.check, "reason": u.reason} for u in plan.unfixable],
    }
