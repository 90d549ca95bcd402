"""Run-time addresses, external attachment, sources and exit status (docs/semantics.md).

Built from the realistic sample offices and fixtures, edited the way a real office differs:
the WAN takes its address from the ISP by DHCP, the site file names the Internet zone
without saying where it attaches.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, SAMPLES, cells, copy_sample

from netaudit.audit import failures, run_audit
from netaudit.cli import main
from netaudit.headerspace import service_match
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.trace import trace


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def unattached_internet(site: Path, attach_line: str) -> None:
    """The site file names the Internet zone but not where it attaches."""
    edit(site, attach_line, "")


# --------------------------------------------------------------------------- FortiGate


@pytest.fixture
def fortigate_dhcp_wan(tmp_path: Path) -> Path:
    """The compliant TTPVHCC, but wan1 takes its address by DHCP and admin access was
    left open on it (`set allowaccess ping https ssh http`), a common field finding."""
    d = copy_sample(tmp_path, "fortigate-ttpvhcc-compliant")
    conf = d / "FGT-TTHCC-PT.conf"
    edit(
        conf,
        "        set ip 203.0.113.10 255.255.255.248\n",
        "        set mode dhcp\n        set allowaccess ping https ssh http\n",
    )
    # The static default route toward the old fixed gateway goes; DHCP supplies it.
    text = conf.read_text(encoding="utf-8")
    text = re.sub(r"    edit 1\n        set gateway 203\.0\.113\.9\n.*?    next\n", "", text, flags=re.DOTALL)
    conf.write_text(text, encoding="utf-8")
    unattached_internet(d / "site.yaml", '    attach: ["FGT-TTHCC-PT:wan1"]\n')
    return d


def test_fortigate_dhcp_wan_admin_access_is_reachable_not_blocked(fortigate_dhcp_wan):
    # Administrators without trusted hosts (the FortiOS default): anyone may log in.
    conf = fortigate_dhcp_wan / "FGT-TTHCC-PT.conf"
    conf.write_text(re.sub(r"\n\s*set trusthost\d+ [^\n]*", "", conf.read_text(encoding="utf-8")), encoding="utf-8")
    audit = run_audit([fortigate_dhcp_wan])
    m = cells(audit)
    cell = m[("internet", "@devices")]
    assert cell.verdict == REACHABLE  # was a false "blocked"
    # http too: the VIP's public address (port 80 forwarded to the DMZ) is part of the
    # office's plan, so it is not a candidate for wan1's run-time address
    assert {"tcp/22", "tcp/80", "tcp/8443"} <= set(cell.services)
    w = cell.witness.to_json()
    assert w["packet"]["dst_ip"].startswith("100.64.")  # the representative run-time address
    hop = w["hops"][-1]
    assert hop["in"] == "wan1" and "run time" in str(hop["note"])
    cited = {r["text"] for r in hop["rules"]}
    assert "set mode dhcp" in cited and "set allowaccess ping https ssh http" in cited
    # The finding and the compliance row agree with the matrix.
    assert any(f.check == "fortigate-allowaccess-wan-guest" for f in audit.findings)
    assert any(f.check == "policy-violation" and f.zones == ["internet", "@devices"] for f in audit.findings)
    remote = next(r for r in audit.compliance["regimes"][0]["rows"] if r["id"] == "remote-admin")
    assert remote["status"] != "met"
    assert failures(audit)


def test_fortigate_dhcp_wan_trusted_hosts_leave_ping_only(fortigate_dhcp_wan):
    # With trusted hosts on every administrator, logging in from the Internet needs a
    # forged management source: ping only, and a spoofing finding for the rest.
    audit = run_audit([fortigate_dhcp_wan])
    cell = cells(audit)[("internet", "@devices")]
    assert cell.verdict == REACHABLE and cell.services == ["icmp/8"]
    assert "tcp/22" in audit.engine.hs.services(cell.spoofed)


def test_fortigate_dhcp_wan_routes_out_to_the_internet(fortigate_dhcp_wan):
    audit = run_audit([fortigate_dhcp_wan])
    m = cells(audit)
    internet = next(z for z in audit.zones if z.name == "internet")
    assert [str(a) for a in internet.attached] and "wan1" in str(internet.attached[0])
    for src in ("staff", "guest", "counter", "servers", "dmz"):
        assert m[(src, "internet")].verdict == REACHABLE, src  # was "unknown"
    for src in ("kiosk", "mgmt"):
        assert m[(src, "internet")].verdict == BLOCKED, src
    for dst in ("staff", "servers", "counter", "kiosk", "guest", "mgmt", "tslcd"):
        assert m[("internet", dst)].verdict == BLOCKED, dst
    assert m[("internet", "dmz")].verdict == REACHABLE  # the VIP, as with a fixed address
    hops = m[("guest", "internet")].witness.to_json()["hops"]
    assert "run time" in str(hops[-1].get("note", ""))


def test_fortigate_srcintf_any_policy_reaches_printer_through_dhcp_wan(fortigate_dhcp_wan):
    conf = fortigate_dhcp_wan / "FGT-TTHCC-PT.conf"
    text = conf.read_text(encoding="utf-8")
    # An "any → staff printer" policy at the top, as technicians add for remote printing.
    text = text.replace(
        "config firewall policy\n",
        "config firewall policy\n"
        '    edit 90\n        set name "IN-MAY-IN"\n        set srcintf "any"\n'
        '        set dstintf "VL10-CANBO"\n        set action accept\n'
        '        set srcaddr "all"\n        set dstaddr "all"\n        set schedule "always"\n'
        '        set service "ALL"\n    next\n',
        1,
    )
    conf.write_text(text, encoding="utf-8")
    m = cells(run_audit([fortigate_dhcp_wan]))
    assert m[("internet", "staff")].verdict == REACHABLE  # was "unknown"


# --------------------------------------------------------------------------- ASA


def test_asa_dhcp_setroute_attaches_the_internet_and_routes(tmp_path):
    d = tmp_path / "asa"
    d.mkdir()
    shutil.copy(ROOT / "tests/fixtures/cisco_asa/asa5505-branch.cfg", d / "fw.cfg")
    (d / "site.yaml").write_text(
        'unit: "UBND phuong"\nlevel: 2\nzones:\n'
        '  staff: {kind: internal, subnets: [192.168.10.0/24], attach: ["UBND-PHUONG-FW:Vlan1"]}\n'
        '  guest: {kind: guest, subnets: [192.168.30.0/24], attach: ["UBND-PHUONG-FW:Vlan3"]}\n'
        "  internet: {kind: external}\n",
        encoding="utf-8",
    )
    audit = run_audit([d])
    m = cells(audit)
    internet = next(z for z in audit.zones if z.name == "internet")
    assert "Vlan2" in str(internet.attached[0]) and not internet.problems
    assert m[("staff", "internet")].verdict == REACHABLE  # was "no route"
    assert m[("internet", "staff")].verdict == BLOCKED
    assert m[("guest", "staff")].verdict == BLOCKED  # no forward interface Vlan1


def asa_dhcp_outside(tmp_path: Path, management: str) -> Path:
    """The ASA 5505 branch (outside by DHCP, ``setroute``) with ``management`` lines
    added, the site naming the Internet zone without its attachment."""
    d = tmp_path / "asa"
    d.mkdir()
    shutil.copy(ROOT / "tests/fixtures/cisco_asa/asa5505-branch.cfg", d / "fw.cfg")
    edit(d / "fw.cfg", "ssh timeout 5\n", f"{management}ssh timeout 5\n")
    (d / "site.yaml").write_text(
        'unit: "UBND phuong"\nlevel: 2\nzones:\n'
        '  staff: {kind: internal, subnets: [192.168.10.0/24], attach: ["UBND-PHUONG-FW:Vlan1"]}\n'
        "  internet: {kind: external}\n",
        encoding="utf-8",
    )
    return d


def test_asa_management_on_a_dhcp_outside_is_reachable_not_blocked(tmp_path, capsys):
    """``ssh 0.0.0.0 0.0.0.0 outside`` on an interface addressed by DHCP: the ASA
    answers on whatever address it receives (was a false "blocked": the management
    ACL had no line for an interface without a configured address)."""
    d = asa_dhcp_outside(tmp_path, "ssh 0.0.0.0 0.0.0.0 outside\nhttp 0.0.0.0 0.0.0.0 outside\n")
    cell = cells(run_audit([d]))[("internet", "@devices")]
    assert cell.verdict == REACHABLE
    assert {"tcp/22", "tcp/443", "icmp/8"} <= set(cell.services)
    assert cell.witness.to_json()["packet"]["dst_ip"] == "100.64.0.1"
    # `trace` says the same as the matrix (it judged the representative address alone).
    for service in ("ssh", "https", "ping"):
        argv = ["trace", str(d), "--from", "internet", "--to", "@devices", "--service", service, "--lang", "en"]
        assert main(argv) == 0
        assert "Delivered to zone @devices" in capsys.readouterr().out


def test_asa_management_on_a_dhcp_outside_stays_limited_to_its_sources(tmp_path, capsys):
    """The run-time address admits what the line admits, no more: ssh from one
    administrator's network only, telnet never (no telnet line)."""
    d = asa_dhcp_outside(tmp_path, "ssh 198.51.100.0 255.255.255.0 outside\n")
    audit = run_audit([d])
    hs = audit.engine.hs
    cell = cells(audit)[("internet", "@devices")]
    assert cell.verdict == REACHABLE and "tcp/22" in cell.services and "tcp/23" not in cell.services
    ssh = cell.delivered & hs.match(service_match("tcp/22"))
    assert ssh != hs.false and (ssh & ~hs.prefix("src_ip", "198.51.100.0/24")) == hs.false
    argv = ["trace", str(d), "--from", "internet", "--to", "@devices", "--lang", "en", "--service"]
    assert main([*argv, "telnet"]) == 1
    assert main([*argv, "ssh"]) == 0
    assert "tcp 198.51.100." in capsys.readouterr().out  # the witness comes from the allowed network


