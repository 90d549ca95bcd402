"""FortiOS explicit web and FTP proxies as relay services (netaudit.parsers.fortinet_fortios.proxy).

A proxy on the FortiGate opens connections itself for the clients its proxy policies
accept: a firewall policy that denies guest → staff proves nothing while guests may use
it (docs/semantics.md, "Proxies on a device"; docs/vendors/fortinet_fortios.md,
"Explicit proxies")."""

from __future__ import annotations

from pathlib import Path

import pytest

from netaudit.audit import run_audit
from netaudit.model import PortRange
from netaudit.reach import BLOCKED, REACHABLE, UNKNOWN

from .helpers import FIXTURES, ZONES, analyse, cfg, dev_of, policies, policy

FORWARD_LAN = policy(1, '"lan"', '"wan1"', srcaddr='"LAN"', extra="        set nat enable\n")
FORWARD = policies(
    FORWARD_LAN,
    policy(2, '"guest"', '"wan1"', srcaddr='"GUEST"', extra="        set nat enable\n"),
)


def web_proxy(settings: str = "    set status enable\n") -> str:
    return "config web-proxy explicit\n" + settings + "end\n"


def proxy_policy(
    pid: int,
    srcaddr: str,
    kind: str = "explicit-web",
    action: str = "accept",
    extra: str = "",
    dstintf: str = '"wan1"',
    dstaddr: str = '"all"',
) -> str:
    return f"""    edit {pid}
        set proxy {kind}
        set dstintf {dstintf}
        set srcaddr {srcaddr}
        set dstaddr {dstaddr}
        set service "webproxy"
        set action {action}
        set schedule "always"
{extra}    next
"""


def proxy_policies(*items: str, section: str = "firewall proxy-policy") -> str:
    return f"config {section}\n" + "".join(items) + "end\n"


def office(*sections: str, on: tuple[str, ...] = ("guest",), setting: str = "explicit-web-proxy", forward=FORWARD):
    """The helpers' office with ``setting enable`` on the interfaces ``on``."""
    text = cfg(forward, *sections)
    for ifn in on:
        anchor = f'    edit "{ifn}"\n        set vdom "root"\n'
        text = text.replace(anchor, anchor + f"        set {setting} enable\n", 1)
    return text


def services(dev, name: str):
    return [s for s in dev.services if s.name == name]


def test_a_proxy_open_to_guests_relays_guest_to_staff_past_the_firewall_policies():
    """Guests admitted by the explicit web proxy on their interface, a policy letting it
    connect out of lan (or of any interface): guest → staff is unknown, naming the proxy;
    without the proxy (section absent, status disable, or not enabled on the interface)
    the firewall policies' implicit deny proves it blocked."""
    _, cells = analyse(cfg(FORWARD))
    assert cells[("guest", "staff")].verdict == BLOCKED
    for text in (
        office(web_proxy(), proxy_policies(proxy_policy(1, '"all"', dstintf='"any"'))),
        office(web_proxy(), proxy_policies(proxy_policy(1, '"GUEST"', dstintf='"wan1" "lan"'))),
    ):
        res, cells = analyse(text)
        assert res.report.unrecognized == [] and res.report.partially_understood == []
        cell = cells[("guest", "staff")]
        assert cell.verdict == UNKNOWN and "explicit-web proxy opens connections" in cell.reason, cell
        assert "tcp/8080" in cells[("guest", "@devices")].services
    for text in (
        office(web_proxy("    set status disable\n"), proxy_policies(proxy_policy(1, '"all"', dstintf='"any"'))),
        office(proxy_policies(proxy_policy(1, '"all"', dstintf='"any"'))),  # no web-proxy section: status disable
        office(web_proxy(), proxy_policies(proxy_policy(1, '"all"', dstintf='"any"')), on=()),
    ):
        _, cells = analyse(text)
        assert cells[("guest", "staff")].verdict == BLOCKED
        assert "tcp/8080" not in cells[("guest", "@devices")].services


