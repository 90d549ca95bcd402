"""The management plane and the facts the RouterOS checks read (:mod:`~netaudit.parsers.mikrotik_routeros.services`)."""

from __future__ import annotations

from netaudit.model import Action, PortRange
from netaudit.reach import BLOCKED

from .helpers import GUEST, NET, STAFF, V6, V7, ip, matrix, office, parse, svc


def test_ip_service_defaults_v6_v7():
    for header in (V6, V7):
        dev, _ = parse("/system identity\nset name=R\n", header=header)
        on = {s.name: (s.ports[0].lo if s.ports else None) for s in dev.services if s.enabled}
        assert on == {
            "telnet": 23,
            "ftp": 21,
            "http": 80,
            "ssh": 22,
            "api": 8728,
            "api-ssl": 8729,
            "winbox": 8291,
            "btest": 2000,
            "icmp-echo": None,
        }
        assert not svc(dev, "https").enabled
        assert svc(dev, "telnet").insecure and svc(dev, "api").insecure and not svc(dev, "winbox").insecure


def test_ip_service_address_port_and_disable():
    dev, _ = parse("""
    /ip service
    set telnet disabled=yes
    set ssh address=10.10.99.0/24,2001:db8::/32 port=2222
    set winbox address=10.10.99.5/32,10.10.98.0/24
    set www-ssl certificate=web disabled=no
    """)
    assert not svc(dev, "telnet").enabled
    ssh = svc(dev, "ssh")
    assert ssh.ports == (PortRange(2222, 2222),) and ssh.acl == "ip-service-ssh"
    acl = dev.filters["ip-service-ssh"]
    assert acl.default_action == Action.DENY and acl.lines[0].matches[0].src[0].value == ip("10.10.99.0")
    assert len(dev.filters["ip-service-winbox"].lines) == 2
    assert svc(dev, "https").enabled
    assert dev.facts.ip_services["ssh"].source.line == 4


def test_other_control_plane_services():
    dev, _ = parse("""
    /ip dns
    set allow-remote-requests=yes
    /ip dhcp-server
    add interface=v10 name=d1
    add interface=v40 name=d2 disabled=yes
    /snmp
    set enabled=yes
    /snmp community
    set [ find default=yes ] addresses=10.10.99.10/32 name=s3cretComm
    /tool bandwidth-server
    set enabled=no
    /ip proxy
    set enabled=yes port=3128
    """)
    assert svc(dev, "dns", 17) and svc(dev, "dns", 6)
    assert svc(dev, "dhcp").interfaces == frozenset({"v10"})
    snmp = svc(dev, "snmp")
    assert snmp.acl == "snmp-community" and "s3cretComm" in dev.secrets
    assert svc(dev, "btest") is None
    assert svc(dev, "proxy").ports == (PortRange(3128, 3128),)
    assert svc(dev, "icmp-echo").icmp_type == 8


def test_default_snmp_community_selected_with_true_is_the_default_one():
    """``/snmp community set [ find default=true ] …`` (RouterOS 7.10–7.12 booleans, a
    real 7.11.2 export) renames and restricts the built-in ``public`` community, as
    ``default=yes`` does: not a second, unrestricted one."""
    lines = """
    /snmp
    set enabled=true
    /snmp community
    set [ find default=%s ] addresses=10.10.99.10/32 name=s3cretComm
    """
    dev_yes, _ = parse(lines % "yes")
    dev_true, rep = parse(lines % "true", header="# 2025-04-25 12:32:58 by RouterOS 7.11.2\n")
    assert rep.unrecognized == []
    assert dev_true.filters["snmp-community"] == dev_yes.filters["snmp-community"]
    assert dev_true.facts.snmp_default_community is dev_yes.facts.snmp_default_community is False