# --------------------------------------------------------------------------- IOS


@pytest.fixture
def ios_dhcp_wan(tmp_path: Path) -> Path:
    d = copy_sample(tmp_path, "cisco-commune-compliant")
    rt = d / "edge-rt.cfg"
    edit(rt, " ip address 203.0.113.2 255.255.255.252\n", " ip address dhcp\n")
    text = rt.read_text(encoding="utf-8")
    text = re.sub(r"ip route 0\.0\.0\.0 0\.0\.0\.0 203\.0\.113\.1[^\n]*\n", "", text)
    rt.write_text(text, encoding="utf-8")
    unattached_internet(d / "site.yaml", '    attach: ["UBNDTP-RT:GigabitEthernet0/0"]\n')
    return d


def test_ios_dhcp_wan_same_verdicts_as_the_fixed_address(ios_dhcp_wan):
    fixed = cells(run_audit([SAMPLES / "cisco-commune-compliant"]))
    audit = run_audit([ios_dhcp_wan])
    dhcp = cells(audit)
    internet = next(z for z in audit.zones if z.name == "internet")
    assert "GigabitEthernet0/0" in str(internet.attached)
    changed = {k: (fixed[k].verdict, dhcp[k].verdict) for k in fixed if fixed[k].verdict != dhcp[k].verdict}
    assert changed == {}
    # Its ACLs deny "host 203.0.113.2", the fixed WAN address; the address DHCP gives may
    # be another one: a ping from staff or guest to it may reach the router — not proven
    # within the policy (low: ICMP alone toward the devices), never a pass.
    unsure = sorted(k for k, c in dhcp.items() if c.may_violate)
    assert unsure == [("guest", "@devices"), ("staff", "@devices")]
    assert all(dhcp[k].maybe_services == ["icmp/8"] for k in unsure)
    assert not any(c.may_violate for c in fixed.values())
    limits = [f for f in audit.findings if f.check == "unknown-verdict"]
    assert sorted(f.severity for f in limits) == ["low", "low"]
    assert any("not proven within the policy" in why for why in failures(audit))


