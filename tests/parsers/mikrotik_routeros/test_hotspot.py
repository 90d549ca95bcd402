"""HotSpot: the dynamic rules RouterOS installs for a server, and the portal's services
(:mod:`~netaudit.parsers.mikrotik_routeros.hotspot`; docs/vendors/mikrotik_routeros.md,
"HotSpot").

The office of :mod:`.helpers`: staff on v10 (10.0.10.0/24), guest on v40 (10.0.40.0/24,
the HotSpot), the Internet on ether1."""

from __future__ import annotations

from helpers import analyse

from netaudit.headerspace import service_match
from netaudit.model import PROTO_TCP, PROTO_UDP, Action
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .helpers import GUEST, NET, STAFF, V6, V7, ip, office, parse, svc

HOTSPOT = """
/ip hotspot profile
add hotspot-address=10.0.40.1 login-by=http-chap,trial name=hsprof1
/ip hotspot
add address-pool=hs-pool interface=v40 name=hotspot1 profile=hsprof1
"""
# The user's chains: the router answers nothing but what the portal installs; the guest
# goes to the Internet only, staff anywhere.
CLOSED = """
/ip firewall filter
add action=accept chain=input connection-state=established,related
add action=drop chain=input
add action=accept chain=forward connection-state=established,related
add action=drop chain=forward in-interface=v40 out-interface-list=!WAN
add action=accept chain=forward
"""
OPEN = """
/ip firewall filter
add action=accept chain=forward
"""
ZONES = [STAFF, GUEST, NET]


def cells(text: str, header: str = V7):
    """``(cells, device, report)``; each cell knows its engine's header space (``.hs``)."""
    dev, rep = office(text, header=header)
    a = analyse([dev], ZONES)
    for c in a.cells.values():
        c.hs = a.engine.hs
    return a.cells, dev, rep


def services(cell) -> set[str]:
    return set(cell.services)


def surely(cell, service: str) -> bool:
    """Some packet of ``service`` is surely delivered (not only maybe)."""
    hs = cell.hs
    return cell.delivered is not None and hs.meets(cell.delivered, hs.match(service_match(service)))


# --------------------------------------------------------------------------- the portal on the router


def test_portal_ports_accepted_from_the_hotspot_before_the_users_input_drop():
    m, dev, rep = cells(HOTSPOT + CLOSED)
    guest = m[("guest", "@devices")]
    assert guest.verdict == REACHABLE
    assert services(guest) == {"tcp/64872-64875", "udp/64872"}
    # counted with DNS and DHCP: no excess over the reference policy
    assert guest.portal_only is not None and not guest.violation
    # the TCP ones are closed from every other interface (hotspot=!from-client)
    assert m[("staff", "@devices")].verdict == BLOCKED
    assert not rep.unrecognized
    first = dev.filters["input"].lines[0]
    assert "interface=v40 name=hotspot1" in first.source.text and first.action == Action.PERMIT


def test_portal_services_are_relays_and_gateway_services_by_name():
    dev, _ = office(HOTSPOT)
    assert svc(dev, "hotspot-dns", PROTO_UDP).ports[0].lo == 64872
    assert svc(dev, "hotspot-dns", PROTO_TCP).ports[0].lo == 64872
    assert svc(dev, "hotspot-http").ports[0].lo == 64873
    proxy = svc(dev, "hotspot-proxy")
    assert proxy.ports[0].lo == 64874 and proxy.relay
    assert svc(dev, "hotspot-https").ports[0].lo == 64875
    assert not svc(dev, "hotspot-http").relay


def test_without_hotspot_nothing_is_installed():
    dev, _ = office(CLOSED)
    assert svc(dev, "hotspot-proxy") is None
    assert all(r.name != "hotspot-dns" for r in dev.services)
    assert not any(i.partial for i in dev.interfaces.values())


def test_dns_of_a_hotspot_client_goes_to_the_portal_whatever_its_destination():
    m, dev, _ = cells(HOTSPOT + OPEN)
    # udp/53 and tcp/53 to a staff host are redirected to the router (exact: every client)
    assert not surely(m[("guest", "staff")], "udp/53")
    assert not surely(m[("guest", "staff")], "tcp/53")
    assert surely(m[("staff", "guest")], "udp/53")  # the other way: not a client's packet
    dns = [r for r in dev.nat_rules if r.to_port == 64872]
    assert dns and all(r.partial is None for r in dns) and {r.to_ip for r in dns} == {ip("10.0.40.1")}


def test_web_requests_to_the_router_go_to_the_login_page():
    # www listens (the v7 default) and the input chain accepts everything: from the guest
    # tcp/80 and tcp/443 of the router's own addresses are the portal's, from staff the router's
    m, _, _ = cells(HOTSPOT + "/ip service\nset www-ssl disabled=no\n")
    assert "tcp/80" not in services(m[("guest", "@devices")])
    assert "tcp/443" not in services(m[("guest", "@devices")])
    assert {"tcp/80", "tcp/443"} <= services(m[("staff", "@devices")])


