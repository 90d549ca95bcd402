"""H3C Comware management plane (netaudit/parsers/h3c_comware/management.py, convert.py;
docs/vendors/h3c_comware.md, "Management plane"): which services answer, and whom."""

from __future__ import annotations

from helpers import matrix, parse_one
from netaddr import IPNetwork

from netaudit.parsers import h3c_comware
from netaudit.reach import REACHABLE
from netaudit.zones import Zone

from .helpers import GUEST, STAFF, core, parse

MGMT = Zone("mgmt", "management", [IPNetwork("10.0.10.0/24")])


def services(text):
    dev, _ = parse(text)
    return {s.name: s for s in dev.services}


def test_v7_telnet_and_ssh_are_off_unless_enabled():
    svc = services(core(tail="line vty 0 63\n authentication-mode scheme"))
    assert "telnet" not in svc and "ssh" not in svc
    svc = services(core(globals=" telnet server enable\n#\n ssh server enable"))
    assert not svc["telnet"].partial and not svc["ssh"].partial and svc["telnet"].insecure


def test_v5_without_the_enable_line_is_partial():
    text = "#\n version 5.20, Release 2220P02\n#\n sysname SW\n#\nuser-interface vty 0 4\n authentication-mode scheme\n#\nreturn\n"
    dev, _ = parse_one(h3c_comware, text, "sw.cfg")
    svc = {s.name: s for s in dev.services}
    assert svc["telnet"].partial and svc["ssh"].partial


def test_v7_vty_admits_telnet_and_ssh_unless_protocol_inbound_says():
    svc = services(core(globals=" telnet server enable", tail="line vty 0 63\n protocol inbound ssh"))
    assert "telnet" not in svc
    svc = services(core(globals=" telnet server enable", tail="line vty 0 63\n authentication-mode scheme"))
    assert not svc["telnet"].partial


def test_vty_acl_restricts_logins():
    tail = "acl basic 2099\n rule 0 permit source 10.0.10.0 0.0.0.255\n#\nline vty 0 63\n acl 2099 inbound"
    text = core(globals=" ssh server enable", tail=tail)
    assert services(text)["ssh"].acl == "2099"
    cells, _ = matrix([parse(text)[0]], [GUEST, STAFF])
    assert "tcp/22" not in cells[("guest", "@devices")].services
    assert "tcp/22" in cells[("staff", "@devices")].services


def test_vty_lines_with_different_acls_restrict_nothing():
    tail = (
        "acl basic 2099\n rule 0 permit source 10.0.10.0 0.0.0.255\n#\nline vty 0 4\n acl 2099 inbound\n#\n"
        "line vty 5 63\n authentication-mode scheme"
    )
    assert services(core(globals=" ssh server enable", tail=tail))["ssh"].acl is None


def test_web_server_lines_and_their_acls():
    svc = services(
        core(
            tail=" undo ip http enable\n ip https enable\n ip https acl 2099\n#\nacl basic 2099\n rule 0 permit source 10.0.10.0 0.0.0.255"
        )
    )
    assert "http" not in svc and not svc["https"].partial and svc["https"].acl == "2099"
    svc = services(core())
    assert svc["http"].partial and svc["https"].partial  # the default is not established


def test_snmp_community_with_a_named_acl():
    text = core(
        tail=" snmp-agent\n snmp-agent community read simple c0ngDong acl name SNMP-QL\n#\n"
        "acl basic name SNMP-QL\n rule 0 permit source 10.0.10.0 0.0.0.255"
    )
    dev, rep = parse(text)
    assert not rep.unrecognized
    snmp = {s.name: s for s in dev.services}["snmp"]
    assert snmp.acl == "SNMP-QL"
    assert "c0ngDong" in dev.secrets


def test_netconf_over_ssh():
    svc = services(core(globals=" netconf ssh server enable"))
    assert svc["netconf"].ports[0].lo == 830


def test_line_class_vty_restrictions_are_partial():
    tail = "line class vty\n acl 2099 inbound\n#\nline vty 0 63\n authentication-mode scheme"
    assert services(core(globals=" ssh server enable", tail=tail))["ssh"].partial


def test_local_users_and_secrets():
    tail = (
        "local-user admin class manage\n password cipher $c$3$xYz0123456789abcdef==\n service-type ssh telnet terminal\n"
        " authorization-attribute user-role network-admin\n#\n super password role network-admin hash $h$6$SuPeRhAsH=="
    )
    dev, rep = parse(core(tail=tail))
    assert not rep.unrecognized
    assert {"$c$3$xYz0123456789abcdef==", "$h$6$SuPeRhAsH=="} <= dev.secrets
    assert "network-admin" not in dev.secrets
    assert dev.facts.reversible_passwords and dev.facts.telnet_users