# --------------------------------------------------------------------------- exits, empty zones


def core_switch_alone(tmp_path: Path) -> Path:
    """The core switch without the edge router and without its default route: no exit."""
    d = copy_sample(tmp_path, "cisco-commune-compliant")
    (d / "edge-rt.cfg").unlink()
    core = d / "core-sw.cfg"
    core.write_text(
        re.sub(r"ip route 0\.0\.0\.0 0\.0\.0\.0 [^\n]*\n", "", core.read_text(encoding="utf-8")), encoding="utf-8"
    )
    unattached_internet(d / "site.yaml", '    attach: ["UBNDTP-RT:GigabitEthernet0/0"]\n')
    return d


def test_default_route_toward_a_missing_router_is_the_exit(tmp_path):
    d = copy_sample(tmp_path, "cisco-commune-compliant")
    (d / "edge-rt.cfg").unlink()
    unattached_internet(d / "site.yaml", '    attach: ["UBNDTP-RT:GigabitEthernet0/0"]\n')
    audit = run_audit([d])
    internet = next(z for z in audit.zones if z.name == "internet")
    assert "GigabitEthernet1/0/24" in str(internet.attached[0]) and "core-sw.cfg" in str(internet.attached[0])
    assert cells(audit)[("staff", "internet")].verdict == REACHABLE


