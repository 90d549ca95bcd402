"""H3C Comware: detection against Huawei VRP and the Cisco parsers, the shapes of a file
(prompts, banners, globals indented by one space), the version, completeness
(netaudit/parsers/h3c_comware/__init__.py, parser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import parse_one

from netaudit.parsers import cisco_asa, cisco_ios, detect_vendor, h3c_comware, huawei_vrp, looks_like

from .helpers import core, parse

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "h3c_comware").glob("*.cfg"))
VRP_FILES = sorted((ROOT / "tests" / "fixtures" / "huawei_vrp").glob("*.cfg")) + sorted(
    (ROOT / "sample_configs").glob("huawei-*/*.cfg")
)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_is_comware_and_fully_read(path):
    text = path.read_text(encoding="utf-8")
    assert detect_vendor(text)[0] == "h3c_comware"
    assert huawei_vrp.detect(text) == 0 and cisco_ios.detect(text) < 50 and cisco_asa.detect(text) < 50
    assert looks_like(text) is None
    dev, rep = parse_one(h3c_comware, text, path.name)
    assert dev.hostname and dev.interfaces and not rep.unrecognized
    assert h3c_comware.incomplete(text, h3c_comware.parse(text, path.name)) is None


@pytest.mark.parametrize("path", VRP_FILES, ids=lambda p: p.name)
def test_no_vrp_file_is_claimed(path):
    assert h3c_comware.detect(path.read_text(encoding="utf-8")) == 0


def test_sysname_and_hashes_alone_are_not_claimed():
    assert h3c_comware.detect("#\n sysname X\n#\nreturn\n") == 0


def test_version_prompt_and_banner():
    text = "<CORE>display current-configuration\n" + core(
        globals=" header motd %\nCanh bao: chi can bo duoc phep truy cap\ninterface bogus 1\n%"
    )
    dev, rep = parse(text)
    assert dev.hostname == "CORE" and dev.os_version == "7.1 6329P03"
    assert not rep.unrecognized


def test_a_file_cut_short_is_said():
    text = core().replace("#\nreturn\n", "")
    found = h3c_comware.incomplete(text, h3c_comware.parse(text, "core.cfg"))
    assert found is not None and "return" in str(found[1])


def test_unknown_global_lines_are_counted_never_dropped():
    _dev, rep = parse(core(globals=" bogus command here"))
    assert [u.text for u in rep.unrecognized] == ["bogus command here"]


def test_vrp_words_in_a_comware_file_are_not_read_with_vrp_meaning():
    # `traffic-filter` is VRP's; in a Comware file it is not understood (the interface partial)
    dev, rep = parse(core(apply=" traffic-filter inbound acl 3040"))
    assert [u.text for u in rep.unrecognized] == ["traffic-filter inbound acl 3040"]
    assert dev.interfaces["Vlan-interface40"].partial and dev.interfaces["Vlan-interface40"].filter_in is None


def test_partial_reasons_and_warnings_are_said_in_vietnamese_too():
    from helpers import FIXTURES, partial_reasons, untranslated

    from netaudit.inputs import load_snapshot

    snap = load_snapshot([FIXTURES / "h3c_comware"])
    found = partial_reasons(snap.devices, snap.reports)
    assert found and untranslated(found) == []
    assert untranslated([w for rep in snap.reports for w in rep.warnings]) == []
    for text in (
        core(
            apply=" packet-filter 3999 inbound", tail=" netconf soap http enable\n#\nline class vty\n acl 2000 inbound"
        ),
        core(
            globals=" packet-filter filter route\n#\n firewall enable",
            acls="acl advanced 3040\n rule 0 permit tcp syn 1",
        ),
    ):
        dev, rep = parse(text)
        reasons = partial_reasons([dev], [rep])
        assert reasons and untranslated(reasons) == []


def test_a_small_file_without_version_line_is_claimed_by_comware_words():
    msr = (
        "#\n sysname MSR\n#\nacl advanced 3000\n rule 0 permit ip\n#\n ip route-static 0.0.0.0 0 192.0.2.1\n#\nreturn\n"
    )
    users = "#\n sysname SW\n#\nlocal-user admin\n password cipher $c$3$Zm9vYmFyYmF6==\n#\nreturn\n"
    for text in (msr, users):
        assert detect_vendor(text)[0] == "h3c_comware" and huawei_vrp.detect(text) == 0


def test_plain_keys_snmp_trap_names_and_v2c_users_are_secrets():
    # V7 writes routing-protocol and VRRP keys after `plain`; a v1/v2c target host's
    # securityname and a v1/v2c user's name are community names (the SNMP service may
    # cite the target-host line as its source)
    lines = (
        "interface Vlan-interface10\n vrrp vrid 1 authentication-mode simple plain VrrpKey1\n"
        " ospf authentication-mode md5 1 plain OspfKey2\n rip authentication-mode md5 rfc2453 plain RipKey3\n#\n"
        "ospf 1\n area 0.0.0.0\n  authentication-mode md5 300 plain AreaKey4\n#\n"
        " snmp-agent target-host trap address udp-domain 10.0.10.9 params securityname TrapComm5 v2c\n"
        " snmp-agent usm-user v2c UserComm6 grp\n"
    )
    dev, _ = parse(core(tail=lines))
    assert {"VrrpKey1", "OspfKey2", "RipKey3", "AreaKey4", "TrapComm5", "UserComm6"} <= dev.secrets
    assert not {"plain", "rfc2453", "300"} & dev.secrets


def test_lines_of_public_real_exports_are_understood():
    # an HPE 5930 (7.1.045) and an MER5200 router (7.1.064 R6749P2102), as published:
    # airflow, hardening level, web idle timeout, DPI and cloud lines, interface rate limits
    top = (
        " fan prefer-direction slot 1 port-to-power\n#\n security-enhanced level 1\n#\n web idle-timeout 999\n#\n"
        "url-filter category custom severity 65535\n#\nundo dac log-collect service dpi audit enable\n#\n"
        " cloud-management server domain cloudnet.h3c.com"
    )
    port = " port access vlan 40\n"
    text = core(globals=top).replace(port, port + " qos lr outbound cir 400000 cbs 25000000 ebs 0\n")
    text = text.replace(port, port + " qos reserved-bandwidth pct 100\n")
    dev, rep = parse(text)
    assert not rep.unrecognized and not dev.interfaces["GigabitEthernet1/0/2"].partial
