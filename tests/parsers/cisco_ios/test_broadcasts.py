"""Cisco IOS UDP broadcast forwarding: ``ip helper-address`` on an interface and the
global ``ip forward-protocol`` lines (netaudit/parsers/cisco_ios/broadcasts.py; the
engine's side netaudit/reach/broadcasts.py; docs/vendors/cisco_ios.md, "UDP broadcast
forwarding").  Before, both were ignored: a guest whose ACL lets 255.255.255.255
through reached the helper's zone on udp/53, 69, 137 … and the audit said "blocked"."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import cells, parse_one

from netaudit.audit import run_audit
from netaudit.model import PROTO_ND, PROTO_UDP, PortRange
from netaudit.parsers import cisco_ios
from netaudit.parsers.ip import ip_to_int
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cisco_ios"
CFG, SITE = FIXTURES / "commune-guest-helper.cfg", FIXTURES / "commune-guest-helper.site.yaml"
# The UDP ports IOS forwards by default, but BOOTP/DHCP (67), which its relay agent takes.
FORWARDED = {"udp/37", "udp/42", "udp/49", "udp/53", "udp/69", "udp/137", "udp/138"}
HELPER_LINE = "ip helper-address 10.1.10.5"

HEAD = """\
version 15.4
hostname RT
!
interface GigabitEthernet0/1
 ip address 10.1.1.1 255.255.255.0
 ip helper-address 10.2.2.5
!
"""


def parse(*parts: str):
    return parse_one(cisco_ios, HEAD + "".join(textwrap.dedent(p) for p in parts), "rt.cfg")


def ports(services) -> set[int]:
    """The UDP ports a list of ``udp/N`` / ``udp/A-B`` service strings holds."""
    out: set[int] = set()
    for s in services:
        if s.startswith("udp/"):
            lo, _, hi = s[4:].partition("-")
            out |= set(range(int(lo), int(hi or lo) + 1))
    return out


def variant(tmp_path, *edits: tuple[str, str]) -> Path:
    """The fixture with ``(old, new)`` text replacements, each found once."""
    text = CFG.read_text()
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    out = tmp_path / CFG.name
    out.write_text(text)
    return out


# --------------------------------------------------------------------------- parsing


def test_helper_lines_and_their_vrf_choice():
    dev, rep = parse(
        """\
        interface GigabitEthernet0/2
         ip address 10.1.2.1 255.255.255.0
         ip helper-address vrf KHACH 10.3.3.5
         ip helper-address global 10.4.4.5
         ip helper-address 10.5.5.5 redundancy HSRP-NHOM1
        """
    )
    assert rep.unrecognized == []
    got = [(h.address, h.vrf, h.source.text) for h in dev.interfaces["GigabitEthernet0/2"].udp_helpers]
    assert got == [
        (ip_to_int("10.3.3.5"), "KHACH", "ip helper-address vrf KHACH 10.3.3.5"),
        (ip_to_int("10.4.4.5"), "default", "ip helper-address global 10.4.4.5"),
        (ip_to_int("10.5.5.5"), None, "ip helper-address 10.5.5.5 redundancy HSRP-NHOM1"),
    ]
    assert [h.vrf for h in dev.interfaces["GigabitEthernet0/1"].udp_helpers] == [None]


def test_default_ports_dhcp_to_the_relay_agent():
    """With no `ip forward-protocol udp` line: the seven ports but BOOTP go on with the
    client's source, ND too; BOOTP/DHCP is the relay agent's, a service of the router on
    the helper's interface (cited by the helper line)."""
    dev, rep = parse("ip forward-protocol nd\n")
    fwd = dev.broadcast_forwarding
    assert fwd is not None and fwd.partial is None
    assert {p for r in fwd.ports for p in range(r.lo, r.hi + 1)} == {37, 42, 49, 53, 69, 137, 138}
    assert fwd.protocols == (PROTO_ND,)
    assert fwd.relayed_ports == (PortRange(67, 67),) and fwd.maybe_ports == ()
    (relay,) = [s for s in dev.services if s.name == "dhcp"]
    assert (relay.protocol, relay.ports, relay.interfaces) == (PROTO_UDP, (PortRange(67, 67),), {"GigabitEthernet0/1"})
    assert relay.source.text == "ip helper-address 10.2.2.5"
    assert rep.partially_understood == []


