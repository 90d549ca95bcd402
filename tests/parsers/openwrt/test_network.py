"""Network, wireless, forms and services (:mod:`netaudit.parsers.openwrt`)."""

from __future__ import annotations

from helpers import analyse
from netaddr import IPNetwork

from netaudit.headerspace import service_match
from netaudit.model import L2Mode
from netaudit.parsers import openwrt
from netaudit.zones import Zone

from .helpers import FIXTURES, GUEST, NET, STAFF, cells, office, parse


def test_detect_forms():
    assert openwrt.detect("package network\n\nconfig interface 'lan'\n\toption proto 'static'\n") >= 80
    assert openwrt.detect("network.lan=interface\nnetwork.lan.proto='static'\nnetwork.lan.device='br-lan'\n") >= 70
    assert openwrt.detect("==> /etc/config/network <==\nconfig interface 'lan'\n\toption proto 'dhcp'\n") >= 50
    assert openwrt.detect("hostname R1\ninterface Gi0/1\n") == 0


def test_uci_show_form_gives_same_verdicts():
    text = (
        "network.lan=interface\nnetwork.lan.device='br-lan'\nnetwork.lan.proto='static'\n"
        "network.lan.ipaddr='192.168.1.1/24'\nnetwork.@device[0]=device\nnetwork.@device[0].name='br-lan'\n"
        "network.@device[0].type='bridge'\nnetwork.@device[0].ports='lan1' 'lan2'\n"
        "network.guest=interface\nnetwork.guest.proto='static'\nnetwork.guest.ipaddr='192.168.3.1/24'\n"
        "network.guest.device='br-guest'\nnetwork.@device[1]=device\nnetwork.@device[1].name='br-guest'\n"
        "network.@device[1].type='bridge'\nnetwork.wan=interface\nnetwork.wan.device='wan'\n"
        "network.wan.proto='dhcp'\nsystem.@system[0]=system\nsystem.@system[0].hostname='gw'\n"
        "firewall.@defaults[0]=defaults\nfirewall.@defaults[0].forward='REJECT'\n"
        "firewall.@zone[0]=zone\nfirewall.@zone[0].name='lan'\nfirewall.@zone[0].network='lan'\n"
        "firewall.@zone[1]=zone\nfirewall.@zone[1].name='guest'\nfirewall.@zone[1].network='guest'\n"
        "firewall.@zone[2]=zone\nfirewall.@zone[2].name='wan'\nfirewall.@zone[2].network='wan'\n"
        "firewall.@zone[2].masq='1'\nfirewall.@forwarding[0]=forwarding\nfirewall.@forwarding[0].src='guest'\n"
        "firewall.@forwarding[0].dest='wan'\n"
    )
    dev, rep = parse(text)
    assert rep.unrecognized == []
    assert dev.interfaces["lan2"].parent == "br-lan"
    c = cells(dev)
    assert c[("guest", "staff")].verdict == "blocked" and c[("guest", "internet")].verdict == "reachable"


def test_crlf_and_concatenated_files():
    text = (
        "==> /etc/config/network <==\r\nconfig interface 'lan'\r\n\toption device 'eth0'\r\n"
        "\toption proto 'static'\r\n\toption ipaddr '10.1.1.1/24'\r\n\r\n==> /etc/config/system <==\r\n"
        "config system\r\n\toption hostname 'ubnd'\r\n"
    ).replace("\r\n", "\n")
    dev, rep = parse(text)
    assert dev.hostname == "ubnd" and dev.interfaces["eth0"].addresses == [IPNetwork("10.1.1.1/24")]
    assert any("no firewall package" in w for w in rep.warnings)
    assert dev.interfaces["eth0"].partial  # no firewall: unknown, never "blocked"


def test_guest_ssid_attached_to_lan_lands_in_staff_domain():
    base = office.__defaults__[1].replace("\toption network 'guest'", "\toption network 'lan'")
    dev, _ = office(base=base)
    assert dev.interfaces["wifi-g"].parent == "br-lan"
    assert dev.ssids[0].open_auth is True


def test_dhcp_wan_is_dynamic_with_runtime_default():
    dev, _ = office()
    assert dev.interfaces["wan"].dynamic_address
    (rt,) = [r for r in dev.routes if r.runtime_gateway]
    assert rt.interface == "wan"


