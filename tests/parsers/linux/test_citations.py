"""What a Linux dump's findings cite: an interface by its own JSON element of ``ip -j
addr`` (not a rendering the file does not hold), a default (ICMP echo, every port
without ``ss``) as a default — never the hostname line."""

from __future__ import annotations

import json

from helpers import SAMPLES, parse_one

from netaudit.audit import run_audit
from netaudit.parsers import linux

from .test_nftables import ADDR, FWD, dump

LEAKY = SAMPLES / "linux-commune-leaky"


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_an_interface_is_cited_by_its_own_element_of_a_one_line_dump():
    text = dump(FWD % "")
    dev, _ = parse_one(linux, text, "r.txt")
    lines = _lines(text)
    for name, itf in dev.interfaces.items():
        src = itf.source
        assert src.text.startswith("{") and f'"ifname": "{name}"' in src.text
        assert src.text.removesuffix("...") in lines[src.line - 1]  # the file's own words


def test_an_interface_of_a_pretty_printed_dump_is_cited_where_its_element_opens():
    compact = json.dumps(ADDR)
    pretty = json.dumps(ADDR, indent=4)  # ip -j -p addr: one key a line
    text = dump(FWD % "").replace(compact, pretty)
    dev, _ = parse_one(linux, text, "r.txt")
    lines = _lines(text)
    for name, itf in dev.interfaces.items():
        src = itf.source
        assert lines[src.line - 1].strip() == "{"
        after = " ".join(x.strip() for x in lines[src.line - 1 : src.line + 3])
        assert src.text.startswith(after) and f'"ifname": "{name}"' in src.text


def test_a_finding_on_an_interface_cites_the_file_as_it_is():
    audit = run_audit([LEAKY], LEAKY / "site.yaml")
    lines = _lines((LEAKY / "ubnd-xa-an-phu.txt").read_text())
    addr_line = lines.index("### ip -j addr") + 2
    cites = [e for f in audit.findings for e in f.evidence if e["line"] == addr_line]
    assert cites, "the leaky sample's findings rest on its interfaces"
    for e in cites:
        assert e["text"].startswith('{"ifindex":') and e["text"].removesuffix("...") in lines[addr_line - 1]


def test_defaults_are_cited_as_defaults_never_the_hostname_line():
    audit = run_audit([LEAKY], LEAKY / "site.yaml")
    host_line = _lines((LEAKY / "ubnd-xa-an-phu.txt").read_text()).index("ubnd-xa-an-phu") + 1
    assert not [e for f in audit.findings for e in f.evidence if e["line"] == host_line]
    dev = next(iter(audit.snapshot.devices))
    echo = next(s for s in dev.services if s.name == "icmp-echo")
    assert echo.source is None  # the kernel answers: no line says so


def test_icmp_echo_cites_its_sysctl_line_when_the_dump_has_one():
    text = dump(FWD % "").replace(
        "net.ipv4.ip_forward = 1", "net.ipv4.ip_forward = 1\nnet.ipv4.icmp_echo_ignore_all = 0"
    )
    dev, _ = parse_one(linux, text, "r.txt")
    echo = next(s for s in dev.services if s.name == "icmp-echo")
    assert echo.source is not None and echo.source.text == "net.ipv4.icmp_echo_ignore_all = 0"


def test_without_ss_every_port_is_a_partial_default_not_a_line():
    text = dump(FWD % "").split("### ss -Htlnu")[0]
    dev, _ = parse_one(linux, text, "r.txt")
    anys = [s for s in dev.services if s.name.startswith("any-")]
    assert anys and all(s.source is None and s.partial for s in anys)
