"""A partially understood construct whose reason the parser wrote from the catalogue
(the Cisco IOS, ASA, FortiOS, Huawei VRP, OpenWrt, Linux and RouterOS parsers'): English
in the JSON ``reason``, both languages in ``reason_text``, Vietnamese in a Vietnamese
report — the cell's unknown reason and the list of partially understood constructs alike."""

from __future__ import annotations

import json

import pytest
from helpers import ROOT, run_cli

ASA = ROOT / "tests" / "fixtures" / "cisco_asa"
CONFIG, SITE = ASA / "asa-l2tp-ipsec-ttyt.cfg", ASA / "asa-l2tp-ipsec-ttyt.site.yaml"
LINUX = ROOT / "sample_configs" / "linux-commune-leaky"
BYPASS_EN = "sysopt connection permit-vpn is on by default, so packets decrypted from this IPsec tunnel"
BYPASS_VI = "sysopt connection permit-vpn được bật theo mặc định, nên các gói tin được giải mã từ đường hầm IPsec"


def test_json_keeps_the_english_reason_and_adds_both_languages():
    _, out, _ = run_cli("audit", CONFIG, "--site", SITE, "--format", "json")
    doc = json.loads(out)
    tunnel = [p for p in doc["coverage"]["partially_understood"] if BYPASS_EN in p["reason"]]
    assert tunnel, "the fixture's dynamic crypto map entry is a partially understood construct"
    for p in tunnel:
        assert p["reason_text"]["en"] == p["reason"]
        assert p["reason_text"]["vi"].startswith(BYPASS_VI)
    # A reason still written as a plain string carries no reason_text.
    plain = [p for p in doc["coverage"]["partially_understood"] if "reason_text" not in p]
    assert all(BYPASS_EN not in p["reason"] for p in plain)
    cells = [c for c in doc["matrix"] if c.get("reason") and BYPASS_EN in c["reason"]]
    assert cells and all(BYPASS_VI in c["reason_text"]["vi"] for c in cells)


def test_vietnamese_report_says_the_tunnel_reason_in_vietnamese():
    _, out, _ = run_cli("audit", CONFIG, "--site", SITE, "--format", "md", "--lang", "vi")
    assert BYPASS_VI in out
    assert BYPASS_EN not in out
    _, out, _ = run_cli("audit", CONFIG, "--site", SITE, "--format", "md", "--lang", "en")
    assert BYPASS_EN in out and BYPASS_VI not in out


def _linux_dump(tmp_path, drop: str):
    """The Linux sample's dump without its section ``drop``."""
    text = (LINUX / "ubnd-xa-an-phu.txt").read_text()
    start = text.index(f"### {drop}")
    end = text.find("\n### ", start + 1)
    dump = tmp_path / "ubnd-xa-an-phu.txt"
    dump.write_text(text[:start] + (text[end + 1 :] if end >= 0 else ""))
    return dump


def test_linux_partial_reasons_are_worded_in_the_report_language(tmp_path):
    """A Linux dump without its ``ss`` section: every unknown cell to the device says why
    in Vietnamese; without its ruleset, the partially understood firewall too."""
    dump = _linux_dump(tmp_path, "ss -Htlnu")
    _, out, _ = run_cli("audit", dump, "--site", LINUX / "site.yaml", "--format", "md", "--lang", "vi")
    assert "dịch vụ any-tcp chưa được hiểu đầy đủ (không có mục 'ss -Htlnu': chưa xác định được các dịch vụ" in out
    assert "the device's listening services are unknown" not in out
    dump = _linux_dump(tmp_path, "nft list ruleset")
    _, out, _ = run_cli("audit", dump, "--site", LINUX / "site.yaml", "--format", "json")
    (p,) = [p for p in json.loads(out)["coverage"]["partially_understood"] if p["construct"] == "firewall"]
    assert p["reason"] == "no 'nft list ruleset' or 'iptables-save' section: the firewall is unknown"
    assert p["reason_text"] == {
        "vi": "không có mục 'nft list ruleset' hoặc 'iptables-save': tường lửa của thiết bị chưa xác định",
        "en": p["reason"],
    }
    _, out, _ = run_cli("audit", dump, "--site", LINUX / "site.yaml", "--format", "md", "--lang", "vi")
    assert "tường lửa của thiết bị chưa xác định" in out and "the firewall is unknown" not in out


