"""Huawei VRP management plane (netaudit/parsers/huawei_vrp/management.py, convert.py;
docs/vendors/huawei_vrp.md, "Management plane"): which services listen, their ACLs, and
what stays unknown when a release default decides."""

from __future__ import annotations

from helpers import matrix, parse_one
from netaddr import IPNetwork

from netaudit import topology
from netaudit.checks import REGISTRY, AuditContext, load_checks
from netaudit.headerspace import HeaderSpace
from netaudit.parsers import huawei_vrp
from netaudit.zones import Site, Zone

BASE = """\
!Software Version V200R019C10SPC500
sysname SW
#
vlan batch 10 99
#
acl number 2000
 rule 5 permit source 10.0.99.0 0.0.0.255
#
interface Vlanif10
 ip address 10.0.10.1 255.255.255.0
#
interface Vlanif99
 ip address 10.0.99.1 255.255.255.0
#
{global}
#
user-interface vty 0 4
{vty}
#
return
"""
ZONES = [
    Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], vlans=[("SW", 10)]),
    Zone("mgmt", "management", [IPNetwork("10.0.99.0/24")], vlans=[("SW", 99)]),
]
OFF = "undo telnet server enable\nundo http server enable\nundo http secure-server enable"


def services(glob: str, vty: str = " authentication-mode aaa"):
    dev, _rep = parse_one(huawei_vrp, BASE.format(**{"global": glob, "vty": vty}), "sw.cfg")
    return dev, {s.name: s for s in dev.services}


def test_ssh_only_from_the_vty_acl():
    dev, svc = services(OFF + "\nstelnet server enable", " acl 2000 inbound\n protocol inbound ssh")
    assert set(svc) == {"ssh", "icmp-echo"}
    assert svc["ssh"].acl == "2000" and svc["ssh"].partial is None
    cells, _ = matrix([dev], ZONES)
    assert cells[("staff", "@devices")].services == ["icmp/8"]
    assert cells[("mgmt", "@devices")].services == ["icmp/8", "tcp/22"]


def test_telnet_server_and_protocol_inbound_all():
    _dev, svc = services(
        "telnet server enable\nundo http server enable\nundo http secure-server enable", " protocol inbound all"
    )
    assert svc["telnet"].insecure and svc["telnet"].acl is None and svc["telnet"].partial is None


def test_telnet_on_another_port():
    """``telnet server port 10023`` (an S5700 V200R005 export): the service, the cells and
    what a fix would block are on that port, never tcp/23."""
    dev, svc = services(OFF.replace("undo telnet", "telnet") + "\ntelnet server port 10023", " protocol inbound telnet")
    assert [(r.lo, r.hi) for r in svc["telnet"].ports] == [(10023, 10023)]
    cells, _ = matrix([dev], ZONES)
    assert cells[("staff", "@devices")].services == ["icmp/8", "tcp/10023"]
    _, svc = services(
        "telnet server enable\ntelnet server port 10023\nundo telnet server port", " protocol inbound all"
    )
    assert [(r.lo, r.hi) for r in svc["telnet"].ports] == [(23, 23)]


def test_undo_telnet_or_protocol_inbound_ssh_closes_telnet():
    _, svc = services("telnet server enable", " protocol inbound ssh")
    assert "telnet" not in svc
    _, svc = services("undo telnet server enable", " protocol inbound all")
    assert "telnet" not in svc


def test_cloudengine_telnet_server_disable():
    _, svc = services("telnet server disable\ntelnet ipv6 server disable", " protocol inbound all")
    assert "telnet" not in svc


def test_a_release_default_is_never_taken_for_off():
    """No ``telnet server enable`` line and no ``protocol inbound``: whether Telnet listens
    depends on the VRP release — the service is partial, so a cell it alone would open is
    unknown, never "blocked"."""
    dev, svc = services("undo http server enable\nundo http secure-server enable")
    assert svc["telnet"].partial and "depends on the VRP release" in svc["telnet"].partial
    cells, _ = matrix([dev], ZONES)
    assert cells[("staff", "@devices")].verdict in ("unknown", "reachable")
    assert cells[("staff", "@devices")].verdict != "blocked"
    _, svc = services("undo telnet server enable")
    assert svc["http"].partial and svc["https"].partial


