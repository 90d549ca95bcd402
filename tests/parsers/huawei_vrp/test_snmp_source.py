"""Huawei VRP ``snmp-agent protocol source-status|source-interface …``: the interfaces at
whose addresses the SNMP agent answers (netaudit/parsers/huawei_vrp/management.py
``_snmp_protocol``, read into the ``server-source`` state and converted by ``_binding``;
docs/vendors/huawei_vrp.md, "Management plane").

Before, every ``snmp-agent protocol …`` line was counted as ignored: an S5720 whose agent
answers on its management Vlanif only was read as answering SNMP (udp/161) at the guest
gateway's address — a false "reachable" — and one whose agent listens nowhere (``undo
snmp-agent protocol source-status all-interface`` alone) as answering everywhere, with a
"no ACL" finding about an agent nobody can reach."""

from __future__ import annotations

from helpers import analyse, matrix, parse_one

from netaudit.checks import REGISTRY, load_checks
from netaudit.parsers import huawei_vrp
from tests.parsers.huawei_vrp.test_server_source import S5720, V200R019, ZONES

COMMUNITY = (
    "snmp-agent\nsnmp-agent community read cipher %^%#Qz8kL1mN3pR5tV7xZ9bD2fH4j%^%#\nsnmp-agent sys-info version v2c\n"
)


def parse(glob: str, version: str = "V200R022C00SPC500", community: str = COMMUNITY, crlf: bool = False):
    text = S5720.format(version=version, glob=community + glob, inbound="ssh")
    if not version:
        text = text.replace("!Software Version \n", "")
    if crlf:
        text = text.replace("\n", "\r\n")
    dev, rep = parse_one(huawei_vrp, text, "sw-core.cfg")
    return dev, rep, {s.name: s for s in dev.services}


def cells(dev):
    got, _ = matrix([dev], ZONES)
    return got


def snmp_findings(dev):
    load_checks()
    info = REGISTRY["mgmt-snmp-community"]
    return list(info.func(analyse([dev], ZONES).context(), info))


def test_source_interface_binds_the_agent_to_the_management_vlanif():
    """``snmp-agent protocol source-interface Vlanif99`` with ``undo … source-status
    all-interface`` (as V200R020+ exports write it): udp/161 answers at 10.0.99.1 only —
    the guest VLAN's ACL denies it, so the guest no longer reaches SNMP; the management
    VLAN does.  Odd spacing, a space in the interface name and CRLF read alike."""
    for glob, crlf in (
        ("undo snmp-agent protocol source-status all-interface\nsnmp-agent protocol source-interface Vlanif99", False),
        (
            "snmp-agent  protocol   source-interface  Vlanif 99\nundo snmp-agent protocol source-status all-interface",
            True,
        ),
        ("snmp-agent protocol source-interface vlanif99", False),
    ):
        dev, rep, svc = parse(glob, crlf=crlf)
        assert svc["snmp"].bound_to == frozenset({"Vlanif99"}) and svc["snmp"].partial is None, glob
        assert not rep.unrecognized
        c = cells(dev)
        guest = c[("guest", "@devices")]
        assert "udp/161" not in guest.services and "udp/161" not in (guest.maybe_services or []), glob
        assert "udp/161" in c[("mgmt", "@devices")].services


def test_before_the_lines_were_read_the_guest_reached_snmp():
    """The same switch on V200R019 without the lines (every address, the release's
    default): the guest reaches udp/161 at its gateway — what the binding line closes."""
    dev, _, svc = parse("", version=V200R019)
    assert svc["snmp"].bound_to is None and svc["snmp"].partial is None
    assert "udp/161" in cells(dev)[("guest", "@devices")].services


def test_all_interface_answers_everywhere():
    for glob in (
        "snmp-agent protocol source-status all-interface",
        "snmp-agent protocol source-interface LoopBack0\nsnmp-agent protocol source-status all-interface",
    ):
        dev, _, svc = parse(glob)
        assert svc["snmp"].bound_to is None and svc["snmp"].partial is None, glob
        assert "udp/161" in cells(dev)[("guest", "@devices")].services
        assert snmp_findings(dev)  # the community has no ACL


def test_undo_all_interface_alone_answers_nobody():
    """``undo snmp-agent protocol source-status all-interface`` without a source interface
    (an S220 V600 lab switch answered udp/161 with port-unreachable): nothing reaches the
    agent and the community finding, about an agent nobody can query, is not raised."""
    dev, _, svc = parse(
        "undo snmp-agent protocol source-status all-interface\n"
        "undo snmp-agent protocol source-status ipv6 all-interface"
    )
    assert svc["snmp"].bound_to == frozenset()
    assert "udp/161" not in cells(dev)[("mgmt", "@devices")].services
    assert not snmp_findings(dev)


def test_undo_source_interface_takes_it_off():
    _, _, svc = parse(
        "undo snmp-agent protocol source-status all-interface\nsnmp-agent protocol source-interface LoopBack0\n"
        "snmp-agent protocol source-interface Vlanif99\nundo snmp-agent protocol source-interface Vlanif99"
    )
    assert svc["snmp"].bound_to == frozenset({"LoopBack0"})
    _, _, svc = parse(
        "undo snmp-agent protocol source-status all-interface\nsnmp-agent protocol source-interface LoopBack0\n"
        "undo snmp-agent protocol source-interface"
    )
    assert svc["snmp"].bound_to == frozenset()