def test_no_exit_is_a_loud_problem_and_unknown(tmp_path):
    audit = run_audit([core_switch_alone(tmp_path)])
    internet = next(z for z in audit.zones if z.name == "internet")
    assert internet.problems and "no exit" in str(internet.problems[0])
    assert any("no exit" in w for w in audit.warnings)
    assert cells(audit)[("staff", "internet")].verdict == UNKNOWN
    assert failures(audit)


def test_zone_without_addresses_is_unknown_not_blocked(tmp_path):
    d = copy_sample(tmp_path, "cisco-commune-compliant")
    site = d / "site.yaml"
    text = site.read_text(encoding="utf-8")
    # A wan zone on a DHCP interface: no subnets, nothing configured on its segment.
    edit(
        d / "edge-rt.cfg",
        "interface GigabitEthernet0/2\n description KHONG SU DUNG\n no ip address\n shutdown\n",
        "interface GigabitEthernet0/2\n description TSLCD\n ip address dhcp\n",
    )
    site.write_text(
        text.replace(
            "policy:\n", '  tslcd:\n    kind: wan\n    attach: ["UBNDTP-RT:GigabitEthernet0/2"]\npolicy:\n', 1
        ),
        encoding="utf-8",
    )
    m = cells(run_audit([d]))
    cell = m[("staff", "tslcd")]
    assert cell.verdict == UNKNOWN and "owns no address" in str(cell.reason)


# --------------------------------------------------------------------------- sources, spoofing


def test_spoofed_management_source_is_a_spoofing_finding_not_a_reachable_cell():
    audit = run_audit([ROOT / "tests/fixtures/cisco_ios/commune-router.cfg"])
    m = cells(audit)
    # SNMP and SSH trust the management range; the Internet cannot hold a session from it.
    assert not any(s in m[("internet", "@devices")].services for s in ("tcp/22", "udp/161"))
    spoof = {f.key: f for f in audit.findings if f.check == "spoofing"}
    assert spoof["internet"].severity == "high"  # SNMP acts on one forged packet
    assert "udp/161" in spoof["internet"].detail["en"]
    assert spoof["internet"].witness["packet"]["src_ip"].startswith("10.10.99.")
    assert "mgmt" in spoof["internet"].detail["en"]


def test_urpf_removes_the_spoofing_finding():
    audit = run_audit([SAMPLES / "routeros-commune-compliant"])  # rp-filter=strict
    assert not [f for f in audit.findings if f.check == "spoofing"]


# --------------------------------------------------------------------------- exit status


