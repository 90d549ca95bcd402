"""Management-plane checks (netaudit.checks.management) on vendor-neutral devices."""

from __future__ import annotations

from helpers import src as shared_src
from netaddr import IPNetwork

from netaudit import topology
from netaudit.checks import REGISTRY, AuditContext, load_checks
from netaudit.headerspace import HeaderSpace
from netaudit.model import (
    PROTO_TCP,
    PROTO_UDP,
    Action,
    AddrMatch,
    Device,
    Filter,
    FilterLine,
    Interface,
    Match,
    MgmtService,
    PortRange,
    Src,
)
from netaudit.parsers import cisco_ios
from netaudit.reach import Cell
from netaudit.zones import Site, Zone

FILE = "r1.cfg"
DEV = "@devices"
ZONES = [
    Zone("guest", "guest", [IPNetwork("10.0.40.0/24")]),
    Zone("staff", "internal", [IPNetwork("10.0.10.0/24")]),
    Zone("mgmt", "management", [IPNetwork("10.0.99.0/24")]),
    Zone("internet", "external"),
]


def src(n: int, text: str) -> Src:
    return shared_src(n, text, FILE)


def svc(name: str, port: int, n: int, text: str, proto: int = PROTO_TCP, **kw) -> MgmtService:
    return MgmtService(name, proto, (PortRange(port, port),), source=src(n, text), **kw)


TELNET = dict(name="telnet", port=23, n=80, text=" transport input telnet ssh")
SSH = dict(name="ssh", port=22, n=80, text=" transport input telnet ssh")
HTTP = dict(name="http", port=80, n=60, text="ip http server")


def device(
    *services: MgmtService, vendor: str = "cisco_ios", hostname: str = "R1", addr: str = "10.0.10.1/24"
) -> Device:
    d = Device(hostname, vendor, FILE, source=src(1, f"hostname {hostname}"))
    d.interfaces["Gi1"] = Interface("Gi1", addresses=[IPNetwork(addr)], source=src(2, "interface Gi1"))
    d.services = list(services)
    return d


def context(devices: list[Device], matrix: list | None = None, hs: HeaderSpace | None = None) -> AuditContext:
    return AuditContext(
        devices=devices,
        reports=[],
        topology=topology.build(devices),
        site=Site(unit="t", zones=ZONES),
        zones=[],
        matrix=list(matrix or []),
        hs=hs or HeaderSpace(),
    )


def run(check_id: str, devices: list[Device], matrix: list | None = None, hs=None) -> list:
    load_checks()
    info = REGISTRY[check_id]
    return list(info.func(context(devices, matrix, hs), info))


def cell(zone: str, verdict: str, *services: str, **kw) -> Cell:
    return Cell(zone, DEV, verdict, services=list(services), **kw)


def std_acl(name: str, *lines: tuple[str, Match]) -> Filter:
    return Filter(name, [FilterLine(Action(a), [m], src(90 + i, f"{a} {i}")) for i, (a, m) in enumerate(lines)])


# --------------------------------------------------------------------------- mgmt-telnet


def test_telnet_lists_the_zones_that_reach_it():
    m = [
        cell("guest", "reachable", "tcp/20-30", "udp/53"),
        cell("staff", "reachable", "tcp/22"),
        cell("mgmt", "reachable", "ip"),
        cell("internet", "blocked"),
        Cell("guest", "staff", "reachable", services=["tcp/23"]),
    ]  # not @devices
    [f] = run("mgmt-telnet", [device(svc(**TELNET))], m)
    assert f.severity == "high"
    assert f.zones == ["guest", "mgmt"]
    assert "guest, mgmt" in f.detail["en"] and "guest, mgmt" in f.detail["vi"]
    assert f.evidence == [{"file": FILE, "line": 80, "text": " transport input telnet ssh"}]
    assert "transport input ssh" in f.remediation["en"] and "Tắt Telnet" in f.remediation["vi"]