def test_socks_access_list_decides_who_can_use_the_proxy():
    """``/ip socks access`` (read, no longer unrecognized): first match per request,
    unmatched requests allowed.  Only staff may use the SOCKS server here, so guest does
    not reach tcp/1080 on the router; the account's password is a secret."""
    dev, rep = office("""
    /ip socks
    set enabled=yes version=5
    /ip socks access
    add action=deny dst-port=25 comment="no spam relay"
    add src-address=10.0.10.0/24
    add action=deny
    /ip socks users
    add name=proxy password=Pr0xyS3cret
    """)
    assert rep.unrecognized == [] and rep.partially_understood == []
    socks = svc(dev, "socks")
    assert socks.ports == (PortRange(1080, 1080),) and socks.acl == "socks-access"
    lines = dev.filters["socks-access"].lines
    assert [(ln.action, ln.source.text) for ln in lines] == [
        (Action.PERMIT, "add src-address=10.0.10.0/24"),
        (Action.DENY, "add action=deny"),
    ]
    assert "Pr0xyS3cret" in dev.secrets
    assert socks.relay
    cells = matrix([dev], [GUEST, STAFF])
    assert "tcp/1080" in cells[("staff", "@devices")].services
    assert "tcp/1080" not in cells[("guest", "@devices")].services


def test_a_proxy_on_the_router_relays_past_the_forward_chain():
    """A guest admitted by the SOCKS server (no access rule: every client) or the web
    proxy asks it for a staff host: the router opens that connection itself (output
    chain), so the forward drop guest -> staff proves nothing — unknown, naming the
    proxy (docs/semantics.md, "Proxies on a device").  Without a proxy it is blocked."""
    drop = """
    /ip firewall filter
    add action=drop chain=forward in-interface=v40 out-interface=v10
    """
    dev, _ = office(drop)
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == "blocked"
    for menu in ("/ip socks\nset enabled=yes", "/ip proxy\nset enabled=yes port=3128"):
        dev, _ = office(drop + menu)
        cell = matrix([dev], [GUEST, STAFF])[("guest", "staff")]
        assert cell.verdict == "unknown" and "proxy opens connections" in cell.reason, cell


def test_web_proxy_access_rules_say_where_it_connects():
    """``/ip proxy access`` read like a chain, first match, no match allowed
    (Manual:IP/Proxy, "Access List"): the classic "deny dst-address=10.0.0.0/8" keeps
    the proxy off the LAN, so the forward drop guest -> staff is proof again (blocked);
    allowing one staff host makes that host's cell unknown, naming the proxy.  A rule on
    the request (``dst-host``) is partial and never proves a denial; a rule for another
    ``local-port`` matches nothing (``MgmtService.relay_to``)."""
    drop = """
    /ip firewall filter
    add action=drop chain=forward in-interface=v40 out-interface=v10
    /ip proxy
    set enabled=yes port=3128
    """
    lan_denied = drop + "/ip proxy access\nadd action=deny dst-address=10.0.0.0/8\n"
    dev, rep = office(lan_denied)
    proxy = svc(dev, "proxy")
    assert proxy.relay and proxy.relay_to == "proxy-access" and rep.unrecognized == []
    [line] = dev.filters["proxy-access"].lines
    assert line.action == Action.DENY and line.name == "proxy-access 0" and line.partial is None
    cells = matrix([dev], [GUEST, STAFF, NET])
    assert cells[("guest", "staff")].verdict == BLOCKED
    assert cells[("guest", "internet")].verdict == "reachable"
    one_host = drop + "/ip proxy access\nadd dst-address=10.0.10.5\nadd action=deny dst-address=10.0.0.0/8\n"
    cell = matrix([office(one_host)[0]], [GUEST, STAFF])[("guest", "staff")]
    assert cell.verdict == "unknown" and "proxy opens connections" in cell.reason, cell
    assert "where proxy-access let it" in str(cell.reason)
    by_name = drop + "/ip proxy access\nadd action=deny dst-host=*.lan\nadd action=deny dst-port=!80\n"
    dev, rep = office(by_name)
    by_host, by_port = dev.filters["proxy-access"].lines
    assert by_host.partial and "dst-host=*.lan" in by_host.partial and by_port.partial is None
    assert [p["construct"] for p in rep.partially_understood] == ["/ip proxy access"]
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == "unknown"  # http to staff: maybe
    other_port = drop + "/ip proxy access\nadd action=allow local-port=8080\nadd action=deny dst-address=10.0.0.0/8\n"
    dev, _ = office(other_port)
    assert len(dev.filters["proxy-access"].lines) == 1
    assert matrix([dev], [GUEST, STAFF])[("guest", "staff")].verdict == BLOCKED