def test_the_default_depends_on_the_release():
    """No line: V100 and V200R001–R019 answer on every address; V200R020+, V300, V600, a
    CloudEngine form or no version line — partial (udp/161 maybe, never "reachable" nor
    "blocked"), and the community finding is not proven."""
    for version in ("V100R006C05", "V200R010C00SPC600", V200R019):
        _, _, svc = parse("", version=version)
        assert svc["snmp"].partial is None and svc["snmp"].bound_to is None, version
    for version in ("V200R020C10SPC100", "V200R022C00SPC500", "V300R019C10SPC300", "V600R022C10SPC500", ""):
        dev, _, svc = parse("", version=version)
        assert "snmp-agent protocol source" in str(svc["snmp"].partial), version
        guest = cells(dev)[("guest", "@devices")]
        assert "udp/161" not in guest.services and "udp/161" in guest.maybe_services, version
    _, _, svc = parse("", version="")
    assert "names no VRP release" in str(svc["snmp"].partial)
    # the agent without a community (nobody can log in) is bound the same way
    _, _, svc = parse("undo snmp-agent protocol source-status all-interface", community="snmp-agent\n")
    assert svc["snmp-agent"].bound_to == frozenset()


def test_server_disable_closes_the_ipv4_listener():
    """``snmp-agent protocol server disable`` / ``server ipv4 disable``: the agent no
    longer processes SNMP packets; its ``undo``, or the IPv6 form, leaves it answering."""
    for glob in ("snmp-agent protocol server disable", "snmp-agent protocol server ipv4 disable"):
        _, _, svc = parse("snmp-agent protocol source-status all-interface\n" + glob)
        assert svc["snmp"].bound_to == frozenset(), glob
    for glob in (
        "snmp-agent protocol server ipv6 disable",
        "snmp-agent protocol server disable\nundo snmp-agent protocol server disable",
    ):
        _, _, svc = parse("snmp-agent protocol source-status all-interface\n" + glob)
        assert svc["snmp"].bound_to is None, glob


def test_what_is_not_modelled_stays_unknown():
    """``physic-isolate``, ``vpn-instance``/``public-net``, the SNMP proxy's own listener,
    an interface not in the file: the agent unrestricted and partial (udp/161 maybe)."""
    for glob in (
        "snmp-agent protocol physic-isolate source-interface GigabitEthernet0/0/1 source-ip 10.0.99.1",
        "snmp-agent protocol vpn-instance MGMT",
        "snmp-agent proxy protocol source-status all-interface",
        "snmp-agent protocol source-interface LoopBack7",
    ):
        dev, rep, svc = parse("undo snmp-agent protocol source-status all-interface\n" + glob)
        assert svc["snmp"].bound_to is None and svc["snmp"].partial, glob
        guest = cells(dev)[("guest", "@devices")]
        assert "udp/161" not in guest.services and "udp/161" in guest.maybe_services, glob
        assert not rep.unrecognized
    _, _, svc = parse(
        "undo snmp-agent protocol source-status all-interface\nsnmp-agent protocol source-interface LoopBack7"
    )
    assert "LoopBack7" in str(svc["snmp"].partial)


def test_ipv6_proxy_undo_and_other_protocol_lines_change_nothing():
    _dev, rep, svc = parse(
        "snmp-agent protocol source-interface LoopBack0\nundo snmp-agent protocol source-status all-interface\n"
        "snmp-agent protocol source-status ipv6 all-interface\nsnmp-agent protocol ipv6 source-ip 2001:db8::1\n"
        "undo snmp-agent proxy protocol source-status all-interface\n"
        "undo snmp-agent proxy protocol source-status ipv6 all-interface\nsnmp-agent protocol get-bulk timeout 3"
    )
    assert svc["snmp"].bound_to == frozenset({"LoopBack0"}) and svc["snmp"].partial is None
    assert not rep.unrecognized


def test_the_undo_of_a_community_is_a_secret():
    dev, _, _ = parse("undo snmp-agent community read Kh0ng-C0n", version=V200R019)
    assert "Kh0ng-C0n" in dev.secrets


def test_fixture_s5735_agent_on_the_management_vlanif(tmp_path_factory):
    """tests/fixtures/huawei_vrp/s5735-ttyt-snmp-nguon.cfg (V200R022): the agent answers at
    Vlanif99's address only.  The Wi-Fi reaches its gateway's ping and DHCP, not udp/161 —
    before, the ignored lines left udp/161 "reachable" there and ``guest-isolation`` was
    critical; now it is low.  The community without an ACL is still a finding (cán bộ
    reaches 10.44.99.1)."""
    from helpers import check_cells, fixture_audit

    from netaudit.reach import BLOCKED, REACHABLE

    a = fixture_audit("huawei_vrp", "s5735-ttyt-snmp-nguon", tmp_path_factory)
    check_cells(
        a,
        {
            ("wifi-benh-nhan", "@devices"): (REACHABLE, ["icmp/8", "udp/67"]),
            ("wifi-benh-nhan", "can-bo"): BLOCKED,
            ("wifi-benh-nhan", "quan-ly"): BLOCKED,
            ("can-bo", "@devices"): (REACHABLE, ["icmp/8", "udp/67", "udp/161"]),
            ("quan-ly", "@devices"): (REACHABLE, ["icmp/8", "tcp/22", "udp/161"]),
        },
    )
    by_check = {f.check: f for f in a.findings}
    assert by_check["guest-isolation"].severity == "low"
    assert by_check["mgmt-snmp-community"].proven
