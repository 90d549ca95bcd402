"""Proxy daemons on an OpenWrt router as relay services (netaudit.parsers.openwrt.proxies).

A proxy opens connections from the router itself for the clients it admits: the fw4
forward chain (guest → lan rejected) proves nothing while the guests reach it
(docs/semantics.md, "Proxies on a device"; docs/vendors/openwrt.md, "Proxies")."""

from __future__ import annotations

import pytest

from netaudit.model import PROTO_UDP, PortRange

from .helpers import cells, office


def guest_rule(port: str, proto: str = "tcp") -> str:
    """fw4: the guests may reach the router's ``proto``/``port``."""
    return f"""
config rule
\toption name 'guest-proxy'
\toption src 'guest'
\toption proto '{proto}'
\toption dest_port '{port}'
\toption target 'ACCEPT'
"""


TINYPROXY = """
package tinyproxy

config tinyproxy
\toption enabled '1'
\toption User 'nobody'
\toption Group 'nogroup'
\toption Port '8888'
\toption Timeout '600'
\toption DefaultErrorFile '/usr/share/tinyproxy/default.html'
\toption StatFile '/usr/share/tinyproxy/stats.html'
\toption LogFile '/var/log/tinyproxy.log'
\toption LogLevel 'Info'
\toption MaxClients '100'
\toption ViaProxyName 'tinyproxy'
\tlist ConnectPort '443'
\tlist ConnectPort '563'
"""


def relays(dev, name: str):
    return [s for s in dev.services if s.name == name and s.relay]


def test_tinyproxy_the_guests_reach_relays_them_past_the_forward_chain():
    """tinyproxy enabled, no Allow (tinyproxy admits everyone), the guests may reach
    tcp/8888: guest → staff unknown, naming tinyproxy.  Disabled (the package default),
    or the port closed to the guests on input: blocked."""
    assert cells(office(guest_rule("8888"))[0])[("guest", "staff")].verdict == "blocked"
    dev, rep = office(guest_rule("8888") + TINYPROXY)
    assert rep.unrecognized == [] and rep.partially_understood == []
    [relay] = relays(dev, "tinyproxy")
    assert relay.ports == (PortRange(8888, 8888),) and relay.acl is None
    cell = cells(dev)[("guest", "staff")]
    assert cell.verdict == "unknown" and "tinyproxy proxy opens connections" in cell.reason, cell
    dev, _ = office(guest_rule("8888") + TINYPROXY.replace("enabled '1'", "enabled '0'"))
    assert not relays(dev, "tinyproxy") and cells(dev)[("guest", "staff")].verdict == "blocked"
    dev, _ = office(TINYPROXY)
    assert cells(dev)[("guest", "staff")].verdict == "blocked"


def test_tinyproxy_allow_list_restricts_the_relay_not_the_port():
    """``Allow`` 127.0.0.1 (the package's default) and the staff /24: the guests reach
    tcp/8888 (tinyproxy answers 403) and are relayed nowhere — blocked.  A guest subnet
    in the list, or a host name (matched by reverse lookup: any client), admits them."""
    allow = "\tlist Allow '127.0.0.1'\n\tlist Allow '192.168.1.0/24'\n"
    dev, _ = office(guest_rule("8888") + TINYPROXY + allow)
    [relay] = relays(dev, "tinyproxy")
    assert dev.filters[relay.acl].lines[0].source.text == "list Allow '127.0.0.1'"
    got = cells(dev)
    assert got[("guest", "staff")].verdict == "blocked"
    assert "tcp/8888" in got[("guest", "@devices")].services
    for extra in ("\tlist Allow '192.168.3.0/24'\n", "\tlist Allow 'khach.lan'\n"):
        dev, _ = office(guest_rule("8888") + TINYPROXY + allow + extra)
        assert cells(dev)[("guest", "staff")].verdict == "unknown", extra


def test_tinyproxy_listen_on_the_staff_address_and_on_loopback():
    """``Listen`` binds one address: on 127.0.0.1 no other host reaches it; on the
    staff address the guests still do (fw4 lets them to tcp/8888 on any router address)."""
    dev, _ = office(guest_rule("8888") + TINYPROXY + "\toption Listen '127.0.0.1'\n")
    assert not relays(dev, "tinyproxy") and cells(dev)[("guest", "staff")].verdict == "blocked"
    dev, _ = office(guest_rule("8888") + TINYPROXY + "\toption Listen '192.168.1.1'\n")
    [relay] = relays(dev, "tinyproxy")
    assert relay.acl == "tinyproxy-listen-192.168.1.1:8888"
    assert cells(dev)[("guest", "staff")].verdict == "unknown"


