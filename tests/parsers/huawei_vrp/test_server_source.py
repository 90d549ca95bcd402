"""Huawei VRP ``ssh|telnet server-source …``: the addresses a login server answers on
(netaudit/parsers/huawei_vrp/management.py ``_server_source``, convert.py ``_binding``;
docs/vendors/huawei_vrp.md, "Management plane"; docs/semantics.md, "Services bound to
some addresses").

Before, these lines were counted as ignored ("narrower than modelled: every
interface"): a hardened switch whose SSH answers on its loopback only was read as
answering SSH at the guest gateway's address — a false "reachable" and a false critical
finding.  A release whose default may be "no interface" makes the service partial."""

from __future__ import annotations

from helpers import matrix, parse_one
from netaddr import IPNetwork

from netaudit.checks import REGISTRY, load_checks
from netaudit.parsers import huawei_vrp
from netaudit.zones import Zone

# An S5720 core switch of a district office (rewritten from public exports): staff,
# guest Wi-Fi and management VLANs; the guest VLAN's ACL keeps guests off the inside
# networks and the management loopback, and lets them reach their gateway (DHCP, DNS).
S5720 = """\
!Software Version {version}
#
sysname SW-CORE-UBND
#
vlan batch 10 20 99
#
acl number 2000
 description vty-quan-tri
 rule 5 permit source 10.0.99.0 0.0.0.255
#
acl number 3020
 description khach-wifi
 rule 5 deny ip destination 10.0.10.0 0.0.0.255
 rule 10 deny ip destination 10.0.99.0 0.0.0.255
 rule 15 deny ip destination 10.255.0.0 0.0.255.255
#
interface Vlanif10
 description nhan-vien
 ip address 10.0.10.1 255.255.255.0
#
interface Vlanif20
 description khach-wifi
 ip address 10.0.20.1 255.255.255.0
 traffic-filter inbound acl 3020
#
interface Vlanif99
 description quan-tri
 ip address 10.0.99.1 255.255.255.0
#
interface LoopBack0
 ip address 10.255.0.1 255.255.255.255
#
undo telnet server enable
undo http server enable
undo http secure-server enable
{glob}
#
user-interface vty 0 4
 authentication-mode aaa
 protocol inbound {inbound}
#
return
"""
ZONES = [
    Zone("staff", "internal", [IPNetwork("10.0.10.0/24")], vlans=[("SW-CORE-UBND", 10)]),
    Zone("guest", "guest", [IPNetwork("10.0.20.0/24")], vlans=[("SW-CORE-UBND", 20)]),
    Zone("mgmt", "management", [IPNetwork("10.0.99.0/24")], vlans=[("SW-CORE-UBND", 99)]),
]
V200R019 = "V200R019C10SPC500"


def parse(glob: str, version: str = V200R019, inbound: str = "ssh"):
    text = S5720.format(version=version, glob=glob, inbound=inbound)
    if not version:
        text = text.replace("!Software Version \n", "")
    dev, _rep = parse_one(huawei_vrp, text, "sw-core.cfg")
    return dev, {s.name: s for s in dev.services}


def cells(dev):
    got, _ = matrix([dev], ZONES)
    return got


def test_ssh_on_the_loopback_only_is_not_reachable_from_the_guest_gateway():
    """``ssh server-source -i LoopBack0``: SSH answers at 10.255.0.1 only.  The guest's
    ACL keeps it off the loopback, so its SSH to the gateway (10.0.20.1) is no longer
    delivered; the management VLAN still reaches the loopback's SSH."""
    dev, svc = parse("stelnet server enable\nssh server-source -i LoopBack0")
    assert svc["ssh"].bound_to == frozenset({"LoopBack0"}) and svc["ssh"].partial is None
    c = cells(dev)
    guest = c[("guest", "@devices")]
    assert "tcp/22" not in guest.services and "tcp/22" not in (guest.maybe_services or [])
    assert guest.services == ["icmp/8"]  # the gateway still answers ping
    assert c[("mgmt", "@devices")].services == ["icmp/8", "tcp/22"]
    # without the line (V200R019: every address, as before) the guest reached SSH
    dev, _ = parse("stelnet server enable")
    assert cells(dev)[("guest", "@devices")].services == ["icmp/8", "tcp/22"]


