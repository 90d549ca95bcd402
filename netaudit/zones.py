"""Zones: the site file (DESIGN §4), zone inference, and where each zone's hosts sit.

``load_site`` reads and validates ``site.yaml`` (errors name file and line);
``infer_site`` drafts zones from VLAN names, descriptions and SSIDs — for a person
to confirm (``netaudit init``); ``resolve`` places each zone in the topology's L2
domains and computes the addresses it owns.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from netaddr import AddrFormatError, IPNetwork, IPSet

from .messages import Text
from .model import Device, InputError, L2Mode
from .topology import Topology

KINDS = ("guest", "internal", "server", "database", "management", "dmz",
         "external", "wan", "kiosk", "camera")
DEVICES_ZONE = "@devices"


@dataclass
class Zone:
    name: str
    kind: str
    subnets: list[IPNetwork] = field(default_factory=list)
    vlans: list[tuple[str, int]] = field(default_factory=list)
    attach: list[tuple[str, str]] = field(default_factory=list)
    sources: str = "any"                    # any | subnets: source addresses its hosts may use
    inferred_from: list[str] = field(default_factory=list)
    line: int | None = None


@dataclass
class PolicyOverride:
    src: str
    dst: str
    allow: bool | None = None
    services: list[str] | None = None       # limited to these
    line: int | None = None


@dataclass
class Site:
    unit: str = ""
    level: int = 2
    zones: list[Zone] = field(default_factory=list)
    policy: list[PolicyOverride] = field(default_factory=list)
    links: list[tuple[tuple[str, str], tuple[str, str]]] = field(default_factory=list)
    info: dict = field(default_factory=dict)    # address, inspected_by, … (shown on reports)
    file: str | None = None
    inferred: bool = False

    def zone(self, name: str) -> Zone:
        for z in self.zones:
            if z.name == name:
                return z
        raise KeyError(name)


# --------------------------------------------------------------------------- loading


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping as ``__line__``."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _dev_item(text, what: str, err) -> tuple[str, str]:
    s = str(text)
    dev, sep, rest = s.partition(":")
    if not sep or not dev or not rest:
        err(f"{what} entry {s!r} must be DEVICE:{'VLAN-ID' if what == 'vlans' else 'INTERFACE'}")
    return dev, rest


def load_site(path: str | Path) -> Site:
    """Parse and validate a site file; raise InputError naming file and line."""
    path = Path(path)
    display = str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read site file: {e.strerror}", display) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("site file is not UTF-8 text", display) from None
    try:
        data = yaml.load(text, Loader=_LineLoader) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise InputError(f"invalid YAML: {getattr(e, 'problem', e)}", display, line) from None
    if not isinstance(data, dict):
        raise InputError("site file must be a mapping with unit, level, zones", display, 1)
    return site_from_dict(data, display)


def site_from_dict(data: dict, display: str = "site.yaml") -> Site:
    def err(msg: str, line=None):
        raise InputError(msg, display, line)

    site = Site(file=display)
    site.unit = str(data.get("unit", "") or "")
    try:
        site.level = int(data.get("level", 2))
    except (TypeError, ValueError):
        err("level must be a number 1..5", data.get("__line__"))
    if not 1 <= site.level <= 5:
        err(f"level must be 1..5, not {site.level}", data.get("__line__"))
    site.info = {k: v for k, v in data.items()
                 if k not in ("unit", "level", "zones", "policy", "links", "__line__")}
    zones = data.get("zones") or {}
    if not isinstance(zones, dict) or not zones:
        err("zones: must map zone names to {kind, subnets, vlans, attach}", data.get("__line__"))
    for name, spec in zones.items():
        if name == "__line__":
            continue
        if not isinstance(spec, dict):
            err(f"zone {name!r} must be a mapping", zones.get("__line__"))
        line = spec.get("__line__")
        kind = str(spec.get("kind", "")).lower()
        if kind not in KINDS:
            err(f"zone {name!r}: kind must be one of {', '.join(KINDS)}", line)
        z = Zone(str(name), kind, line=line)
        for s in spec.get("subnets") or []:
            try:
                z.subnets.append(IPNetwork(str(s)).cidr)
            except (AddrFormatError, ValueError):
                err(f"zone {name!r}: bad subnet {s!r}", line)
        for v in spec.get("vlans") or []:
            dev, vid = _dev_item(v, "vlans", lambda m: err(f"zone {name!r}: {m}", line))
            if not vid.isdigit() or not 1 <= int(vid) <= 4094:
                err(f"zone {name!r}: VLAN id in {v!r} must be 1..4094", line)
            z.vlans.append((dev, int(vid)))
        for a in spec.get("attach") or []:
            z.attach.append(_dev_item(a, "attach", lambda m: err(f"zone {name!r}: {m}", line)))
        src = str(spec.get("sources", "any"))
        if src not in ("any", "subnets"):
            err(f"zone {name!r}: sources must be 'any' or 'subnets'", line)
        z.sources = src
        if not (z.subnets or z.vlans or z.attach) and kind != "external":
            err(f"zone {name!r} needs at least one of subnets, vlans, attach", line)
        site.zones.append(z)
    names = {z.name for z in site.zones} | {DEVICES_ZONE}
    for p in data.get("policy") or []:
        line = p.get("__line__") if isinstance(p, dict) else None
        if not isinstance(p, dict) or "from" not in p or "to" not in p:
            err("policy entries need from: and to:", line)
        for key in ("from", "to"):
            if p[key] not in names:
                err(f"policy {key}: unknown zone {p[key]!r}", line)
        services = p.get("services")
        if services is not None:
            from .headerspace import service_match
            for s in services:
                try:
                    service_match(str(s))
                except ValueError as e:
                    err(str(e), line)
        site.policy.append(PolicyOverride(p["from"], p["to"], p.get("allow"),
                                          [str(s) for s in services] if services is not None else None, line))
    for item in data.get("links") or []:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            err("links entries are pairs: [DEV:IF, DEV:IF]", data.get("__line__"))
        a = _dev_item(item[0], "links", lambda m: err(m))
        b = _dev_item(item[1], "links", lambda m: err(m))
        site.links.append((a, b))
    return site


# --------------------------------------------------------------------------- inference

# Name patterns per kind, matched on ASCII-folded upper-case words.  Order matters:
# the first kind whose pattern matches wins (GUEST before generic WIFI).
_PATTERNS: list[tuple[str, str, re.Pattern]] = [
    (kind, name, re.compile(rx)) for kind, name, rx in [
        ("guest", "guest", r"GUEST|KHACH|PUBLIC|CONG[-_ ]?CONG|WIFI[-_ ]?FREE|FREE[-_ ]?WIFI|NGUOI[-_ ]?DAN|VISITOR|HOTSPOT"),
        ("management", "mgmt", r"MGMT|MANAGE|QUAN[-_ ]?TRI|QUAN[-_ ]?LY[-_ ]?TB|ADMIN|OOB"),
        ("database", "database", r"\bDB\b|DATABASE|CSDL|CO[-_ ]?SO[-_ ]?DU[-_ ]?LIEU"),
        ("server", "servers", r"SERVER|SRV|MAY[-_ ]?CHU|DATACENTER|\bDC\b"),
        ("dmz", "dmz", r"DMZ"),
        ("camera", "camera", r"CAMERA|CCTV|\bCAM\b|GIAM[-_ ]?SAT"),
        ("kiosk", "kiosk", r"KIOSK|MOT[-_ ]?CUA|ONE[-_ ]?STOP|TTPVHCC|HCC|TIEP[-_ ]?DAN"),
        ("wan", "wan", r"TSLCD|CPNET|WAN[-_ ]?CP|TRUYEN[-_ ]?SO[-_ ]?LIEU|CHUYEN[-_ ]?DUNG"),
        ("external", "internet", r"INTERNET|\bISP\b|VNPT|VIETTEL|FPT|\bWAN\b|OUTSIDE"),
        ("internal", "staff", r"STAFF|NOI[-_ ]?BO|CAN[-_ ]?BO|USER|LAN|OFFICE|VAN[-_ ]?PHONG|CONG[-_ ]?CHUC"),
    ]
]


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in t if not unicodedata.combining(c)).upper()


def classify(*texts: str) -> tuple[str, str, str] | None:
    """(kind, zone name, matched word) for the first text with a recognised name."""
    for text in texts:
        if not text:
            continue
        folded = _fold(text)
        for kind, name, rx in _PATTERNS:
            m = rx.search(folded)
            if m:
                return kind, name, m.group(0)
    return None


def infer_site(devices: list[Device], topo: Topology) -> Site:
    """Draft zones from names in the configs; every zone records what it matched."""
    site = Site(unit="", level=2, inferred=True)
    zones: dict[str, Zone] = {}

    def add(kind: str, name: str, why: str) -> Zone:
        z = zones.get(name)
        if z is None:
            z = zones[name] = Zone(name, kind)
        if why not in z.inferred_from:
            z.inferred_from.append(why)
        return z

    for d in sorted(devices, key=lambda d: d.hostname):
        svi_by_vlan = {}
        for itf in d.interfaces.values():
            if itf.kind.value == "svi":
                digits = "".join(c for c in itf.name if c.isdigit())
                if digits:
                    svi_by_vlan[int(digits)] = itf
        for vid, vlan in sorted(d.vlans.items()):
            svi = svi_by_vlan.get(vid)
            hit = classify(vlan.name, svi.description if svi else "")
            if not hit:
                continue
            kind, name, word = hit
            z = add(kind, name, f"{d.hostname} vlan {vid} '{vlan.name or (svi.description if svi else '')}' ~ {word}")
            z.vlans.append((d.hostname, vid))
            if svi is not None:
                z.subnets.extend(a.cidr for a in svi.addresses if a.cidr not in z.subnets)
        for itf in sorted(d.interfaces.values(), key=lambda i: i.name):
            if itf.kind.value == "svi" or itf.shutdown or _transit(topo, d.hostname, itf.name):
                continue
            hit = classify(itf.description, itf.zone or "")
            if not hit:
                continue
            kind, name, word = hit
            if itf.is_l3 or itf.mode == L2Mode.ROUTED:
                z = add(kind, name, f"{d.hostname}:{itf.name} '{itf.description or itf.zone}' ~ {word}")
                z.attach.append((d.hostname, itf.name))
                if kind != "external":
                    z.subnets.extend(a.cidr for a in itf.addresses if a.cidr not in z.subnets)
        for ssid in d.ssids:
            hit = classify(ssid.name)
            if hit and ssid.vlan:
                kind, name, word = hit
                z = add(kind, name, f"{d.hostname} SSID '{ssid.name}' ~ {word}")
                if (d.hostname, ssid.vlan) not in z.vlans:
                    z.vlans.append((d.hostname, ssid.vlan))
        # The interface a default route leaves through faces the Internet.
        for r in d.routes:
            if r.prefix.prefixlen == 0 and not r.drop:
                out = r.interface or _iface_for(d, r.next_hop)
                # A default route toward another device of the snapshot is not the exit.
                if out and not _transit(topo, d.hostname, out) and not any(out == a[1] and d.hostname == a[0]
                                   for z in zones.values() for a in z.attach):
                    z = add("external", "internet", f"{d.hostname}:{out} carries the default route")
                    z.attach.append((d.hostname, out))
        for itf in d.interfaces.values():
            if itf.nat_side == "outside" and not itf.shutdown:
                if not any((d.hostname, itf.name) in z.attach for z in zones.values()):
                    z = add("external", "internet", f"{d.hostname}:{itf.name} is NAT outside")
                    z.attach.append((d.hostname, itf.name))
    site.zones = [zones[k] for k in sorted(zones)]
    return site


def _transit(topo: Topology, dev: str, ifname: str) -> bool:
    """A routed link to another device of the snapshot: infrastructure, not a zone."""
    did = topo.l3_domain(dev, ifname)
    return did is not None and any(other != dev for other, _ in topo.domains[did].l3)


def _iface_for(d: Device, nh: int | None) -> str | None:
    if nh is None:
        return None
    for itf in d.l3_interfaces():
        for a in itf.addresses:
            if a.first <= nh <= a.last:
                return itf.name
    return None


def site_to_yaml(site: Site) -> str:
    """Render a (usually inferred) site as a commented YAML draft for review."""
    lines = ["# netaudit site file — DRAFT inferred from device names; review every zone.",
             f'unit: "{site.unit or "TODO: tên đơn vị / unit name"}"',
             f"level: {site.level}                       # cấp độ 1..5: TODO confirm",
             "zones:"]
    if not site.zones:
        lines.append("  {}   # nothing recognised: add zones by hand (DESIGN §4)")
    for z in site.zones:
        lines.append(f"  {z.name}:")
        for why in z.inferred_from:
            lines.append(f"    # inferred from: {why}")
        lines.append(f"    kind: {z.kind}")
        if z.subnets:
            lines.append(f"    subnets: [{', '.join(str(s) for s in z.subnets)}]")
        if z.vlans:
            lines.append(f"    vlans: [{', '.join(repr(f'{d}:{v}') for d, v in z.vlans)}]")
        if z.attach:
            lines.append(f"    attach: [{', '.join(repr(f'{d}:{i}') for d, i in z.attach)}]")
    return "\n".join(lines).replace("'", '"') + "\n"


# --------------------------------------------------------------------------- placement


@dataclass
class PlacedZone:
    """A zone with the L2 domains its hosts sit in and the addresses it owns."""

    zone: Zone
    domains: list[str]
    owned: IPSet
    problems: list[Text] = field(default_factory=list)     # English as str; .render(lang) / .both()

    @property
    def name(self) -> str:
        return self.zone.name

    @property
    def kind(self) -> str:
        return self.zone.kind


def resolve(site: Site, topo: Topology) -> tuple[list[PlacedZone], IPSet, list[str]]:
    """Place zones in domains; return (placed zones, all device addresses, warnings)."""
    warnings: list[str] = []
    device_addrs = IPSet()
    for d in topo.devices.values():
        for itf in d.interfaces.values():
            if not itf.shutdown:
                for a in itf.owns():
                    device_addrs.add(a.ip)
    placed: list[PlacedZone] = []
    for z in site.zones:
        doms: list[str] = []
        problems: list[Text] = []
        for dev, vid in z.vlans:
            did = topo.vlan_domain(dev, vid)
            if did is None:
                problems.append(Text("problem.vlan_missing", device=dev, vlan=vid))
            elif did not in doms:
                doms.append(did)
        for dev, ifn in z.attach:
            d = topo.devices.get(dev)
            name = ifn
            if d is not None and ifn not in d.interfaces:
                name = _canonical(ifn, d)
            did = topo.port_domain(dev, name) if d is not None else None
            if did is None:
                problems.append(Text("problem.attach_missing", device=dev, interface=ifn))
            elif did not in doms:
                doms.append(did)
        if z.subnets and not z.vlans and not z.attach:
            spans = [(s.first, s.last) for s in z.subnets]
            for dev, d in topo.devices.items():
                for itf in d.l3_interfaces():
                    # Overlap of two CIDR blocks = one contains the other.
                    if any(a.first <= hi and lo <= a.last for a in itf.addresses for lo, hi in spans):
                        did = topo.l3_domain(dev, itf.name)
                        if did is not None and did not in doms:
                            doms.append(did)
            if not doms:
                problems.append(Text("problem.no_interface"))
        owned = IPSet(z.subnets)
        if not z.subnets and z.kind not in ("external",):
            for did in doms:
                for dev, ifn in topo.domains[did].l3:
                    for a in topo.interface(dev, ifn).addresses:
                        owned.add(a.cidr)
        placed.append(PlacedZone(z, sorted(doms, key=lambda x: int(x[1:])), owned, problems))
        warnings.extend(f"zone {z.name}: {p}" for p in problems)
    # A zone without subnets of kind external owns every address no other zone owns.
    claimed = IPSet()
    for pz in placed:
        if pz.zone.subnets or pz.kind != "external":
            claimed |= pz.owned
    for pz in placed:
        if pz.kind == "external" and not pz.zone.subnets:
            pz.owned = IPSet(["0.0.0.0/0"]) - claimed
    return placed, device_addrs, warnings


def _canonical(ifn: str, d: Device) -> str:
    try:
        from netutils.interface import canonical_interface_name
        name = canonical_interface_name(ifn)
    except Exception:  # netutils raises on names it does not know; keep the user's text
        name = ifn
    if name in d.interfaces:
        return name
    low = {k.lower(): k for k in d.interfaces}
    return low.get(ifn.lower(), name)