def test_the_proxy_connects_only_where_its_policies_let_it():
    """The usual web-filtering policy (dstintf wan1, dstaddr all): the FortiGate routes
    staff's and the servers' addresses out of lan and srv, so the proxy never connects
    there for the guests — guest → staff and → servers stay blocked, and what the guests
    may reach through it is the Internet's.  ``dstaddr`` narrows the same way; a name
    that does not resolve narrows nothing.  ``MgmtService.relay_to``."""
    dev, _ = dev_of(office(web_proxy(), proxy_policies(proxy_policy(1, '"GUEST"'))))
    relay = next(s for s in services(dev, "explicit-web") if s.relay)
    [line] = dev.filters[relay.relay_to].lines
    assert line.name == "proxy-policy 1" and line.matches[0].out_ifaces == frozenset({"wan1"})
    _, cells = analyse(office(web_proxy(), proxy_policies(proxy_policy(1, '"GUEST"'))))
    assert cells[("guest", "staff")].verdict == BLOCKED and cells[("guest", "servers")].verdict == BLOCKED
    assert cells[("guest", "internet")].verdict == REACHABLE
    # The FortiGate's own addresses are not routed out of an interface: the proxy may
    # still connect to them (any port, maybe), as before.
    assert "tcp" in cells[("guest", "@devices")].maybe_services
    by_dstaddr = proxy_policies(proxy_policy(1, '"GUEST"', dstintf='"any"', dstaddr='"SRV"'))
    _, cells = analyse(office(web_proxy(), by_dstaddr))
    assert cells[("guest", "staff")].verdict == BLOCKED
    reason = str(cells[("guest", "servers")].reason)
    assert cells[("guest", "servers")].verdict == UNKNOWN and "explicit-web proxy" in reason
    assert "where explicit-web targets (proxy-policy 1) let it" in reason  # the rules that say where
    negated = proxy_policy(1, '"GUEST"', dstintf='"any"', dstaddr='"SRV"', extra="        set dstaddr-negate enable\n")
    _, cells = analyse(office(web_proxy(), proxy_policies(negated)))
    assert cells[("guest", "staff")].verdict == UNKNOWN and cells[("guest", "servers")].verdict == BLOCKED
    unknown_name = proxy_policies(proxy_policy(1, '"GUEST"', dstintf='"any"', dstaddr='"NO-SUCH-ADDR"'))
    res, cells = analyse(office(web_proxy(), unknown_name))
    assert cells[("guest", "staff")].verdict == UNKNOWN
    assert any(r.name == "NO-SUCH-ADDR" for r in res.devices[0].references)


def test_a_policy_handing_sessions_to_another_server_lets_the_proxy_connect_anywhere():
    """``set action isolate`` (an isolator server) or ``set webproxy-forward-server`` (an
    upstream proxy): the FortiGate connects to that server, which may be inside — no
    narrowing, guest → staff unknown as before the destinations were read."""
    for extra, action in (
        ('        set webproxy-forward-server "UPSTREAM"\n', "accept"),
        ('        set isolator-server "ISO"\n', "isolate"),
    ):
        text = office(web_proxy(), proxy_policies(proxy_policy(1, '"GUEST"', action=action, extra=extra)))
        dev, _ = dev_of(text)
        assert next(s for s in services(dev, "explicit-web") if s.relay).relay_to is None
        _, cells = analyse(text)
        assert cells[("guest", "staff")].verdict == UNKNOWN, extra