def test_forward_protocol_adds_and_removes_ports_by_number_and_name():
    dev, rep = parse(
        """\
        no ip forward-protocol udp tftp
        no ip forward-protocol udp netbios-ns
        no ip forward-protocol udp 138
        no ip forward-protocol udp nameserver
        no ip forward-protocol udp tacacs
        no ip forward-protocol udp time
        no ip forward-protocol nd
        ip forward-protocol udp 5000
        """
    )
    fwd = dev.broadcast_forwarding
    assert rep.unrecognized == [] and fwd is not None and fwd.partial is None
    assert fwd.ports == (PortRange(53, 53), PortRange(5000, 5000))
    assert fwd.protocols == ()


def test_no_service_dhcp_leaves_bootp_broadcasts_uncertain():
    dev, _ = parse("no service dhcp\n")
    fwd = dev.broadcast_forwarding
    assert fwd is not None and fwd.relayed_ports == () and fwd.maybe_ports == (PortRange(67, 67),)
    assert "no service dhcp" in (fwd.maybe_reason or "")
    assert not [s for s in dev.services if s.name == "dhcp"]


@pytest.mark.parametrize(
    "line",
    [
        "ip forward-protocol spanning-tree",
        "ip forward-protocol turbo-flood",
        "ip forward-protocol any-local-broadcast",
        "ip forward-protocol sdns",
        "ip forward-protocol udp khong-biet",
        "ip forward-protocol khong-biet",
        "no ip forward-protocol udp",
    ],
)
def test_forms_not_modelled_make_the_forwarding_partial(line):
    dev, rep = parse(line + "\n")
    fwd = dev.broadcast_forwarding
    assert fwd is not None and fwd.partial and fwd.partial_source is not None
    assert fwd.partial_source.text == line
    assert [p["construct"] for p in rep.partially_understood] == ["ip forward-protocol"]


@pytest.mark.parametrize(
    "line",
    ["no ip forward-protocol spanning-tree", "no ip forward-protocol any-local-broadcast", "ip forward-protocol udp"],
)
def test_defaults_restated_are_not_partial(line):
    dev, rep = parse(line + "\n")
    fwd = dev.broadcast_forwarding
    assert fwd is not None and fwd.partial is None and rep.partially_understood == []


def test_a_device_without_helpers_forwards_nothing():
    """Guard: `ip forward-protocol nd` (printed by default) on a router without helper
    addresses changes nothing."""
    dev, _ = parse_one(
        cisco_ios,
        "hostname RT\nip forward-protocol nd\ninterface Gi0/1\n ip address 10.1.1.1 255.255.255.0\n",
        "rt.cfg",
    )
    assert dev.broadcast_forwarding is None and not [s for s in dev.services if s.name == "dhcp"]


def test_a_helper_line_not_understood_is_counted():
    _, rep = parse(
        """\
        interface GigabitEthernet0/2
         ip address 10.1.2.1 255.255.255.0
         ip helper-address 10.3.3
        """
    )
    assert [s.text for s in rep.unrecognized] == ["ip helper-address 10.3.3"]


# --------------------------------------------------------------------------- the fixture