def test_the_loopback_is_reached_from_any_vlan_its_acl_lets_through():
    """The server is bound to the loopback's address, not to packets arriving on it (a
    loopback receives none; Huawei's example binds LoopBack0): the staff VLAN, which no
    ACL restricts, reaches it too — the vty ACL is what keeps staff out."""
    dev, _ = parse("stelnet server enable\nssh server-source -i loopback 0")
    assert cells(dev)[("staff", "@devices")].services == ["icmp/8", "tcp/22"]
    text = S5720.format(version=V200R019, glob="stelnet server enable\nssh server-source -i LoopBack0", inbound="ssh")
    text = text.replace(" authentication-mode aaa\n", " acl 2000 inbound\n authentication-mode aaa\n")
    dev, _ = parse_one(huawei_vrp, text, "sw-core.cfg")
    c = cells(dev)
    assert c[("staff", "@devices")].services == ["icmp/8"]
    assert c[("mgmt", "@devices")].services == ["icmp/8", "tcp/22"]


def test_bound_to_the_management_vlanif():
    """``-i Vlanif99``: SSH answers at 10.0.99.1 only — the guest's ACL denies it, the
    management VLAN reaches it."""
    dev, svc = parse("stelnet server enable\nssh server-source -i Vlanif99")
    assert svc["ssh"].bound_to == frozenset({"Vlanif99"})
    c = cells(dev)
    assert "tcp/22" not in c[("guest", "@devices")].services
    assert c[("mgmt", "@devices")].services == ["icmp/8", "tcp/22"]


def test_several_interfaces_add_up_and_undo_takes_one_off():
    _, svc = parse("stelnet server enable\nssh server-source -i LoopBack0\nssh server-source -i Vlanif20")
    assert svc["ssh"].bound_to == frozenset({"LoopBack0", "Vlanif20"})
    dev, svc = parse(
        "stelnet server enable\nssh server-source -i LoopBack0\nssh server-source -i Vlanif20\n"
        "undo ssh server-source -i Vlanif20"
    )
    assert svc["ssh"].bound_to == frozenset({"LoopBack0"})
    assert "tcp/22" not in cells(dev)[("guest", "@devices")].services


def test_all_interface_answers_everywhere():
    """``all-interface``: every interface with an address — alone or beside ``-i`` (the
    ``-i`` interface first, then any other valid one: Huawei)."""
    for glob in ("ssh server-source all-interface", "ssh server-source -i LoopBack0\nssh server-source all-interface"):
        dev, svc = parse("stelnet server enable\n" + glob, version="V200R021C00SPC100")
        assert svc["ssh"].bound_to is None and svc["ssh"].partial is None
        assert cells(dev)[("guest", "@devices")].services == ["icmp/8", "tcp/22"]


def test_undo_all_interface_alone_answers_nobody():
    """``undo telnet server-source all-interface`` without ``-i`` (a V600 export where the
    server is on but listens on no interface): nothing reaches it, and the Telnet
    finding, about a server nobody can reach, is not raised."""
    dev, svc = parse("telnet server enable\nundo telnet server-source all-interface", inbound="all")
    assert svc["telnet"].bound_to == frozenset()
    c = cells(dev)
    assert "tcp/23" not in c[("mgmt", "@devices")].services
    assert "tcp/23" not in (c[("mgmt", "@devices")].maybe_services or [])
    load_checks()
    assert not [f for f in REGISTRY["mgmt-telnet"].func(_context(dev), REGISTRY["mgmt-telnet"])]


def _context(dev):
    from helpers import analyse

    return analyse([dev], ZONES).context()


def test_the_default_depends_on_the_release():
    """No ``server-source`` line: V200R019 and earlier answer on every address (as
    before); from V200R020 on, on V300/V600 and CloudEngine releases the documented
    default is "no interface" on some and "every interface" on others, and a file without
    a version line names no release — the service is partial: SSH-only cells unknown,
    never "reachable" nor "blocked"."""
    for version in ("V200R010C00SPC600", V200R019, "V100R006C05"):
        _, svc = parse("stelnet server enable", version=version)
        assert svc["ssh"].partial is None and svc["ssh"].bound_to is None, version
    for version in ("V200R020C10SPC100", "V200R022C00SPC500", "V300R019C10SPC300", "V600R022C10SPC500", ""):
        dev, svc = parse("stelnet server enable", version=version)
        assert svc["ssh"].partial and "server-source" in str(svc["ssh"].partial), version
        guest = cells(dev)[("guest", "@devices")]
        assert "tcp/22" not in guest.services and "tcp/22" in guest.maybe_services, version
    _, svc = parse("stelnet server enable", version="")
    assert "names no VRP release" in str(svc["ssh"].partial)
    # a CloudEngine (VRP8) form with a V200R005 header: not the V200R019 default either
    _, svc = parse("stelnet ipv4 server enable", version="V200R005C10SPC800")
    assert "server-source" in str(svc["ssh"].partial)


