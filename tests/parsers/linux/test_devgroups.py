"""Interface groups (:mod:`netaudit.parsers.linux.devgroups`): nft ``iifgroup`` /
``oifgroup`` and iptables ``-m devgroup`` against the groups ``ip -j addr`` prints."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES, analyse, parse_one
from netaddr import IPNetwork

from netaudit.parsers import linux
from netaudit.parsers.linux import devgroups
from netaudit.zones import Zone

from .test_nftables import ADDR, GUEST, NET, STAFF, dump

SCHOOL = FIXTURES / "linux" / "devgroup-nft-truong.txt"
HOST = "truong-thcs-binh-minh"
TEACHERS = Zone("giaovien", "internal", [IPNetwork("10.61.10.0/24")], attach=[(HOST, "br-giaovien")])
PUPILS = Zone("hocsinh", "guest", [IPNetwork("10.61.40.0/23")], attach=[(HOST, "br-hocsinh")])
CAMERAS = Zone("camera", "iot", [IPNetwork("10.61.50.0/24")], attach=[(HOST, "enp4s0")])
INTERNET = Zone("internet", "external", attach=[(HOST, "enp1s0")])
DEVICES = "@devices"


def _school(text: str | None = None):
    dev, rep = parse_one(linux, text if text is not None else SCHOOL.read_text(), "truong.txt")
    return analyse([dev], [TEACHERS, PUPILS, CAMERAS, INTERNET]).cells, rep


def test_school_groups_by_name_and_number_are_exact():
    got, rep = _school()
    assert rep.unrecognized == [] and rep.partially_understood == []
    # vmap on iifgroup: the pupils' chain lets them out to the default group (the WAN) only
    assert got[("hocsinh", "giaovien")].verdict == "blocked"
    assert got[("hocsinh", "camera")].verdict == "blocked"
    assert got[("hocsinh", "internet")].verdict == "reachable"
    assert got[("hocsinh", "internet")].services == ["tcp/80", "tcp/443", "udp/443"]
    assert got[("giaovien", "camera")].verdict == "reachable"
    # group 30 (printed as a number) to the default group only
    assert got[("camera", "internet")].verdict == "reachable"
    assert got[("camera", "giaovien")].verdict == "blocked"
    # input: the pupils reach DNS and DHCP, not SSH; group { "noibo", 30 } reaches SSH
    assert "tcp/22" not in got[("hocsinh", DEVICES)].services
    assert got[("hocsinh", DEVICES)].verdict == "reachable"
    assert "tcp/22" in got[("giaovien", DEVICES)].services
    assert "tcp/22" in got[("camera", DEVICES)].services


def test_a_group_name_no_interface_carries_is_unknown_never_blocked():
    text = SCHOOL.read_text().replace('"khach" : jump tu_hocsinh', '"hoc-sinh" : jump tu_hocsinh')
    got, rep = _school(text)
    assert any("hoc-sinh" in p["reason"] for p in rep.partially_understood)
    # br-hocsinh ("khach") may or may not be "hoc-sinh": the verdict map may jump or not
    assert got[("hocsinh", "giaovien")].verdict == "unknown"


def test_a_number_against_a_named_group_ip_never_shows_as_a_number_is_unknown():
    # No interface shows 30 any more: "khach" could be group 30.
    text = SCHOOL.read_text().replace('"group":"30"', '"group":"camera"')
    got, rep = _school(text)
    reasons = [p["reason"] for p in rep.partially_understood]
    assert any("interface group 30" in r and "br-hocsinh (khach)" in r for r in reasons)
    assert got[("hocsinh", "internet")].verdict == "reachable"  # the pupils' chain itself is exact
    assert got[("camera", "internet")].verdict == "unknown"


def test_an_interface_whose_group_is_not_shown_is_unknown():
    links = json.loads(SCHOOL.read_text().split("### ip -j addr\n")[1].split("\n")[0])
    for link in links:
        if link["ifname"] == "enp4s0":
            del link["group"]
    head, rest = SCHOOL.read_text().split("### ip -j addr\n")
    text = head + "### ip -j addr\n" + json.dumps(links) + "\n" + rest.split("\n", 1)[1]
    got, rep = _school(text)
    assert any("enp4s0 (not shown)" in p["reason"] for p in rep.partially_understood)
    assert got[("camera", "internet")].verdict == "unknown"
    assert got[("hocsinh", "giaovien")].verdict == "blocked"  # enp4s0 is not on that path


FWD = """
table inet filter {
	chain forward {
		type filter hook forward priority filter; policy drop;
		ct state established,related accept
%s
	}
}
"""


def _with_groups(**groups: str) -> str:
    links = [dict(link, group=groups.get(link["ifname"], "default")) for link in ADDR]
    return json.dumps(links)


def _cells(rules: str, groups: dict[str, str], nft: bool = True):
    body = dump(FWD % rules) if nft else dump("")
    text = body.replace(json.dumps(ADDR), _with_groups(**groups), 1)
    dev, rep = parse_one(linux, text, "r.txt")
    return analyse([dev], [STAFF, GUEST, NET]).cells, rep


@pytest.mark.parametrize(
    "rule",
    [
        "\t\tmeta iifgroup 7 oifgroup default accept",
        '\t\tiifgroup != 0 oifname "wan0" accept',
        '\t\tiifgroup { 7, 9 } oifgroup "default" accept',
        '\t\tiifgroup 5-8 oifname "wan0" accept',
    ],
)
def test_nft_numbers_sets_ranges_and_negation(rule):
    got, rep = _cells(rule, {"lan0": "7", "guest0": "12"})
    assert rep.partially_understood == []
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("guest", "staff")].verdict == "blocked"
    # iifgroup != 0 lets the guests out too; the others do not
    assert got[("guest", "internet")].verdict == ("reachable" if "!=" in rule else "blocked")


def test_nft_group_comparison_is_partial():
    got, rep = _cells("\t\tiifgroup > 5 accept", {"lan0": "7"})
    assert any("comparison" in p["reason"] for p in rep.partially_understood)
    assert got[("guest", "staff")].verdict == "unknown"


IPT = """*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
%s
COMMIT
"""


def _ipt_cells(rules: str, groups: dict[str, str]):
    text = dump("").replace("### nft list ruleset\n", "### iptables-save\n" + IPT % rules)
    text = text.replace(json.dumps(ADDR), _with_groups(**groups), 1)
    dev, rep = parse_one(linux, text, "r.txt")
    return analyse([dev], [STAFF, GUEST, NET]).cells, rep


@pytest.mark.parametrize(
    "rule",
    [
        "-A FORWARD -m devgroup --src-group 0x7 --dst-group 0x0 -j ACCEPT",
        "-A FORWARD -m devgroup --src-group 0x17/0xf -o wan0 -j ACCEPT",
        "-A FORWARD -m devgroup ! --src-group 0xc -o wan0 -j ACCEPT",
        "-A FORWARD -m devgroup --src-group noibo --dst-group default -j ACCEPT",
    ],
)
def test_iptables_devgroup_values_masks_negation_and_names(rule):
    groups = {"lan0": "noibo", "guest0": "12"} if "noibo" in rule else {"lan0": "7", "guest0": "12"}
    got, rep = _ipt_cells(rule, groups)
    assert rep.partially_understood == []
    assert got[("staff", "internet")].verdict == "reachable"
    assert got[("guest", "internet")].verdict == "blocked"
    assert got[("guest", "staff")].verdict == "blocked"


def test_iptables_devgroup_name_not_carried_is_partial():
    got, rep = _ipt_cells("-A FORWARD -m devgroup --src-group lan -j ACCEPT", {"lan0": "7", "guest0": "12"})
    assert any("interface group lan" in p["reason"] for p in rep.partially_understood)
    assert got[("guest", "staff")].verdict == "unknown"


def test_without_ip_addr_the_groups_are_unknown():
    text = dump(FWD % '\t\tiifgroup 7 oifname "wan0" accept')
    head, rest = text.split("### ip -j addr\n")
    text = head + rest.split("\n", 1)[1]
    _dev, rep = parse_one(linux, text, "r.txt")
    assert any(p["reason"] == devgroups.NO_GROUPS for p in rep.partially_understood)


def test_group_values():
    assert devgroups.value("default") == devgroups.GroupValue(0, 0)
    assert devgroups.value('"0x1f"') == devgroups.GroupValue(31, 31)
    assert devgroups.value("0x5/0xf") == devgroups.GroupValue(5, 5, 0xF)
    assert devgroups.value("3-4") == devgroups.GroupValue(3, 4)
    assert devgroups.value('"lan"') == devgroups.GroupValue(None, None, devgroups.GROUP_MAX, "lan")
    assert devgroups.value("") is None