def test_web_requests_elsewhere_depend_on_the_login_state():
    m, dev, _ = cells(HOTSPOT + OPEN)
    cell = m[("guest", "staff")]
    assert cell.verdict == REACHABLE
    # to the portal's proxy or on unchanged: each maybe, never surely
    assert not surely(cell, "tcp/80") and surely(cell, "tcp/22")
    web = [r for r in dev.nat_rules if r.to_port == 64874]
    assert web and all("login state" in (r.partial or "") for r in web)


def test_the_portal_proxy_makes_a_forward_drop_unknown_never_blocked():
    m, _, _ = cells(HOTSPOT + CLOSED)
    cell = m[("guest", "staff")]
    assert cell.verdict == UNKNOWN and "hotspot-proxy" in str(cell.reason)
    assert m[("guest", "internet")].verdict == REACHABLE


def test_a_pre_hs_input_drop_of_the_proxy_keeps_the_forward_drop_proven():
    text = HOTSPOT + CLOSED + "add action=drop chain=pre-hs-input protocol=tcp dst-port=64874\n"
    m, _, rep = cells(text)
    assert "tcp/64874" not in ",".join(m[("guest", "@devices")].services)
    assert m[("guest", "staff")].verdict == BLOCKED
    assert not [r for r in rep.unrecognized]


def test_the_users_forward_chain_decides_for_logged_in_clients_and_toward_them():
    m, _, _ = cells(HOTSPOT + OPEN)
    assert m[("guest", "staff")].verdict == REACHABLE
    assert m[("staff", "guest")].verdict == REACHABLE
    m, _, _ = cells(HOTSPOT + CLOSED + "add action=drop chain=forward out-interface=v40 place-before=0\n")
    assert m[("staff", "guest")].verdict == REACHABLE  # the rule comes after accept-all
    closed = CLOSED.replace("add action=accept chain=forward\n", "add action=drop chain=forward out-interface=v40\n")
    m, _, _ = cells(HOTSPOT + closed)
    assert m[("staff", "guest")].verdict == BLOCKED


# --------------------------------------------------------------------------- which servers run


def test_v6_server_runs_with_disabled_no_only_and_v7_by_default():
    _, rep = office(HOTSPOT, header=V6)
    v6, _ = office(HOTSPOT, header=V6)
    assert v6.interfaces["v40"].partial and "whether it runs" in v6.interfaces["v40"].partial
    assert svc(v6, "hotspot-proxy") is None
    v6on, _ = office(HOTSPOT.replace("name=hotspot1", "disabled=no name=hotspot1"), header=V6)
    assert not v6on.interfaces["v40"].partial and svc(v6on, "hotspot-proxy").relay
    v7, _ = office(HOTSPOT, header=V7)
    assert not v7.interfaces["v40"].partial and svc(v7, "hotspot-proxy")
    off, rep = office(HOTSPOT.replace("name=hotspot1", "disabled=yes name=hotspot1"))
    assert not off.interfaces["v40"].partial and svc(off, "hotspot-proxy") is None and not rep.unrecognized


def test_server_on_a_bridge_port_or_unknown_interface_stays_partial():
    dev, _ = office(HOTSPOT.replace("interface=v40", "interface=ether3"))
    assert "routes no address" in (dev.interfaces["v10"].partial or "") + (dev.interfaces["v40"].partial or "")
    assert svc(dev, "hotspot-proxy") is None


# --------------------------------------------------------------------------- IP bindings


def test_blocked_address_is_dropped_in_forward_and_input_mac_alone_changes_nothing():
    text = HOTSPOT + OPEN + "/ip hotspot ip-binding\nadd address=10.0.40.66 type=blocked\n"
    text += "add mac-address=3C:52:82:1A:2B:3C type=blocked\n"
    dev, _ = office(text)
    for chain in ("forward", "input"):
        first = dev.filters[chain].lines[0]
        assert first.action == Action.DENY and first.partial is None
        assert first.matches[0].src[0].value == ip("10.0.40.66")
    assert len([ln for ln in dev.filters["forward"].lines if ln.action == Action.DENY]) == 1


def test_bypassed_address_may_skip_the_redirects_others_take_them_exactly():
    text = HOTSPOT + OPEN + "/ip hotspot ip-binding\nadd address=10.0.40.200 type=bypassed\n"
    dev, _ = office(text)
    exempt = [r for r in dev.nat_rules if r.partial and "bypassed" in r.partial]
    assert exempt and all(r.to_ip is None and r.match.src[0].value == ip("10.0.40.200") for r in exempt)
    assert [r for r in dev.nat_rules if r.to_port == 64872 and r.partial is None]
    m = analyse([dev], ZONES).cells
    assert m[("guest", "staff")].verdict == REACHABLE and m[("internet", "staff")].verdict == REACHABLE


