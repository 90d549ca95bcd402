"""Reading an export (:mod:`~netaudit.parsers.mikrotik_routeros.reader`, :mod:`~.syntax`): continuation
lines, line accounting, terse and verbose exports, quoting, secrets."""

from __future__ import annotations

import random

import pytest
from netaddr import IPNetwork

from netaudit.model import L2Mode, PortRange
from netaudit.parsers import mikrotik_routeros
from netaudit.parsers.mikrotik_routeros import reader
from netaudit.parsers.mikrotik_routeros.reader import read
from netaudit.parsers.mikrotik_routeros.state import State

from .helpers import V6, V7, parse, svc


def test_continuation_lines_join_and_cite_the_first_line():
    dev, rep = parse("""
    /ip firewall filter
    add action=drop chain=forward comment="defconf: drop all from WAN not DSTNAT\\
        ed" connection-state=\\
        new dst-port=\\
        8291 protocol=tcp
    add action=accept chain=forward
    """)
    lines = dev.filters["forward"].lines
    assert lines[0].source.line == 3
    assert lines[0].source.text == (
        'add action=drop chain=forward comment="defconf: drop all from '
        'WAN not DSTNATed" connection-state=new dst-port=8291 protocol=tcp'
    )
    assert lines[0].matches[0].dst_ports == (PortRange(8291, 8291),)
    assert lines[1].source.line == 7
    assert rep.lines == 7 and rep.unrecognized == []


def test_line_accounting_recognized_ignored_unrecognized():
    dev, rep = parse("""
    # a comment
    /system clock
    set time-zone-name=Asia/Ho_Chi_Minh
    /ip address
    add address=10.0.0.1/24 interface=ether2

    /frobnicate widget
    add colour=blue
    :put "hello"
    /ip firewall filter
    print
    """)
    # 12 lines: version header, comment, clock header + set (ignored), address header
    # (ignored) + add (recognized), blank, unknown menu header + its add, script line,
    # filter header, a print command
    assert rep.lines == 12
    assert [(u.line, u.text) for u in rep.unrecognized] == [
        (8, "/frobnicate widget"),
        (9, "add colour=blue"),
        (10, ':put "hello"'),
        (12, "print"),
    ]
    assert rep.ignored == 7  # lines 1, 2, 3, 4, 5, 7, 11
    assert dev.interfaces["ether2"].addresses == [IPNetwork("10.0.0.1/24")]


def test_terse_export_full_path_on_each_line():
    dev, rep = parse("""
    /interface bridge add name=bridge1
    /interface bridge port add bridge=bridge1 interface=ether2
    /ip address add address=10.1.1.1/24 interface=bridge1 network=10.1.1.0
    /ip firewall filter add action=drop chain=input in-interface=ether1
    /ip/service set telnet disabled=yes
    """)
    assert rep.unrecognized == [] and rep.ignored == 1
    assert dev.interfaces["ether2"].mode == L2Mode.BRIDGE_PORT
    assert dev.filters["input"].lines[0].source.line == 5
    assert not svc(dev, "telnet").enabled


def test_v7_console_syntax_with_the_verb_in_the_path():
    """RouterOS 7 scripts write the verb as the path's last segment
    (``/interface/list/member/add …``): the same command as ``/interface list member add``."""
    dev, rep = parse("""
    /interface/list/add name=WAN
    /interface/list/member/add interface=ether1 list=WAN comment="uplink"
    /ip/address/add address=10.1.1.1/24 interface=ether2
    /ip/firewall/filter/add action=drop chain=forward in-interface-list=WAN
    /interface/list/member/add
    """)
    assert [s.line for s in rep.unrecognized] == [6]  # add with nothing to add
    assert dev.interface_lists["WAN"] == ["ether1"]
    assert dev.interfaces["ether2"].addresses == [IPNetwork("10.1.1.1/24")]
    assert dev.filters["forward"].lines[0].matches[0].in_ifaces == frozenset({"ether1"})


