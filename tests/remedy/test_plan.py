"""The vendor-neutral plan of ``netaudit fix`` (netaudit/remedy/plan.py, docs/remedy.md)."""

from __future__ import annotations

import pytest
from helpers import SAMPLES

from netaudit.audit import run_audit
from netaudit.remedy import derive
from netaudit.remedy.prove import run_fix


@pytest.fixture(scope="module")
def leaky_plan():
    return derive(run_audit([SAMPLES / "cisco-commune-leaky"]))


def test_blocks_at_the_source_zones_gateway(leaky_plan):
    core = leaky_plan.devices["UBNDHB-CORE"]
    blocks = {(b.interface, b.direction, b.src_zone, b.dst_zone): b for b in core.blocks}
    guest = blocks[("Vlan40", "in", "guest", "staff")]
    assert [str(n) for n in guest.src] == ["10.10.40.0/24"] and [str(n) for n in guest.dst] == ["10.10.10.0/24"]
    assert guest.allow == () and guest.findings  # denied outright, closes its finding
    limited = blocks[("Vlan30", "in", "counter", "servers")]
    assert limited.allow == ("tcp/80", "tcp/443")  # the policy limits the flow: those stay open
    assert not [b for b in core.blocks if b.src_zone == "staff" and b.dst_zone == "servers"]  # allowed


def test_management_services_restricted(leaky_plan):
    core = leaky_plan.devices["UBNDHB-CORE"]
    restricts = {r.service: r for r in core.restricts}
    assert restricts["telnet"].insecure and restricts["telnet"].allow_from == []  # off
    assert [str(n) for n in restricts["ssh"].allow_from] == ["10.10.99.0/24"]  # management zone only
    assert {"guest", "counter"} <= set(restricts["ssh"].zones)


def test_same_l2_segment_is_listed_not_blocked():
    plan = derive(run_audit([SAMPLES / "routeros-commune-leaky-bridge"]))
    flows = [u for u in plan.unfixable if u.check in ("guest-isolation", "policy-violation")]
    assert flows and all("L2" in u.reason["en"] for u in flows)
    assert not [b for p in plan.devices.values() for b in p.blocks if {b.src_zone, b.dst_zone} == {"guest", "staff"}]


def test_without_management_zone_stop_the_zones_and_say_what_is_left():
    # The bridge sample's site file names no management zone: SSH reached from the guest
    # and staff zones is stopped for those zones; the vty access-class the hardening check
    # asks for has no source to name — listed with that reason, not silently left.
    audit = run_audit([SAMPLES / "routeros-commune-leaky-bridge"])
    plan = derive(audit)
    assert not plan.mgmt
    ssh = next(r for p in plan.devices.values() for r in p.restricts if r.service == "ssh")
    assert ssh.allow_from == [] and {"guest", "staff"} <= set(ssh.zones)
    vty = [u for u in plan.unfixable if u.check == "mgmt-vty-no-access-class"]
    assert vty and "no management zone" in vty[0].reason["en"]
    assert not any(vty[0].finding in r.findings for p in plan.devices.values() for r in p.restricts)


def test_undefined_acl_binding_is_removed_where_it_filters_nothing(tmp_path):
    cfg = (SAMPLES / "cisco-commune-leaky").glob("*.cfg")
    router = next(c for c in cfg if "ip nat outside" in c.read_text())
    text = router.read_text().replace(" ip nat inside\n", " ip nat inside\n ip access-group 167 out\n", 1)
    (tmp_path / router.name).write_text(text)
    for other in (SAMPLES / "cisco-commune-leaky").iterdir():
        if other.name != router.name and other.is_file():
            (tmp_path / other.name).write_bytes(other.read_bytes())
    audit = run_audit([tmp_path])
    undefined = [f for f in audit.findings if f.check == "undefined-reference" and "167" in f.detail["en"]]
    assert undefined and undefined[0].severity == "high"
    plan = derive(audit)
    unbinds = {u.acl: u for p in plan.devices.values() for u in p.unbinds}
    assert unbinds["167"].direction == "out" and unbinds["167"].findings == [undefined[0].id]
    res = run_fix([tmp_path], None, tmp_path / "fix")
    rendered = next(r.rendered for r in res.devices.values() if r.rendered and "167" in r.rendered.change_set)
    assert " no ip access-group 167 out" in rendered.change_set.splitlines()
    assert " ip access-group 167 out" in rendered.rollback.splitlines()
    assert "access-group 167" not in rendered.patched
    assert undefined[0].id in {f.id for f in res.closed} and res.lost == [] and res.ok


