"""H3C Comware security zones (netaudit/parsers/h3c_comware/zones.py; docs/vendors/
h3c_comware.md, "Security zones"): the documented packet-processing rules as verdicts, and
what is not established left unknown — never "blocked" nor "reachable" by a guess."""

from __future__ import annotations

from helpers import matrix, parse_one
from netaddr import IPNetwork

from netaudit.parsers import h3c_comware
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN
from netaudit.zones import Zone

FW = """\
#
 version 7.1.064, Release 9333P2401
#
 sysname FW
#
interface GigabitEthernet1/0/1
 port link-mode route
 ip address 10.40.10.1 255.255.255.0
#
interface GigabitEthernet1/0/2
 port link-mode route
 ip address 10.40.20.1 255.255.255.0
#
interface GigabitEthernet1/0/3
 port link-mode route
 ip address 10.40.30.1 255.255.255.0
#
interface GigabitEthernet1/0/4
 port link-mode route
 ip address 10.40.40.1 255.255.255.0
#
interface GigabitEthernet1/0/5
 port link-mode route
 ip address 10.40.50.1 255.255.255.0
#
security-zone name Trust
 import interface GigabitEthernet1/0/1
 import interface GigabitEthernet1/0/3
#
security-zone name Khach
 import interface GigabitEthernet1/0/2
{more}
#
return
"""
STAFF = Zone("staff", "internal", [IPNetwork("10.40.10.0/24")])
GUEST = Zone("guest", "guest", [IPNetwork("10.40.20.0/24")])
CAMERA = Zone("camera", "internal", [IPNetwork("10.40.30.0/24")])
OUT1 = Zone("out1", "internal", [IPNetwork("10.40.40.0/24")])
OUT2 = Zone("out2", "internal", [IPNetwork("10.40.50.0/24")])
ZONES = [STAFF, GUEST, CAMERA, OUT1, OUT2]


def cells(more: str = ""):
    dev, rep = parse_one(h3c_comware, FW.format(more=more), "fw.cfg")
    assert not rep.unrecognized, rep.unrecognized
    return matrix([dev], ZONES)[0]


def test_without_a_zone_pair_packets_between_zones_are_discarded():
    c = cells()
    assert c[("guest", "staff")].verdict == BLOCKED and c[("staff", "guest")].verdict == BLOCKED


def test_within_a_zone_discarded_unless_intra_zone_default_permit():
    assert cells()[("staff", "camera")].verdict == BLOCKED
    assert cells("#\n security-zone intra-zone default permit")[("staff", "camera")].verdict == REACHABLE


def test_a_member_and_an_interface_in_no_zone_are_discarded_two_unzoned_unknown():
    c = cells()
    assert c[("guest", "out1")].verdict == BLOCKED and c[("out1", "staff")].verdict == BLOCKED
    assert c[("out1", "out2")].verdict == UNKNOWN


def test_zone_pair_packet_filter_rules_decide_and_no_match_is_unknown():
    pair = (
        "#\nacl advanced 3000\n rule 0 permit tcp destination 10.40.10.0 0.0.0.255 destination-port eq 443\n"
        " rule 5 deny ip destination 10.40.30.0 0.0.0.255\n"
        "#\nzone-pair security source Khach destination Trust\n packet-filter 3000"
    )
    c = cells(pair)
    assert c[("guest", "staff")].verdict == REACHABLE and "tcp/443" in c[("guest", "staff")].services
    assert c[("guest", "camera")].verdict == BLOCKED
    # the replies of the pair's sessions come back (ASPF); new connections back are discarded
    assert c[("staff", "guest")].verdict == BLOCKED


def test_zone_pair_without_policy_discards():
    assert cells("#\nzone-pair security source Khach destination Trust")[("guest", "staff")].verdict == BLOCKED


def test_object_policy_rules_with_object_groups():
    policy = (
        "#\nobject-group ip address CAMERA\n 0 network host address 10.40.30.10\n"
        "#\nobject-group service WEB\n 0 service tcp destination eq 80\n 10 service tcp destination eq 443\n"
        "#\nobject-policy ip KHACH-TRUST\n rule 0 pass destination-ip CAMERA service WEB\n rule 5 drop\n"
        "#\nzone-pair security source Khach destination Trust\n object-policy apply ip KHACH-TRUST"
    )
    c = cells(policy)
    assert c[("guest", "camera")].verdict == REACHABLE and c[("guest", "camera")].services == ["tcp/80", "tcp/443"]
    assert c[("guest", "staff")].verdict == BLOCKED