def test_web_proxy_access_that_leaves_where_it_connects_open():
    """A parent proxy (the router connects to it instead), a v7 ``action=redirect`` (a
    reverse proxy to ``action-data``), or no rule: anywhere — guest -> staff unknown."""
    base = """
    /ip firewall filter
    add action=drop chain=forward in-interface=v40 out-interface=v10
    /ip proxy
    set enabled=yes port=3128{parent}
    /ip proxy access
    {first}add action=deny dst-address=10.0.0.0/8
    """
    for parent, first in (
        (" parent-proxy=10.0.10.9", ""),
        ("", "add action=redirect action-data=10.0.10.5:3000 dst-host=grafana\n    "),
    ):
        dev, rep = office(base.format(parent=parent, first=first))
        assert svc(dev, "proxy").relay_to is None and rep.unrecognized == []
        cell = matrix([dev], [GUEST, STAFF])[("guest", "staff")]
        assert cell.verdict == "unknown" and "proxy opens connections" in cell.reason, cell


def test_socks_access_deny_on_a_target_refuses_no_client():
    """A deny on a target (``dst-port=25``) leaves the client every other target: no
    line; ``!`` on the client address is the complement; two target denials before an
    allow may together leave nothing — that allow is partial."""
    dev, _ = parse("""
    /ip socks
    set enabled=yes port=3629
    /ip socks access
    add action=deny src-address=!5.96.0.0/12
    add action=deny dst-port=25
    add action=deny dst-address=10.0.0.0/8
    add action=allow dst-port=80,443
    add action=deny dst-address=!0.0.0.0/0
    """)
    deny_others, web = dev.filters["socks-access"].lines
    assert deny_others.action == Action.DENY and deny_others.matches[0].src_negate
    assert deny_others.matches[0].src[0].value == ip("5.96.0.0") and deny_others.partial is None
    assert web.action == Action.PERMIT and "may leave these clients none" in web.partial
    assert svc(dev, "socks").ports == (PortRange(3629, 3629),)


def test_snmp_default_public_community_is_unrestricted_and_not_a_secret():
    dev, _ = parse("/snmp\nset enabled=yes\n")
    assert svc(dev, "snmp").acl is None
    assert "public" not in dev.secrets and dev.facts.snmp_default_community


def test_v6_dhcp_server_add_defaults_to_disabled():
    dev, _ = parse("/ip dhcp-server\nadd interface=bridge name=d\n", header=V6)
    assert svc(dev, "dhcp") is None
    dev, _ = parse("/ip dhcp-server\nadd disabled=no interface=bridge name=d\n", header=V6)
    assert svc(dev, "dhcp") is not None


def test_v7_openvpn_server_add_entry_runs_only_with_disabled_no():
    # found on a real RouterOS 7.17 export (RB4011): `add mac-address=… name=ovpn-server1`
    # — the upgrade's copy of the old, off-by-default server, in nearly every 7.17+
    # export — was read as a running server: tcp/1194 open on the WAN in the matrix
    off = "/interface ovpn-server server\nadd mac-address=FE:83:64:B3:2A:49 name=ovpn-server1\n"
    dev, _ = office(off)
    assert svc(dev, "ovpn") is None
    assert "tcp/1194" not in matrix([dev], [NET])[("internet", "@devices")].services
    on = off.replace("add mac", "add certificate=srv disabled=no port=1195 protocol=udp mac")
    dev, _ = office(on)
    assert (svc(dev, "ovpn").protocol, svc(dev, "ovpn").ports) == (17, (PortRange(1195, 1195),))
    # the v7.16 (and v6) single server: `set enabled=yes`
    dev, _ = office("/interface ovpn-server server\nset enabled=yes\n")
    assert svc(dev, "ovpn").ports == (PortRange(1194, 1194),)