def test_verbose_export_defaults_are_understood():
    dev, rep = parse("""
    /ip firewall filter
    add action=accept chain=input comment="" connection-state=established disabled=no log=no \\
        log-prefix=""
    /ip service
    set telnet address="" disabled=yes port=23 vrf=main
    set ssh address="" disabled=no port=22 vrf=main
    """)
    assert rep.unrecognized == [] and rep.partially_understood == []
    assert dev.filters["input"].lines[0].matches[0].conn_established is True
    assert svc(dev, "ssh").acl is None and svc(dev, "ssh").enabled


def test_quoted_values_and_hex_escapes_and_v7_abbreviated_keys():
    dev, _rep = parse("""
    /interface wifi
    set [ find default-name=wifi1 ] configuration.mode=ap .ssid="Wi-Fi Ph\\C6\\B0\\E1\\BB\\9Dng" \\
        datapath.bridge=br disabled=no security.authentication-types=wpa2-psk \\
        .passphrase="abc def!123"
    /interface bridge
    add name=br
    """)
    (s,) = dev.ssids
    assert s.name == "Wi-Fi Phường" and s.open_auth is False and s.interface == "wifi1"
    assert "abc def!123" in dev.secrets
    assert dev.interfaces["wifi1"].mode == L2Mode.BRIDGE_PORT


def test_secrets_are_collected():
    dev, _ = parse("""
    /ppp secret
    add name=vpn1 password=PppPass99 service=l2tp
    /radius
    add address=10.0.0.5 secret=RadSecret7 service=login
    /interface l2tp-server server
    set enabled=yes ipsec-secret=IpsecPSK55 use-ipsec=yes
    /interface wireguard
    add listen-port=13231 name=wg0 private-key="cHJpdmF0ZWtleWJhc2U2NA=="
    /user
    add name=admin group=full password=""
    add name=quantri group=full password=Adm1nPass
    """)
    assert {"PppPass99", "RadSecret7", "IpsecPSK55", "cHJpdmF0ZWtleWJhc2U2NA==", "Adm1nPass"} <= dev.secrets
    assert svc(dev, "l2tp") and svc(dev, "ipsec") and svc(dev, "wireguard")
    users = {u.name: u for u in dev.facts.users}
    assert users["admin"].password is False and users["quantri"].password is True


def test_snmp_trap_community_is_a_secret_of_its_line():
    # found on a real RouterOS 5.4 verbose export: `/snmp set … trap-community=tppar`,
    # a community that is a plain word, was cited unmasked by the SNMP finding (only the
    # /snmp community line knew it as a secret)
    dev, _ = parse("""
    /snmp community
    set tppar address=0.0.0.0/0 name=tppar write-access=yes
    /snmp
    set enabled=yes location="Alta Barda" trap-community=tppar trap-version=1
    """)
    assert "tppar" in dev.secret_lines[3] and "tppar" in dev.secret_lines[5]
    dev, _ = parse("/snmp\nset enabled=yes trap-community=Tr4pComm2013\n")
    assert "Tr4pComm2013" in dev.secrets


def test_v7_sub_menus_irrelevant_to_forwarding_are_ignored_not_unrecognized():
    """Real v7 exports: DNS forwarders (7.17+) and a VXLAN's remote endpoints are read
    as irrelevant; the web proxy's access rules are read (where the proxy connects:
    tests/parsers/mikrotik_routeros/test_services.py) — a menu not read at all would be
    unrecognized, shown."""
    dev, rep = parse("""
    /interface vxlan add name=vxlan1 port=8472 vni=1
    /interface vxlan vteps add interface=vxlan1 remote-ip=10.99.99.2
    /ip dns forwarders add dns-servers=8.8.8.8 name=DNS-Google8 verify-doh-cert=no
    /ip proxy access add action=redirect action-data=grafana:3000 dst-host=grafana
    /ip proxy cache add action=deny dst-host=grafana
    """)
    assert "vxlan1" in dev.interfaces
    assert [u.line for u in rep.unrecognized] == [6]