def test_an_acl_without_rules_or_undefined_does_not_restrict_login():
    _, svc = services(OFF + "\nstelnet server enable", " acl 2999 inbound\n protocol inbound ssh")
    assert svc["ssh"].acl is None
    dev, _ = services(OFF + "\nstelnet server enable", " acl 2999 inbound\n protocol inbound ssh")
    assert any(r.name == "2999" and not r.defined for r in dev.references)


def test_snmp_community_acl_and_plain_community():
    _, svc = services(OFF + "\nsnmp-agent\nsnmp-agent community read cipher %^%#abcDEF123%^%# acl 2000")
    assert svc["snmp"].acl == "2000"
    dev, svc = services(OFF + "\nsnmp-agent community read public")
    assert svc["snmp"].acl is None
    assert "public" in dev.secrets
    assert [s.text for s in dev.facts.snmp_plain_communities] == ["snmp-agent community read public"]


def test_snmp_community_options_are_read_in_place_and_an_unread_one_makes_the_agent_unknown():
    """The words after a community's name are read as options (``mib-view V``, ``acl N``,
    ``alias A``), not searched for anywhere on the line: an alias called ``acl`` is no
    ACL, a community called ``acl`` has its own.  An option not read (another release's
    ``acl-ipv4``) leaves the community's sources unknown: the SNMP service is partial and
    udp/161 to the device only *maybe* reached — before, the ACL was missed and the agent
    read open to every zone."""
    _, svc = services(OFF + "\nsnmp-agent community read cipher %^%#ab12%^%# mib-view iso-view alias NMS acl 2000")
    assert (svc["snmp"].acl, svc["snmp"].partial) == ("2000", None)
    dev, svc = services(OFF + "\nsnmp-agent community read cipher %^%#ab12%^%# alias acl mib-view iso-view")
    assert (svc["snmp"].acl, svc["snmp"].partial) == (None, None)
    assert not any(r.kind == "acl" and r.name == "mib-view" for r in dev.references)
    _, svc = services(OFF + "\nsnmp-agent community read acl acl 2000")
    assert svc["snmp"].acl == "2000"
    dev, svc = services(OFF + "\nsnmp-agent community read cipher %^%#ab12%^%# acl-ipv4 2000")
    assert svc["snmp"].partial is not None and "acl-ipv4" in str(svc["snmp"].partial)
    cells, _ = matrix([dev], ZONES)
    staff = cells[("staff", "@devices")]
    assert "udp/161" not in staff.services and "udp/161" in staff.maybe_services


def test_snmp_communities_with_different_acls_are_one_service_each():
    """Two communities restricted by different ACLs (and a v3 group by the general
    ``snmp-agent acl``): a manager may use any of them, so the agent answers whoever one
    list admits — a service per list, no finding.  Before: one service with no ACL (the
    lists differed), udp/161 open to every zone and ``mgmt-snmp-community`` raised."""
    acls = "\nacl number 2000\n rule 5 permit source 10.10.99.10 0\nacl number 2001\n rule 5 permit source 10.10.10.0 0.0.0.255"
    dev, _ = services(
        OFF
        + acls
        + "\nsnmp-agent\nsnmp-agent acl 2001\nsnmp-agent community read cipher %^%#abcDEF123%^%# acl 2000"
        + "\nsnmp-agent community write cipher %^%#qrs456%^%# acl 2001\nsnmp-agent group v3 NMS privacy"
    )
    assert [s.acl for s in dev.services if s.name == "snmp"] == ["2000", "2001"]
    assert not snmp_findings(dev)