@pytest.mark.parametrize(
    "sample,after,rule,reasons",
    [
        (
            "linux-commune-leaky-iptables",
            "-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
            "-A FORWARD -i enp5s0 -m limit --limit 5/min -j ACCEPT",
            {"rate limit (-m limit) not modelled": "giới hạn tốc độ (-m limit) không được mô hình hóa"},
        ),
        (
            "linux-commune-leaky",
            '\t\tiifname "wifi-khach" ip daddr 10.20.99.0/24 drop',
            '\t\tiifname "wifi-khach" ct mark 0x1 limit rate 5/minute drop',
            {
                "'ct mark' not modelled": "'ct mark' không được mô hình hóa",
                "limit (rate or quota decided at run time)": "limit (tốc độ hoặc hạn mức được quyết định lúc chạy)",
            },
        ),
    ],
)
def test_linux_rule_reasons_are_worded_in_the_report_language(tmp_path, sample, after, rule, reasons):
    """A rule of a Linux sample the model does not fully capture (an iptables rate limit;
    an nft ``ct mark`` match with a ``limit`` statement): each of its reasons is a
    partially understood construct with ``reason_text``, the unknown cells it leaves say
    it in Vietnamese, and a Vietnamese report never in English."""
    folder = ROOT / "sample_configs" / sample
    (config,) = folder.glob("*.txt")
    text = config.read_text()
    assert text.count(f"{after}\n") == 1
    dump = tmp_path / config.name
    dump.write_text(text.replace(f"{after}\n", f"{after}\n{rule}\n"))
    _, out, _ = run_cli("audit", dump, "--site", folder / "site.yaml", "--format", "json")
    doc = json.loads(out)
    given = {p["reason"]: p.get("reason_text") for p in doc["coverage"]["partially_understood"]}
    for english, vietnamese in reasons.items():
        assert given[english] == {"vi": vietnamese, "en": english}
        cells = [c for c in doc["matrix"] if english in (c.get("reason") or "")]
        assert cells and all(vietnamese in c["reason_text"]["vi"] for c in cells)
    _, out, _ = run_cli("audit", dump, "--site", folder / "site.yaml", "--format", "md", "--lang", "vi")
    assert all(vietnamese in out for vietnamese in reasons.values())
    assert not any(english in out for english in reasons)


ROUTEROS = """# 2024-03-12 10:21:33 by RouterOS 7.14.1
/system identity
set name=UBND-Xa
/interface bridge
add name=br-lan
/interface bridge port
add bridge=br-lan interface=ether2
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=br-lan
/ip route
add gateway=192.0.2.1
/ip firewall address-list
add address=dich-vu-cong.gov.vn list=cong-dvc
/ip firewall filter
add action=drop chain=forward connection-mark=khach limit=10,5:packet
add action=accept chain=forward dst-address-list=cong-dvc
add action=drop chain=forward src-address-list=chan-tam-thoi
"""


def test_routeros_partial_reasons_are_worded_in_the_report_language(tmp_path):
    """A RouterOS rule with a matcher the model does not capture, an address list holding
    a DNS name and one with no entry in the export: each reason in both languages, and a
    rule's reasons joined as one (input.joined)."""
    rsc = tmp_path / "ubnd-xa.rsc"
    rsc.write_text(ROUTEROS)
    _, out, _ = run_cli("audit", rsc, "--format", "json")
    reasons = {p["reason"]: p.get("reason_text") for p in json.loads(out)["coverage"]["partially_understood"]}
    assert reasons["connection-mark matcher not modelled; limit matcher not modelled"] == {
        "vi": "chưa mô hình hóa điều kiện connection-mark; chưa mô hình hóa điều kiện limit",
        "en": "connection-mark matcher not modelled; limit matcher not modelled",
    }
    dns = "address list cong-dvc holds 'dich-vu-cong.gov.vn', resolved at run time (DNS name)"
    assert (
        reasons[dns]["vi"] == "danh sách địa chỉ cong-dvc chứa 'dich-vu-cong.gov.vn', được phân giải khi chạy (tên DNS)"
    )
    empty = "address list chan-tam-thoi has no entry in the export (empty, or filled at run time)"
    assert reasons[empty]["vi"].startswith("danh sách địa chỉ chan-tam-thoi không có mục nào trong bản export")
    _, out, _ = run_cli("audit", rsc, "--format", "md", "--lang", "vi")
    assert "chưa mô hình hóa điều kiện connection-mark" in out
    assert "matcher not modelled" not in out and "has no entry in the export" not in out