def test_lora_servers_and_dhcp_vendor_classes_are_ignored():
    """A real 6.49.6 terse export (RB4011 with CAPsMAN) lists the LoRa gateway's network
    servers and a DHCP vendor class that picks the CAPs' pool: nothing of forwarding."""
    _, rep = parse(
        """
        /lora servers add address=eu1.cloud.thethings.network down-port=1700 name="TTN V3 (eu1)" up-port=1700
        /ip dhcp-server vendor-class-id add address-pool=pool-caps name=caps server=dhcp1 vid=mikrotik-cap
        """,
        header=V6,
    )
    assert rep.unrecognized == []


def test_a_menu_header_glued_after_a_closing_quote_starts_its_own_line():
    """A terse RouterOS 7.15 export (Defm/mikrobackups) wrote the next menu's header onto
    the line before: ``out-interface="wan A"/ip firewall nat``.  The value was read as
    ``wan A/ip`` (an interface that does not exist), the rule matched nothing, silently."""
    dev, rep = parse(
        '/interface ethernet set [ find default-name=ether1 ] name="wan A"\n'
        '/ip address add address=192.0.2.2/30 interface="wan A"\n'
        '/ip firewall nat add action=masquerade chain=srcnat comment="all WAN" out-interface="wan A"/ip firewall nat\n'
        "# pppoe-ttk not ready\n"
        "add action=masquerade chain=srcnat out-interface=pppoe-ttk\n"
    )
    first, second = [n for n in dev.nat_rules if n.kind == "source"]
    assert first.to_interface == "wan A" and first.source.line == 4  # after the export header
    assert second.to_interface == "pppoe-ttk" and second.source.line == 6
    assert not rep.unrecognized


# A CRS125 export as kept in a public repository (memhamwan/routeros-config-audit): the
# header's date line cut down to the version alone.
DATELESS_V6 = """\
# RouterOS 6.48.3
# software id = GXJJ-5ZK0
#
# model = CRS125-24G-1S
# serial number = 5240040DE39C
/system identity
set name=r1.leb.example.net
/ip dhcp-client
add comment=uplink interface=ether1
"""


def test_a_header_without_its_date_still_gives_the_version():
    """``# RouterOS 6.48.3`` is the version: v6 defaults apply (a DHCP client without
    ``disabled=no`` is off, as the v6 export writes it), not the no-version reading."""
    res = mikrotik_routeros.parse(DATELESS_V6, "r1.rsc")
    (dev,) = res.devices
    assert dev.os_version == "6.48.3" and dev.facts.model == "CRS125-24G-1S"
    assert not dev.interfaces["ether1"].dynamic_address and dev.routes == []
    # A script's comment naming a version family is no export header.
    res = mikrotik_routeros.parse(DATELESS_V6.replace("6.48.3", "6.49.x"), "r1.rsc")
    assert res.devices[0].os_version == ""


ROMON_TAIL = """\
/tool romon
set enabled=yes
/tool romon port
add
add
"""


def test_a_bare_add_where_every_property_has_a_default_is_no_cut():
    """Real v6 exports end with ``/tool romon port`` entries written as a bare ``add``
    (every property at its default, ``interface=all``), often without a final newline: a
    complete export, not a file cut short.  A bare ``add`` where properties are required
    is still a cut."""
    text = DATELESS_V6 + ROMON_TAIL
    for complete in (text, text.rstrip("\n")):
        assert mikrotik_routeros.incomplete(complete, mikrotik_routeros.parse(complete, "r.rsc")) is None
    graphing = DATELESS_V6 + "/tool graphing interface\nadd\n/tool graphing resource\nadd\n"
    assert mikrotik_routeros.incomplete(graphing, mikrotik_routeros.parse(graphing, "r.rsc")) is None
    for cut in (DATELESS_V6 + "/ip address\nadd\n", DATELESS_V6 + "/ip address\nadd"):
        found = mikrotik_routeros.incomplete(cut, mikrotik_routeros.parse(cut, "r.rsc"))
        assert found is not None and "'add' with no property" in str(found[1]), found


