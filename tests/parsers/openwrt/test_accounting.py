"""Every line counted (:mod:`netaudit.parsers.openwrt.accounting`): standard packages and
options that do not decide reachability are ignored on purpose, disabled sections are
read whole, and none of them turns a device's verdicts unknown."""

from __future__ import annotations

from helpers import cells as audit_cells

from .helpers import FIXTURES, audit_fixture, cells, office, parse


def test_qos_scripts_package_is_ignored_like_sqm():
    text = (FIXTURES / "qos-scripts-export.txt").read_text()
    qos = text[text.index("package qos") : text.index("package system")]
    qos_lines = sum(1 for t in qos.split("\n") if t.strip())  # 'package qos' and the sections
    dev, rep = parse(text, "gw.txt")
    _without, rep0 = parse(text.replace(qos, ""), "gw.txt")
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert rep.ignored - rep0.ignored == qos_lines
    assert not any(i.partial for i in dev.interfaces.values())


def test_qos_scripts_package_keeps_verdicts_proven_end_to_end(tmp_path):
    """52 lines of the stock qos-scripts configuration used to be over the share of
    unrecognized lines that makes a device's every verdict unknown."""
    audit = audit_fixture(tmp_path, "qos-scripts-export.txt", "gw-qos")
    verdicts = {k: c.verdict for k, c in audit_cells(audit).items() if "@devices" not in k}
    assert verdicts == {
        ("staff", "guest"): "blocked",
        ("staff", "internet"): "reachable",
        ("guest", "staff"): "blocked",
        ("guest", "internet"): "reachable",
        ("internet", "staff"): "blocked",
        ("internet", "guest"): "blocked",
    }
    assert audit.snapshot.input_problems == []


def test_disabled_firewall_sections_are_read_whole_and_have_no_effect():
    """fw4 parses a section with ``enabled '0'`` and ignores it: a disabled redirect,
    forwarding or zone is counted like a disabled rule, not listed as unrecognized."""
    extra = """
    config redirect 'wanhttpacs'
    \toption name 'printer-web'
    \toption src 'wan'
    \toption src_dport '8080'
    \toption proto 'tcp'
    \toption dest 'lan'
    \toption dest_ip '192.168.1.10'
    \toption dest_port '80'
    \toption enabled '0'

    config forwarding
    \toption src 'guest'
    \toption dest 'lan'
    \toption enabled '0'

    config zone
    \toption name 'iot'
    \tlist network 'guest'
    \toption input 'ACCEPT'
    \toption forward 'ACCEPT'
    \toption enabled '0'

    config rule
    \toption name 'Allow-RIP'
    \toption src 'wan'
    \toption proto 'udp'
    \toption dest_port '520'
    \toption target 'ACCEPT'
    \toption enabled '0'
    """
    dev, rep = office(extra)
    _base, rep0 = office()
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert rep.ignored == rep0.ignored  # read as modelled (nothing), not set aside
    c = cells(dev)
    assert c[("guest", "staff")].verdict == "blocked"
    assert c[("internet", "staff")].verdict == "blocked"


NETIFD = """
package network

config device
\toption name 'br-lan'
\toption type 'bridge'
\tlist ports 'lan1'
\toption igmp_snooping '1'
\toption robustness '2'
\toption query_interval '12500'
\toption query_response_interval '1000'
\toption last_member_interval '100'

config interface 'lan'
\toption device 'br-lan'
\toption proto 'static'
\toption ipaddr '192.168.1.1/24'
\toption accept_ra '1'
\toption send_rs '0'

config interface 'iptv'
\toption type 'bridge'
\toption ifname 'eth0.3'
\toption proto 'static'
\toption ipaddr '10.3.3.1/24'
\toption igmp_snooping '1'
\toption query_interval '6000'
\toption last_member_interval '50'

config interface 'wan'
\toption device 'wan'
\toption proto 'dhcp'
\toption reqopts '1 3 6 15 42'
\tlist sendopts '60:736167656d'
\tlist sendopts '77:6f70656e777274'

package firewall

config zone
\toption name 'lan'
\tlist network 'lan'
\tlist network 'iptv'
\toption input 'ACCEPT'
\toption forward 'ACCEPT'

config zone
\toption name 'wan'
\tlist network 'wan'
\toption masq '1'

config forwarding
\toption src 'lan'
\toption dest 'wan'
"""
NEW_OPTIONS = (
    "robustness",
    "query_interval",
    "query_response_interval",
    "last_member_interval",
    "accept_ra",
    "send_rs",
    "reqopts",
    "sendopts",
)


def test_netifd_igmp_ra_and_dhcp_client_options_are_ignored_on_purpose():
    """Bridge IGMP snooping timers (on a device and on a 19.07 bridge interface), IPv6
    RA switches and the DHCP client's requested/sent options: counted as ignored."""
    dev, rep = parse(NETIFD)
    stripped = "\n".join(t for t in NETIFD.split("\n") if t.split()[1:2] not in [[k] for k in NEW_OPTIONS])
    _dev, rep0 = parse(stripped)
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert rep.ignored - rep0.ignored == 11
    assert dev.interfaces["lan1"].parent == "br-lan"
    assert dev.interfaces["wan"].dynamic_address


def test_dhcp_custom_routes_stay_listed():
    """``customroutes`` adds routes through the DHCP router (dhcp.script CUSTOMROUTES):
    not modelled, so it stays unrecognized rather than ignored."""
    base = office.__defaults__[1].replace(
        "\toption device 'wan'\n\toption proto 'dhcp'",
        "\toption device 'wan'\n\toption proto 'dhcp'\n\toption customroutes '10.20.0.0/16'",
    )
    _dev, rep = office(base=base)
    assert [s.text for s in rep.unrecognized] == ["option customroutes '10.20.0.0/16'"]


def test_igmpproxy_is_ignored_on_purpose():
    """igmpproxy forwards multicast only (IGMP joins, IPTV streams): no connection a
    zone opens, so its sections are ignored, not listed as unrecognized."""
    igmp = (
        "\npackage igmpproxy\n\nconfig igmpproxy\n\toption quickleave 1\n\n"
        "config phyint\n\toption network wan\n\toption direction upstream\n\tlist altnet 0.0.0.0/0\n"
    )
    dev, rep = office(igmp)
    _plain, rep0 = office()
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert rep.ignored - rep0.ignored == 7  # package, 2 sections, 4 options
    assert cells(dev)[("internet", "staff")].verdict == "blocked"


def test_acme_dns_api_credentials_and_tokens_are_secrets():
    """acme's DNS validation keeps the DNS provider's API keys as ``list credentials
    'NAME=value'``; the package is not read (its lines listed), so without this they
    went into every report unmasked."""
    acme = (
        "\npackage acme\n\nconfig cert 'xuong'\n\toption dns 'dns_cf'\n"
        "\tlist credentials 'CF_Token=Zq8vN3xLr5TtY2wKp7HbM4cJd9sAeF1g'\n"
        "\nconfig ddns 'ddns'\n\toption api_token 'tK9aB3cD4eF5gH6i'\n\toption lookup_host 'nhaxuong.vidu.vn'\n"
    )
    dev, _ = office(acme)
    assert {"CF_Token=Zq8vN3xLr5TtY2wKp7HbM4cJd9sAeF1g", "tK9aB3cD4eF5gH6i"} <= dev.secrets
    assert "nhaxuong.vidu.vn" not in dev.secrets and "dns_cf" not in dev.secrets