def test_vty_blocks_with_different_acls_are_one_login_service_each():
    """``user-interface vty 0 4`` with ACL 2000 (management) and ``vty 5 14`` with 2001
    (one staff host): whoever one admits may log in (a session is given any free vty), the
    rest of the staff VLAN never — a service per ACL, each cited by its block.  Before: one
    service with none (a warning "treated as unrestricted"), tcp/22 reachable from all of
    staff.  With ``ssh server acl`` as well, that list restricts every login: one service,
    partial (both apply, one is modelled), as before."""
    text = BASE.format(
        **{
            "global": OFF + "\nstelnet server enable",
            "vty": " acl 2000 inbound\n protocol inbound ssh\n#\nuser-interface vty 5 14\n acl 2001 inbound\n"
            " protocol inbound ssh",
        }
    ).replace("#\ninterface Vlanif10", "#\nacl number 2001\n rule 5 permit source 10.0.10.7 0\n#\ninterface Vlanif10")
    dev, _ = parse_one(huawei_vrp, text, "sw.cfg")
    ssh = [s for s in dev.services if s.name == "ssh"]
    assert [(s.acl, s.partial) for s in ssh] == [("2000", None), ("2001", None)]
    vty_lines = text.splitlines()  # each service cited by its block's `protocol inbound ssh`, below its ACL
    assert [vty_lines[s.source.line - 2] for s in ssh] == [" acl 2000 inbound", " acl 2001 inbound"]
    cells, _ = matrix([dev], ZONES)
    assert "tcp/22" in cells[("mgmt", "@devices")].services
    assert "tcp/22" in cells[("staff", "@devices")].services  # 10.0.10.7, by ACL 2001
    rest_of_staff = Zone("staff", "internal", [IPNetwork("10.0.10.128/25")], vlans=[("SW", 10)])
    cells, _ = matrix([dev], [rest_of_staff, ZONES[1]])
    assert "tcp/22" not in cells[("staff", "@devices")].services
    dev, _ = parse_one(
        huawei_vrp, text.replace("stelnet server enable", "stelnet server enable\nssh server acl 2000"), "sw.cfg"
    )
    [ssh] = [s for s in dev.services if s.name == "ssh"]
    assert ssh.acl == "2000" and "ssh server acl 2000" in str(ssh.partial)


def snmp_findings(dev) -> list:
    """The `mgmt-snmp-community` findings on ``dev`` alone."""
    load_checks()
    info = REGISTRY["mgmt-snmp-community"]
    ctx = AuditContext(
        devices=[dev],
        reports=[],
        topology=topology.build([dev]),
        site=Site(unit="t", zones=ZONES),
        zones=[],
        matrix=[],
        hs=HeaderSpace(),
    )
    return list(info.func(ctx, info))


def test_an_snmp_agent_without_community_or_v3_user_has_no_snmp_login():
    """`snmp-agent local-engineid …` and `snmp-agent trap enable` alone (real AR V300R019
    exports) or `snmp-agent sys-info version v3` without a v3 group or user (a real S5732-H
    V600R024 export) start the agent, but no community or user can query it: the port
    listens (`snmp-agent`), and the "SNMP not restricted" finding, which speaks of the
    community string, has nothing to say.  Before, that Medium finding was reported."""
    glob = OFF + "\nsnmp-agent local-engineid 800007DB03E0FC000A0B0C\nsnmp-agent trap enable"
    dev, svc = services(glob)
    assert "snmp" not in svc and [(p.lo, p.hi) for p in svc["snmp-agent"].ports] == [(161, 161)]
    cells, _ = matrix([dev], ZONES)
    assert "udp/161" in cells[("staff", "@devices")].services
    assert not snmp_findings(dev)
    # a v3 user or a community is a login: the finding stands
    for extra in ("snmp-agent usm-user v3 nms", "snmp-agent community read cipher %^%#x%^%#"):
        dev, svc = services(glob + "\n" + extra)
        assert "snmp" in svc and "snmp-agent" not in svc
        assert snmp_findings(dev)


def test_web_server_dhcp_dns_ftp():
    text = OFF.replace("undo http secure-server enable", "http secure-server enable") + (
        "\nhttp acl 2000\ndhcp enable\ndns proxy enable\nftp server enable"
    )
    dev, svc = services(text)
    assert svc["https"].acl == "2000" and "http" not in svc
    assert "dns" in svc and svc["ftp"].insecure and dev.facts.ftp_server is not None
    assert "dhcp" not in svc  # no interface selects the DHCP server
    text2 = BASE.replace(
        " ip address 10.0.10.1 255.255.255.0\n", " ip address 10.0.10.1 255.255.255.0\n dhcp select interface\n"
    )
    dev, _ = parse_one(huawei_vrp, text2.format(**{"global": OFF + "\ndhcp enable", "vty": ""}), "sw.cfg")
    (dhcp,) = [s for s in dev.services if s.name == "dhcp"]
    assert dhcp.interfaces == frozenset({"Vlanif10"})