def test_an_export_ending_in_interrupted_is_cut():
    """RouterOS ends an export it stopped before the end with ``#interrupted`` (a real
    6.47 export does, right after a complete NAT rule: its routes, services and identity
    never came): the file is cut, though its last command is whole."""
    text = DATELESS_V6 + "/ip firewall nat\nadd action=masquerade chain=srcnat out-interface=ether1\n"
    assert mikrotik_routeros.incomplete(text, mikrotik_routeros.parse(text, "r.rsc")) is None
    for cut in (text + "#interrupted\n", text + "#interrupted", text + "#interrupted\n\n"):
        found = mikrotik_routeros.incomplete(cut, mikrotik_routeros.parse(cut, "r.rsc"))
        assert found is not None and found[0] == 12 and "'#interrupted'" in str(found[1]), found
    # A comment saying so elsewhere is no cut.
    early = DATELESS_V6.replace("/system identity", "#interrupted\n/system identity")
    assert mikrotik_routeros.incomplete(early, mikrotik_routeros.parse(early, "r.rsc")) is None


def test_the_prompt_that_asked_for_the_export_is_no_configuration():
    """An export pasted with its terminal line (``[lisa@R.01] > /export``, a real 6.47.9
    lab note; v6 prompts carry the menu) is the console's echo: ignored, not
    unrecognized; the header after it still gives the version.  Another command at a
    prompt is followed by its output, not configuration: unrecognized."""
    for prompt in (
        "[lisa@R.01] > /export",
        "[admin@MikroTik] /ip firewall> export terse",
        "[admin@gw] > /ip firewall filter export",
        "[admin@gw] >",
    ):
        res = mikrotik_routeros.parse(prompt + "\n" + DATELESS_V6.replace("RouterOS", "by RouterOS"), "r.rsc")
        assert res.report.unrecognized == [] and res.devices[0].os_version == "6.48.3", prompt
    res = mikrotik_routeros.parse("[admin@gw] > /ip address print\n" + DATELESS_V6, "r.rsc")
    assert [s.line for s in res.report.unrecognized] == [1]


def test_one_menus_export_is_no_evidence_of_the_device():
    """``[admin@gw] > /ip firewall filter export`` (v6 ``[admin@gw] /ip firewall> export``,
    v7 ``/interface/export show-sensitive`` of a real 7.21 forum post) holds that menu
    only: the rest of the configuration is not in the file, so every interface, filter
    and service is partial (a forwarding without filter, services at their defaults
    would be read otherwise); ``/export`` at the root, or a bare prompt, is the whole."""
    for prompt, menu in (
        ("[admin@gw] > /ip firewall filter export", "/ip firewall filter"),
        ("[admin@MikroTik] /ip firewall> export terse", "/ip firewall"),
        ("[user@capsman] > /interface/export show-sensitive", "/interface"),
    ):
        res = mikrotik_routeros.parse(prompt + "\n" + DATELESS_V6, "r.rsc")
        (dev,) = res.devices
        why = f"export of one menu ({menu})"
        assert all(why in str(i.partial) for i in dev.interfaces.values()), prompt
        assert all(why in str(f.partial) for f in dev.filters.values()) and dev.filters, prompt
        assert all(why in str(s.partial) for s in dev.services) and dev.services, prompt
        assert [p["construct"] for p in res.report.partially_understood][-1:] == ["export"]
    for prompt in ("[lisa@R.01] > /export", "[admin@gw] > export terse", "[admin@gw] >", ""):
        (dev,) = mikrotik_routeros.parse(prompt + "\n" + DATELESS_V6, "r.rsc").devices
        assert not any("one menu" in str(i.partial) for i in dev.interfaces.values()), prompt


# ----------------------------------------------------------------------- firewall lines read directly

