"""A :class:`~.design.Design` spelt in each vendor's own syntax: the jinja2 templates of
``netaudit/templates/blueprint/<registry id>/`` (``edge.j2`` for the router or firewall,
``switch.j2`` for the access switch), and the site file that describes the result.

A vendor's :class:`Profile` names its interfaces (the templates and the site file must
agree on them) and the file extension of its configurations.  Passwords, Wi-Fi keys and
SNMP secrets are drawn at random for each run and written only to ``secrets.txt``
(docs/blueprint.md, "Secrets").
"""

from __future__ import annotations

import secrets as _random
import string
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..vocabulary import DEVICES_ZONE
from .design import ALL, Design, Flow, Port, ZonePlan, overrides
from .intent import ascii_text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "blueprint"


@dataclass(frozen=True)
class Profile:
    """How a vendor's model device is wired and named."""

    ext: str  # file extension of its configuration
    wan: str  # the Internet uplink port
    tslcd: str  # the government-network uplink port
    lan: str  # the trunk to the first switch
    pppoe: str = ""  # the PPPoE client interface, where the vendor makes one
    zone_iface: str = "{vlan}"  # the L3 interface of a zone ({vlan}, {name})


PROFILES = {
    "mikrotik_routeros": Profile(
        "rsc", "ether1", "ether2", "ether3", pppoe="pppoe-out1", zone_iface="vlan{vlan}-{name}"
    ),
    "cisco_ios": Profile(
        "cfg",
        "GigabitEthernet0/0/0",
        "GigabitEthernet0/0/2",
        "GigabitEthernet0/0/1",
        pppoe="Dialer1",
        zone_iface="GigabitEthernet0/0/1.{vlan}",
    ),
    "fortinet_fortios": Profile("conf", "wan1", "wan2", "internal1", pppoe="wan1", zone_iface="VL{vlan}-{upper}"),
    # ASA: PPPoE and DHCP run on the outside port itself (``ip address pppoe|dhcp setroute``);
    # a zone is a VLAN subinterface of the LAN trunk (its nameif is the zone's name).
    "cisco_asa": Profile(
        "cfg", "GigabitEthernet0/0", "GigabitEthernet0/2", "GigabitEthernet0/1", zone_iface="GigabitEthernet0/1.{vlan}"
    ),
}
SWITCH_EXT = {"mikrotik_routeros": "rsc", "cisco_ios": "cfg"}
# A switch port's interface name by the switch's vendor (the templates name them so).
SWITCH_PORT = {"mikrotik_routeros": "ether{n}", "cisco_ios": "GigabitEthernet1/0/{n}"}


def links(d: Design) -> list[list[str]]:
    """The cables between the devices: the edge's LAN trunk to the first switch's port 1,
    each switch's last port to the next switch's port 1 (the site file's ``links``)."""
    if not d.switches:
        return []
    port = SWITCH_PORT[d.intent.switch]
    out = [[f"{d.router}:{PROFILES[d.intent.edge].lan}", f"{d.switches[0]}:{port.format(n=1)}"]]
    for p in d.ports:
        if p.role == "downlink":
            nxt = d.switches[d.switches.index(p.switch) + 1]
            out.append([f"{p.switch}:{port.format(n=p.number)}", f"{nxt}:{port.format(n=1)}"])
    return out


@dataclass
class Secrets:
    """The secrets of one generated network (random each run), by purpose."""

    values: dict[str, str] = field(default_factory=dict)

    def get(self, purpose: str, length: int = 16) -> str:
        if purpose not in self.values:
            alphabet = string.ascii_letters + string.digits
            # Letters and digits only: every vendor's CLI takes them unquoted.
            self.values[purpose] = "".join(_random.choice(alphabet) for _ in range(length))
        return self.values[purpose]

    def text(self) -> str:
        lines = [
            "# netaudit blueprint: the secrets of this network. Keep this file apart from the configs;",
            "# change them on first login if anyone but the installer saw them.",
            "",
        ]
        lines += [f"{k}: {v}" for k, v in self.values.items()]
        return "\n".join(lines) + "\n"


