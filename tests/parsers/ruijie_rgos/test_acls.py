"""Ruijie RGOS ACLs and where they apply (netaudit/parsers/ruijie_rgos/acls.py, convert.py;
docs/vendors/ruijie_rgos.md, "ACLs"): the engine's verdict through each construct —
exact where RGOS documents IOS's meaning, unknown (never "blocked") where it does not."""

from __future__ import annotations

from helpers import matrix, parse_one

from netaudit.parsers import ruijie_rgos

from .core_text import ZONES, core

GUEST_ACL = """\
ip access-list extended KHACH
 10 permit udp any any eq bootps
 20 deny ip 10.0.20.0 0.0.0.255 10.0.10.0 0.0.0.255
 30 permit ip any any
"""


def cell(text: str, src: str = "guest", dst: str = "staff"):
    dev, _rep = parse_one(ruijie_rgos, text, "core.cfg")
    cells, _ = matrix([dev], ZONES)
    return cells[(src, dst)]


def test_acl_in_on_an_svi_filters_what_its_vlan_routes_with_sequence_numbers_first():
    c = cell(core(GUEST_ACL, svi20=" ip access-group KHACH in"))
    assert c.verdict == "reachable" and c.services == ["udp/67"], (c.verdict, c.services)
    # without the ACL everything passes: the ACL, not something else, made the difference
    assert cell(core(GUEST_ACL)).services == ["ip"]


def test_implicit_deny_at_the_end_of_an_acl():
    acl = "ip access-list extended KHACH\n 10 permit tcp any any eq www\n"
    c = cell(core(acl, svi20=" ip access-group KHACH in"))
    assert (c.verdict, c.services) == ("reachable", ["tcp/80"])


def test_numbered_acl_in_global_mode():
    acl = "access-list 101 deny ip 10.0.20.0 0.0.0.255 10.0.10.0 0.0.0.255\naccess-list 101 permit ip any any\n"
    assert cell(core(acl, svi20=" ip access-group 101 in")).verdict == "blocked"


def test_acl_out_on_an_svi_is_unknown_never_blocked():
    # RGOS documents an SVI's outbound ACL as unlike IOS's (no implicit deny, lines outside
    # the SVI's subnet without effect, priority over the inbound ACL): partial.
    acl = "ip access-list extended CHAN\n 10 deny ip any any\n"
    c = cell(core(acl, svi10=" ip access-group CHAN out"))
    assert c.verdict == "unknown" and "applied out on SVI Vlan10" in c.reason, c.reason


def test_acl_on_a_switch_port_is_unknown_never_reachable():
    acl = "ip access-list extended CONG\n 10 deny ip any any\n"
    c = cell(core(acl, port2=" ip access-group CONG in"))
    assert c.verdict == "unknown" and "switch port GigabitEthernet0/2" in c.reason, c.reason


def test_a_time_range_line_is_unknown():
    # the deny applies only within its schedule: guest → staff may or may not pass
    acl = GUEST_ACL.replace("10.0.10.0 0.0.0.255\n", "10.0.10.0 0.0.0.255 time-range GIO-HC\n")
    acl = acl.replace(" 10 permit udp any any eq bootps\n", "")
    text = core("time-range GIO-HC\n periodic weekdays 7:30 to 17:00\n" + acl, svi20=" ip access-group KHACH in")
    dev, rep = parse_one(ruijie_rgos, text, "core.cfg")
    assert not rep.unrecognized
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "unknown"


def test_an_undefined_acl_is_unknown_not_ioss_permit_all():
    c = cell(core(svi20=" ip access-group KHONG-CO in"))
    assert c.verdict == "unknown" and "KHONG-CO is not defined" in c.reason, c.reason


def test_expert_acl_applied_is_unknown():
    acl = "expert access-list extended EXP\n 10 deny ip any any any any\n"
    dev, rep = parse_one(ruijie_rgos, core(acl, port2=" expert access-group EXP in"), "core.cfg")
    assert not rep.unrecognized
    cells, _ = matrix([dev], ZONES)
    assert cells[("guest", "staff")].verdict == "unknown"


def test_a_global_acl_makes_every_interface_unknown():
    acl = "ip access-list extended TOAN\n 10 deny ip any any\n"
    c = cell(core(acl + "ip access-group TOAN in\n"))
    assert c.verdict == "unknown" and "global ACL" in c.reason, c.reason


def test_8021x_on_a_port_is_unknown_never_reachable():
    # the IOS reading ignores `dot1x` on a port; on RGOS what passes before and after
    # authentication is not modelled: the port and its VLAN's SVI are partial
    c = cell(core(port2=" dot1x port-control auto"))
    assert c.verdict == "unknown" and "802.1X" in c.reason, c.reason


def test_a_deindented_interface_access_group_is_the_interfaces_not_global():
    # a hand-assembled file without indentation: the open `interface VLAN 20` takes the
    # line (a global ACL would make every verdict unknown)
    text = core(GUEST_ACL).replace(
        "interface VLAN 20\n ip address 10.0.20.1 255.255.255.0\n",
        "interface VLAN 20\nip address 10.0.20.1 255.255.255.0\nip access-group KHACH in\n",
    )
    dev, _ = parse_one(ruijie_rgos, text, "core.cfg")
    assert dev.interfaces["Vlan20"].filter_in == "KHACH"
    cells, _ = matrix([dev], ZONES)
    assert (cells[("guest", "staff")].verdict, cells[("guest", "staff")].services) == ("reachable", ["udp/67"])