def test_exit_status_agrees_with_the_conclusion(fortigate_dhcp_wan, capsys):
    assert main(["audit", str(fortigate_dhcp_wan), "--format", "json"]) == 1
    assert main(["audit", str(SAMPLES / "cisco-commune-compliant"), "--format", "json"]) == 0


def test_unknown_denied_cell_never_exits_zero(tmp_path, capsys):
    d = core_switch_alone(tmp_path)
    # Even when only critical findings would fail the run, unknown denied cells do.
    assert main(["audit", str(d), "--format", "json", "--fail-on", "critical"]) == 1


def test_reports_state_what_was_assumed_for_run_time_addresses(fortigate_dhcp_wan, tmp_path, capsys):
    from netaudit.report import RenderOptions, render
    from netaudit.report.json_report import audit_dict

    audit = run_audit([fortigate_dhcp_wan])
    doc = audit_dict(audit, RenderOptions(lang="en"))
    [r] = doc["runtime_addresses"]
    assert (r["device"], r["interface"], r["shown_as"]) == ("FGT-TTHCC-PT", "wan1", "100.64.0.1")
    assert r["source"]["text"] == "set mode dhcp" and "unicast" in r["candidates"]
    text = render(audit, "text", RenderOptions(lang="en"))
    assert "Addresses assigned at run time" in text and "shown as 100.64.0.1" in text
    assert "wan1 — default route from DHCP/PPPoE" in text  # where the Internet was attached
    md = tmp_path / "r.md"
    assert main(["audit", str(fortigate_dhcp_wan), "--format", "md", "--lang", "vi", "-o", str(md)]) == 1
    body = md.read_text(encoding="utf-8")
    assert "Địa chỉ nhận khi vận hành" in body and "tuyến mặc định nhận từ DHCP/PPPoE" in body


def test_guest_on_a_bridge_without_vlan_filtering_cites_the_bridge_not_an_acl():
    audit = run_audit([SAMPLES / "routeros-commune-leaky-bridge"])
    [f] = [f for f in audit.findings if f.check == "guest-isolation" and f.zones == ["guest", "staff"]]
    assert any(e["line"] == 7 and "name=bridge" in e["text"] for e in f.evidence)
    assert "L2 segment" in f.remediation["en"] and "vlan-filtering" in f.remediation["en"]
    assert "lớp 2" in f.remediation["vi"]


def test_source_nat_to_a_run_time_address_rewrites_to_its_representative(tmp_path):
    d = tmp_path / "asa"
    d.mkdir()
    shutil.copy(ROOT / "tests/fixtures/cisco_asa/asa5505-branch.cfg", d / "fw.cfg")
    (d / "site.yaml").write_text(
        'unit: "UBND phuong"\nlevel: 2\nzones:\n'
        '  staff: {kind: internal, subnets: [192.168.10.0/24], attach: ["UBND-PHUONG-FW:Vlan1"]}\n'
        "  internet: {kind: external}\n",
        encoding="utf-8",
    )
    hops = cells(run_audit([d]))[("staff", "internet")].witness.to_json()["hops"]
    [nat] = [r for h in hops for r in h["rules"] if "translated" in r]
    assert nat["text"] == "nat (inside,outside) dynamic interface"
    assert nat["translated"]["src_ip"] == "100.64.0.1"  # wan's run-time address, as shown