def test_an_object_group_not_read_makes_the_rule_partial():
    policy = (
        "#\nobject-policy ip P\n rule 0 drop destination-ip NOWHERE\n rule 5 pass\n"
        "#\nzone-pair security source Khach destination Trust\n object-policy apply ip P"
    )
    assert cells(policy)[("guest", "staff")].verdict == UNKNOWN


def test_an_object_policy_not_defined_discards():
    pair = "#\nzone-pair security source Khach destination Trust\n object-policy apply ip KHONG-CO"
    assert cells(pair)[("guest", "staff")].verdict == BLOCKED


def test_traffic_to_the_device_follows_the_zone_pairs_toward_local():
    c = cells("#\n ssh server enable")
    assert c[("guest", "@devices")].verdict == BLOCKED  # no zone-pair Khach -> Local: discarded
    assert c[("out1", "@devices")].verdict == UNKNOWN  # an interface in no zone
    pair = "#\n ssh server enable\n#\nzone-pair security source Khach destination Local\n object-policy apply ip P\n"
    pair += "#\nobject-policy ip P\n rule 0 pass service SSH\n rule 5 drop\n#\nobject-group service SSH\n 0 service tcp destination eq 22"
    c = cells(pair)
    assert c[("guest", "@devices")].verdict == REACHABLE and c[("guest", "@devices")].services == ["tcp/22"]


SECPOL = """#
object-group service WEB
 0 service tcp destination eq 443
#
security-policy ip
 rule 0 name khach-trust-drop
  action drop
  source-zone Khach
  destination-zone Trust
  destination-ip-subnet 10.40.30.0 255.255.255.0
 rule 5 name khach-trust-web
  action pass
  source-zone Khach
  destination-zone Trust
  service WEB
{more}"""


def secpol(more: str = "", extra: str = ""):
    return cells(SECPOL.format(more=more) + "\n" + extra)


def test_security_policy_drop_rule_blocks_and_pass_rule_opens_exactly_its_service():
    c = secpol()
    # rule 0 drops guest -> camera before rule 5 could pass it (the order written)
    assert c[("guest", "camera")].verdict == BLOCKED
    assert c[("guest", "staff")].verdict == REACHABLE and c[("guest", "staff")].services == ["tcp/443"]


def test_security_policy_rules_in_the_order_written():
    swapped = SECPOL.replace(" rule 0 name khach-trust-drop", " rule 9 name khach-trust-drop")
    first = swapped.index(" rule 9 name")
    second = swapped.index(" rule 5 name")
    # the pass rule written first: it decides for camera's port 443 (the rule IDs do not order)
    text = swapped[:first] + swapped[second:].replace("{more}", "") + swapped[first:second]
    c = cells(text)
    assert c[("guest", "camera")].verdict == REACHABLE and c[("guest", "camera")].services == ["tcp/443"]


def test_security_policy_a_packet_no_rule_matches_is_discarded():
    c = secpol()
    assert c[("staff", "guest")].verdict == BLOCKED  # no rule Trust -> Khach
    assert c[("guest", "@devices")].verdict == BLOCKED  # no rule toward Local


def test_security_policy_a_rule_with_time_range_makes_its_packets_unknown():
    more = " rule 10 name trust-khach\n  action pass\n  source-zone Trust\n  destination-zone Khach\n  time-range work"
    c = secpol(more)
    assert c[("staff", "guest")].verdict == UNKNOWN
    assert c[("guest", "staff")].verdict == REACHABLE  # the other rules keep their exact verdicts


def test_security_policy_disabled_rule_and_default_action_drop():
    more = " rule 10 name trust-khach\n  action pass\n  source-zone Trust\n  destination-zone Khach\n  disable\n"
    more += " rule 15 name khach-all\n  source-zone Khach"  # no `action`: drop, as documented
    c = secpol(more)
    assert c[("staff", "guest")].verdict == BLOCKED
    open_ = " rule 10 name trust-khach\n  action pass\n  source-zone Trust\n  destination-zone Khach"
    assert secpol(open_)[("staff", "guest")].verdict == REACHABLE