def test_bypassed_mac_leaves_every_other_cell_exact():
    # defconf: drop from WAN what no dst-nat rule took; an uncertain *whether* of the
    # portal's rules leaves the DNAT image exact (the Internet's cells stay proven)
    defconf = CLOSED.replace(
        "add action=drop chain=forward in-interface=v40",
        "add action=drop chain=forward connection-state=invalid\n"
        "add action=drop chain=forward connection-nat-state=!dstnat connection-state=new in-interface-list=WAN\n"
        "add action=drop chain=forward in-interface=v40",
    )
    text = HOTSPOT + defconf + "/ip hotspot ip-binding\nadd mac-address=3C:52:82:1A:2B:3C type=bypassed\n"
    m, _, _ = cells(text)
    assert m[("guest", "internet")].verdict == REACHABLE
    assert m[("guest", "@devices")].verdict == REACHABLE
    assert m[("internet", "staff")].verdict == BLOCKED
    assert m[("internet", "guest")].verdict == BLOCKED


def test_one_to_one_binding_is_not_modelled():
    dev, _ = office(HOTSPOT + "/ip hotspot ip-binding\nadd address=10.0.40.9 to-address=10.0.40.90\n")
    assert "to-address" in (dev.interfaces["v40"].partial or "")


# --------------------------------------------------------------------------- profiles


def test_user_profile_address_list_is_filled_at_run_time():
    text = HOTSPOT + "/ip hotspot user profile\nadd address-list=da-dang-nhap name=khach transparent-proxy=yes\n"
    text += OPEN.replace(
        "add action=accept chain=forward\n", "add action=accept chain=forward src-address-list=da-dang-nhap\n"
    )
    text += "/ip firewall address-list\nadd address=10.0.40.5 list=da-dang-nhap\n"
    dev, _ = office(text)
    (line,) = dev.filters["forward"].lines
    assert line.partial and "da-dang-nhap" in line.partial


def test_user_profile_chain_that_may_accept_is_partial_drop_only_is_not():
    base = HOTSPOT + "/ip hotspot user profile\nadd incoming-filter=vip name=vip\n"
    dev, _ = office(base + "/ip firewall filter\nadd action=accept chain=vip\n")
    assert "incoming-filter" in (dev.interfaces["v40"].partial or "")
    dev, _ = office(base + "/ip firewall filter\nadd action=drop chain=vip dst-port=25 protocol=tcp\n")
    assert not dev.interfaces["v40"].partial


def test_profile_smtp_server_takes_every_clients_mail():
    text = HOTSPOT.replace("name=hsprof1", "name=hsprof1 smtp-server=10.0.10.25")
    dev, _ = office(text)
    (smtp,) = [r for r in dev.nat_rules if r.to_port == 25]
    assert smtp.to_ip == ip("10.0.10.25") and smtp.partial is None and smtp.in_ifaces == frozenset({"v40"})


def test_walled_garden_and_users_are_read_and_change_nothing():
    extra = """
    /ip hotspot user
    set [ find default=yes ] comment="counters and limits for trial users" disabled=no name=default-trial
    add name=khach password=Khach@2026
    /ip hotspot walled-garden
    add comment="place hotspot rules here" disabled=yes
    add dst-host=*.dichvucong.gov.vn
    /ip hotspot walled-garden ip
    add action=accept dst-address=14.225.0.10
    /ip hotspot user profile
    set [ find default=yes ] shared-users=10
    """
    plain, _ = office(HOTSPOT + CLOSED)
    dev, rep = office(HOTSPOT + CLOSED + extra)
    assert not rep.unrecognized
    assert [(ln.action, ln.matches) for ln in dev.filters["forward"].lines] == [
        (ln.action, ln.matches) for ln in plain.filters["forward"].lines
    ]
    assert [(r.match, r.to_ip, r.to_port) for r in dev.nat_rules] == [
        (r.match, r.to_ip, r.to_port) for r in plain.nat_rules
    ]
    assert "Khach@2026" in dev.secrets


def test_undefined_server_profile_is_a_reference():
    dev, _ = parse(
        "/ip hotspot\nadd interface=ether2 name=hs profile=khong-co\n/ip address\nadd address=10.9.0.1/24 interface=ether2\n"
    )
    assert any(r.kind == "hotspot profile" and r.name == "khong-co" and not r.defined for r in dev.references)


def test_a_hotspot_server_names_its_segment_for_init():
    # Found on a real RouterOS 7 export of an ISP-managed CPE: the HotSpot on vlan10_CP
    # (DHCP server "dhcp-captive-portal", pool "pool_portal") drafted no zone at all.
    from netaudit import topology, zones

    dev, _ = parse("""
    /interface vlan
    add interface=ether2 name=vlan10_CP vlan-id=10
    add interface=ether2 name=vlan30_Private vlan-id=30
    /ip pool
    add name=pool_portal ranges=192.168.150.5-192.168.151.254
    /ip dhcp-server
    add address-pool=pool_portal interface=vlan10_CP name=dhcp-captive-portal
    /ip hotspot
    add address-pool=pool_portal disabled=no interface=vlan10_CP name=hotspot1 profile=default
    /ip address
    add address=192.168.150.1/23 interface=vlan10_CP
    add address=192.168.160.1/24 interface=vlan30_Private
    """)
    assert "hotspot1" in dev.interfaces["vlan10_CP"].segment_names
    site = zones.infer_site([dev], topology.build([dev]))
    guest = [z for z in site.zones if z.kind == "guest"]
    assert len(guest) == 1 and str(guest[0].subnets[0]) == "192.168.150.0/23"