def zone_iface(profile: Profile, z: ZonePlan) -> str:
    """The name of zone ``z``'s L3 interface on the edge device."""
    short = {
        "staff": "canbo",
        "servers": "maychu",
        "database": "csdl",
        "guest": "khach",
        "counter": "motcua",
        "camera": "camera",
        "mgmt": "quantri",
    }.get(z.name, z.name)
    return profile.zone_iface.format(vlan=z.vlan, name=short, upper=short.upper())


def uplink_iface(d: Design, which: str) -> str:
    """The L3 interface of an uplink on the edge device (``internet`` or ``tslcd``)."""
    p = PROFILES[d.intent.edge]
    if which == "internet":
        return p.pppoe if d.intent.internet.address == "pppoe" and p.pppoe else p.wan
    return p.tslcd


def port_ranges(services: tuple[str, ...]) -> dict[str, list[int]]:
    """``("tcp/80", "udp/53", "tcp/443")`` -> ``{"tcp": [80, 443], "udp": [53]}``."""
    out: dict[str, list[int]] = {}
    for s in services:
        proto, _, port = s.partition("/")
        out.setdefault(proto, []).append(int(port))
    return {k: sorted(v) for k, v in out.items()}


def vlan_members(ports: list[Port], z: ZonePlan) -> tuple[list[int], list[int]]:
    """The ports of one switch that carry zone ``z``'s VLAN: (tagged, untagged)."""
    tagged = [p.number for p in ports if z.vlan in p.vlans]
    untagged = [p.number for p in ports if p.native == z.vlan]
    return tagged, untagged


def render(d: Design, secrets: Secrets) -> dict[str, str]:
    """Configuration file name -> text, one per device."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # device configurations, not HTML
    )
    env.filters["ascii"] = ascii_text
    env.filters["ether"] = lambda n: f"ether{n}"
    profile = PROFILES[d.intent.edge]
    ctx = {
        "d": d,
        "it": d.intent,
        "p": profile,
        "ALL": ALL,
        "DEVICES": DEVICES_ZONE,
        "secret": secrets.get,
        "zone_iface": lambda z: zone_iface(profile, z),
        "uplink_iface": lambda which: uplink_iface(d, which),
        "port_ranges": port_ranges,
        "vlan_members": vlan_members,
        "inside": d.inside,
        "flows_from": lambda src: [f for f in d.allowed(src) if f.dst != DEVICES_ZONE],
        "devices_flow": lambda src: d.flows.get((src, DEVICES_ZONE), Flow(src, DEVICES_ZONE, None)),
    }
    out = {f"{d.router}.{profile.ext}": env.get_template(f"{d.intent.edge}/edge.j2").render(ctx)}
    for sw in d.switches:
        text = env.get_template(f"{d.intent.switch}/switch.j2").render(
            {**ctx, "sw": sw, "ports": [p for p in d.ports if p.switch == sw]}
        )
        out[f"{sw}.{SWITCH_EXT[d.intent.switch]}"] = text
    return out


def site_yaml(d: Design) -> str:
    """The site file of the model network: its zones, placed where the model puts them,
    and the policy entries where the model is stricter than the reference table."""
    it = d.intent
    profile = PROFILES[it.edge]
    zones: dict[str, dict] = {}
    for z in d.zones:
        entry: dict = {"kind": z.kind}
        if z.subnet is not None:
            entry["subnets"] = [str(z.subnet)]
            entry["attach"] = [f"{d.router}:{zone_iface(profile, z)}"]
        elif z.name == "internet":
            entry["attach"] = [f"{d.router}:{uplink_iface(d, 'internet')}"]
        elif z.name == "tslcd" and it.tslcd is not None:
            entry["subnets"] = [str(n) for n in it.tslcd.networks]
            entry["attach"] = [f"{d.router}:{uplink_iface(d, 'tslcd')}"]
        zones[z.name] = entry
    doc: dict = {"unit": it.unit_name, "level": it.level, "zones": zones}
    cables = links(d)
    if cables:
        doc["links"] = cables
    doc["policy"] = overrides(it, d.zones, d.flows)
    head = (
        "# Site file of the model network generated by netaudit blueprint (docs/blueprint.md).\n"
        f"# Unit type: {it.unit_type}; level {it.level}; edge: {it.edge}; switch: {it.switch or 'none'}.\n"
    )
    return head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120)