def test_pppoe_has_its_own_device_and_secret_masked():
    base = office.__defaults__[1].replace(
        "\toption device 'wan'\n\toption proto 'dhcp'",
        "\toption device 'wan'\n\toption proto 'pppoe'\n\toption username 'u1'\n\toption password 'Bi-Mat-123'",
    )
    dev, _ = office(base=base)
    assert dev.interfaces["pppoe-wan"].dynamic_address
    assert "Bi-Mat-123" in dev.secrets


def test_dsa_bridge_vlan_ports_and_svi():
    dev, _rep = parse("""
    package network

    config device
    \toption name 'br-lan'
    \toption type 'bridge'
    \tlist ports 'lan1'
    \tlist ports 'lan2'
    \tlist ports 'lan3'

    config bridge-vlan
    \toption device 'br-lan'
    \toption vlan '10'
    \tlist ports 'lan1'
    \tlist ports 'lan3:t'

    config bridge-vlan
    \toption device 'br-lan'
    \toption vlan '40'
    \tlist ports 'lan2:u*'
    \tlist ports 'lan3:t'

    config interface 'lan'
    \toption device 'br-lan.10'
    \toption proto 'static'
    \toption ipaddr '10.0.10.1/24'

    config interface 'khach'
    \toption device 'br-lan.40'
    \toption proto 'static'
    \toption ipaddr '10.0.40.1/24'

    package firewall

    config zone
    \toption name 'lan'
    \toption network 'lan'
    \toption input 'ACCEPT'
    \toption forward 'ACCEPT'

    config zone
    \toption name 'khach'
    \toption network 'khach'
    \toption input 'REJECT'
    \toption forward 'REJECT'
    """)
    i = dev.interfaces
    assert (i["lan1"].mode, i["lan1"].access_vlan) == (L2Mode.ACCESS, 10)
    assert (i["lan2"].mode, i["lan2"].access_vlan) == (L2Mode.ACCESS, 40)
    assert i["lan3"].mode == L2Mode.TRUNK and i["lan3"].allowed_vlans == frozenset({10, 40})
    assert i["br-lan.40"].encapsulation_vlan == 40
    z = [Zone("staff", "internal", [IPNetwork("10.0.10.0/24")]), Zone("guest", "guest", [IPNetwork("10.0.40.0/24")])]
    assert cells(dev, z)[("guest", "staff")].verdict == "blocked"


def test_swconfig_1907_fixture():
    text = (FIXTURES / "tplink-c7-1907-swconfig.txt").read_text()
    dev, rep = parse(text, "c7.uci")
    assert dev.hostname == "XaPhuocHoa-C7"
    assert dev.interfaces["switch0.port5"].parent == "br-khach"
    assert dev.interfaces["switch0.port2"].parent == "br-lan"
    assert dev.interfaces["eth0.2"].dynamic_address
    assert any("firewall.user" in p["reason"] for p in rep.partially_understood)
    z = [Zone("staff", "internal", [IPNetwork("10.0.10.0/24")]), Zone("guest", "guest", [IPNetwork("10.0.40.0/24")])]
    assert cells(dev, z)[("guest", "staff")].verdict == "unknown"  # the include is not in the export


def test_swconfig_vlan_of_external_ports_only_says_nothing_of_the_cpu_port():
    """A VLAN of two external ports and no ethX.V (the CPU takes no part) has no CPU
    port tagged: the CPU port is the one tagged in every VLAN the CPU uses, not "no
    port" (every port tagged elsewhere was read as a trunk to a device not in the
    snapshot: every cell unknown).  ``vlan`` beside ``vid`` is read, not unrecognized."""
    text = (FIXTURES / "tplink-c7-1907-swconfig.txt").read_text()
    text = text.replace(
        "config switch_vlan\n\toption device 'switch0'\n\toption vlan '3'\n\toption ports '0t 5'\n",
        "config switch_vlan\n\toption device 'switch0'\n\toption vlan '3'\n\toption vid '3'\n\toption ports '0t 5'\n"
        "\nconfig switch_vlan\n\toption device 'switch0'\n\toption vlan '4'\n\toption vid '40'\n"
        "\toption ports '6 7'\n",
        1,
    )
    dev, rep = parse(text, "c7.uci")
    assert rep.unrecognized == []
    assert not any("not in the snapshot" in (i.partial or "") for i in dev.interfaces.values())
    assert dev.interfaces["switch0.port5"].parent == "br-khach"