def test_security_policy_toward_local_governs_the_device_itself():
    more = " rule 10 name khach-local\n  action pass\n  source-zone Khach\n  destination-zone Local\n  service SSH"
    extra = "#\nobject-group service SSH\n 0 service tcp destination eq 22\n#\n ssh server enable"
    c = secpol(more, extra)
    assert c[("guest", "@devices")].verdict == REACHABLE and c[("guest", "@devices")].services == ["tcp/22"]


def test_security_policy_replaces_object_policies_and_a_pair_packet_filter_is_unknown():
    pair = "#\nobject-policy ip P\n rule 0 pass\n#\nzone-pair security source Trust destination Khach\n"
    assert secpol(extra=pair + " object-policy apply ip P")[("staff", "guest")].verdict == BLOCKED
    acl = "#\nacl advanced 3000\n rule 0 permit ip\n"
    assert secpol(extra=acl + pair + " packet-filter 3000")[("staff", "guest")].verdict == UNKNOWN


def test_security_policy_a_rule_without_zones_matches_every_zone():
    more = " rule 10 name tat-ca\n  action pass\n  service WEB"
    c = secpol(more)
    assert c[("staff", "guest")].verdict == REACHABLE and c[("staff", "guest")].services == ["tcp/443"]
    assert c[("staff", "camera")].verdict == REACHABLE  # within Trust too


def test_security_policy_a_rule_line_not_understood_makes_its_packets_unknown():
    more = " rule 10 name trust-khach\n  action pass\n  source-zone Trust\n  destination-zone Khach\n  frobnicate 1"
    dev, rep = parse_one(h3c_comware, FW.format(more=SECPOL.format(more=more)), "fw.cfg")
    assert [u.text for u in rep.unrecognized] == ["frobnicate 1"]
    assert matrix([dev], ZONES)[0][("staff", "guest")].verdict == UNKNOWN


def test_security_policy_disable_makes_every_interface_partial():
    dev, _ = parse_one(h3c_comware, FW.format(more=SECPOL.format(more="") + "#\n security-policy disable"), "fw.cfg")
    assert all(i.partial for i in dev.interfaces.values())


def test_a_vlan_member_is_partial_and_zone_membership_is_kept():
    more = "#\nsecurity-zone name DMZ\n import interface GigabitEthernet1/0/4 vlan 10 20"
    dev, _ = parse_one(h3c_comware, FW.format(more=more), "fw.cfg")
    assert dev.interfaces["GigabitEthernet1/0/4"].partial
    assert (
        dev.interfaces["GigabitEthernet1/0/2"].zone == "Khach" and dev.interfaces["GigabitEthernet1/0/5"].zone is None
    )


def test_a_v5_firewall_makes_every_interface_partial():
    text = FW.format(more="").replace("security-zone name Trust\n import interface GigabitEthernet1/0/1\n", "")
    text = text.replace(
        " import interface GigabitEthernet1/0/3\n#\nsecurity-zone name Khach\n import interface GigabitEthernet1/0/2\n",
        " firewall enable\n",
    )
    dev, _ = parse_one(h3c_comware, text, "fw.cfg")
    assert all(i.partial for i in dev.interfaces.values())


def test_undo_of_a_zone_member_or_a_zone_pair_in_a_hand_made_file():
    pair = "#\nzone-pair security source Khach destination Trust\n packet-filter 3999\n"
    acl = "#\nacl advanced 3999\n rule 0 permit ip\n"
    assert cells(acl + pair)[("guest", "staff")].verdict == REACHABLE
    assert (
        cells(acl + pair + "#\nundo zone-pair security source Khach destination Trust")[("guest", "staff")].verdict
        == BLOCKED
    )
    # Gi1/0/3 leaves Trust: Trust and an unzoned interface, discarded both ways — no longer
    # "within the zone" (also discarded), but camera → out1 (two unzoned) becomes unknown
    left = cells("#\nsecurity-zone name Trust\n undo import interface GigabitEthernet1/0/3")
    assert left[("camera", "out1")].verdict == UNKNOWN and cells()[("camera", "out1")].verdict == BLOCKED
