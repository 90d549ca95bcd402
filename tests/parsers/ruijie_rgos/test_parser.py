"""Ruijie RGOS detection and the parse as a whole (netaudit/parsers/ruijie_rgos/__init__.py,
parser.py): RGOS files are claimed over the IOS parser, IOS files never are, a line not
understood is counted, a file cut short is said to be."""

from __future__ import annotations

from pathlib import Path

import pytest

from netaudit import parsers
from netaudit.parsers import cisco_ios, ruijie_rgos

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SAMPLES = Path(__file__).resolve().parents[3] / "sample_configs"


@pytest.mark.parametrize("path", sorted((FIXTURES / "ruijie_rgos").glob("*.cfg")), ids=lambda p: p.name)
def test_ruijie_fixtures_are_ruijie_above_ios(path):
    text = path.read_text()
    assert parsers.detect_vendor(text) == ("ruijie_rgos", 99)
    assert ruijie_rgos.detect(text) > cisco_ios.detect(text)


def test_no_ios_fixture_or_sample_is_claimed():
    ios = sorted((FIXTURES / "cisco_ios").glob("*.cfg")) + sorted(SAMPLES.glob("cisco-*/*.cfg"))
    assert ios
    claimed = [p.name for p in ios if ruijie_rgos.detect(p.read_text())]
    assert not claimed


def test_spaced_port_names_alone_name_rgos_but_one_is_not_enough():
    two = "hostname SW\ninterface GigabitEthernet 0/1\n switchport access vlan 10\ninterface GigabitEthernet 0/2\nend\n"
    assert parsers.detect_vendor(two)[0] == "ruijie_rgos"
    one = "hostname SW\ninterface GigabitEthernet 0/1\n switchport access vlan 10\nend\n"
    assert ruijie_rgos.detect(one) == 0
    ios = two.replace("GigabitEthernet 0/", "GigabitEthernet0/")
    assert ruijie_rgos.detect(ios) == 0 and parsers.detect_vendor(ios)[0] == "cisco_ios"


def test_ruijie_words_in_a_description_are_not_ruijie():
    text = "version 15.2\nhostname RT\ninterface GigabitEthernet0/1\n description nfpp on core\n!\nend\n"
    assert ruijie_rgos.detect(text) == 0


def test_a_line_not_understood_is_counted_and_named():
    text = (FIXTURES / "ruijie_rgos" / "ward-core-s5750.cfg").read_text()
    text = text.replace("ip route 0.0.0.0", "frobnicate all\nip route 0.0.0.0")
    res = ruijie_rgos.parse(text, "core.cfg")
    assert [s.text for s in res.report.unrecognized] == ["frobnicate all"]
    assert res.report.vendor == "ruijie_rgos" and res.devices[0].vendor == "ruijie_rgos"


def test_a_file_cut_short_is_incomplete():
    text = (FIXTURES / "ruijie_rgos" / "ward-core-s5750.cfg").read_text()
    cut = text[: text.index("interface VLAN 20")]
    res = ruijie_rgos.parse(cut, "core.cfg")
    assert ruijie_rgos.incomplete(cut, res) is not None
    assert ruijie_rgos.incomplete(text, ruijie_rgos.parse(text, "core.cfg")) is None


def test_no_ios_hardening_check_runs_on_a_ruijie_device():
    # Smart Install is Cisco's: a Ruijie switch has no tcp/4786 service, sure or maybe
    res = ruijie_rgos.parse((FIXTURES / "ruijie_rgos" / "commune-s2910-partial.cfg").read_text(), "sw.cfg")
    assert "smart-install" not in {s.name for s in res.devices[0].services}


def test_ip_mac_bindings_are_understood_and_take_no_reach_away():
    # an S5760C core's address-bind table (130 lines in a real export): a bound host
    # keeps its flows, so the verdicts are those without the table, and no line is
    # left unrecognized
    from helpers import matrix, parse_one

    from .core_text import ZONES, core

    table = "address-bind uplink AggregatePort 8\naddress-bind 10.0.10.6 3448.edf9.0f05\naddress-bind install\n"
    dev, rep = parse_one(ruijie_rgos, core(table), "core.cfg")
    assert not rep.unrecognized
    assert not [p for p in rep.partially_understood if not p["construct"].startswith("service ")]
    cells, _ = matrix([dev], ZONES)
    assert cells[("staff", "guest")].verdict == "reachable"