def test_a_lan_address_from_dhcp_is_a_connected_route_of_unknown_extent(tmp_path):
    """RouterOS M2 of boschinimarco/mikrotik-lab-wireguard-vxlan-vlan takes its LAN
    address by ``/ip dhcp-client`` (``add-default-route=no``).  The lease comes with its
    mask, a connected route: packets for the staff subnet may leave by ether2.  netaudit
    knew the address lies in staff's /24 yet routed staff's addresses by the default
    route: internet → staff and servers → staff "blocked", no line stopping them."""
    (tmp_path / "m2.rsc").write_text(
        "# oct/13/2023 21:46:11 by RouterOS 7.5\n"
        "/interface bridge\nadd name=lo2\n"
        "/ip address\nadd address=10.10.10.6/30 interface=ether1 network=10.10.10.4\n"
        "add address=172.16.2.1/24 interface=lo2 network=172.16.2.0\n"
        "/ip dhcp-client\nadd add-default-route=no interface=ether2 use-peer-dns=no use-peer-ntp=no\n"
        "/ip route\nadd gateway=10.10.10.5\n"
        "/system identity\nset name=M2\n"
    )
    (tmp_path / "site.yaml").write_text(
        "zones:\n  staff: {kind: internal, subnets: [192.168.10.0/24], attach: ['M2:ether2']}\n"
        "  servers: {kind: server, subnets: [172.16.2.0/24], attach: ['M2:lo2']}\n"
        "  internet: {kind: external, attach: ['M2:ether1']}\n"
    )
    got = cells(run_audit([tmp_path]))
    for src in ("servers", "internet"):
        assert got[(src, "staff")].verdict == UNKNOWN, src
        assert "mask decides" in str(got[(src, "staff")].reason)
    assert got[("staff", "servers")].verdict == REACHABLE
    assert got[("servers", "internet")].verdict == REACHABLE  # other destinations: as before


OFFICE_ROUTER = """\
# 2024-03-12 10:21:33 by RouterOS 7.14.1
/interface bridge add name=br vlan-filtering=yes
/interface vlan add interface=br name=v10 vlan-id=10
/interface vlan add interface=br name=v20 vlan-id=20
/interface bridge port add bridge=br interface=ether2 frame-types=admit-only-vlan-tagged
/interface bridge vlan add bridge=br tagged=br,ether2 vlan-ids=10,20
/ip address add address=192.168.210.1/24 interface=v10
/ip address add address=192.168.220.1/24 interface=v20
/ip address add address=203.0.113.2/30 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall filter add action=accept chain=forward connection-state=established,related
/ip firewall filter add action=drop chain=forward in-interface=v10 out-interface=v20
/ip firewall filter add action=drop chain=forward in-interface=v20 out-interface=v10
/system identity set name=R1
"""
# A CAP: pure L2 for the staff and guest VLANs, its management address by DHCP on VLAN 10.
ACCESS_POINT = """\
# 2024-03-12 10:21:33 by RouterOS 7.14.1
/interface bridge add name=br vlan-filtering=yes
/interface vlan add interface=br name=v10 vlan-id=10
/interface bridge port add bridge=br interface=ether1 frame-types=admit-only-vlan-tagged
/interface bridge port add bridge=br interface=ether3 pvid=10
/interface bridge port add bridge=br interface=ether4 pvid=20
/interface bridge vlan add bridge=br tagged=br,ether1 vlan-ids=10
/interface bridge vlan add bridge=br tagged=ether1 vlan-ids=20
/ip dhcp-client add interface=v10
/system identity set name=AP1
"""


def test_a_switch_taking_its_address_by_dhcp_routes_through_the_office_router(tmp_path):
    """maigonis-elleris/routeros-fundamentals-lab: adding the access point (management
    address by DHCP on the staff VLAN, default route from it) turned staff → guest from
    blocked into unknown: its gateway "may be an outside router".  The gateway of a device
    on a segment is a router of that segment, as for the hosts: R1, whose drop decides."""
    (tmp_path / "r1.rsc").write_text(OFFICE_ROUTER)
    (tmp_path / "ap1.rsc").write_text(ACCESS_POINT)
    (tmp_path / "site.yaml").write_text(
        "zones:\n  staff: {kind: internal, subnets: [192.168.210.0/24], vlans: ['R1:10']}\n"
        "  guest: {kind: guest, subnets: [192.168.220.0/24], vlans: ['R1:20']}\n"
        "  internet: {kind: external, attach: ['R1:ether1']}\n"
        "links:\n  - ['R1:ether2', 'AP1:ether1']\n"
    )
    got = cells(run_audit([tmp_path]))
    assert got[("staff", "guest")].verdict == BLOCKED
    assert got[("guest", "staff")].verdict == BLOCKED
    assert got[("staff", "internet")].verdict == REACHABLE


