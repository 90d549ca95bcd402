"""Huawei VRP: detection, the shapes of a file (prompts, AR-style indented globals, the
pager, saved files with ``quit``), secrets, completeness, WLAN, and H3C Comware
never claimed (netaudit/parsers/huawei_vrp/__init__.py, parser.py, wlan.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import parse_one

from netaudit.parsers import UNSUPPORTED_PLATFORMS, cisco_asa, cisco_ios, detect_vendor, huawei_vrp, looks_like

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "huawei_vrp"
VRP_FILES = sorted(FIXTURES.glob("*.cfg")) + sorted((ROOT / "sample_configs").glob("huawei-*/*.cfg"))

COMWARE = """\
#
 version 7.1.064, Release 0427P22
#
 sysname H3C-LOI
#
vlan 10
#
interface Vlan-interface10
 ip address 10.0.10.1 255.255.255.0
#
interface GigabitEthernet1/0/1
 port link-mode bridge
 port access vlan 10
#
line vty 0 63
 authentication-mode scheme
#
return
"""


@pytest.mark.parametrize("path", VRP_FILES, ids=lambda p: p.name)
def test_every_vrp_file_is_detected_and_fully_read(path):
    text = path.read_text(encoding="utf-8")
    assert detect_vendor(text)[0] == "huawei_vrp"
    assert looks_like(text) is None
    # `http server enable`, `interface GigabitEthernet…`, ` ip address …` are VRP's too
    assert cisco_asa.detect(text) == 0 and cisco_ios.detect(text) == 0
    dev, _rep = parse_one(huawei_vrp, text, path.name)
    assert dev.hostname and dev.interfaces
    assert huawei_vrp.incomplete(text, huawei_vrp.parse(text, path.name)) is None


def test_h3c_comware_is_not_read_as_vrp():
    # the same skeleton, other words: H3C Comware's parser claims it (parsers/h3c_comware/)
    assert huawei_vrp.detect(COMWARE) == 0
    assert detect_vendor(COMWARE)[0] == "h3c_comware"
    assert looks_like(COMWARE) is None
    assert [name for name, _ in UNSUPPORTED_PLATFORMS if "Huawei" in name] == []


def test_other_vendors_are_not_claimed():
    for folder in ("cisco-commune-compliant", "routeros-commune-leaky-firewall", "fortigate-ttpvhcc-compliant"):
        for f in (ROOT / "sample_configs" / folder).iterdir():
            if f.suffix in (".cfg", ".rsc", ".conf"):
                assert huawei_vrp.detect(f.read_text(encoding="utf-8")) < 50, f


def test_ar_indented_globals_prompts_and_pager():
    """AR routers write one-line globals indented by one space; a capture starts with the
    prompt and command and may keep the pager's ``---- More ----``."""
    text = (
        "<AR>display current-configuration\n[V200R010C10SPC700]\n#\n sysname AR-XA\n#\n undo telnet server enable\n"
        "acl number 3001\n rule 5 permit ip\n  ---- More ----\n rule 10 deny ip\n#\n"
        "interface GigabitEthernet0/0/1\n ip address 192.0.2.2 255.255.255.252\n#\n stelnet server enable\n#\nreturn\n<AR>\n"
    )
    dev, rep = parse_one(huawei_vrp, text, "ar.cfg")
    assert dev.hostname == "AR-XA" and dev.os_version == "V200R010C10SPC700"
    assert not rep.unrecognized
    assert [ln.name for ln in dev.filters["3001"].lines] == ["rule 5", "rule 10"]
    assert {s.name for s in dev.services} >= {"ssh"} and "telnet" not in {s.name for s in dev.services}


def test_markdown_code_fences_around_a_configuration_are_no_configuration():
    """Exports kept in Markdown notes (real AR V300R019C00 `display current-configuration`
    published one per note, fenced): the fences are not configuration — before, both were
    unrecognized lines — and the closing one after `return` leaves the file complete."""
    text = (
        "```\n[V300R019C00SPC300]\n#\n sysname Border01-HQ01\n#\ninterface GigabitEthernet0/0/0\n"
        " ip address 192.0.2.1 255.255.255.252\n#\n stelnet server enable\n#\nreturn\n```\n"
    )
    dev, rep = parse_one(huawei_vrp, text, "hq.cfg")
    assert dev.hostname == "Border01-HQ01" and dev.os_version == "V300R019C00SPC300"
    assert not rep.unrecognized
    assert huawei_vrp.incomplete(text, huawei_vrp.parse(text, "hq.cfg")) is None
    assert not parse_one(huawei_vrp, text.replace("```\n[", "```text\n["), "hq.cfg")[1].unrecognized