def test_dhcp_server_answers_where_a_pool_is():
    tail = " dhcp enable\n#\ndhcp server ip-pool khach\n gateway-list 10.0.40.1\n network 10.0.40.0 mask 255.255.255.0"
    dhcp = services(core(tail=tail))["dhcp"]
    assert dhcp.interfaces == frozenset({"Vlan-interface40"})
    cells, _ = matrix([parse(core(tail=tail))[0]], [GUEST, MGMT])
    assert cells[("guest", "@devices")].verdict == REACHABLE and "udp/67" in cells[("guest", "@devices")].services


def test_abbreviated_secret_keywords_of_a_hand_made_file():
    # the CLI takes `sim` for `simple`: the value after it is the secret, never `sim`
    dev, _ = parse(core(tail="local-user admin class manage\n password sim 2012@xa\n#\n snmp-agent community read sim"))
    assert "2012@xa" in dev.secrets and "sim" in dev.secrets  # (the community named `sim`)


def test_undo_of_a_login_acl_in_a_hand_made_file_takes_it_off():
    acl = "acl basic 2099\n rule 0 permit source 10.0.10.0 0.0.0.255\n#\n"
    vty = acl + "line vty 0 63\n acl 2099 inbound\n undo acl 2099 inbound"
    assert services(core(globals=" ssh server enable", tail=vty))["ssh"].acl is None
    server = " ssh server enable\n ssh server acl 2099\n undo ssh server acl\n telnet server enable\n"
    server += " telnet server acl 2099\n undo telnet server acl\n ip http enable\n ip http acl 2099\n undo ip http acl"
    svc = services(core(globals=server, tail=acl))
    assert svc["ssh"].acl is None and svc["telnet"].acl is None and svc["http"].acl is None


def test_vty_lines_no_block_names_keep_the_default():
    # only lines 0-4 say ssh: lines 5-63 still admit Telnet — maybe, never absent
    ssh_only = "line vty 0 4\n authentication-mode scheme\n protocol inbound ssh"
    svc = services(core(globals=" telnet server enable", tail=ssh_only))
    assert svc["telnet"].partial and "0-4" in str(svc["telnet"].partial) and svc["telnet"].acl is None
    every = ssh_only + "\n#\nline vty 5 63\n protocol inbound ssh"
    assert "telnet" not in services(core(globals=" telnet server enable", tail=every))


def test_login_servers_answer_on_every_address_whatever_the_version():
    """Comware reaches VRP's conversion, but not VRP's release-dependent ``server-source``
    default: a V7 SSH server answers on every address, not partial (Comware's version line
    is not a VRP release)."""
    svc = services(core(globals=" ssh server enable", tail="line vty 0 63\n authentication-mode scheme"))
    assert svc["ssh"].partial is None and svc["ssh"].bound_to is None


def test_v5_ssh_server_source_interface_or_ip_binds_the_server():
    """``ssh-server source-interface LoopBack0`` / ``ssh-server source-ip A`` (Comware V3/V5
    SSH configuration: "the SSH client accesses the SSH server only using the specified IP
    address"): the server answers at that address only — the guest no longer reaches SSH
    at its gateway.  Before, the line was unrecognized and SSH answered everywhere."""
    loop = "interface LoopBack0\n ip address 10.255.0.1 255.255.255.255\n#\nline vty 0 63\n authentication-mode scheme"
    for line, bound in (
        ("ssh-server source-interface LoopBack 0", "LoopBack0"),
        ("ssh-server source-ip 10.0.10.1", "Vlan-interface10"),
    ):
        text = core(globals=" ssh server enable\n" + line, tail=loop)
        dev, _ = parse(text)
        (ssh,) = [s for s in dev.services if s.name == "ssh"]
        assert ssh.bound_to == frozenset({bound}) and ssh.partial is None, line
    acls = (
        "acl advanced 3040\n rule 0 deny ip destination 10.255.0.1 0\n rule 5 deny ip destination 10.0.10.0 0.0.0.255"
    )
    text = core(
        acls=acls,
        apply=" packet-filter 3040 inbound",
        globals=" ssh server enable\nssh-server source-interface LoopBack0",
        tail=loop,
    )
    dev, _ = parse(text)
    cells, _ = matrix([dev], [GUEST, STAFF])
    assert "tcp/22" not in cells[("guest", "@devices")].services
    assert "tcp/22" in cells[("staff", "@devices")].services
    dev, _ = parse(text.replace("ssh-server source-interface LoopBack0", "undo ssh-server source-interface"))
    cells, _ = matrix([dev], [GUEST, STAFF])
    assert "tcp/22" in cells[("guest", "@devices")].services