def test_whole_tcp_counts_as_reaching_telnet():
    [f] = run("mgmt-telnet", [device(svc(**TELNET))], [cell("staff", "reachable", "tcp")])
    assert f.zones == ["staff"] and f.severity == "high"


def test_telnet_proven_unreachable_is_medium():
    m = [cell("guest", "blocked"), cell("staff", "reachable", "tcp/22", "icmp/8")]
    [f] = run("mgmt-telnet", [device(svc(**TELNET))], m)
    assert f.severity == "medium" and f.zones == []
    assert "not reachable from any zone" in f.detail["en"]
    assert "không vùng mạng nào" in f.detail["vi"]


def test_a_partly_understood_service_says_its_finding_is_not_proven():
    """A one-VDOM FortiOS backup: whether Telnet runs is in the global configuration the
    file lacks.  The finding said "Telnet is enabled" as a fact."""
    why = "whether Telnet is enabled is set in the global configuration"
    [f] = run("mgmt-telnet", [device(svc(**TELNET, partial=why))], [cell("guest", "unknown", reason="x")])
    assert f"not fully understood, so the above is not proven: {why}" in f.detail["en"]
    assert "chưa được chứng minh" in f.detail["vi"]
    [f] = run("mgmt-telnet", [device(svc(**TELNET))], [cell("guest", "unknown", reason="x")])
    assert "not proven" not in f.detail["en"]


def test_telnet_without_zone_matrix_stays_high():
    [f] = run("mgmt-telnet", [device(svc(**TELNET))], [])
    assert f.severity == "high" and "not evaluated" in f.detail["en"]


def test_telnet_unknown_reachability_stays_high():
    m = [cell("guest", "blocked"), cell("staff", "unknown", reason="partial ACL")]
    [f] = run("mgmt-telnet", [device(svc(**TELNET))], m)
    assert f.severity == "high" and f.zones == []
    assert "staff" in f.detail["en"] and "could not be determined" in f.detail["en"]


def test_delivered_packets_to_another_device_do_not_count():
    hs = HeaderSpace()
    r1, r2 = device(svc(**TELNET)), device(hostname="R2", addr="10.0.20.1/24")
    telnet = hs.eq("proto", PROTO_TCP) & hs.range("dst_port", 23, 23)
    to_r2 = telnet & hs.eq("dst_ip", int(IPNetwork("10.0.20.1/24").ip))
    to_r1 = telnet & hs.eq("dst_ip", int(IPNetwork("10.0.10.1/24").ip))
    m = [cell("guest", "reachable", "tcp/23", delivered=to_r2, maybe=hs.false)]
    [f] = run("mgmt-telnet", [r1, r2], m, hs)
    assert f.severity == "medium"
    m = [cell("guest", "reachable", "tcp/23", delivered=to_r1 | to_r2, maybe=hs.false)]
    [f] = run("mgmt-telnet", [r1, r2], m, hs)
    assert f.zones == ["guest"]


def test_disabled_telnet_is_not_reported():
    assert run("mgmt-telnet", [device(svc(**TELNET, enabled=False))], []) == []


def test_telnet_on_other_vendor_has_generic_remediation_only():
    [f] = run("mgmt-telnet", [device(svc(**TELNET), vendor="mikrotik_routeros")], [])
    assert "Cisco" not in f.remediation["en"] and "SSH" in f.remediation["en"]


# --------------------------------------------------------------------------- mgmt-http-server


def test_http_reachable_from_guest_is_high():
    [f] = run("mgmt-http-server", [device(svc(**HTTP))], [cell("guest", "reachable", "tcp/80")])
    assert f.severity == "high" and f.zones == ["guest"]
    assert "no ip http server" in f.remediation["vi"]


def test_http_reachable_from_internet_is_high():
    [f] = run("mgmt-http-server", [device(svc(**HTTP))], [cell("internet", "reachable", "ip")])
    assert f.severity == "high"


