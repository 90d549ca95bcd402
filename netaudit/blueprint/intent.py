"""The blueprint intent file: what a unit needs, in the words of the person who knows it
(docs/blueprint.md, "Intent file").  :func:`load_intent` validates it — every error names
the file and line, unknown keys get "did you mean" — into an :class:`Intent`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from netaddr import AddrFormatError, IPAddress, IPNetwork

from ..messages import Text
from ..model import InputError
from ..vocabulary import UNIT_TYPES
from ..zones.site import check_keys, key_line, read_yaml

LEVELS = (2, 3)
# Blueprint vendor names (short, as technicians say them) -> parser registry id.
EDGE_VENDORS = {
    "routeros": "mikrotik_routeros",
    "ios": "cisco_ios",
    "fortios": "fortinet_fortios",
    "asa": "cisco_asa",
}
SWITCH_VENDORS = {"routeros": "mikrotik_routeros", "ios": "cisco_ios", "none": ""}
ADDRESS_KINDS = ("static", "dhcp", "pppoe")

TOP_KEYS = ("unit", "level", "vendor", "counts", "wifi", "uplinks", "servers", "addressing", "dns", "ntp")


@dataclass
class GuestWifi:
    ssid: str
    isolation: bool = True
    bandwidth_mbps: int = 20


@dataclass
class Uplink:
    """The Internet uplink or the government network (TSLCD)."""

    kind: str  # internet | tslcd
    provider: str = ""
    address: str = "static"  # static | dhcp | pppoe
    ip: IPNetwork | None = None
    gateway: IPAddress | None = None
    networks: list[IPNetwork] = field(default_factory=list)  # TSLCD: the prefixes behind it
    pppoe_user: str = ""


@dataclass
class Server:
    name: str
    host: int  # host number inside the server zone's subnet
    services: list[str] = field(default_factory=list)  # what staff may open on it
    zone: str = "servers"  # servers | database


@dataclass
class Intent:
    file: str
    unit_type: str
    unit_name: str
    short: str  # hostname prefix, ASCII
    level: int
    edge: str  # registry id
    switch: str  # registry id, "" = none
    staff_pcs: int = 20
    counters: int = 0
    cameras: int = 0
    access_points: int = 1
    staff_ssid: str = ""
    guest: GuestWifi | None = None
    internet: Uplink = field(default_factory=lambda: Uplink("internet"))
    tslcd: Uplink | None = None
    servers: list[Server] = field(default_factory=list)
    addressing: IPNetwork = field(default_factory=lambda: IPNetwork("10.10.0.0/16"))
    dns: list[IPAddress] = field(default_factory=list)
    ntp: list[str] = field(default_factory=list)


def load_intent(path: str | Path) -> Intent:
    """Read and validate an intent file; InputError naming the file and line."""
    data = read_yaml(path, Text("blueprint.noun.intent_file"), "unit, level, vendor")
    return intent_from_dict(data, str(path))


def intent_from_dict(data: dict, display: str = "intent.yaml") -> Intent:
    """Validate an intent (as read by :func:`load_intent`, or a plain dict)."""

    def err(msg: Text, line: int | None = None) -> NoReturn:
        raise InputError(msg, display, line)

    check_keys(data, TOP_KEYS, Text("blueprint.in.intent_file"), err)
    unit = _map(data, "unit", err, required=True)
    check_keys(unit, ("type", "name", "short"), "unit", err)
    unit_type = _choice(unit, "type", UNIT_TYPES, err)
    name = _str(unit, "name", err, required=True)
    short = _str(unit, "short", err) or _ascii_short(name)
    if not re.fullmatch(r"[A-Za-z0-9-]{1,12}", short):
        err(Text("blueprint.error.short"), key_line(unit, "short"))
    level = data.get("level", 2)
    if level not in LEVELS:
        err(Text("blueprint.error.level", value=repr(level)), key_line(data, "level"))
    vendor = _map(data, "vendor", err, required=True)
    check_keys(vendor, ("edge", "switch"), "vendor", err)
    edge = EDGE_VENDORS[_choice(vendor, "edge", tuple(EDGE_VENDORS), err)]
    default_switch = "ios" if edge == "cisco_ios" else ("routeros" if edge == "mikrotik_routeros" else "ios")
    switch = SWITCH_VENDORS[_choice(vendor, "switch", tuple(SWITCH_VENDORS), err, default=default_switch)]
    it = Intent(display, unit_type, name, short.upper(), int(level), edge, switch)

    counts = _map(data, "counts", err)
    check_keys(counts, ("staff_pcs", "counters", "cameras", "access_points"), "counts", err)
    it.staff_pcs = _int(counts, "staff_pcs", err, 1, 500, 20)
    default_counters = 0 if unit_type == "department" else 4
    it.counters = _int(counts, "counters", err, 0, 100, default_counters)
    it.cameras = _int(counts, "cameras", err, 0, 200, 0)
    it.access_points = _int(counts, "access_points", err, 0, 50, 1)

    wifi = _map(data, "wifi", err)
    check_keys(wifi, ("staff_ssid", "guest"), "wifi", err)
    it.staff_ssid = _str(wifi, "staff_ssid", err) or ""
    guest = wifi.get("guest")
    if guest is not None and guest is not False:
        if not isinstance(guest, dict):
            err(Text("blueprint.error.guest"), key_line(wifi, "guest"))
        check_keys(guest, ("ssid", "isolation", "bandwidth_mbps"), "wifi.guest", err)
        it.guest = GuestWifi(
            ssid=_str(guest, "ssid", err, required=True),
            isolation=_bool(guest, "isolation", err, True),
            bandwidth_mbps=_int(guest, "bandwidth_mbps", err, 1, 10000, 20),
        )
    if it.access_points == 0 and (it.guest or it.staff_ssid):
        err(Text("blueprint.error.no_access_points"), key_line(counts, "access_points"))

    uplinks = _map(data, "uplinks", err, required=True)
    check_keys(uplinks, ("internet", "tslcd"), "uplinks", err)
    it.internet = _uplink(_map(uplinks, "internet", err, required=True), "internet", err)
    if uplinks.get("tslcd"):
        it.tslcd = _uplink(_map(uplinks, "tslcd", err), "tslcd", err)

    servers = data.get("servers") or []
    if not isinstance(servers, list):
        err(Text("blueprint.error.servers_list"), key_line(data, "servers"))
    for i, s in enumerate(servers):
        line = getattr(servers, "lines", [None] * len(servers))[i] if hasattr(servers, "lines") else None
        if not isinstance(s, dict):
            err(Text("blueprint.error.server_mapping", shape="{name, host, services}"), line)
        check_keys(s, ("name", "host", "services", "zone"), Text("blueprint.in.server"), err)
        zone = _choice(s, "zone", ("servers", "database"), err, default="servers")
        if zone == "database" and it.level < 3:
            err(Text("blueprint.error.database_level"), key_line(s, "zone"))
        services = s.get("services") or ["tcp/443"]
        if not isinstance(services, list) or not all(re.fullmatch(r"(tcp|udp)/\d{1,5}", str(x)) for x in services):
            err(Text("blueprint.error.server_services"), key_line(s, "services"))
        it.servers.append(
            Server(
                _str(s, "name", err, required=True),
                _int(s, "host", err, 2, 250, 10 + i),
                [str(x) for x in services],
                zone,
            )
        )

    it.addressing = _net(data.get("addressing", "10.10.0.0/16"), "addressing", err, key_line(data, "addressing"))
    private = any(it.addressing in IPNetwork(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
    if it.addressing.prefixlen > 16 or not private:
        err(Text("blueprint.error.addressing"), key_line(data, "addressing"))
    it.dns = [
        _ip(x, "dns", err, key_line(data, "dns")) for x in (data.get("dns") or ["203.113.131.1", "203.113.188.1"])
    ]
    it.ntp = [str(x) for x in (data.get("ntp") or ["pool.ntp.org"])]
    return it


# --------------------------------------------------------------------------- helpers


def ascii_text(text: str) -> str:
    """Vietnamese without diacritics (``Cán bộ`` -> ``Can bo``): what device CLIs take in
    comments and descriptions everywhere (quotes and backslashes dropped too)."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c) and c.isascii() and c not in '"\\')