def test_a_source_address():
    """``-a A``: the server answers at that address — bound to the interface holding it;
    beside other addresses on that interface, partial; an address no interface holds (or
    in another VPN instance) leaves it unrestricted and partial."""
    dev, svc = parse("stelnet server enable\nssh server-source -a 10.255.0.1")
    assert svc["ssh"].bound_to == frozenset({"LoopBack0"}) and svc["ssh"].partial is None
    assert "tcp/22" not in cells(dev)[("guest", "@devices")].services
    for glob in ("ssh server-source -a 10.9.9.9", "ssh server-source -a 10.255.0.1 -vpn-instance MGMT"):
        _, svc = parse("stelnet server enable\n" + glob)
        assert svc["ssh"].bound_to is None and "every address" in str(svc["ssh"].partial), glob
    text = S5720.format(version=V200R019, glob="stelnet server enable\nssh server-source -a 10.0.99.1", inbound="ssh")
    text = text.replace(
        " ip address 10.0.99.1 255.255.255.0\n",
        " ip address 10.0.99.1 255.255.255.0\n ip address 10.0.98.1 255.255.255.0 sub\n",
    )
    dev, _ = parse_one(huawei_vrp, text, "sw-core.cfg")
    (ssh,) = [s for s in dev.services if s.name == "ssh"]
    assert ssh.bound_to == frozenset({"Vlanif99"}) and "10.0.99.1" in str(ssh.partial)


def test_telnet_server_source_like_ssh():
    dev, svc = parse("telnet server enable\ntelnet server-source -i LoopBack0", inbound="all")
    assert svc["telnet"].bound_to == frozenset({"LoopBack0"}) and svc["telnet"].partial is None
    c = cells(dev)
    assert "tcp/23" not in c[("guest", "@devices")].services
    assert "tcp/23" in c[("mgmt", "@devices")].services


def test_what_is_not_modelled_stays_unknown():
    """A form not modelled (``physic-isolate``), an interface not in the file, ``ssh
    server permit interface`` (AR V300), ``http server-source`` / ``web-manager …
    server-source``: partial — the cells they decide unknown, never "reachable"."""
    for glob in (
        "ssh server-source physic-isolate -i Vlanif99 -a 10.0.99.1",
        "ssh server-source -i LoopBack7",
        "ssh server permit interface Vlanif99",
    ):
        dev, svc = parse("stelnet server enable\n" + glob)
        assert svc["ssh"].partial and svc["ssh"].bound_to is None, glob
        guest = cells(dev)[("guest", "@devices")]
        assert "tcp/22" not in guest.services and "tcp/22" in guest.maybe_services, glob
    dev, svc = parse("http server enable\nhttp server-source -i Vlanif99")
    assert "http server-source" in str(svc["http"].partial)
    glob = "web-manager enable port 8443\nweb-manager http forward enable\nweb-manager server-source -i Vlanif99"
    _, svc = parse(glob, version="V600R022C10SPC500")
    assert "server-source" in str(svc["https"].partial) and svc["http-redirect"].partial


def test_netconf_is_bound_with_ssh():
    """``ssh server-source`` binds SNETCONF logins too (Huawei: "SFTP, STelnet, SCP, and
    SNETCONF users")."""
    glob = "stelnet server enable\nsnetconf server enable\nssh server-source -i LoopBack0\n#\nnetconf\n"
    glob += " protocol inbound ssh port 830\n#"
    dev, svc = parse(glob)
    assert svc["netconf"].bound_to == frozenset({"LoopBack0"})
    assert "tcp/830" not in cells(dev)[("guest", "@devices")].services