PRIVOXY = """
package privoxy

config privoxy 'privoxy'
\toption confdir '/etc/privoxy'
\toption logdir '/var/log'
\toption logfile 'privoxy.log'
\tlist filterfile 'default.filter'
\tlist actionsfile 'match-all.action'
\tlist actionsfile 'default.action'
\tlist listen_address '192.168.3.1:8118'
\toption toggle '1'
\toption enable_remote_toggle '0'
\toption keep_alive_timeout '300'
\tlist permit_access '192.168.1.0/24'
\toption debug_1 '0'
"""


def test_privoxy_listen_address_and_permit_access():
    """privoxy on the guest address, permit_access the staff /24 only: the guests reach
    the port but privoxy refuses them — blocked; with the guests permitted: unknown;
    ``_enabled '0'`` (the init script starts it only when set): no relay; no
    listen_address is privoxy's 127.0.0.1:8118, unreachable."""
    dev, rep = office(guest_rule("8118") + PRIVOXY)
    assert rep.unrecognized == [] and rep.partially_understood == []
    [relay] = relays(dev, "privoxy")
    assert relay.ports == (PortRange(8118, 8118),)
    assert cells(dev)[("guest", "staff")].verdict == "blocked"
    dev, _ = office(guest_rule("8118") + PRIVOXY + "\tlist permit_access '192.168.3.0/24'\n")
    assert cells(dev)[("guest", "staff")].verdict == "unknown"
    dev, _ = office(
        guest_rule("8118") + PRIVOXY.replace("\tlist permit_access '192.168.1.0/24'\n", "\toption _enabled '0'\n")
    )
    assert not relays(dev, "privoxy")
    dev, _ = office(guest_rule("8118") + PRIVOXY.replace("\tlist listen_address '192.168.3.1:8118'\n", ""))
    assert not relays(dev, "privoxy")


def test_squid_and_microsocks():
    """squid's http_port (3128) on every address, its rules in squid.conf (not in UCI):
    every client, and the ports squid.conf may add possibly open (not relays);
    microsocks enabled on its port (1080)."""
    squid = "\npackage squid\n\nconfig squid 'squid'\n\toption config_file '/etc/squid/squid.conf'\n" + (
        "\toption http_port '3128'\n\toption coredump_dir '/tmp/squid'\n\toption visible_hostname 'OpenWrt'\n"
    )
    dev, rep = office(guest_rule("3128") + squid)
    assert rep.unrecognized == []
    [relay] = relays(dev, "squid")
    assert relay.ports == (PortRange(3128, 3128),) and relay.acl is None
    others = [s for s in dev.services if s.name == "squid" and not s.relay]
    assert len(others) == 2 and all("/etc/squid/squid.conf is not in the input" in s.partial for s in others)
    assert cells(dev)[("guest", "staff")].verdict == "unknown"
    socks = "\npackage microsocks\n\nconfig microsocks 'config'\n\toption enabled '1'\n\toption listenip ''\n"
    dev, _ = office(guest_rule("1080") + socks + "\toption port '1080'\n")
    assert cells(dev)[("guest", "staff")].verdict == "unknown"
    dev, _ = office(guest_rule("1080") + socks.replace("enabled '1'", "enabled '0'"))
    assert not relays(dev, "microsocks")


@pytest.mark.parametrize("mode", ["tcp_only", "tcp_and_udp"])
def test_shadowsocks_server_is_a_partial_relay(mode):
    """ss-server (enabled unless ``disabled '1'``) relays for anyone with the key; it runs
    only if its package is installed: partial.  ``ss_rules`` redirects forwarded traffic:
    every routed interface partial."""
    ss = f"""
package shadowsocks-libev

config ss_server
\toption disabled '0'
\toption server_port '9001'
\toption password 'Kh0ngDuocDoan'
\toption method 'aes-256-gcm'
\toption mode '{mode}'

config ss_rules 'ss_rules'
\toption disabled '1'
"""
    dev, _rep = office(guest_rule("9001") + ss)
    got = relays(dev, "ss-server")
    assert [s.protocol == PROTO_UDP for s in got] == ([False] if mode == "tcp_only" else [False, True])
    assert all("installed" in s.partial for s in got)
    assert cells(dev)[("guest", "staff")].verdict == "unknown"
    assert not any(i.partial for i in dev.interfaces.values())
    dev, _ = office(ss.replace("\toption disabled '1'\n", "\toption src_default 'checkdst'\n"))
    assert all("ss_rules" in (i.partial or "") for i in dev.interfaces.values() if i.is_l3)