def test_routers_own_addresses_are_reached_through_the_input_chain():
    dev, _ = office("""
    /ip service
    set telnet disabled=yes
    set ftp disabled=yes
    set www disabled=yes
    set api disabled=yes
    set api-ssl disabled=yes
    /ip firewall filter
    add action=accept chain=input in-interface-list=LAN protocol=tcp dst-port=8291
    add action=drop chain=input
    """)
    m = matrix([dev], [GUEST, STAFF, NET])
    # v40 is in LAN: winbox on every router address (10.0.10.1, 192.0.2.2 too)
    assert m[("guest", "@devices")].services == ["tcp/8291"]
    assert m[("internet", "@devices")].verdict == BLOCKED
    w = m[("guest", "@devices")].witness.to_json()
    assert w["hops"][0]["to"] == "control plane (winbox)"


def test_discovery_and_mac_server_facts():
    dev, _ = parse("""
    /interface list
    add name=MGMT
    /interface list member
    add interface=ether9 list=MGMT
    /ip neighbor discovery-settings
    set discover-interface-list=MGMT
    /tool mac-server mac-winbox
    set allowed-interface-list=MGMT
    """)
    assert dev.facts.neighbor_discovery.interfaces == ["ether9"]
    assert dev.facts.mac_server["mac-winbox"][0].interface_list == "MGMT"
    assert dev.facts.mac_server["mac-telnet"][0].interface_list == "all"  # default


def test_user_manager_is_a_radius_server_and_its_database_is_understood():
    # Found on real RouterOS 7.16-7.19 exports: the /user-manager menus were unrecognized
    # (14 of 38 lines of one: the whole device was taken as not understood), and the
    # RADIUS server User Manager runs, with /radius incoming's CoA port, was no service.
    text = """
    /user-manager limitation
    add name="100 GB" rate-limit-rx=10000000B rate-limit-tx=10000000B
    /user-manager profile
    add name=ve-ngay name-for-users=ve-ngay validity=1d
    /user-manager user
    add name=khach01 password=Kh4chPw77 otp-secret=OtpT0ken99 shared-users=2
    /user-manager router
    add address=127.0.0.1 name=local shared-secret=UmR4diusSecret
    /user-manager advanced
    set web-private-password=PrivW3bPw web-private-username=quantri
    /user-manager profile-limitation
    add limitation="100 GB" profile=ve-ngay
    /user-manager user-profile
    add profile=ve-ngay user=khach01
    /user-manager
    set certificate=*0 enabled=yes
    /radius incoming
    set accept=yes
    /ip firewall filter
    add action=accept chain=input in-interface-list=LAN protocol=udp dst-port=1812,1813
    add action=drop chain=input in-interface-list=WAN
    """
    dev, rep = office(text)
    assert not rep.unrecognized
    radius = svc(dev, "radius")
    assert radius.protocol == 17 and radius.ports == (PortRange(1812, 1812), PortRange(1813, 1813))
    assert svc(dev, "radius-incoming").ports == (PortRange(3799, 3799),)
    assert {"Kh4chPw77", "OtpT0ken99", "UmR4diusSecret", "PrivW3bPw"} <= dev.secrets
    m = matrix([dev], [GUEST, STAFF, NET])
    assert any(s.startswith("udp/1812") for s in m[("staff", "@devices")].services), m[("staff", "@devices")].services
    assert m[("internet", "@devices")].verdict == BLOCKED


def test_user_manager_off_and_own_ports():
    dev, _ = parse("""
    /user-manager
    set authentication-port=11812 accounting-port=11813 enabled=yes
    /radius incoming
    set accept=yes port=13799
    """)
    assert svc(dev, "radius").ports == (PortRange(11812, 11812), PortRange(11813, 11813))
    assert svc(dev, "radius-incoming").ports == (PortRange(13799, 13799),)
    dev, rep = parse("/user-manager\nset certificate=*0\n/radius incoming\nset accept=no\n")
    assert svc(dev, "radius") is None and svc(dev, "radius-incoming") is None and not rep.unrecognized