def test_firewall_user_given_empty_is_not_partial():
    text = (FIXTURES / "tplink-c7-1907-swconfig.txt").read_text()
    text = text.replace(
        "package network", "==> /etc/firewall.user <==\n# nothing here\n\n==> /etc/config/network <==", 1
    )
    text = text.replace("package firewall", "==> /etc/config/firewall <==").replace(
        "package system", "==> /etc/config/system <=="
    )
    dev, _rep = parse(text, "c7.txt")
    assert not dev.filters["forward"].partial


def test_bad_input_never_raises():
    _dev, rep = parse("package network\nconfig interface 'lan\n\toption ipaddr 'x\n\tgarbage here\n")
    assert rep.unrecognized


def test_truncated_export_is_reported():
    text = office.__defaults__[1]
    cut = text[: text.index("\toption forward 'REJECT'\n\nconfig zone\n\toption name 'lan'") + 10]
    res = openwrt.parse(cut, "cut.uci")
    assert openwrt.incomplete(cut, res) is not None
    assert openwrt.incomplete(text, openwrt.parse(text, "ok.uci")) is None


def test_a_complete_last_line_of_a_package_not_read_is_not_a_cut():
    """``tail -n +1 /etc/config/*`` puts samba4, upnpd … after network: their last
    option line, complete, is unrecognized (package not read) — not "cut short"."""
    text = office.__defaults__[1] + "\npackage samba4\n\nconfig samba\n\toption interface 'lan'\n"
    assert openwrt.incomplete(text, openwrt.parse(text, "ok.uci")) is None
    cut = text + "garbage without quotes or keyword\n"
    assert "the last line is not UCI" in openwrt.incomplete(cut, openwrt.parse(cut, "cut.uci"))[1]


CAPTURE = """==> /etc/config/firewall <==
config defaults
	option input 'ACCEPT'
	option output 'ACCEPT'
	option forward 'REJECT'

config zone
	option name 'lan'
	option network 'lan'
	option input 'ACCEPT'
	option output 'ACCEPT'
	option forward 'ACCEPT'

config include
	option path '/etc/firewall.user'

==> /etc/config/network <==
config interface 'lan'
	option ifname 'eth1'
	option proto 'static'
	option ipaddr '192.168.1.1'
	option netmask '255.255.255.0'

==> /etc/firewall.user <==
# This file is interpreted as shell script.
iptables -I FORWARD -i br-lan -o eth0 -p tcp --dport 25 -j REJECT
"""


def test_a_capture_ending_in_firewall_user_is_not_cut_short():
    """``tail -n +1 /etc/config/* /etc/firewall.user`` (docs/vendors/openwrt.md) ends in a
    shell script: its last line, a command, was "the last line is not UCI (cut short?)",
    an input problem on every such capture (j0xFF/OpenWRT, LEDE 17.01).  The include stays
    partial, saying the script is in the input but not read."""
    res = openwrt.parse(CAPTURE, "router.txt")
    assert openwrt.incomplete(CAPTURE, res) is None
    [p] = [p for p in res.report.partially_understood if p["construct"] == "firewall include"]
    assert (
        p["reason"]
        == "firewall include /etc/firewall.user: its custom rules (a shell script, in the input) are not read"
    )
    cut = CAPTURE.replace("==> /etc/firewall.user <==\n# This file is interpreted as shell script.\n", "")
    assert "the last line is not UCI" in openwrt.incomplete(cut, openwrt.parse(cut, "cut.uci"))[1]


def test_a_package_not_read_may_run_a_daemon_on_a_port_the_firewall_opens():
    """A rule opening tcp/445 on the router's LAN side, samba4 configured (a package
    netaudit does not read): whether something listens is unknown — it was "blocked"
    (no known service on 445).  Without such a package the port stays closed."""
    rule = "\nconfig rule\n\toption src 'guest'\n\toption dest_port '445'\n\toption target 'ACCEPT'\n"
    dev, _ = office(rule + "\npackage samba4\n\nconfig samba\n\toption interface 'lan'\n")
    a = analyse([dev], [STAFF, GUEST, NET])
    hs, cell = a.engine.hs, a.cells[("guest", "@devices")]
    smb = hs.match(service_match("tcp/445"))
    assert hs.meets(cell.maybe, smb) and not hs.meets(cell.delivered, smb)
    dev, _ = office(rule)
    a = analyse([dev], [STAFF, GUEST, NET])
    assert not a.engine.hs.meets(a.cells[("guest", "@devices")].maybe or a.engine.hs.false, smb)