ROUTEROS_MORE = """# 2024-03-12 10:21:33 by RouterOS 7.14.1
/system identity
set name=UBND-Phuong
/interface bridge
add name=br-lan
/interface vlan
add interface=ether3 name=vlan-camera use-service-tag=yes vlan-id=30
/interface bridge port
add bridge=br-lan interface=ether2
/ip address
add address=192.0.2.2/30 interface=ether1
add address=10.0.10.1/24 interface=br-lan
add address=10.0.30.1/24 interface=vlan-camera
/ip route
add gateway=192.0.2.1
add dst-address=10.20.0.0/16 gateway=ovpn-tinh
/ip firewall nat
add action=dst-nat chain=dstnat in-interface=ether1 protocol=tcp dst-port=8000-8010 to-addresses=10.0.10.5 \\
    to-ports=8000-8010
/ip firewall filter
add action=fasttrack-connection chain=forward in-interface=br-lan protocol=frob
add action=acept chain=forward in-interface=ether1 out-interface=br-lan
add action=drop chain=forward in-interface=ether1
"""
# The reasons of ROUTEROS_MORE (English as the parser always wrote them), in Vietnamese.
ROUTEROS_MORE_REASONS = {
    "use-service-tag (802.1ad) not modelled": "use-service-tag (802.1ad) chưa được mô hình hóa",
    "gateway interface ovpn-tinh not defined": "giao diện gateway ovpn-tinh chưa được khai báo",
    "to-ports range 8000-8010: modelled as its first port": (
        "dải to-ports 8000-8010: được mô hình hóa bằng cổng đầu tiên của dải"
    ),
    "protocol 'frob' not understood; fasttrack-connection on packets of new connections": (
        "không hiểu được protocol 'frob'; fasttrack-connection trên các gói tin của kết nối mới"
    ),
    "action 'acept' not understood": "không hiểu được action 'acept'",
}


def test_more_routeros_partial_reasons_are_worded_in_the_report_language(tmp_path):
    """A VLAN interface, a route, a NAT rule and filter rules RouterOS's model captures
    only partly (802.1ad, a gateway interface not defined, a port range, a protocol not
    understood on a fasttrack rule, an action the table does not have): the partially
    understood list and the unknown cells say why in Vietnamese, configuration text as it is."""
    rsc = tmp_path / "ubnd-phuong.rsc"
    rsc.write_text(ROUTEROS_MORE)
    _, out, _ = run_cli("audit", rsc, "--format", "json")
    doc = json.loads(out)
    reasons = {p["reason"]: p.get("reason_text") for p in doc["coverage"]["partially_understood"]}
    for english, vietnamese in ROUTEROS_MORE_REASONS.items():
        assert reasons[english] == {"vi": vietnamese, "en": english}
    cells = [c for c in doc["matrix"] if c.get("reason") and "802.1ad" in c["reason"]]
    assert cells and all("use-service-tag (802.1ad) chưa được mô hình hóa" in c["reason_text"]["vi"] for c in cells)
    _, out, _ = run_cli("audit", rsc, "--format", "md", "--lang", "vi")
    assert all(vietnamese in out for vietnamese in ROUTEROS_MORE_REASONS.values())
    assert not any(english in out for english in ROUTEROS_MORE_REASONS)
    assert "not modelled" not in out and "not understood" not in out