def test_http_reachable_only_from_staff_is_medium():
    m = [cell("staff", "reachable", "tcp/80"), cell("guest", "reachable", "tcp/443")]
    [f] = run("mgmt-http-server", [device(svc(**HTTP))], m)
    assert f.severity == "medium" and f.zones == ["staff"]


def test_https_alone_is_not_a_finding():
    assert run("mgmt-http-server", [device(svc("https", 443, 61, "ip http secure-server"))], []) == []


# --------------------------------------------------------------------------- mgmt-vty-no-access-class


def test_ssh_and_telnet_without_acl_are_reported():
    d = device(svc(**SSH), svc(**TELNET), svc(**HTTP))
    fs = run("mgmt-vty-no-access-class", [d])
    assert sorted(f.detail["en"].split()[2] for f in fs) == ["ssh", "telnet"]
    assert all(f.severity == "medium" for f in fs) and len({f.id for f in fs}) == 2
    assert "access-class MGMT-ONLY in" in fs[0].remediation["en"]


def test_ssh_with_restricting_acl_is_fine():
    d = device(svc(**SSH, acl="MGMT-ONLY"))
    d.filters["MGMT-ONLY"] = std_acl("MGMT-ONLY", ("permit", Match(src=(AddrMatch.prefix("10.0.99.0/24"),))))
    assert run("mgmt-vty-no-access-class", [d]) == []


def test_acl_permitting_every_source_is_reported():
    d = device(svc(**SSH, acl="OPEN"))
    d.filters["OPEN"] = std_acl(
        "OPEN", ("deny", Match(src=(AddrMatch.host(1),), protocols=(PROTO_UDP,))), ("permit", Match())
    )
    [f] = run("mgmt-vty-no-access-class", [d])
    assert "permits every source" in f.detail["en"] and "OPEN" in f.detail["vi"]


def test_acl_with_partial_line_is_not_claimed_open():
    d = device(svc(**SSH, acl="ODD"))
    d.filters["ODD"] = std_acl("ODD", ("permit", Match()))
    d.filters["ODD"].lines[0].partial = "time-range"
    assert run("mgmt-vty-no-access-class", [d]) == []


def test_undefined_acl_on_vty_is_reported():
    [f] = run("mgmt-vty-no-access-class", [device(svc(**SSH, acl="GONE"))])
    assert "does not exist" in f.detail["en"] and "GONE" in f.detail["en"]


# --------------------------------------------------------------------------- mgmt-snmp-community


def test_snmp_without_acl_is_reported_without_quoting_the_community():
    s = svc("snmp", 161, 70, "snmp-server community s3cr3t RO", proto=PROTO_UDP)
    [f] = run("mgmt-snmp-community", [device(s)])
    assert f.severity == "medium"
    assert all("s3cr3t" not in text for text in (*f.detail.values(), *f.remediation.values()))


def test_snmp_with_acl_is_fine():
    s = svc("snmp", 161, 70, "snmp-server community x RO 5", proto=PROTO_UDP, acl="5")
    assert run("mgmt-snmp-community", [device(s)]) == []


# --------------------------------------------------------------------------- Cisco IOS integration

IOS = """\
hostname EDGE
!
interface GigabitEthernet0/1
 ip address 10.0.0.1 255.255.255.0
!
ip http server
!
line vty 0 4
 transport input telnet ssh
!
end
"""


def test_ios_config_end_to_end():
    devices = cisco_ios.parse(IOS, "edge.cfg").devices
    [telnet] = run("mgmt-telnet", devices)
    assert telnet.evidence[0]["file"] == "edge.cfg"
    [http] = run("mgmt-http-server", devices)
    assert http.evidence[0]["line"] == 6
    assert {f.detail["en"].split()[2] for f in run("mgmt-vty-no-access-class", devices)} == {"ssh", "telnet"}