def test_factory_and_housekeeping_globals_are_harmless():
    """Global lines real exports carry that change no reachability (AR V300R019C00:
    `fib regularly-refresh disable`, `autostart`, `secelog`, `ms-channel`; S5732-H
    V600R024: error-down recovery, configuration auto-save and backup, SVF `as-auth`,
    `warranty`, ZTP, Eth-Trunk `load-balance`): understood, none unrecognized."""
    lines = (
        "fib regularly-refresh disable\nautostart\nsecelog\n ms-channel\n"
        "error-down auto-recovery cause link-flap interval 60\nconfiguration file auto-save interval 60\n"
        "configuration current backup-to-file from 21:30\nas-auth\nwarranty\n"
        "ztp domain-type registration-center domain register.naas.huawei.com port 10020\nload-balance inner-connect\n"
    )
    _dev, rep = parse_one(huawei_vrp, "sysname SW\n#\n" + lines + "#\nreturn\n", "sw.cfg")
    assert not rep.unrecognized


def test_cloudengine_v600_and_cellular_housekeeping_lines_are_harmless():
    """Lines of real CloudEngine (CE8850 V200R002C50, CE5810 V100R003C00), S5735 V600R022
    exports and an AR651 4G template that change no reachability — port splitting, DCB,
    VM awareness, the CLI's character set, NAC access-user limits, a Cellular port's APN,
    modem recovery and SIM PIN, stack links, NetStream on a port, the web server's source
    address, a Chinese campus blog's `undo authentication unified-mode`: understood, none
    unrecognized."""
    glob = (
        "port split dimension interface 100GE1/0/1 to 100GE1/0/6 split-type 4*25GE\ndcb pfc\n"
        "port mode 100GE interface 40GE1/0/1 to 40GE1/0/2\n"
        "dcb ets-profile default\nvm-manager\nlanguage character-set ISO8859-1\n"
        "access-user dot1x-identity speed-limit 60\nundo authentication unified-mode\napn profile NET26\n apn net26\n#\n"
        "web-manager enable port 443\nweb-manager ipv4 server-source -a 10.0.44.23 vpn-instance public\n"
    )
    ifaces = (
        "interface 100GE1/0/29\n port mode stack\n stack-port 1/1\n#\ninterface 10GE1/0/1\n"
        " netstream inbound ip\n netstream sampler random-packets 1 inbound\n#\ninterface Cellular0/0/0\n"
        " apn-profile NET26\n modem auto-recovery dial action modem-reboot fail-times 128\n pin verify\n"
        " ip address negotiate\n#\n"
    )
    _dev, rep = parse_one(huawei_vrp, "sysname SW\n#\n" + glob + ifaces + "return\n", "sw.cfg")
    assert not rep.unrecognized and not rep.partially_understood


def test_a_login_banner_over_several_lines_is_text_not_commands():
    """`header login information "` opens a banner that ends at the next `"` (an ISP's
    AR651 CPE template; a provincial office's warning in Vietnamese): its lines were
    unrecognized commands, and a `####` line of it ended the block above."""
    text = (
        'sysname AR\n#\n header login information "\n########\nCANH BAO: thiet bi cua So TTTT\n'
        'interface GigabitEthernet0/0/9\nTruy cap trai phep se bi xu ly."\n'
        ' header shell information "Xin chao"\n#\ninterface GigabitEthernet0/0/1\n'
        " ip address 192.0.2.2 255.255.255.252\n#\nreturn\n"
    )
    dev, rep = parse_one(huawei_vrp, text, "ar.cfg")
    assert not rep.unrecognized
    assert set(dev.interfaces) == {"GigabitEthernet0/0/1"}  # the banner's line is no interface


