"""The model network of an intent, vendor-neutral: zones with their VLANs, subnets and
gateways, the intended flow of every ordered zone pair, the devices and the switch ports
(docs/blueprint.md, "The model").  The vendor templates only spell this out; the site file
and the proof read the same :class:`Design`, so what is generated and what is checked
cannot drift apart.

Zones by unit type and level (TT 12/2022 Annex, Part II.1.a; docs/blueprint.md):
staff (internal), servers (server, level 2+), database (database, level 3), counter
(kiosk: the one-stop counters of communes, wards and TTPVHCC), camera, guest (the
citizens' Wi-Fi), mgmt (management: at level 3 by the regulation, and at level 2 too —
without it nobody may administer the devices under the reference policy), and the
uplinks: internet (external), tslcd (the government network, kind wan).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import IPAddress, IPNetwork

from ..policy import ALLOW, DENY, resolve_expectation
from ..vocabulary import DEVICES_ZONE
from .intent import Intent

ALL = "all"  # every service


@dataclass
class ZonePlan:
    name: str
    kind: str
    title: dict[str, str]
    purpose: dict[str, str]
    vlan: int | None = None
    subnet: IPNetwork | None = None
    dhcp: bool = False

    @property
    def gateway(self) -> IPAddress | None:
        return IPAddress(int(self.subnet.network) + 1, 4) if self.subnet is not None else None

    @property
    def pool(self) -> tuple[IPAddress, IPAddress] | None:
        """The DHCP range: .100-.250 (the hosts below are for fixed addresses)."""
        if not self.dhcp or self.subnet is None:
            return None
        base = int(self.subnet.network)
        return IPAddress(base + 100, 4), IPAddress(base + 250, 4)

    def host(self, n: int) -> IPAddress:
        assert self.subnet is not None
        return IPAddress(int(self.subnet.network) + n, 4)


@dataclass
class Flow:
    """What the model lets ``src`` reach in ``dst``: ``None`` (nothing), :data:`ALL`, or
    the services (``tcp/443`` …)."""

    src: str
    dst: str
    services: str | tuple[str, ...] | None
    why: dict[str, str] = field(default_factory=dict)

    @property
    def allowed(self) -> bool:
        return self.services is not None


@dataclass
class Port:
    switch: str
    number: int
    role: str  # uplink | downlink | ap | access
    zone: str | None  # access VLAN's zone
    label: str
    vlans: tuple[int, ...] = ()  # tagged VLANs (trunks)
    native: int | None = None


@dataclass
class Design:
    intent: Intent
    zones: list[ZonePlan]
    flows: dict[tuple[str, str], Flow]
    router: str  # hostname of the edge device
    switches: list[str]
    ports: list[Port]
    switch_ports: int
    mgmt_addresses: dict[str, IPAddress]  # device hostname -> its address in mgmt

    def zone(self, name: str) -> ZonePlan | None:
        return next((z for z in self.zones if z.name == name), None)

    @property
    def inside(self) -> list[ZonePlan]:
        """The zones behind the edge (with a VLAN), in VLAN order."""
        return [z for z in self.zones if z.vlan is not None]

    def flow(self, src: str, dst: str) -> Flow:
        return self.flows[(src, dst)]

    def allowed(self, src: str) -> list[Flow]:
        return [f for (s, _d), f in self.flows.items() if s == src and f.allowed]


# VLAN, kind, Vietnamese and English titles and purposes of each zone the model may have.
ZONE_CATALOGUE: dict[str, tuple[int | None, str, dict[str, str], dict[str, str]]] = {
    "staff": (
        10,
        "internal",
        {"vi": "Vùng mạng nội bộ (cán bộ, công chức)", "en": "Internal zone (staff)"},
        {
            "vi": "Máy tính, máy in của cán bộ, công chức; Wi-Fi cán bộ. Truy cập máy chủ nội bộ theo dịch vụ, "
            "Internet và mạng truyền số liệu chuyên dùng.",
            "en": "Staff computers and printers, staff Wi-Fi. Reaches the internal servers' services, the "
            "Internet and the government network.",
        },
    ),
    "servers": (
        20,
        "server",
        {"vi": "Vùng máy chủ nội bộ", "en": "Internal server zone"},
        {
            "vi": "Máy chủ, NAS lưu văn bản, máy chủ lấy số thứ tự; địa chỉ cố định. Chỉ mở các dịch vụ cần thiết "
            "cho cán bộ và bộ phận một cửa; ra Internet chỉ để cập nhật (web).",
            "en": "Servers, document NAS, queue server; fixed addresses. Only the services staff and the one-stop "
            "counters need are open; Internet for updates only (web).",
        },
    ),
    "database": (
        30,
        "database",
        {"vi": "Vùng máy chủ cơ sở dữ liệu", "en": "Database server zone"},
        {
            "vi": "Máy chủ cơ sở dữ liệu (cấp độ 3): chỉ máy chủ ứng dụng truy cập, không ra Internet.",
            "en": "Database servers (level 3): reached by the application servers only, no Internet.",
        },
    ),
    "guest": (
        40,
        "guest",
        {"vi": "Vùng mạng không dây công cộng (Wi-Fi cho người dân)", "en": "Public wireless zone (citizens' Wi-Fi)"},
        {
            "vi": "Wi-Fi miễn phí cho người dân: chỉ ra Internet, tách riêng, độc lập với mọi vùng khác; "
            "các máy khách không thấy nhau (cách ly máy khách).",
            "en": "Free Wi-Fi for citizens: Internet only, separate and independent from every other zone; "
            "clients cannot see each other (client isolation).",
        },
    ),
    "counter": (
        50,
        "kiosk",
        {"vi": "Bộ phận một cửa (quầy tiếp nhận, kiosk)", "en": "One-stop counters and kiosks"},
        {
            "vi": "Máy tính quầy tiếp nhận, trả kết quả, kiosk tra cứu: chỉ tới máy chủ một cửa, cổng dịch vụ công "
            "(web) và mạng chuyên dùng.",
            "en": "Counter computers and kiosks: the one-stop servers, the public-service portal (web) and the "
            "government network only.",
        },
    ),
    "camera": (
        60,
        "camera",
        {"vi": "Vùng camera an ninh", "en": "Security camera zone"},
        {
            "vi": "Camera và đầu ghi hình (NVR) trong cùng vùng; cách ly hoàn toàn, chỉ vùng quản trị truy cập.",
            "en": "Cameras and their recorder (NVR) in one zone; fully isolated, reached from management only.",
        },
    ),
    "mgmt": (
        99,
        "management",
        {"vi": "Vùng quản trị", "en": "Management zone"},
        {
            "vi": "Máy quản trị mạng và giao diện quản trị của thiết bị: chỉ từ vùng này mới quản trị được "
            "router, tường lửa, switch, điểm phát Wi-Fi; không ra Internet.",
            "en": "The network administrator's computer and the devices' management addresses: only from here "
            "are the router, firewall, switches and access points administered; no Internet.",
        },
    ),
    "internet": (
        None,
        "external",
        {"vi": "Internet", "en": "Internet"},
        {"vi": "Đường truyền Internet của nhà mạng.", "en": "The ISP's Internet uplink."},
    ),
    "tslcd": (
        None,
        "wan",
        {"vi": "Mạng truyền số liệu chuyên dùng", "en": "Government network (TSLCD)"},
        {
            "vi": "Mạng truyền số liệu chuyên dùng của cơ quan Đảng, Nhà nước: phần mềm một cửa điện tử, "
            "quản lý văn bản của tỉnh.",
            "en": "The dedicated data network of Party and State agencies: the province's one-stop and "
            "document-management software.",
        },
    ),
}

SERVER_UPDATES = ("tcp/80", "tcp/443")
COUNTER_WEB = ("tcp/80", "tcp/443")
# Edges that are no DNS server (an ASA): their zones resolve names at the intent's public
# resolvers, so a zone with limited Internet access is also allowed DNS there.
NO_DNS_SERVER = frozenset({"cisco_asa"})
# Edges whose DNS server answers over UDP only (Cisco IOS: docs/vendors/cisco_ios.md).
DNS_OVER_UDP_ONLY = frozenset({"cisco_ios"})
COUNTER_TSLCD = ("tcp/443",)
DNS, DHCP = ("udp/53", "tcp/53"), "udp/67"  # DNS: TCP for the answers too large for UDP (RFC 7766)
PORTS_PER_SWITCH = 24


def zones_of(it: Intent) -> list[ZonePlan]:
    """The zones the intent's unit type, level and counts call for."""
    names = ["staff", "servers"]
    if it.level >= 3:
        names.append("database")
    if it.guest is not None:
        names.append("guest")
    if it.counters > 0:
        names.append("counter")
    if it.cameras > 0:
        names.append("camera")
    names.append("mgmt")
    names.append("internet")
    if it.tslcd is not None:
        names.append("tslcd")
    base = int(it.addressing.network)
    out = []
    for n in names:
        vlan, kind, title, purpose = ZONE_CATALOGUE[n]
        z = ZonePlan(n, kind, title, purpose, vlan)
        if vlan is not None:
            z.subnet = IPNetwork(f"{IPAddress(base + (vlan << 8), 4)}/24")
            z.dhcp = n in ("staff", "guest", "counter")
        out.append(z)
    return out