def test_zones_helpers_exist():
    assert STAFF.name == "staff" and GUEST.kind == "guest" and NET.kind == "external"


def test_multiwan_package_makes_verdicts_unknown_not_proven():
    """mwan3 re-routes by policy, which is not modelled: every routed interface is partial,
    so the guest → Internet cell is unknown instead of a verdict that may be wrong."""
    dev, _ = office("\npackage mwan3\n\nconfig interface 'wan'\n\toption enabled '1'\n")
    assert all("mwan3" in (i.partial or "") for i in dev.interfaces.values() if i.is_l3)
    assert cells(dev)[("guest", "internet")].verdict == "unknown"
    off, _ = office("\npackage mwan3\n\nconfig interface 'wan'\n\toption enabled '0'\n")
    assert not any(i.partial for i in off.interfaces.values())


def test_unknown_package_lines_are_listed_not_ignored():
    _dev, rep = office("\npackage frobnicate\n\nconfig frob 'x'\n\toption mode 'fast'\n")
    assert {s.text.strip() for s in rep.unrecognized} >= {"config frob 'x'", "option mode 'fast'"}


def test_wireguard_peers_route_their_allowed_ips_into_the_tunnel():
    """``route_allowed_ips '1'``: netifd routes a peer's networks into the tunnel.  The
    tunnel is partial, so the remote office is unknown from the LAN — it was "blocked"
    (no route).  The peer section is read, not listed unrecognized."""
    dev, rep = office("""
    package network

    config interface 'wg0'
    \toption proto 'wireguard'
    \toption private_key 'cGhvbmV5a2V5cGhvbmV5a2V5cGhvbmV5a2V5MDA='
    \tlist addresses '10.99.0.1/24'

    config wireguard_wg0
    \toption description 'van phong huyen'
    \toption public_key 'cHVibGlja2V5cHVibGlja2V5cHVibGlja2V5MDA='
    \tlist allowed_ips '10.50.0.0/24'
    \toption route_allowed_ips '1'
    \toption endpoint_host '203.0.113.9'

    package firewall

    config zone
    \toption name 'vpn'
    \tlist network 'wg0'
    \toption input 'REJECT'
    \toption output 'ACCEPT'
    \toption forward 'REJECT'

    config forwarding
    \toption src 'lan'
    \toption dest 'vpn'
    """)
    assert rep.unrecognized == []
    (r,) = [r for r in dev.routes if str(r.prefix) == "10.50.0.0/24"]
    assert r.interface == "wg0" and "WireGuard peer van phong huyen" in r.partial
    # the remote office's packets enter the tunnel, not the WAN: never surely delivered
    # to the Internet (they were, by the default route), only maybe somewhere
    a = analyse([dev], [STAFF, NET])
    hs, cell = a.engine.hs, a.cells[("staff", "internet")]
    remote = hs.prefix("dst_ip", "10.50.0.0/24")
    assert not hs.meets(cell.delivered, remote) and hs.meets(cell.maybe, remote)


WIREGUARD = """
package network

config interface 'wg0'
\toption proto 'wireguard'
\toption private_key 'aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd28='
\toption listen_port '51820'
\tlist addresses '10.100.0.1/24'

config wireguard_wg0
\toption public_key 'Q0hJQVZFX1BVQkJMSUNBX0RFTF9DTElFTlRFX19fX18='
\toption route_allowed_ips '1'
\tlist allowed_ips '10.100.0.2/32'

package firewall

config zone
\toption name 'vpn'
\tlist network 'wg0'
\toption input 'ACCEPT'
\toption output 'ACCEPT'
\toption forward 'REJECT'

config rule
\toption name 'Allow-WireGuard'
\toption src 'wan'
\toption dest_port '51820'
\toption proto 'udp'
\toption target 'ACCEPT'
"""


def test_wireguard_listens_on_its_port_and_holds_its_address():
    """A GL.iNet guide's WireGuard server: ``listen_port 51820`` opened by a wan rule was
    "blocked" (no service listened), and the tunnel's own address 10.100.0.1 was routed
    to the Internet (the interface had none)."""
    dev, _ = office(WIREGUARD)
    wg = [s for s in dev.services if s.name == "wireguard"]
    assert [(s.ports[0].lo, s.partial) for s in wg] == [(51820, None)]
    assert [str(a) for a in dev.interfaces["wg0"].addresses] == ["10.100.0.1/24"]
    got = cells(dev)
    assert "udp/51820" in got[("internet", "@devices")].services
    dev, _ = office(WIREGUARD.replace("\toption listen_port '51820'\n", ""))
    [s] = [s for s in dev.services if s.name == "wireguard"]
    assert s.partial and "chosen when the interface comes up" in s.partial