IOS = """\
version 15.4
hostname UBND-XA-RT
!
interface GigabitEthernet0/0
 description WAN VNPT
 ip address 203.113.10.2 255.255.255.252
 ip nat outside
!
interface GigabitEthernet0/1
 description LAN can bo
 ip address 192.168.10.1 255.255.255.0
 ip nat inside
 service-policy input GIOI-HAN
!
interface GigabitEthernet0/2
 description LAN khach
 ip address 192.168.20.1 255.255.255.0
 ip access-group KHACH-IN in
 ip nat inside
!
ip access-list extended KHACH-IN
 deny ip 192.168.20.0 0.0.0.255 192.168.10.0 0.0.0.255
 permit ip any any dscp ef
!
ip nat inside source list 1 interface GigabitEthernet0/0 overload
access-list 1 permit 192.168.0.0 0.0.255.255
ip route 0.0.0.0 0.0.0.0 203.113.10.1
end
"""

ASA = """\
: Saved
ASA Version 9.12(4)
hostname SO-TTTT-FW
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 203.113.20.2 255.255.255.248
interface GigabitEthernet0/1
 nameif inside
 security-level 100
 ip address 10.10.10.1 255.255.255.0
interface GigabitEthernet0/2
 nameif dmz
 security-level 50
 ip address 172.16.10.1 255.255.255.0
object network WEB
 host 172.16.10.10
access-list OUTSIDE-IN extended permit tcp any object WEB eq https time-range GIO-HANH-CHINH
access-list OUTSIDE-IN extended permit tcp any object MAIL eq smtp
access-group OUTSIDE-IN in interface outside
route outside 0.0.0.0 0.0.0.0 203.113.20.1
: end
"""


@pytest.mark.parametrize(
    ("name", "config", "reasons"),
    [
        (
            "ubnd-xa-rt.cfg",
            IOS,
            [
                (
                    "interface GigabitEthernet0/1",
                    "service-policy not modelled (may police/drop/redirect)",
                    "chưa mô hình hóa service-policy (có thể giới hạn tốc độ, loại bỏ hoặc chuyển hướng lưu lượng)",
                ),
                ("acl KHACH-IN", "dscp not modelled", "chưa mô hình hóa tùy chọn dscp"),
            ],
        ),
        (
            "so-tttt-fw.cfg",
            ASA,
            [
                (
                    "acl OUTSIDE-IN",
                    "time-range GIO-HANH-CHINH not modelled",
                    "chưa mô hình hóa time-range GIO-HANH-CHINH",
                ),
                ("acl OUTSIDE-IN", "object MAIL undefined", "object MAIL chưa được định nghĩa"),
            ],
        ),
    ],
)
def test_cisco_partial_reasons_are_worded_in_the_report_language(tmp_path, name, config, reasons):
    """An IOS interface with a service-policy and an ACL line matching DSCP; an ASA
    access-list line with a time-range and one naming an undefined object: each reason in
    both languages in the JSON, Vietnamese in a Vietnamese report — the list of partially
    understood constructs and the unknown cells alike."""
    cfg = tmp_path / name
    cfg.write_text(config)
    _, out, _ = run_cli("audit", cfg, "--format", "json")
    doc = json.loads(out)
    got = {(p["construct"], p["reason"]): p.get("reason_text") for p in doc["coverage"]["partially_understood"]}
    for construct, en, vi in reasons:
        assert got[(construct, en)] == {"vi": vi, "en": en}
        cells = [c for c in doc["matrix"] if c.get("reason") and en in c["reason"]]
        assert cells and all(vi in c["reason_text"]["vi"] and en in c["reason_text"]["en"] for c in cells)
    _, md, _ = run_cli("audit", cfg, "--format", "md", "--lang", "vi")
    for construct, en, vi in reasons:
        assert f"— {construct}: {vi}" in md  # the partially understood constructs
        assert f"chưa được hiểu đầy đủ ({vi})" in md or f"chưa được hiểu đầy đủ: {vi}" in md  # a cell's reason
        assert en not in md
    _, md, _ = run_cli("audit", cfg, "--format", "md", "--lang", "en")
    assert all(en in md and vi not in md for _, en, vi in reasons)