def _services(it: Intent, zone: str) -> tuple[str, ...]:
    found: list[str] = []
    for s in it.servers:
        if s.zone == zone:
            found += [x for x in s.services if x not in found]
    return tuple(sorted(found, key=lambda s: (s.split("/")[0], int(s.split("/")[1])))) or ("tcp/443",)


def intended(it: Intent, zones: list[ZonePlan]) -> dict[tuple[str, str], Flow]:
    """The flow of every ordered pair (``@devices`` included): what the model allows."""
    names = {z.name for z in zones}
    flows: dict[tuple[str, str], Flow] = {}

    def put(src: str, dst: str, services) -> None:
        if src in names and (dst in names or dst == DEVICES_ZONE):
            flows[(src, dst)] = Flow(src, dst, services)

    for s in names:
        for d in [*names, DEVICES_ZONE]:
            if s != d:
                put(s, d, None)  # deny unless said below
    own_dns = it.edge not in NO_DNS_SERVER
    served_dns = () if not own_dns else DNS[:1] if it.edge in DNS_OVER_UDP_ONLY else DNS
    web = COUNTER_WEB if own_dns else (*COUNTER_WEB, *DNS)
    put("staff", "servers", _services(it, "servers"))
    put("staff", "internet", ALL)
    put("staff", "tslcd", ALL)
    put("servers", "database", _services(it, "database"))
    put("servers", "internet", SERVER_UPDATES if own_dns else (*SERVER_UPDATES, *DNS))
    put("counter", "servers", COUNTER_WEB)
    put("counter", "internet", web)
    put("counter", "tslcd", COUNTER_TSLCD)
    put("guest", "internet", ALL)
    for z in zones:
        if z.name == "mgmt" or z.vlan is None:
            continue
        gateway = served_dns + ((DHCP,) if z.dhcp else ())
        put(z.name, DEVICES_ZONE, gateway or None)
        put("mgmt", z.name, None if z.kind == "guest" else ALL)
    put("mgmt", DEVICES_ZONE, ALL)
    return flows