def _ascii_short(name: str) -> str:
    """Initials of the unit's name, without diacritics ("UBND xã Phú Thịnh" -> "PT")."""
    plain = ascii_text(name)
    words = [w for w in re.findall(r"[A-Za-z0-9]+", plain) if w.lower() not in ("ubnd", "xa", "phuong", "so", "huyen")]
    return ("".join(w[0] for w in words) or "UNIT")[:8].upper()


def _map(parent: dict, key: str, err, required: bool = False) -> dict:
    v = parent.get(key)
    if v is None:
        if required:
            err(Text("blueprint.error.missing", key=key), parent.get("__line__"))
        return {}
    if not isinstance(v, dict):
        err(Text("blueprint.error.not_mapping", key=key), key_line(parent, key))
    return v


def _str(parent: dict, key: str, err, required: bool = False) -> str:
    v = parent.get(key)
    if v is None or v == "":
        if required:
            err(Text("blueprint.error.missing", key=key), parent.get("__line__"))
        return ""
    if not isinstance(v, (str, int)) or isinstance(v, bool):
        err(Text("blueprint.error.not_text", key=key), key_line(parent, key))
    text = str(v).strip()
    if any(c in text for c in "\"'\\\n\r\t") or len(text) > 64:
        err(Text("blueprint.error.one_line", key=key), key_line(parent, key))
    return text