def test_swconfig_wan_vlan_tagged_toward_the_isp_alone_is_its_segment():
    """An FTTH uplink whose ISP wants the WAN tagged (VNPT, Viettel: one VLAN on the WAN
    port toward the ONT): port 1 carries VLAN 2 tagged and nothing else, so the device
    beyond is on the WAN segment as on an untagged port — no partial WAN (every Internet
    cell was unknown).  A port tagged in two VLANs may bridge them beyond the snapshot:
    still partial."""
    text = (FIXTURES / "tplink-c7-1907-swconfig.txt").read_text()
    one = text.replace("\toption vlan '2'\n\toption ports '0t 1'\n", "\toption vlan '2'\n\toption ports '0t 1t'\n", 1)
    dev, _rep = parse(one, "c7.uci")
    assert not any("not in the snapshot" in (i.partial or "") for i in dev.interfaces.values())
    assert dev.interfaces["switch0.port1"].parent == "eth0.2"  # on the WAN segment
    two = one.replace(
        "\toption vlan '1'\n\toption ports '0t 2 3 4'\n", "\toption vlan '1'\n\toption ports '0t 1t 2 3 4'\n"
    )
    dev, _rep = parse(two, "c7.uci")
    partial = {i.name for i in dev.interfaces.values() if "not in the snapshot" in (i.partial or "")}
    assert partial and all("may bridge them" in dev.interfaces[n].partial for n in partial)


def test_a_route_keeps_every_reason_it_is_partial():
    """An undefined interface, a gateway not understood and an unknown route type are all
    said (the last one read used to replace the others)."""
    dev, rep = office("""
    package network

    config route
    \toption interface 'vpn_tinh'
    \toption target '10.50.0.0/16'
    \toption gateway '10.255.0.x'
    \toption type 'throw'
    """)
    rt = next(r for r in dev.routes if str(r.prefix) == "10.50.0.0/16")
    for part in ("vpn_tinh", "10.255.0.x", "throw"):
        assert part in rt.partial
    listed = [p["reason"] for p in rep.partially_understood if p["construct"] == "route 10.50.0.0/16"]
    assert listed == [str(rt.partial)]


IPTV = """
package network

config interface 'iptv'
\toption device 'wan.35'
\toption proto 'static'
\toption ipaddr '10.130.5.7'
\toption netmask '255.128.0.0'
\toption gateway '10.128.0.1'
\toption defaultroute '0'

config route
\toption interface 'iptv'
\toption target '172.23.96.0/21'
\toption gateway '10.128.0.1'
"""


def test_static_gateway_with_defaultroute_off_gives_no_default_route():
    """An IPTV VLAN beside a PPPoE/DHCP WAN (an ISP's set-top box network): the static
    interface names its gateway for its `config route`s and says `defaultroute '0'`, so
    netifd installs no default route through it (interface-ip.c drops every default route
    of such an interface).  The option was listed unrecognized and a second default route
    sent the Internet-bound traffic into the IPTV network too."""
    dev, rep = office(IPTV)
    defaults = [r for r in dev.routes if str(r.prefix) == "0.0.0.0/0"]
    assert [(r.interface, r.runtime_gateway) for r in defaults] == [("wan", True)]
    assert any(str(r.prefix) == "172.23.96.0/21" and r.interface == "wan.35" for r in dev.routes)
    assert rep.unrecognized == []
    dev, _ = office(IPTV.replace("\toption defaultroute '0'\n", ""))
    assert sorted(r.interface for r in dev.routes if str(r.prefix) == "0.0.0.0/0") == ["wan", "wan.35"]


TINC = """
package network

config interface 'camelot'
\toption device 'camelot'
\toption proto 'none'

package tinc

config tinc-net camelot
\toption enabled 1
\toption log /tmp/log/tinc.camelot.log

config tinc-host chinhanh
\toption net camelot
"""