def test_a_route_the_fortigate_may_learn_lets_the_proxy_connect_anywhere():
    """dstintf wan1; a branch network 10.9.0.0/16 behind a router on lan (a static
    route): the proxy never connects there for the guests.  When the FortiGate runs BGP
    and no routing state was loaded, a route it learns may take the branch's addresses
    out of wan1: the proxy's targets follow the routes as the engine does (any interface
    where the table is not all known, but a connected route's)."""
    branch = "config router static\n    edit 2\n        set dst 10.9.0.0 255.255.0.0\n" + (
        '        set gateway 10.0.10.254\n        set device "lan"\n    next\nend\n'
    )
    bgp = 'config router bgp\n    set as 65010\n    config neighbor\n        edit "10.0.10.254"\n' + (
        "            set remote-as 65000\n        next\n    end\nend\n"
    )
    zones = {**ZONES, "branch": {"kind": "internal", "subnets": ["10.9.0.0/16"], "attach": ["FGT:lan"]}}
    proxy = proxy_policies(proxy_policy(1, '"GUEST"'))
    staff_only = policies(FORWARD_LAN)  # no firewall policy for the guests: only the proxy
    _, cells = analyse(office(web_proxy(), proxy, branch, forward=staff_only), zones=zones)
    assert cells[("guest", "branch")].verdict == BLOCKED and cells[("guest", "staff")].verdict == BLOCKED
    dev, _ = dev_of(office(web_proxy(), proxy, branch, bgp, forward=staff_only))
    assert dev.dynamic_routing
    _, cells = analyse(office(web_proxy(), proxy, branch, bgp, forward=staff_only), zones=zones)
    cell = cells[("guest", "branch")]
    assert cell.verdict == UNKNOWN and "explicit-web proxy" in cell.reason, cell
    assert cells[("guest", "staff")].verdict == BLOCKED  # staff's addresses: a connected route


def test_proxy_policy_sources_restrict_the_relay_not_the_listening_port():
    """Only staff admitted (srcaddr LAN): the guests still reach tcp/8080 (the proxy
    answers them with its deny page) but are relayed nowhere: guest → staff blocked.
    ``srcaddr-negate`` admits everyone else, guests included."""
    dev, _ = dev_of(office(web_proxy(), proxy_policies(proxy_policy(1, '"LAN"'))))
    listener, relay = services(dev, "explicit-web")
    assert not listener.relay and relay.relay and relay.ports == (PortRange(8080, 8080),)
    [line] = dev.filters[relay.acl].lines
    assert line.name == "proxy-policy 1" and line.source.text == "edit 1"
    _, cells = analyse(office(web_proxy(), proxy_policies(proxy_policy(1, '"LAN"'))))
    assert cells[("guest", "staff")].verdict == BLOCKED
    assert cells[("guest", "@devices")].verdict == REACHABLE and "tcp/8080" in cells[("guest", "@devices")].services
    negated = proxy_policy(1, '"LAN"', extra="        set srcaddr-negate enable\n", dstintf='"any"')
    _, cells = analyse(office(web_proxy(), proxy_policies(negated)))
    assert cells[("guest", "staff")].verdict == UNKNOWN


def test_proxy_policy_srcintf_admits_the_clients_of_that_interface_only():
    """The proxy on both lan and guest, one policy for lan's sessions (``srcintf "lan"``,
    any source, any destination): a guest's session arrives on guest and no policy
    admits it — guest → staff blocked, the port still answers; staff may reach the
    guests through it (unknown)."""
    only_lan = proxy_policies(proxy_policy(1, '"all"', dstintf='"any"', extra='        set srcintf "lan"\n'))
    text = office(web_proxy(), only_lan, on=("guest", "lan"))
    dev, _ = dev_of(text)
    relay = next(s for s in services(dev, "explicit-web") if s.relay)
    assert {ln.matches[0].in_ifaces for ln in dev.filters[relay.acl].lines} == {frozenset({"lan"})}
    _, cells = analyse(text)
    assert cells[("guest", "staff")].verdict == BLOCKED
    assert "tcp/8080" in cells[("guest", "@devices")].services
    assert cells[("staff", "guest")].verdict == UNKNOWN


def test_deny_policies_and_disabled_policies_admit_nobody_and_default_accept_admits_all():
    deny_only = proxy_policies(
        proxy_policy(1, '"all"', action="deny"),
        proxy_policy(2, '"all"', extra="        set status disable\n"),
    )
    _, cells = analyse(office(web_proxy(), deny_only))
    assert cells[("guest", "staff")].verdict == BLOCKED
    accept_all = web_proxy("    set status enable\n    set sec-default-action accept\n")
    _, cells = analyse(office(accept_all, deny_only))
    assert cells[("guest", "staff")].verdict == UNKNOWN