ROUTER_ON_A_STICK = """\
hostname R1
!
interface GigabitEthernet0/0
 no ip address
!
interface GigabitEthernet0/0.10
 encapsulation dot1Q 10
 ip address 10.0.10.1 255.255.255.0
 ip access-group 110 in
!
access-list 110 deny ip any host 10.0.10.1
access-list 110 permit ip any any
!
end
"""
# An access switch taking its management address by DHCP on the staff VLAN.
DHCP_SWITCH = """\
hostname SW1
!
interface FastEthernet0/1
 switchport mode trunk
!
interface FastEthernet0/2
 switchport access vlan 10
 switchport mode access
!
interface Vlan10
 ip address dhcp
!
line vty 0 4
 login
 transport input ssh
!
end
"""


def test_a_switch_s_dhcp_management_address_comes_from_the_router_s_subnet(tmp_path):
    """maigonis-elleris/routeros-fundamentals-lab (and its IOS twin): the switch's address
    on the staff VLAN was a candidate of the zone's /24 minus every configured *subnet* —
    the router's 10.0.10.1/24 took it all: no address, staff → the switch "blocked", with
    or without links.  Only the routers' own addresses are taken.  Without links, the
    switch's DHCP interface is no gateway of the segment: the router is beyond the
    uncabled trunk (unknown, naming it), not "blocked"."""
    (tmp_path / "r1.cfg").write_text(ROUTER_ON_A_STICK)
    (tmp_path / "sw1.cfg").write_text(DHCP_SWITCH)
    site = "zones:\n  staff: {kind: internal, subnets: [10.0.10.0/24], vlans: ['SW1:10']}\n"
    (tmp_path / "site.yaml").write_text(site + "links:\n  - ['R1:GigabitEthernet0/0', 'SW1:FastEthernet0/1']\n")
    audit = run_audit([tmp_path])
    cell = cells(audit)[("staff", "@devices")]
    assert cell.verdict == REACHABLE and "tcp/22" in cell.services  # the switch's SSH
    [shown] = [a["shown_as"] for a in audit.engine.runtime_assumptions()]
    assert shown not in ("10.0.10.0", "10.0.10.1", "10.0.10.255")
    (tmp_path / "site.yaml").write_text(site)  # the first pass: no links
    got = trace([tmp_path], None, "staff", "10.0.10.1", "icmp/8")
    assert got["verdict"] == "unknown" and "SW1:FastEthernet0/1" in str(got["unknown"][0]["reason"])


def test_a_port_forward_on_a_dhcp_wan_is_witnessed_to_its_representative(tmp_path):
    """An ASA ``static interface service`` port forward on a DHCP outside: its witness
    went to some candidate (203.0.113.10) instead of the representative the reports say
    stands for "the address the interface receives"."""
    d = tmp_path / "asa"
    d.mkdir()
    text = (ROOT / "tests/fixtures/cisco_asa/asa5505-branch.cfg").read_text()
    text = text.replace(
        "object network obj_any\n nat (inside,outside) dynamic interface\n",
        "object network obj_any\n nat (inside,outside) dynamic interface\nobject network NAS\n host 192.168.10.20\n"
        " nat (inside,outside) static interface service tcp 5000 8443\n"
        "access-list OUTSIDE_IN extended permit tcp any object NAS eq 5000\naccess-group OUTSIDE_IN in interface outside\n",
    )
    (d / "fw.cfg").write_text(text)
    (d / "site.yaml").write_text(
        'zones:\n  staff: {kind: internal, subnets: [192.168.10.0/24], attach: ["UBND-PHUONG-FW:Vlan1"]}\n'
        "  internet: {kind: external}\n"
    )
    audit = run_audit([d])
    cell = cells(audit)[("internet", "staff")]
    assert cell.services == ["tcp/5000"]
    [shown] = [a["shown_as"] for a in audit.engine.runtime_assumptions()]
    packet = cell.witness.to_json()["packet"]
    assert (packet["dst_ip"], packet["dst_port"]) == (shown, 8443)