def test_ssh_ipv4_server_port_and_the_servers_own_acl():
    """`ssh ipv4 server port 1822` (the V200R020+/V300 form of `ssh server port`) and `ssh
    server acl 2001` (the SSH server's own login ACL) — a published VRP SSH hardening note
    of a real device.  Before, both were ignored as SSH algorithm settings: SSH was taken
    for tcp/22 (what answers on 1822 missing: a false "blocked" of that port) and open to
    every source (a false "not restricted" finding)."""
    # (`ssh server-source all-interface`: on V200R020+ the server may answer on no address
    # without it — test_server_source.py)
    glob = OFF + "\nstelnet server enable\nssh ipv4 server port 1822\nssh ipv6 server port 1822\nssh server acl 2000"
    glob += "\nssh server-source all-interface"
    dev, svc = services(glob, " protocol inbound ssh")
    assert [(p.lo, p.hi) for p in svc["ssh"].ports] == [(1822, 1822)]
    assert svc["ssh"].acl == "2000" and svc["ssh"].partial is None
    cells, _ = matrix([dev], ZONES)
    assert cells[("staff", "@devices")].services == ["icmp/8"]
    assert cells[("mgmt", "@devices")].services == ["icmp/8", "tcp/1822"]
    # a vty ACL beside it: both apply, one is modelled — partial, never "open"
    text = BASE.replace(
        "acl number 2000\n", "acl number 2001\n rule 5 permit source 10.0.10.0 0.0.0.255\nacl number 2000\n"
    )
    text = text.format(**{"global": glob, "vty": " acl 2001 inbound\n protocol inbound ssh"})
    dev, _rep = parse_one(huawei_vrp, text, "sw.cfg")
    (ssh,) = [s for s in dev.services if s.name == "ssh"]
    assert ssh.acl == "2000" and "ssh server acl 2000" in str(ssh.partial)
    # telnet server acl N likewise
    _dev, svc = services(
        "telnet server enable\ntelnet server acl 2000\nundo http server enable", " protocol inbound all"
    )
    assert svc["telnet"].acl == "2000"


def test_cloudengine_stelnet_ipv4_server_enable():
    """CloudEngine V200R002+ writes `stelnet ipv4 server enable` / `stelnet ipv6 server
    enable` (a real CE8850 V200R002C50 export).  Before, both lines were unrecognized and
    SSH was a partial service ("no 'stelnet server enable' line"): its cells unknown and
    its finding "not proven" although the file says the server is on."""
    glob = OFF + "\nstelnet ipv4 server enable\nstelnet ipv6 server enable\nssh server-source all-interface"
    dev, svc = services(glob, " acl 2000 inbound\n protocol inbound ssh")
    assert svc["ssh"].partial is None and svc["ssh"].acl == "2000"
    cells, _ = matrix([dev], ZONES)
    assert cells[("mgmt", "@devices")].services == ["icmp/8", "tcp/22"]
    # switched off in its ipv4 form: nothing listens on tcp/22
    _dev, svc = services(OFF + "\nundo stelnet ipv4 server enable", " protocol inbound ssh")
    assert "ssh" not in svc


def test_cloudengine_netconf_over_ssh_is_a_login_path():
    """`snetconf server enable` with the `netconf` view's `protocol inbound ssh port 830`
    (a real CE12800 V200R005C10 export): NETCONF over SSH answers on tcp/830 — a login path
    no vty ACL restricts.  Before, the three lines were unrecognized and tcp/830 missing
    from what reaches the switch (a false "blocked" of that port)."""
    glob = OFF + "\nstelnet server enable\nsnetconf server enable\nssh server-source all-interface"
    glob += "\n#\nnetconf\n protocol inbound ssh port 830\n#"
    dev, svc = services(glob, " acl 2000 inbound\n protocol inbound ssh")
    assert [(p.lo, p.hi) for p in svc["netconf"].ports] == [(830, 830)]
    assert svc["netconf"].acl is None and svc["netconf"].partial is None
    cells, _ = matrix([dev], ZONES)
    assert cells[("staff", "@devices")].services == ["icmp/8", "tcp/830"]  # the vty ACL does not apply
    # the SSH server's ACL: taken, partial (not established for NETCONF sessions)
    _dev, svc = services(glob + "\nssh server acl 2000", " protocol inbound ssh")
    assert svc["netconf"].acl == "2000" and "2000" in str(svc["netconf"].partial)
    # no `snetconf server enable`: the release decides — partial; switched off: nothing
    _dev, svc = services(OFF + "\n#\nnetconf\n protocol inbound ssh port 830\n#")
    assert "snetconf server enable" in str(svc["netconf"].partial)
    _dev, svc = services(OFF + "\nundo snetconf server enable\n#\nnetconf\n protocol inbound ssh port 830\n#")
    assert "netconf" not in svc