# Pieces of ``add`` lines in the firewall menus and address lists, odd ones included: no chain, quotes and
# escapes, a selector, bare words, a secret, a dotted key, an empty value, a stray "=".
RULE_PIECES = [
    "chain=forward",
    "chain=input",
    "chain=dstnat",
    "chain=srcnat",
    "chain=prerouting",
    'chain=""',
    "action=drop",
    "action=accept",
    "action=masquerade",
    "action=dst-nat to-addresses=192.168.10.5 to-ports=8080",
    "action=add-src-to-address-list address-list=DA-QUET",
    'action=add-dst-to-address-list address-list=""',
    "action=mark-routing new-routing-mark=qua-vnpt",
    "action=jump jump-target=khach",
    "disabled=yes",
    'disabled="no"',
    "protocol=tcp dst-port=22,8291",
    "src-address=!10.0.0.0/8",
    'comment="Chan \\"SSH\\" tu WAN"',
    'comment="Phong k\\E1 to\\C3\\A1n"',
    "in-interface-list=WAN",
    "out-interface=ether1",
    "password=MatKhau2024",
    "x.y=1 .z=2",
    "log-prefix=",
    "=dst-address=10.1.1.1",
    "[ find ]",
    "hw-offload",
    '"stray"',
    # address-list entries (read directly too)
    "list=DA-QUET address=203.0.113.7",
    'list="May chu" address=10.10.0.0/24',
    "list=TAM timeout=1d",
    "dynamic=yes",
    'address=""',
    "src-address-list=TAM",  # rules reading them: how each list was read shows
    "dst-address-list=DA-QUET",
]


def _rule_export(rnd) -> str:
    out = [V7.rstrip("\n")]
    for _ in range(120):
        if rnd.random() < 0.08:
            out.append(rnd.choice(["/ip firewall filter", "/ip firewall nat", "/ip firewall mangle", "/ip firewall raw",
                                   "/ip/firewall/filter", "/ip firewall address-list", "/ip address"]))  # fmt: skip
            continue
        verb = rnd.choice(["add ", "add ", "add ", "add  ", "set ", "remove ", "add\t"])
        out.append(verb + " ".join(rnd.sample(RULE_PIECES, rnd.randint(0, 5))))
        if rnd.random() < 0.05:
            out[-1] += " \\\n    protocol=udp"  # a continued line
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", range(30))
def test_firewall_rule_lines_read_directly_as_through_their_command(monkeypatch, seed):
    # reader._add_line against the general way (parse_command, _dispatch, the handler)
    text = _rule_export(random.Random(seed))
    direct = mikrotik_routeros.parse(text, "r.rsc")
    with monkeypatch.context() as m:
        m.setattr(reader, "ADD_LINES", {})  # no menu is read directly
        general = mikrotik_routeros.parse(text, "r.rsc")
    assert repr((direct.devices, direct.report)) == repr((general.devices, general.report))
    assert direct.devices[0].secrets == general.devices[0].secrets


def test_firewall_rule_lines_keep_what_the_tables_need():
    st = State(
        V7 + '/ip firewall nat\nadd action=dst-nat chain=dstnat comment="Camera \\"cong\\"" to-ports=554\n', "r.rsc"
    )
    read(st)
    (rule,) = st.rules["nat"]
    assert (rule.chain, rule.action, rule.get("comment"), rule.get("to-ports")) == (
        "dstnat",
        "dst-nat",
        'Camera "cong"',
        "554",
    )


def test_keys_learned_clear_never_hide_a_secret_on_a_later_line():
    # scan_props skips a line whose keys it has all found naming no secret: a line with
    # those keys and one secret more (plain or v7 dotted) is still scanned, the secret
    # still found, on the first line and after a thousand clear ones.
    from netaudit.parsers.mikrotik_routeros import state as state_module

    state_module.CLEAR_KEYS.clear()
    st = State("", "r.rsc")
    clear = {"chain": "forward", "action": "accept", "dst-address": "10.0.0.0/24", "comment": '"x"'}
    for n in range(1000):
        st.scan_props({**clear, "dst-port": str(n)})
    assert {"chain", "action", "dst-address", "comment", "dst-port"} <= state_module.CLEAR_KEYS
    assert not st.dev.secrets
    st.scan_props({**clear, "password": "S3cretPass"})
    st.scan_props({"security.passphrase": '"Wifi-Pass-42"', **clear})
    st.scan_props({"dst-port": "1", "ipsec-secret": "IpsecPSK77"})
    assert {"S3cretPass", "Wifi-Pass-42", "IpsecPSK77"} <= st.dev.secrets
    assert not state_module.CLEAR_KEYS & {"password", "security.passphrase", "ipsec-secret"}


# ----------------------------------------------------------------------- address-list lines read from their text

