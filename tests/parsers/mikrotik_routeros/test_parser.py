"""The RouterOS parser as a whole (:mod:`netaudit.parsers.mikrotik_routeros.parser`, the registry API):
identity, hostname, detection, a factory-default export."""

from __future__ import annotations

from netaudit.model import Src
from netaudit.parsers import cisco_ios, mikrotik_routeros

from .helpers import FIXTURES, parse


def test_identity_version_model_and_vendor():
    dev, rep = parse("""
    # software id = 7KQX-ZP2M
    # model = RBD52G-5HacD2HnD
    /system identity
    set name=UBND-RT
    """)
    assert dev.hostname == "UBND-RT" and dev.vendor == "mikrotik_routeros"
    assert dev.os_version == "7.14.1" and dev.facts.model == "RBD52G-5HacD2HnD"
    assert dev.source == Src("r.rsc", 5, "set name=UBND-RT")
    assert rep.devices == ["UBND-RT"] and rep.vendor == "mikrotik_routeros"


def test_hostname_defaults_to_file_stem():
    dev, _ = parse("/ip dns\nset allow-remote-requests=no\n", file="configs/hap-xa.rsc")
    assert dev.hostname == "hap-xa"


def test_detect_routeros_and_not_ios():
    ros = (FIXTURES / "hap-ac2-defconf-v7.rsc").read_text()
    assert mikrotik_routeros.detect(ros) >= 90
    assert cisco_ios.detect(ros) == 0
    assert mikrotik_routeros.detect("/ip firewall filter\nadd chain=input action=drop\n") >= 50
    ios = "hostname R1\n!\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n"
    assert mikrotik_routeros.detect(ios) == 0


def test_defconf_fixture_is_fully_understood():
    res = mikrotik_routeros.parse((FIXTURES / "hap-ac2-defconf-v7.rsc").read_text(), "hap.rsc")
    dev, rep = res.devices[0], res.report
    assert rep.unrecognized == []
    assert rep.partially_understood == []
    assert "Ch4ngeMe2024" in dev.secrets
    assert dev.interfaces["ether1"].dynamic_address and dev.interfaces["ether1"].partial is None
    (dflt,) = [r for r in dev.routes if r.runtime_gateway]
    assert dflt.interface == "ether1" and dflt.origin == "dhcp"
    # defconf input: ICMP accepted, everything not from LAN dropped
    texts = [line.source.text for line in dev.filters["input"].lines]
    assert any("drop all not coming from LAN" in t for t in texts)