def test_forging_beside_the_zone_it_reaches_is_said_not_closable():
    """bridge-ipfw-v6: the camera and the accountants share one bridge (one subnet) of the
    router; the camera forges the accountants' addresses past a source-based drop. A
    per-interface source check cannot tell the two apart: the finding is listed with that
    reason (was: "the plan has no configuration change for this finding")."""
    from helpers import FIXTURES

    rsc = FIXTURES / "mikrotik_routeros" / "bridge-ipfw-v6.rsc"
    plan = derive(run_audit([rsc], rsc.with_name("bridge-ipfw-v6.site.yaml")))
    spoof = [u for u in plan.unfixable if u.check == "spoofing"]
    assert len(spoof) == 1
    assert "camera" in spoof[0].reason["en"] and "separated" in spoof[0].reason["en"]
    assert spoof[0].reason["vi"] != spoof[0].reason["en"]


def test_a_restriction_that_closes_nothing_is_not_proposed(tmp_path):
    """No management zone and every cell unknown: the only restriction was the vty/SSH
    hardening check, which has no source to name (left, with its reason) — yet it was
    rendered: the lan zone went to input REJECT, cutting the LAN off the router's
    LuCI/SSH while closing nothing."""
    from helpers import FIXTURES

    cfg = FIXTURES / "openwrt" / "tplink-c7-1907-swconfig.txt"
    site = tmp_path / "site.yaml"
    site.write_text(
        "unit: 'UBND xã Phước Hòa'\nlevel: 2\nzones:\n"
        "  staff: {kind: internal, subnets: [10.0.10.0/24], attach: ['XaPhuocHoa-C7:br-lan']}\n"
        "  guest: {kind: guest, subnets: [10.0.40.0/24], attach: ['XaPhuocHoa-C7:br-khach']}\n"
        "  internet: {kind: external, attach: ['XaPhuocHoa-C7:eth0.2']}\n",
        encoding="utf-8",
    )
    audit = run_audit([cfg], site)
    assert "mgmt-vty-no-access-class" in {f.check for f in audit.findings}
    plan = derive(audit)
    assert "mgmt-vty-no-access-class" in {u.check for u in plan.unfixable}
    assert not [r for dp in plan.devices.values() for r in dp.restricts if not r.findings]
    res = run_fix([cfg], site, tmp_path / "fix")
    assert not res.closed
    assert not [r for r in res.devices.values() if r.rendered is not None]  # no change set closing nothing


def test_an_open_resolver_is_closed_at_the_edge_on_every_vendor_serving_dns():
    """Every vendor whose routers serve DNS in the model and which has a change-set
    generator closes an open resolver where the Internet enters (plan.EdgeClose); the
    ASA serves no DNS, and the Ruijie and Comware models have no DNS server (only DHCP): a DHCP server
    reached from the Internet is left with the port to drop (docs/remedy.md, "Open resolver")."""
    from netaudit.remedy import VENDORS
    from netaudit.remedy.plan import EDGE_CLOSE_VENDORS

    assert set(VENDORS) - EDGE_CLOSE_VENDORS == {"cisco_asa", "h3c_comware", "ruijie_rgos"}


def test_a_cleartext_tunnel_server_the_internet_reaches_is_closed_where_it_enters_on_ios():
    """IOS `vpdn-group … accept-dialin` (l2tp udp/1701, pptp tcp/1723) reached from the
    Internet: an EdgeClose on the Dialer, holding the Internet's finding; the LAN's reach
    of the same servers stays a restriction of its own (the Internet no longer named there)."""
    from helpers import FIXTURES

    cfg = FIXTURES / "cisco_ios" / "commune-pptp-lns.cfg"
    audit = run_audit([cfg], cfg.with_name("commune-pptp-lns.site.yaml"))
    internet = next(f.id for f in audit.findings if f.zones[:2] == ["internet", "@devices"])
    router = derive(audit).devices["UBND-XA-BINHHOA"]
    closes = {c.service: c for c in router.closes}
    assert {"udp/1701", "tcp/1723"} <= set(closes)
    assert all(closes[s].interfaces == ["Dialer0"] and internet in closes[s].findings for s in ("udp/1701", "tcp/1723"))
    tunnels = {r.service: r for r in router.restricts if r.service in ("l2tp", "pptp")}
    assert set(tunnels) == {"l2tp", "pptp"} and all(r.zones == ["lan"] for r in tunnels.values())


def test_a_zone_behind_a_tunnel_is_blocked_where_it_leaves_and_its_device_reach_said(tmp_path):
    """The province behind the commune router's crypto map (site ``via: tunnel``): its
    packets come decrypted past the WAN's inbound ACL, so tinh -> internet is blocked
    where it leaves (outbound, as from a wan zone), and the SSH and ping it reaches on the
    router, with no management zone to limit them to, are said not closable (before:
    "no configuration change", the proof failing on it)."""
    from helpers import FIXTURES

    cfg = FIXTURES / "cisco_ios" / "commune-s2s-vpn.cfg"
    site = cfg.with_name("commune-s2s-vpn.site.yaml")
    plan = derive(run_audit([cfg], site))
    (block,) = [b for p in plan.devices.values() for b in p.blocks if b.src_zone == "tinh"]
    assert (block.device, block.dst_zone) == ("UBND-XA-ANBINH-RT", "internet")
    left = [u for u in plan.unfixable if u.check == "policy-violation" and "tinh → @devices" in u.title["en"]]
    assert left and "behind an IPsec tunnel" in left[0].reason["en"] and "ssh (tcp/22)" in left[0].reason["en"]
    result = run_fix([cfg], site, tmp_path)
    assert result.ok and not result.lost


