"""The reference policy (netaudit.policy): the Internet may reach the devices' VPN
endpoint only — an open resolver on the WAN is a finding, IPsec and the WireGuard /
OpenVPN ports the devices listen on are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import audit_cli, copy_sample
from netaddr import IPNetwork

from netaudit.headerspace import HeaderSpace
from netaudit.model import Device, MgmtService, PortRange
from netaudit.policy import (
    ALLOW,
    EDGE_VPN_SERVICES,
    GATEWAY_SERVICES,
    LIMITED,
    edge_vpn_services,
    expectation,
    resolve_expectation,
)
from netaudit.vocabulary import DEVICES_ZONE


def test_internet_to_devices_is_limited_to_the_vpn_endpoint():
    exp = expectation("external", "devices", 2)
    assert exp.expected == LIMITED and exp.rule == "devices-edge-vpn-only"
    assert set(exp.allowed_services) == {"udp/500", "udp/4500", "proto/50"}
    assert not set(exp.allowed_services) & set(GATEWAY_SERVICES)  # DNS is not the edge's to answer
    # Inside zones keep DNS and DHCP on their gateway; management administers.
    for kind in ("internal", "guest", "server", "camera"):
        assert expectation(kind, "devices", 2).allowed_services == tuple(GATEWAY_SERVICES)
    # The government network (wan) keeps its gateway and may reach the VPN endpoint too.
    wan = expectation("wan", "devices", 2)
    assert wan.allowed_services == (*GATEWAY_SERVICES, *EDGE_VPN_SERVICES) and wan.rule == "devices-wan-gateway-vpn"
    assert expectation("management", "devices", 2).expected == ALLOW


def test_vpn_ports_the_devices_listen_on_widen_the_internet_row_only():
    dev = Device("R", "routeros", "r.rsc")
    dev.services = [
        MgmtService("wireguard", 17, (PortRange(13231, 13231),)),
        MgmtService("ovpn", 6, (PortRange(1194, 1194),)),
        MgmtService("ovpn", 6, (PortRange(443, 443),)),  # an admin port: never allowed through it
        MgmtService("wireguard", 17, (PortRange(51820, 51820),), enabled=False),
        MgmtService("dns", 17, (PortRange(53, 53),)),
    ]
    vpn = edge_vpn_services(HeaderSpace(), [dev])
    assert vpn == ("tcp/1194", "udp/13231")
    internet = resolve_expectation("internet", "external", DEVICES_ZONE, "devices", 2, [], vpn)
    assert internet.allowed_services == (*EDGE_VPN_SERVICES, "tcp/1194", "udp/13231")
    staff = resolve_expectation("staff", "internal", DEVICES_ZONE, "devices", 2, [], vpn)
    assert staff.allowed_services == tuple(GATEWAY_SERVICES)


# A ward office's hEX as a technician exports it: the input chain only drops Winbox and
# the other admin ports from the WAN ("chan winbox tu ngoai"), the router resolves for its
# LAN with allow-remote-requests=yes, and a WireGuard tunnel to the district answers on
# 13231 (tests/remedy/leaky/ros6-open-resolver-wg, where `netaudit fix` is tested too).
WARD = Path(__file__).parent / "remedy" / "leaky" / "ros6-open-resolver-wg"
CONFIG = "ubnd-phuong-an-lac-hex.rsc"


def _audit(tmp_path, config: str) -> tuple[int, dict]:
    (tmp_path / CONFIG).write_text(config, encoding="utf-8")
    code, out, _ = audit_cli(tmp_path, "--site", WARD / "site.yaml")
    return code, json.loads(out)


def test_open_resolver_on_the_wan_is_a_high_finding(tmp_path):
    code, doc = _audit(tmp_path, (WARD / CONFIG).read_text(encoding="utf-8"))
    cell = next(c for c in doc["matrix"] if (c["src"], c["dst"]) == ("internet", DEVICES_ZONE))
    assert cell["verdict"] == "reachable"
    assert {"udp/53", "tcp/53", "udp/13231"} <= set(cell["services"])
    assert "udp/13231" in cell["allowed_services"] and "udp/53" not in cell["allowed_services"]
    found = [
        f for f in doc["findings"] if f["check"] == "policy-violation" and f["zones"] == ["internet", DEVICES_ZONE]
    ]
    assert len(found) == 1 and found[0]["severity"] == "high"
    # The excess named is DNS (and the ssh the rules forgot), never the WireGuard port.
    assert "udp/53" in found[0]["detail"]["en"] and "13231" not in found[0]["detail"]["en"]
    assert code == 1


def test_closing_dns_on_the_wan_leaves_the_vpn_endpoint_without_finding(tmp_path):
    fixed = (
        (WARD / CONFIG)
        .read_text(encoding="utf-8")
        .replace(
            "add action=drop chain=input in-interface-list=WAN protocol=icmp\n",
            "add action=drop chain=input in-interface-list=WAN protocol=icmp\n"
            "add action=accept chain=input dst-port=13231 in-interface-list=WAN protocol=udp\n"
            "add action=drop chain=input in-interface-list=WAN\n",
        )
    )
    _, doc = _audit(tmp_path, fixed)
    cell = next(c for c in doc["matrix"] if (c["src"], c["dst"]) == ("internet", DEVICES_ZONE))
    assert cell["verdict"] == "reachable" and cell["services"] == ["udp/13231"]
    assert not [f for f in doc["findings"] if f["zones"] == ["internet", DEVICES_ZONE]]


# --------------------------------------------------------------------------- VPN endpoints on admin ports

_FORTIOS_SSLVPN = """config vpn ssl settings
    set servercert "Fortinet_Factory"
    set tunnel-ip-pools "SSLVPN_TUNNEL_ADDR1"
    set source-interface "wan1"
    set source-address "all"
    set default-portal "full-access"
    set port 10443