def test_v600_web_manager_is_the_web_server():
    """V600 S-series (S5732-H V600R024, a real export) and CloudEngine S have no `http server`:
    the web UI is `web-manager enable port N` (HTTPS on N) and `web-manager http forward
    enable` answers tcp/80 with a redirect to HTTPS (CloudEngine S V600R022 command
    reference, "Web UI-based Login Configuration Commands").  Before, both lines were
    unrecognized: tcp/8443 was missing from what reaches the switch, and a partial http/https
    on 80/443 from the `http server` default gave a not-proven cleartext-HTTP finding."""
    glob = "undo telnet server enable\nstelnet server enable\nweb-manager enable port 8443\nweb-manager http forward enable"
    dev, svc = services(glob + "\nweb-manager timeout 10", " protocol inbound ssh")
    assert set(svc) == {"ssh", "https", "http-redirect", "icmp-echo"}
    assert [(p.lo, p.hi) for p in svc["https"].ports] == [(8443, 8443)] and svc["https"].partial is None
    assert not svc["https"].insecure and not svc["http-redirect"].insecure
    assert [(p.lo, p.hi) for p in svc["http-redirect"].ports] == [(80, 80)]
    cells, _ = matrix([dev], ZONES)
    assert cells[("mgmt", "@devices")].services == ["icmp/8", "tcp/22", "tcp/80", "tcp/8443"]
    # no port named: 443 or 8443 by release, never one of them for certain
    _dev, svc = services("undo telnet server enable\nweb-manager enable")
    assert [(p.lo, p.hi) for p in svc["https"].ports] == [(443, 443), (8443, 8443)]
    assert "443 or 8443" in str(svc["https"].partial) and "http-redirect" not in svc and "http" not in svc
    # switched off: nothing listens
    _dev, svc = services("undo telnet server enable\nundo web-manager enable\nweb-manager http forward enable")
    assert "https" not in svc and "http-redirect" not in svc and "http" not in svc


def test_local_users_and_vty_authentication():
    text = OFF + (
        "\naaa\n local-user admin password cipher %^%#x1Y2z3%^%#\n local-user admin service-type telnet ssh\n"
        " local-user ops password irreversible-cipher $1a$abc$def$"
    )
    dev, _ = services(text, " authentication-mode none")
    f = dev.facts
    assert [s.text for s in f.reversible_passwords] == ["local-user admin password cipher %^%#x1Y2z3%^%#"]
    assert [s.text for s in f.telnet_users] == ["local-user admin service-type telnet ssh"]
    assert [s.text for s in f.vty_no_auth] == ["authentication-mode none"]
    assert {"%^%#x1Y2z3%^%#", "$1a$abc$def$"} <= dev.secrets


def test_a_global_dhcp_pool_names_the_segment_it_serves(tmp_path):
    """``ip pool khach`` with ``gateway-list 10.0.10.1`` (or its ``network``) serves the
    Vlanif10 segment: the pool's name is that segment's (``Interface.segment_names``), so
    ``netaudit init`` drafts the guest zone there — the pool's other lines stay ignored."""
    pools = """\
dhcp enable
#
ip pool khach
 gateway-list 10.0.10.1
 network 10.0.10.0 mask 255.255.255.0
 dns-list 8.8.8.8
 lease day 0 hour 8
#
ip pool quantri
 network 10.0.99.0 mask 255.255.255.0
#
ip pool xa
 gateway-list 192.0.2.1
"""
    dev, rep = parse_one(huawei_vrp, BASE.format(**{"global": pools, "vty": " authentication-mode aaa"}), "sw.cfg")
    names = {i.name: i.segment_names for i in dev.interfaces.values()}
    assert names == {"Vlanif10": ["khach"], "Vlanif99": ["quantri"]}
    assert rep.unrecognized == []
    from netaudit import topology, zones

    site = zones.infer_site([dev], topology.build([dev]))
    assert {z.kind: z.subnets for z in site.zones}.get("guest") == [IPNetwork("10.0.10.0/24")]