def test_tinc_net_running_makes_verdicts_unknown_not_proven():
    """A tinc VPN (found on a real VDSL/PPPoE router export, ifname-style: a tinc-net with its tunnel device
    in a firewall zone): tincd's tunnel and the routes of its tinc-up script are not in
    UCI, so routed interfaces are partial as for OpenVPN — its lines were listed
    unrecognized and the remote networks had "no route".  A tinc-host alone, or the
    net with `enabled 0`, starts nothing."""
    dev, rep = office(TINC)
    assert all("tinc" in (i.partial or "") for i in dev.interfaces.values() if i.is_l3)
    assert cells(dev)[("staff", "internet")].verdict == "unknown"
    assert rep.unrecognized == []
    off, rep = office(TINC.replace("\toption enabled 1\n", "\toption enabled 0\n"))
    assert not any(i.partial for i in off.interfaces.values())
    assert rep.unrecognized == []


def test_package_manager_copies_of_config_files_configure_nothing():
    """`tail -n +1 /etc/config/*` on a router upgraded with changed defaults shows opkg's
    `luci-opkg` and apk's `uhttpd.apk-new` (found on real 24.10/snapshot and ImmortalWrt
    backups): no init script loads them.  Their lines were unrecognized — 83 of 403 on one
    router, which made the whole device "mostly not recognised" and every verdict
    unknown — and each counted as a package whose daemon may open any port."""
    text = (
        "==> /etc/config/network <==\n"
        + office.__defaults__[1].split("package network\n", 1)[1].split("package dhcp\n", 1)[0]
        + "==> /etc/config/firewall <==\n"
        + office.__defaults__[1].split("package firewall\n", 1)[1]
        + "\n==> /etc/config/luci-opkg <==\nconfig core main\n\toption lang auto\n"
        + "\n==> /etc/config/uhttpd.apk-new <==\nconfig uhttpd main\n\tlist listen_http '0.0.0.0:80'\n"
    )
    dev, rep = parse(text, "files.txt")
    assert rep.unrecognized == []
    assert not any(s.name.startswith("any-") or s.name == "http" for s in dev.services)


def test_a_terminal_transcript_of_uci_export_commands_is_read_as_the_export():
    """An export copied from a terminal session (found on a real 23.05.3 guide: each
    `uci export <package>` command line kept above its output, `uci: Entry not found` for
    the missing wireless package): the command line inside the network package was taken
    for a line libuci rejects, so the whole network package was unreadable and every
    verdict unknown.  The transcript's own lines are no configuration; any other line
    that is no UCI command still makes its package unreadable."""
    body = office.__defaults__[1]
    text = "root@OpenWrt:~# uci export network\n" + body.replace(
        "package firewall\n", "uci export firewall\npackage firewall\n"
    ).replace("package dhcp\n", "\nuci -q export dhcp\npackage dhcp\n")
    text += "\nroot@OpenWrt:~# uci export wireless\nuci: Entry not found\n"
    dev, rep = parse(text, "phien.txt")
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert cells(dev)[("guest", "staff")].verdict == "blocked"
    dev, rep = parse(text.replace("uci -q export dhcp", "uci export dhcp; reboot"), "phien.txt")
    assert [u.text for u in rep.unrecognized] == ["uci export dhcp; reboot"]
    assert cells(dev)[("guest", "staff")].verdict == "unknown"


def test_a_firewall_file_libuci_rejects_proves_no_cell_blocked():
    """`onfig zone` in a hand-edited firewall file (as on a real GL.iNet travel router's
    export): libuci rejects the file, fw4 loads no ruleset from it, so nothing of it
    filters.  The routed interfaces were partial, yet the chains built from the lines
    around the typo still dropped guest → staff and internet → staff for sure: a
    "blocked" the router does not enforce.  The fw4 chains are partial too: unknown."""
    base = office.__defaults__[1]
    typo = base.replace("config zone\n\toption name 'guest'", "onfig zone\n\toption name 'guest'")
    dev, _ = office(base=typo)
    verdicts = {k: c.verdict for k, c in cells(dev).items()}
    assert set(verdicts.values()) == {"unknown"}
    assert "libuci cannot load package firewall" in dev.filters["forward"].partial
    dev, _ = office(base=base)  # the same file without the typo
    assert cells(dev)[("guest", "staff")].verdict == "blocked"


def test_a_wireless_file_libuci_rejects_leaves_the_firewall_standing():
    """A rejected wireless file only takes the radios away: fw4's chains are the firewall
    file's, so a drop between two zones stays proven."""
    base = office.__defaults__[1].replace("config wifi-iface 'g'", "onfig wifi-iface 'g'")
    dev, _ = office(base=base)
    assert not dev.filters["forward"].partial
    assert cells(dev)[("guest", "staff")].verdict == "blocked"