end
"""


def _cells_and_findings(folder) -> tuple[dict, list]:
    _, out, _ = audit_cli(folder)
    doc = json.loads(out)
    return {(c["src"], c["dst"]): c for c in doc["matrix"]}, doc["findings"]


def test_a_fortigate_ssl_vpn_on_the_wan_is_the_allowed_vpn_endpoint(tmp_path):
    """The SSL VPN listens on tcp/10443 of wan1 (a port FortiGates also move their web
    administration to): from the Internet it is the edge's VPN endpoint, no finding; a
    guest reaching it is a device service beyond DHCP/DNS — high, not critical."""
    folder = copy_sample(tmp_path, "fortigate-ttpvhcc-compliant")
    conf = folder / "FGT-TTHCC-PT.conf"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(
        text.replace("config firewall policy\n", _FORTIOS_SSLVPN + "config firewall policy\n", 1), encoding="utf-8"
    )
    cells, findings = _cells_and_findings(folder)
    assert cells[("internet", DEVICES_ZONE)]["services"] == ["tcp/10443"]
    assert not cells[("internet", DEVICES_ZONE)]["violation"]
    assert not [f for f in findings if f["zones"] == ["internet", DEVICES_ZONE]]
    guest = [f for f in findings if f["check"] == "guest-isolation" and f["zones"] == ["guest", DEVICES_ZONE]]
    assert [f["severity"] for f in guest] == ["high"] and "tcp/10443" in guest[0]["detail"]["en"]


def test_an_asa_anyconnect_headend_is_allowed_but_asdm_beside_it_is_critical(tmp_path):
    """AnyConnect (webvpn) and ASDM share tcp/443 of the outside interface: with ASDM open
    to any source the Internet → @devices violation stays critical; with ASDM limited to
    the management network, the VPN alone is what the policy allows."""
    folder = copy_sample(tmp_path, "asa-department-leaky-mgmt")
    cfg = folder / "svhttdl-fw01.cfg"
    webvpn = "webvpn\n enable outside\n anyconnect enable\n tunnel-group-list enable\nhttp server enable\n"
    text = cfg.read_text(encoding="utf-8").replace("http server enable\n", webvpn, 1)
    cfg.write_text(text, encoding="utf-8")
    cells, findings = _cells_and_findings(folder)
    found = [f for f in findings if f["zones"] == ["internet", DEVICES_ZONE]]
    assert [(f["check"], f["severity"]) for f in found] == [("policy-violation", "critical")]
    cfg.write_text(text.replace("http 0.0.0.0 0.0.0.0 outside\n", ""), encoding="utf-8")
    cells, findings = _cells_and_findings(folder)
    assert cells[("internet", DEVICES_ZONE)]["services"] == ["tcp/443"]
    assert not [f for f in findings if f["zones"] == ["internet", DEVICES_ZONE]]


def test_an_ike_endpoint_reached_from_the_government_network_is_no_violation():
    """An IPsec tunnel over the dedicated government network (a wan zone) ends on the
    router: IKE from there is its VPN endpoint; SSH from there is still a violation."""
    from helpers import analyse, l3, router

    from netaudit.checks import REGISTRY, load_checks
    from netaudit.checks.segmentation import policy_violation
    from netaudit.zones import Zone

    tslcd = Zone("tslcd", "wan", [IPNetwork("10.99.0.0/16")], attach=[("R1", "Gi2")])
    staff = Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], attach=[("R1", "Gi1")])
    r = router(Gi1=l3("", "10.0.10.1/24"), Gi2=l3("", "10.99.1.2/30"))
    r.services = [MgmtService("ike", 17, (PortRange(500, 500), PortRange(4500, 4500)))]
    load_checks()
    info = REGISTRY["policy-violation"]
    found = list(policy_violation(analyse([r], [staff, tslcd]).expect(level=2).context(), info))
    assert not [f for f in found if f.zones == ["tslcd", DEVICES_ZONE]]
    r.services.append(MgmtService("ssh", 6, (PortRange(22, 22),)))
    found = list(policy_violation(analyse([r], [staff, tslcd]).expect(level=2).context(), info))
    assert [f.severity for f in found if f.zones == ["tslcd", DEVICES_ZONE]] == ["high"]


def test_l2tp_inside_required_ipsec_is_a_vpn_endpoint_and_cleartext_l2tp_is_not(tmp_path):
    """The ward router of the open-resolver test with DNS closed on the WAN and an L2TP
    server for staff working from home: with use-ipsec=required L2TP is taken inside IPsec
    only — the edge's VPN endpoint, no finding; with use-ipsec=yes cleartext L2TP is
    accepted too — high."""
    closed = (
        (WARD / CONFIG)
        .read_text(encoding="utf-8")
        .replace(
            "add action=drop chain=input in-interface-list=WAN protocol=icmp\n",
            "add action=drop chain=input in-interface-list=WAN protocol=icmp\n"
            "add action=accept chain=input dst-port=500,1701,4500,13231 in-interface-list=WAN protocol=udp\n"
            "add action=drop chain=input in-interface-list=WAN\n",
        )
    )
    l2tp = "/interface l2tp-server server\nset enabled=yes ipsec-secret=Lam@ViecTuXa2025 use-ipsec={mode}\n"
    for mode, severities in (("required", []), ("yes", ["high"])):
        _, doc = _audit(tmp_path, closed + l2tp.format(mode=mode))
        cell = next(c for c in doc["matrix"] if (c["src"], c["dst"]) == ("internet", DEVICES_ZONE))
        assert {"udp/500", "udp/1701", "udp/4500"} <= set(cell["services"])
        found = [f["severity"] for f in doc["findings"] if f["zones"] == ["internet", DEVICES_ZONE]]
        assert found == severities, mode


# --------------------------------------------------------------------------- ICMP replies and errors


def _asa_with_outside_icmp(sample_copy, *types: str):
    """The compliant department ASA whose outside ACL also permits ICMP ``types`` from
    anywhere, as real ASAs do for ping and traceroute from the inside."""
    office = sample_copy("asa-department-compliant")
    cfg = office / "sotp-fw01.cfg"
    text = cfg.read_text(encoding="utf-8")
    anchor = "access-list OUTSIDE_IN extended permit tcp any object OBJ-WEB-CONG-TTDT object-group SVC-WEB\n"
    assert anchor in text
    extra = "".join(f"access-list OUTSIDE_IN extended permit icmp any any {t}\n" for t in types)
    cfg.write_text(text.replace(anchor, anchor + extra, 1), encoding="utf-8")
    return office


def test_icmp_replies_and_errors_from_the_internet_are_no_violation(sample_copy):
    from netaudit.audit import run_audit
    from netaudit.compliance import regime

    base = run_audit(["sample_configs/asa-department-compliant"])
    audit = run_audit([_asa_with_outside_icmp(sample_copy, "echo-reply", "unreachable", "time-exceeded")])
    staff = next(c for c in audit.matrix if (c.src, c.dst) == ("internet", "staff"))
    assert staff.verdict == "reachable" and staff.services == ["icmp/0", "icmp/3", "icmp/11"]
    assert not staff.violation and staff.icmp_replies_only
    assert not [f for f in audit.findings if f.check == "policy-violation" and f.zones[:1] == ["internet"]]

    # The same conclusion and requirement statuses as without the three lines.
    def rows(a):
        reg = regime(a.compliance, a.compliance["default"])
        return reg["verdict"], {r["id"]: r["status"] for r in reg["rows"]}

    assert rows(audit) == rows(base)


@pytest.mark.parametrize("kind", ["echo", "redirect"])
def test_icmp_that_acts_by_itself_stays_a_violation(sample_copy, kind):
    from netaudit.audit import run_audit

    audit = run_audit([_asa_with_outside_icmp(sample_copy, "echo-reply", kind)])
    staff = next(c for c in audit.matrix if (c.src, c.dst) == ("internet", "staff"))
    assert staff.violation and not staff.icmp_replies_only
    found = [f for f in audit.findings if f.check == "policy-violation" and f.zones[:2] == ["internet", "staff"]]
    assert found and found[0].severity == "critical"


def test_a_captive_portal_is_a_gateway_service_from_inside_and_not_from_the_internet():
    """The services of a captive portal on its clients' gateway (model
    CAPTIVE_PORTAL_SERVICES: the RouterOS HotSpot's DNS and login ports) count with DNS
    and DHCP for an inside zone; the same ports reached from the Internet are a
    violation, and an administration service beside them stays one."""
    from helpers import analyse, l3, router

    from netaudit.checks import REGISTRY, load_checks
    from netaudit.checks.segmentation import guest_isolation, policy_violation
    from netaudit.model import CAPTIVE_PORTAL_SERVICES
    from netaudit.zones import Zone

    assert {"hotspot-dns", "hotspot-http", "hotspot-proxy", "hotspot-https"} == CAPTIVE_PORTAL_SERVICES
    guest = Zone("guest", "guest", [IPNetwork("10.0.40.0/24")], attach=[("R1", "Gi1")])
    net = Zone("internet", "external", attach=[("R1", "Gi2")])
    r = router(Gi1=l3("", "10.0.40.1/24"), Gi2=l3("", "203.0.113.2/30"))
    r.services = [MgmtService("hotspot-http", 6, (PortRange(64873, 64873),))]
    load_checks()

    def found(check):
        ctx = analyse([r], [guest, net]).expect(level=2).context()
        return {tuple(f.zones): f.severity for f in check(ctx, REGISTRY[check.__name__.replace("_", "-")])}

    assert (DEVICES_ZONE,) not in {z[1:] for z in found(guest_isolation)}
    assert found(policy_violation).get(("internet", DEVICES_ZONE)) == "high"  # no admin port
    r.services.append(MgmtService("winbox", 6, (PortRange(8291, 8291),)))
    assert found(guest_isolation).get(("guest", DEVICES_ZONE)) == "critical"