FORTIOS = """\
#config-version=FG60F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin
config system global
    set hostname "FGT-XA"
end
config system interface
    edit "wan1"
        set vdom "root"
        set ip 203.0.113.2 255.255.255.248
        set role wan
    next
    edit "lan"
        set vdom "root"
        set ip 10.0.10.1 255.255.255.0
        set role lan
    next
end
config firewall address
    edit "dichvucong"
        set type fqdn
        set fqdn "dichvucong.gov.vn"
    next
end
config firewall policy
    edit 1
        set srcintf "lan"
        set dstintf "wan1"
        set srcaddr "all"
        set dstaddr "dichvucong"
        set action accept
        set schedule "always"
        set service "HTTPS"
        set groups "can-bo"
    next
end
config router static
    edit 1
        set gateway 203.0.113.1
        set device "wan1"
    next
end
"""

VRP = """\
#
sysname AR-XA
#
acl number 3000
 rule 5 deny ip source 10.0.10.0 0.0.0.255 time-range NGOAI-GIO
#
interface GigabitEthernet0/0/1
 description WAN-VNPT
 ip address 203.0.113.2 255.255.255.248
#
interface GigabitEthernet0/0/2
 description LAN-CAN-BO
 ip address 10.0.10.1 255.255.255.0
 traffic-filter inbound acl 3000
#
ip route-static 0.0.0.0 0.0.0.0 203.0.113.1
#
return
"""

OPENWRT = """\
package network

config interface 'lan'
\toption device 'eth0'
\toption proto 'static'
\toption ipaddr '192.168.1.1/24'

config interface 'wan'
\toption device 'eth1'
\toption proto 'dhcp'

package firewall

config defaults
\toption input 'REJECT'
\toption output 'ACCEPT'
\toption forward 'REJECT'

config zone
\toption name 'lan'
\tlist network 'lan'
\toption input 'ACCEPT'
\toption output 'ACCEPT'
\toption forward 'REJECT'

config zone
\toption name 'wan'
\tlist network 'wan'
\toption input 'REJECT'
\toption output 'ACCEPT'
\toption forward 'REJECT'
\toption masq '1'

config rule
\toption name 'Gio-lam-viec'
\toption src 'lan'
\toption dest 'wan'
\toption target 'ACCEPT'
\toption start_time '07:30:00'
"""


@pytest.mark.parametrize(
    ("name", "config", "english", "vietnamese"),
    [
        (
            "fgt-xa.conf",
            FORTIOS,
            "address dichvucong is fqdn dichvucong.gov.vn: resolved at run time; "
            "identity-based policy (can-bo): matches authenticated users only",
            "địa chỉ dichvucong là fqdn dichvucong.gov.vn: được phân giải khi vận hành; "
            "policy theo danh tính (can-bo): chỉ khớp với người dùng đã xác thực",
        ),
        (
            "ar-xa.cfg",
            VRP,
            "'time-range NGOAI-GIO' not modelled",
            "chưa mô hình hóa 'time-range NGOAI-GIO'",
        ),
        (
            "gw-xa.txt",
            OPENWRT,
            "time of day (start_time) not modelled: the line is matched without it",
            "chưa mô hình hóa giờ trong ngày (start_time): quy tắc được so khớp mà không xét điều kiện này",
        ),
    ],
)
def test_fortios_vrp_openwrt_partial_reasons_are_worded_in_the_report_language(
    tmp_path, name, config, english, vietnamese
):
    """A FortiOS policy naming an FQDN address and users, a VRP ACL rule with a
    time-range, an OpenWrt rule active at some times only: the JSON keeps the English
    reason and adds both languages (in the partially understood list and in the reason of
    the cell the construct makes unknown); a Vietnamese report says it in Vietnamese only."""
    path = tmp_path / name
    path.write_text(config)
    _, out, _ = run_cli("audit", path, "--format", "json")
    doc = json.loads(out)
    [p] = [p for p in doc["coverage"]["partially_understood"] if p["reason"] == english]
    assert p["reason_text"] == {"vi": vietnamese, "en": english}
    cells = [c for c in doc["matrix"] if english in (c.get("reason") or "")]
    assert cells and all(vietnamese in c["reason_text"]["vi"] for c in cells)
    _, out, _ = run_cli("audit", path, "--format", "md", "--lang", "vi")
    assert vietnamese in out
    assert english not in out