def test_a_cipher_text_wrapped_onto_the_next_line_is_read_with_its_line():
    """A copied screen wrapped `security wpa-wpa2 psk pass-phrase %^%#…` inside the cipher
    text, leaving `%^%# aes` at column 0 (a real AC6605 HCIP lab export): that tail is the
    rest of the line, not a new top-level command.  Before, it closed the `wlan` view and
    the whole view was read at top level — 35 unrecognized lines, the device declared
    another dialect and every verdict through it unknown."""
    text = (
        "sysname AC1\n#\nvlan batch 80 90\n#\nwlan\n security-profile name employee\n"
        "  security wpa-wpa2 psk pass-phrase %^%#BS81>e&RbD;gSDFgY0YWj}kzTTbp2Cp@3rA[=j#3\n%^%# aes\n"
        " ssid-profile name employee\n  ssid employee\n vap-profile name employee\n  service-vlan vlan-id 80\n"
        "  ssid-profile employee\n  security-profile employee\n ap-group name Huawei\n  radio 0\n"
        "   vap-profile employee wlan 1\n#\nreturn\n"
    )
    dev, rep = parse_one(huawei_vrp, text, "ac1.cfg")
    assert not rep.unrecognized
    assert [(s.name, s.vlan) for s in dev.ssids] == [("employee", 80)]
    assert "%^%#BS81>e&RbD;gSDFgY0YWj}kzTTbp2Cp@3rA[=j#3" in dev.secrets
    # a closed cipher text leaves the next line alone: a stray `%^%# aes` stays unrecognized
    _dev, rep = parse_one(huawei_vrp, text.replace("#3\n%^%# aes\n", "#3%^%# aes\n%^%# aes\n"), "ac1.cfg")
    assert rep.unrecognized[0].text == "%^%# aes"


def test_saved_file_with_quit_lines():
    text = "sysname SW\n#\nvlan 10\n description Can bo\n quit\ninterface Vlanif10\n ip address 10.0.0.1 24\n quit\nreturn\n"
    dev, rep = parse_one(huawei_vrp, text, "vrpcfg.cfg")
    assert not rep.unrecognized and dev.interfaces["Vlanif10"].addresses


def test_secrets_are_collected_by_grammar():
    text = (FIXTURES / "ar651-buudien-pppoe.cfg").read_text(encoding="utf-8")
    dev, _ = parse_one(huawei_vrp, text, "ar651.cfg")
    assert "%^%#k9:Lp2Q_zYt1B8w,rX@uN5e7V%^%#" in dev.secrets  # ppp chap password cipher
    assert "%^%#C7x]lQ;2vR8sN!0dK4m@pZe9%^%#" in dev.secrets  # wpa2 pass-phrase
    assert any(v.startswith("%^%#hG3/") for v in dev.secrets)  # snmp community
    assert not {"cipher", "read", "enable", "disable"} & dev.secrets


def test_ssh_algorithms_and_password_policy_lines_are_no_secrets():
    """A V200R022 export writes ``ssh server cipher aes256_ctr …`` (algorithms) and the
    ``local-aaa-user password policy`` block (``password history record number 0``,
    ``password expire 0``): no secret there — ``aes256_ctr`` was masked in every report,
    ``policy``/``history``/``expire`` in every cited line.  The secrets around them stay."""
    text = (
        "sysname SW\n#\nset save-configuration backup-to-server server 10.0.0.250 transport-type ftp user bk "
        "password %^%#z<fx&-0ygD&B'gOh%^%# path huawei\n#\naaa\n local-aaa-user password policy administrator\n"
        "  password history record number 0\n  password expire 0\n"
        " local-user admin password irreversible-cipher $1c$g_d3B5B]*A$zK*V5jx&k3K$\n#\n"
        "ssh server cipher aes256_ctr aes128_ctr\nssh client cipher aes256_ctr aes128_ctr\n#\nreturn\n"
    )
    dev, _ = parse_one(huawei_vrp, text, "sw.cfg")
    assert dev.secrets == {"%^%#z<fx&-0ygD&B'gOh%^%#", "$1c$g_d3B5B]*A$zK*V5jx&k3K$"}


def test_a_file_cut_short_is_said():
    text = (ROOT / "sample_configs" / "huawei-commune-compliant" / "core-sw.cfg").read_text(encoding="utf-8")
    cut = text[: text.index("user-interface vty 0 4")]
    found = huawei_vrp.incomplete(cut, huawei_vrp.parse(cut, "core.cfg"))
    assert found is not None and "return" in str(found[1])


def test_wlan_ssids_with_their_service_vlans():
    dev, rep = parse_one(huawei_vrp, (FIXTURES / "ar651-buudien-pppoe.cfg").read_text(encoding="utf-8"), "a.cfg")
    assert [(s.name, s.vlan, s.open_auth) for s in dev.ssids] == [
        ("BuuDien-NhanVien", 10, False),
        ("BuuDien-Khach", 20, True),
    ]
    assert any(p["construct"] == "wlan" for p in rep.partially_understood)