def test_fixture_guest_reaches_the_helper_server_on_the_forwarded_ports():
    """The commune ISR: the guest ACL denies every private range then permits any, so
    a broadcast passes it; IOS sends it on to the Windows server of the staff VLAN with
    the guest's source.  Guest → staff is reachable on exactly the forwarded ports (and
    ND), a critical guest-isolation finding whose evidence cites the helper line; the
    witness is the broadcast as the guest sent it."""
    _, rep = parse_one(cisco_ios, CFG.read_text(), CFG.name)
    assert rep.unrecognized == [] and rep.partially_understood == []
    audit = run_audit([CFG], SITE)
    cell = cells(audit)[("wifi-khach", "can-bo")]
    assert cell.verdict == REACHABLE
    assert set(cell.services) == {"udp/37", "udp/42", "udp/49", "udp/53", "udp/69", "udp/137-138", "proto/77"}
    w = cell.witness.to_json()
    assert w["packet"]["dst_ip"] == "255.255.255.255" and w["packet"]["src_ip"].startswith("192.168.50.")
    rules = [r for h in w["hops"] for r in h["rules"]]
    (cited,) = [r for r in rules if r["text"] == HELPER_LINE]
    assert cited["translated"]["dst_ip"] == "10.1.10.5" and cited["translated"]["src_ip"] == w["packet"]["src_ip"]
    (finding,) = [f for f in audit.findings if f.check == "guest-isolation" and f.zones == ["wifi-khach", "can-bo"]]
    assert finding.severity == "critical"
    assert any(e.get("text") == HELPER_LINE for e in finding.evidence)
    # Only the helper's address: no other host of the staff VLAN.
    assert cells(audit)[("wifi-khach", "can-bo")].delivered is not None
    hs = audit.engine.hs
    assert hs.within(cell.delivered, hs.eq("dst_ip", ip_to_int("10.1.10.5")))
    # The relay agent answers the guests' DHCP: a gateway service, no violation.
    dev_cell = cells(audit)[("wifi-khach", "@devices")]
    assert "udp/67" in dev_cell.services and "udp/67" not in dev_cell.maybe_services


def test_fixture_every_forwarded_port_removed_blocks_guest_to_staff(tmp_path):
    """`no ip forward-protocol udp …` for each default port and `no ip forward-protocol
    nd`: guest → staff blocked again; only the relay agent (the router's own request,
    never the guest's packet) takes DHCP."""
    removed = "".join(
        f"no ip forward-protocol udp {p}\n"
        for p in ("tftp", "domain", "time", "netbios-ns", "netbios-dgm", "tacacs", "nameserver")
    )
    cfg = variant(tmp_path, ("ip forward-protocol nd\n", "no ip forward-protocol nd\n" + removed))
    audit = run_audit([cfg], SITE)
    got = cells(audit)
    assert got[("wifi-khach", "can-bo")].verdict == BLOCKED
    assert "udp/67" in got[("wifi-khach", "@devices")].services
    assert not [f for f in audit.findings if f.check == "guest-isolation" and f.zones == ["wifi-khach", "can-bo"]]


def test_fixture_the_guest_acl_decides_which_broadcasts_reach_the_helper(tmp_path):
    """The inbound ACL sees the broadcast: denying NetBIOS broadcasts takes 137-138 out
    of the cell, the other ports stay; denying every UDP broadcast blocks the cell."""
    deny_nb = " deny   udp any host 255.255.255.255 range netbios-ns netbios-dgm\n"
    first = " permit udp any eq bootpc host 255.255.255.255 eq bootps\n"
    cfg = variant(tmp_path, (first, first + deny_nb))
    cell = cells(run_audit([cfg], SITE))[("wifi-khach", "can-bo")]
    assert cell.verdict == REACHABLE
    assert ports(cell.services) == {37, 42, 49, 53, 69}

    cfg = variant(tmp_path, (first, first + " deny   udp any host 255.255.255.255\n deny   77 any any\n"))
    assert cells(run_audit([cfg], SITE))[("wifi-khach", "can-bo")].verdict == BLOCKED


def test_fixture_an_unmodelled_form_makes_the_cell_unknown(tmp_path):
    """`ip forward-protocol spanning-tree` (flooding, not modelled) with the helper's
    ports all removed: guest → staff is not "blocked" but unknown, the reason naming the
    line."""
    removed = "".join(
        f"no ip forward-protocol udp {p}\n"
        for p in ("tftp", "domain", "time", "netbios-ns", "netbios-dgm", "tacacs", "nameserver")
    )
    cfg = variant(
        tmp_path,
        ("ip forward-protocol nd\n", "no ip forward-protocol nd\n" + removed + "ip forward-protocol spanning-tree\n"),
    )
    cell = cells(run_audit([cfg], SITE))[("wifi-khach", "can-bo")]
    assert cell.verdict == UNKNOWN
    assert "spanning tree" in cell.reason.render("en")