def overrides(it: Intent, zones: list[ZonePlan], flows: dict[tuple[str, str], Flow]) -> list[dict]:
    """Site-file ``policy:`` entries where the model is stricter or more precise than the
    reference table (docs/blueprint.md): every cell of the model is then exactly its
    expectation — denied, allowed, or limited to the same services."""
    kinds = {z.name: z.kind for z in zones}
    out: list[dict] = []
    for (s, d), f in flows.items():
        if d == DEVICES_ZONE:
            continue  # the reference's gateway-only rule is the model's
        exp = resolve_expectation(s, kinds[s], d, kinds[d], it.level, [])
        if f.services is None and exp.expected != DENY:
            out.append({"from": s, "to": d, "allow": False})
        elif f.services == ALL and exp.expected != ALLOW:
            out.append({"from": s, "to": d, "allow": True})
        elif isinstance(f.services, tuple):
            out.append({"from": s, "to": d, "services": list(f.services)})
    return out


def ports_of(it: Intent, zones: list[ZonePlan], switches_prefix: str) -> tuple[list[str], list[Port], int]:
    """The switches and their ports: port 1 the trunk to the edge (or the previous
    switch), then access points (trunks), servers, counters, cameras, the management PC
    and the staff PCs; a switch that fills up hands on through its last port."""
    want: list[tuple[str, str | None, str]] = []
    inside = [z for z in zones if z.vlan is not None]
    ap_vlans = tuple(z.vlan for z in inside if z.name in ("staff", "guest") and z.vlan is not None)
    for i in range(it.access_points):
        want.append(("ap", None, f"AP-{i + 1:02d}"))
    for s in it.servers:
        want.append(("access", s.zone, s.name))
    for i in range(it.counters):
        want.append(("access", "counter", f"Quay-{i + 1:02d}"))
    for i in range(it.cameras):
        want.append(("access", "camera", f"Camera-{i + 1:02d}"))
    if it.cameras:
        want.append(("access", "camera", "NVR"))
    want.append(("access", "mgmt", "May-quan-tri"))
    for i in range(it.staff_pcs):
        want.append(("access", "staff", f"PC-{i + 1:03d}"))
    size = PORTS_PER_SWITCH if len(want) + 1 <= PORTS_PER_SWITCH else 48
    trunk_vlans = tuple(z.vlan for z in inside if z.vlan is not None)
    switches: list[str] = []
    ports: list[Port] = []
    queue = list(want)
    while queue:
        name = f"{switches_prefix}{len(switches) + 1}"
        switches.append(name)
        up = "edge" if len(switches) == 1 else switches[-2]
        ports.append(Port(name, 1, "uplink", None, f"Uplink {up}", trunk_vlans))
        room = size - 1 if len(queue) <= size - 1 else size - 2
        for n in range(2, 2 + room):
            if not queue:
                break
            role, zone, label = queue.pop(0)
            if role == "ap":
                ports.append(Port(name, n, "ap", None, label, ap_vlans, native=99))
            else:
                vlan = next(z.vlan for z in inside if z.name == zone)
                ports.append(Port(name, n, "access", zone, label, (), native=vlan))
        if queue:
            ports.append(
                Port(name, size, "downlink", None, f"Downlink {switches_prefix}{len(switches) + 1}", trunk_vlans)
            )
    return switches, ports, size


def design(it: Intent) -> Design:
    """The model network of ``it``."""
    zones = zones_of(it)
    flows = intended(it, zones)
    router = f"{it.short}-FW" if it.edge in ("fortinet_fortios", "cisco_asa") else f"{it.short}-RT"
    switches, ports, size = ports_of(it, zones, f"{it.short}-SW") if it.switch else ([], [], 0)
    mgmt = next(z for z in zones if z.name == "mgmt")
    addresses = {router: mgmt.host(1)}
    for i, sw in enumerate(switches):
        # .2-.9 for the switches, .10 the administrator's PC (syslog), .21 up the access
        # points (docs/blueprint.md); a ninth switch and more from .40.
        addresses[sw] = mgmt.host(2 + i if i < 8 else 32 + i)
    return Design(it, zones, flows, router, switches, ports, size, addresses)