def test_a_proxy_on_the_staff_interface_only_is_out_of_the_guests_reach():
    """Enabled on lan only, open to every source and destination: guests cannot reach
    lan's address (another interface's address is through traffic, and no policy lets
    guest → lan), so guest → staff stays blocked; staff, who reach it, may reach the
    guests (not with the policy out of wan1 only)."""
    anywhere = proxy_policies(proxy_policy(1, '"all"', dstintf='"any"'))
    _, cells = analyse(office(web_proxy(), anywhere, on=("lan",)))
    assert cells[("guest", "staff")].verdict == BLOCKED
    assert "tcp/8080" not in cells[("guest", "@devices")].services
    assert cells[("staff", "guest")].verdict == UNKNOWN
    _, cells = analyse(office(web_proxy(), proxy_policies(proxy_policy(1, '"all"')), on=("lan",)))
    assert cells[("staff", "guest")].verdict == BLOCKED


def test_ports_https_ftp_over_http_socks_and_pac():
    settings = """    set status enable
    set http-incoming-port 3128
    set https-incoming-port 3129
    set ftp-over-http enable
    set socks enable
    set socks-incoming-port 1080
    set pac-file-server-status enable
    set pac-file-server-port 8081
"""
    dev, rep = dev_of(office(web_proxy(settings), proxy_policies(proxy_policy(1, '"LAN"'))))
    assert rep.partially_understood == []
    web = services(dev, "explicit-web")
    assert {s.ports for s in web} == {(PortRange(3128, 3128), PortRange(3129, 3129))}
    [socks] = services(dev, "socks")  # which policies SOCKS sessions match: every client
    assert socks.relay and socks.ports == (PortRange(1080, 1080),) and "clients" not in socks.acl
    [pac] = services(dev, "web-proxy-pac")
    assert not pac.relay and pac.ports == (PortRange(8081, 8081),)
    # 0 (the default) = the HTTP ports: FTP over HTTP and the PAC file on 3128
    dev, _ = dev_of(office(web_proxy(settings.replace("set https-incoming-port 3129", "set https-incoming-port 0"))))
    assert {s.ports for s in services(dev, "explicit-web")} == {(PortRange(3128, 3128),)}


@pytest.mark.parametrize(
    ("setting", "why"),
    [
        ("set http-incoming-port 80a", "set http-incoming-port 80a not understood"),
        ("set status maybe", "set status maybe not understood"),
        ("set incoming-ip 10.0.50.1", "incoming-ip 10.0.50.1"),
    ],
)
def test_what_cannot_be_read_makes_the_proxy_partial_never_absent(setting, why):
    dev, rep = dev_of(
        office(web_proxy(f"    set status enable\n    {setting}\n"), proxy_policies(proxy_policy(1, '"all"')))
    )
    [svc] = services(dev, "explicit-web")
    assert svc.relay and why in svc.partial
    assert any(why in p["reason"] for p in rep.partially_understood)
    if "port" in setting:
        assert svc.ports == ()  # any TCP port


def test_explicit_ftp_proxy_on_its_own_interfaces_and_policies():
    ftp = "config ftp-proxy explicit\n    set status enable\nend\n"
    only_staff = proxy_policies(proxy_policy(1, '"LAN"', kind="ftp"), proxy_policy(2, '"all"'))
    dev, _ = dev_of(office(ftp, only_staff, setting="explicit-ftp-proxy"))
    assert not services(dev, "explicit-web")
    _listener, relay = services(dev, "explicit-ftp")
    assert relay.relay and relay.ports == (PortRange(21, 21),)
    _, cells = analyse(office(ftp, only_staff, setting="explicit-ftp-proxy"))
    assert cells[("guest", "staff")].verdict == BLOCKED
    anywhere = proxy_policies(proxy_policy(1, '"all"', kind="ftp", dstintf='"any"'))
    _, cells = analyse(office(ftp, anywhere, setting="explicit-ftp-proxy"))
    assert cells[("guest", "staff")].verdict == UNKNOWN