# Pieces of address-list ``add`` lines: the common shape (ip_menus._ENTRY_LINE) and what
# must leave it to the general reading — quotes, escapes, brackets, a second "=", empty
# values, flags, a secret, other keys, unquoted or glued comments, odd blanks.
ENTRY_PIECES = [
    "address=10.0.0.0/24",
    "address=203.0.113.7",
    "address=10.1.0.1-10.1.0.9",
    "address=vnexpress.net",
    "address=!10.2.0.0/16",
    "address=",
    'address=""',
    'address="10.3.0.0/24"',
    "address=10.4.0.0/24=x",
    "address=[find]",
    "address=10.5.0.1\u00a0",
    "address=10.6.\u00e90.1",
    "list=BLOCK0",
    "list=BLOCK1",
    "list=DA-QUET",
    'list="May chu"',
    "list=",
    "list=a\\b",
    'comment="entry 7"',
    'comment=""',
    'comment="Chan \\"SSH\\""',
    'comment="[ brackets ]"',
    'comment="a=b c"',
    "comment=plain",
    'comment="glued"x',
    "disabled=yes",
    "disabled=no",
    "timeout=1d",
    "dynamic=yes",
    "password=MatKhau2024",
    "creation-time=2026-09-03",
    "=address=10.7.0.1",
    "bare",
]


def _entry_export(rnd) -> str:
    out = [V7.rstrip("\n"), "/ip firewall address-list"]
    for _ in range(150):
        if rnd.random() < 0.03:
            out.append(rnd.choice(["/ip firewall filter", "/ip firewall address-list", "/ip firewall address-list"]))
            continue
        common = rnd.random() < 0.5  # the common shape, mostly
        pool = ENTRY_PIECES[:2] + ENTRY_PIECES[12:15] + ENTRY_PIECES[18:20] if common else ENTRY_PIECES
        pieces = rnd.sample(pool, rnd.randint(0 if not common else 1, 4))
        sep = rnd.choice([" "] * 12 + ["  ", "\t", "\u00a0"])
        out.append(rnd.choice(["add ", "add ", "add ", "add  ", "set "]) + sep.join(pieces))
        if rnd.random() < 0.04:
            out[-1] += ' \\\n    comment="continued"'
    out.append("/ip firewall filter")
    out += [f"add action=drop chain=forward src-address-list={n}" for n in ("BLOCK0", "BLOCK1", "DA-QUET", "May chu")]
    return "\n".join(out) + "\n"


def _read_state(text: str):
    st = State(text, "r.rsc")
    read(st)
    return (
        st.addr_entries,
        st.expiring_lists,
        st.ignored,
        repr(st.rep),
        st.dev.secrets,
        st.dev.secret_lines,
    )


@pytest.mark.parametrize("seed", range(40))
def test_address_list_lines_read_from_their_text_as_through_their_properties(monkeypatch, seed):
    # ip_menus.address_line against the reading through the properties (_add_line,
    # add_address) and against the fully general one (parse_command, _dispatch)
    text = _entry_export(random.Random(seed))
    direct, direct_state = mikrotik_routeros.parse(text, "r.rsc"), _read_state(text)
    with monkeypatch.context() as m:
        m.setattr(reader, "ADD_TEXTS", {})
        by_props, props_state = mikrotik_routeros.parse(text, "r.rsc"), _read_state(text)
        m.setattr(reader, "ADD_LINES", {})
        general, general_state = mikrotik_routeros.parse(text, "r.rsc"), _read_state(text)
    assert direct_state == props_state == general_state
    assert repr((direct.devices, direct.report)) == repr((by_props.devices, by_props.report))
    assert repr((direct.devices, direct.report)) == repr((general.devices, general.report))


def test_the_random_entries_reach_both_readings():
    from netaudit.parsers.mikrotik_routeros import ip_menus

    taken = left = 0
    for seed in range(40):
        for line in _entry_export(random.Random(seed)).splitlines():
            if line.startswith("add "):
                if ip_menus._ENTRY_LINE.fullmatch(line, 3):
                    taken += 1
                else:
                    left += 1
    assert taken > 1000 and left > 1000