def test_broadcasts_sent_on_to_a_helper_in_the_blocked_zone_are_stopped_where_they_enter(tmp_path):
    """IOS ``ip helper-address 10.1.10.5`` on the guest gateway: the guest's UDP broadcasts
    on the forwarded ports go on to the staff server with the guest's source, past an ACL
    that denies every internal destination (it saw 255.255.255.255).  Denying the staff
    zone's addresses never meets them (before: the proof failed, guest -> staff left
    open); the change set denies the forwarded ports to 255.255.255.255 and the subnet's
    broadcast — not DHCP, which the relay agent answers — and the proof holds."""
    from helpers import FIXTURES

    cfg = FIXTURES / "cisco_ios" / "commune-guest-helper.cfg"
    site = cfg.with_name("commune-guest-helper.site.yaml")
    result = run_fix([cfg], site, tmp_path)
    assert result.ok and not result.lost and not result.remaining
    text = next(iter(result.devices.values())).rendered.change_set
    for bcast in ("255.255.255.255", "192.168.50.255"):
        for port in ("eq 37", "eq 42", "eq 49", "eq 53", "eq 69", "range 137 138"):
            assert f"deny udp any host {bcast} {port}" in text
        assert f"deny 77 any host {bcast}" in text
    assert "bootps" not in text and "eq 67" not in text  # the relay agent keeps answering DHCP
    cells = {(c.src, c.dst): c for c in result.after.matrix}
    assert cells[("wifi-khach", "can-bo")].verdict == "blocked"
    assert "udp/67" in cells[("wifi-khach", "@devices")].services


# A lab router of a branch: a crypto map to its peer on the only uplink, no ACL at all.
BRANCH_VPN = """\
hostname R1
ip access-list extended VPN-IPv4
 permit ip 10.1.0.0 0.0.255.255 10.3.0.0 0.0.255.255
crypto isakmp policy 10
 encr aes 256
 authentication pre-share
 group 19
crypto ipsec transform-set VPN-TS esp-aes 256 esp-sha256-hmac
 mode tunnel
crypto map VPN-MAP 10 ipsec-isakmp
 set peer 9.6.11.10
 set transform-set VPN-TS
 match address VPN-IPv4
interface GigabitEthernet1/0
 ip address 9.6.11.1 255.255.255.0
 crypto map VPN-MAP
interface GigabitEthernet2/0
 description LAN can bo
 ip address 10.1.1.1 255.255.255.0
ip route 0.0.0.0 0.0.0.0 9.6.11.10
end
"""


def test_a_flow_into_a_zone_behind_a_tunnel_is_blocked_where_it_enters_the_tunnel(tmp_path):
    """internet -> the drafted zone behind R1's crypto map (the Internet owns the rest of
    10.1.0.0/16, which the crypto ACL sends into the tunnel): the block is planned on the
    interface whose tunnel leads to the zone, outbound (before encryption). Before, the
    zone had no gateway and the plan said the two zones share one L2 segment — false."""
    (tmp_path / "r1.cfg").write_text(BRANCH_VPN, encoding="utf-8")
    audit = run_audit([tmp_path])
    (vpn,) = [z.name for z in audit.zones if z.tunnels]
    plan = derive(audit)
    blocks = [b for p in plan.devices.values() for b in p.blocks if (b.src_zone, b.dst_zone) == ("internet", vpn)]
    assert [(b.device, b.interface, b.direction) for b in blocks] == [("R1", "GigabitEthernet1/0", "out")]
    assert not [u for u in plan.unfixable if "L2" in u.reason["en"] and vpn in u.title["en"]]


def test_dhcp_broadcasts_stay_open_when_the_relay_agent_is_off(tmp_path):
    """``no service dhcp``: whether IOS forwards the DHCP broadcasts as sent is not
    established (maybe); the change set still never denies them — they are how the guest
    hosts get their addresses — while the other forwarded ports are denied."""
    from helpers import FIXTURES

    cfg = FIXTURES / "cisco_ios" / "commune-guest-helper.cfg"
    text = cfg.read_text(encoding="utf-8")
    assert "hostname UBND-XA-TANPHU\n" in text
    (tmp_path / cfg.name).write_text(
        text.replace("hostname UBND-XA-TANPHU\n", "hostname UBND-XA-TANPHU\nno service dhcp\n")
    )
    site = cfg.with_name("commune-guest-helper.site.yaml")
    result = run_fix([tmp_path / cfg.name], site, tmp_path / "fix")
    change = next(iter(result.devices.values())).rendered.change_set
    assert "deny udp any host 255.255.255.255 eq 53" in change
    assert "bootps" not in change and "eq 67" not in change