def _choice(parent: dict, key: str, choices: tuple, err, default: str | None = None) -> str:
    v = parent.get(key, default)
    if v is None:
        err(Text("blueprint.error.missing_choice", key=key, choices=", ".join(choices)), parent.get("__line__"))
    if v not in choices:
        err(Text("site.error.one_of", what=key, choices=", ".join(choices), value=repr(v)), key_line(parent, key))
    return str(v)


def _int(parent: dict, key: str, err, lo: int, hi: int, default: int) -> int:
    v = parent.get(key, default)
    if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
        err(Text("blueprint.error.int", key=key, lo=lo, hi=hi, value=repr(v)), key_line(parent, key))
    return int(v)


def _bool(parent: dict, key: str, err, default: bool) -> bool:
    v = parent.get(key, default)
    if not isinstance(v, bool):
        err(Text("blueprint.error.bool", key=key, value=repr(v)), key_line(parent, key))
    return bool(v)


def _net(value, what: str, err, line) -> IPNetwork:
    try:
        return IPNetwork(str(value), version=4)
    except (AddrFormatError, ValueError, TypeError):
        err(Text("blueprint.error.prefix", what=what, value=repr(value)), line)


def _ip(value, what: str, err, line) -> IPAddress:
    try:
        return IPAddress(str(value), 4)
    except (AddrFormatError, ValueError, TypeError):
        err(Text("blueprint.error.address", what=what, value=repr(value)), line)


def _uplink(m: dict, kind: str, err) -> Uplink:
    check_keys(m, ("provider", "address", "ip", "gateway", "networks", "pppoe_user"), f"uplinks.{kind}", err)
    up = Uplink(kind, provider=_str(m, "provider", err))
    up.address = _choice(m, "address", ADDRESS_KINDS if kind == "internet" else ("static",), err, default="static")
    if up.address == "static":
        if "ip" not in m or "gateway" not in m:
            err(Text("blueprint.error.static_needs", kind=kind), m.get("__line__"))
        up.ip = _net(m["ip"], f"uplinks.{kind}.ip", err, key_line(m, "ip"))
        up.gateway = _ip(m["gateway"], f"uplinks.{kind}.gateway", err, key_line(m, "gateway"))
        if up.gateway not in up.ip or up.gateway == up.ip.ip:
            err(Text("blueprint.error.gateway", kind=kind, prefix=str(up.ip.cidr)), key_line(m, "gateway"))
    if up.address == "pppoe":
        up.pppoe_user = _str(m, "pppoe_user", err) or "user@isp"
    if kind == "tslcd":
        nets = m.get("networks")
        if not isinstance(nets, list) or not nets:
            err(Text("blueprint.error.tslcd_networks"), m.get("__line__"))
        assert isinstance(nets, list)  # err() does not return
        up.networks = [_net(n, "uplinks.tslcd.networks", err, key_line(m, "networks")) for n in nets]
    return up