def test_fortios_52_explicit_proxy_policy_name_and_other_proxy_kinds():
    """5.2/5.4 ``explicit-proxy-policy`` with ``set proxy web`` admits as ``explicit-web``
    does; a transparent-web or wanopt policy is read and left as a coverage note."""
    text = office(
        web_proxy(),
        proxy_policies(
            proxy_policy(1, '"GUEST"', kind="web", dstintf='"any"'),
            proxy_policy(2, '"all"', kind="wanopt"),
            section="firewall explicit-proxy-policy",
        ),
    )
    res, cells = analyse(text)
    assert res.report.unrecognized == []
    assert [p["construct"] for p in res.report.partially_understood] == ["firewall explicit-proxy-policy 2"]
    assert cells[("guest", "staff")].verdict == UNKNOWN


# --------------------------------------------------------------------------- TTPVHCC fixtures


def fixture_audit(name: str):
    conf = FIXTURES / f"{name}.conf"
    return run_audit([conf], Path(FIXTURES / f"{name}.site.yaml"))


def test_ttpvhcc_proxy_for_staff_only_keeps_the_guests_isolated():
    """A TTPVHCC whose staff browse through the explicit proxy (VL10-CANBO, policy
    CANBO-QUA-PROXY): the guests cannot reach the proxy port, so guest → every inside
    zone stays blocked; the policy lets it connect out of wan1 only, so what the staff
    reach through it is the Internet's (staff → guest stays blocked; before the proxy
    policies' destinations were read, it was unknown)."""
    a = fixture_audit("ttpvhcc-proxy-canbo")
    cells = {(c.src, c.dst): c for c in a.matrix}
    [rep] = a.snapshot.reports
    assert rep.unrecognized == [] and rep.partially_understood == []
    for dst in ("staff", "servers", "counter", "kiosk", "mgmt", "dmz", "tslcd"):
        assert cells[("guest", dst)].verdict == BLOCKED, dst
    assert "tcp/3128" not in cells[("guest", "@devices")].services
    assert "tcp/3128" in cells[("staff", "@devices")].services
    for dst in ("guest", "counter", "kiosk", "mgmt"):
        assert cells[("staff", dst)].verdict == BLOCKED, dst


def test_ttpvhcc_proxy_open_on_the_guest_wifi_stays_out_of_the_inside_zones(tmp_path):
    """The same office with the proxy also enabled on WIFI-KHACH for web filtering
    (policy KHACH-LOC-WEB, dstintf wan1): the FortiGate connects for the guests out of
    wan1 only, so guest → every inside zone is blocked (it was unknown while the proxy
    policies' destinations were not read); the same policy out of any interface makes
    guest → staff unknown, naming the proxy.  The guests reaching tcp/3128 on the
    FortiGate is a guest-isolation finding citing the lines."""
    a = fixture_audit("ttpvhcc-proxy-khach")
    cells = {(c.src, c.dst): c for c in a.matrix}
    for dst in ("staff", "servers", "counter", "kiosk", "mgmt", "dmz", "tslcd"):
        assert cells[("guest", dst)].verdict == BLOCKED, dst
    text = (FIXTURES / "ttpvhcc-proxy-khach.conf").read_text(encoding="utf-8")
    marker = '        set name "KHACH-LOC-WEB"\n'
    head, tail = text.split(marker, 1)
    conf = tmp_path / "ttpvhcc-proxy-khach.conf"
    conf.write_text(head + marker + tail.replace('set dstintf "wan1"', 'set dstintf "any"', 1), encoding="utf-8")
    b = run_audit([conf], FIXTURES / "ttpvhcc-proxy-khach.site.yaml")
    cell = next(c for c in b.matrix if (c.src, c.dst) == ("guest", "staff"))
    assert cell.verdict == UNKNOWN and "FGT-TTHCC-TB: the explicit-web proxy" in cell.reason
    f = next(f for f in a.findings if f.check == "guest-isolation" and f.zones[1] == "@devices")
    assert "tcp/3128" in f.detail["en"]
    texts = {e["text"] for e in f.evidence}
    assert {"set status enable", "set explicit-web-proxy enable"} <= texts
