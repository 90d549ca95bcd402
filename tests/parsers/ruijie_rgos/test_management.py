"""Ruijie RGOS management plane (netaudit/parsers/ruijie_rgos/management.py, convert.py;
docs/vendors/ruijie_rgos.md, "Management plane"): the servers ``enable service`` switches
on or off, what stays unknown when nothing in the file says, the vty access-class, and
the secrets of every RGOS credential line."""

from __future__ import annotations

from helpers import matrix, parse_one

from netaudit.parsers import ruijie_rgos
from netaudit.secrets import Masker

from .core_text import ZONES, core


def device_cell(globals_: str, src: str = "guest"):
    dev, _ = parse_one(ruijie_rgos, core(globals_), "core.cfg")
    cells, _ = matrix([dev], ZONES)
    return dev, cells[(src, "@devices")]


EVERYTHING_OFF = """\
no enable service telnet-server
no enable service ssh-server
no enable service web-server all
"""


def test_servers_switched_off_are_not_reachable():
    dev, c = device_cell(EVERYTHING_OFF)
    assert {s.name for s in dev.services} == {"icmp-echo"}
    assert (c.verdict, c.services) == ("reachable", ["icmp/8"])


def test_ssh_switched_on_listens_on_tcp_22():
    _, c = device_cell(EVERYTHING_OFF.replace("no enable service ssh-server", "enable service ssh-server"))
    assert (c.verdict, c.services) == ("reachable", ["icmp/8", "tcp/22"])


def test_a_server_nothing_mentions_is_unknown_never_absent():
    # telnet: RGOS's default on this release is not established — maybe listening
    dev, c = device_cell(EVERYTHING_OFF.replace("no enable service telnet-server\n", ""))
    telnet = next(s for s in dev.services if s.name == "telnet")
    assert telnet.partial and "neither enables nor disables" in str(telnet.partial)
    assert c.verdict == "reachable" and "tcp/23" not in c.services  # only ICMP for sure
    assert "tcp/23" in c.maybe_services  # and telnet maybe


def test_a_bare_no_enable_service_web_server_leaves_https_unknown_never_off():
    # `no enable service web-server` without a kind: HTTP off for sure; whether the line
    # covers HTTPS is not established — HTTPS maybe, with that line as the reason, not
    # "blocked"; an earlier `enable service web-server https` no longer holds for sure
    for before in ("", "enable service web-server https\n"):
        dev, c = device_cell(
            EVERYTHING_OFF.replace("no enable service web-server all\n", before + "no enable service web-server\n")
        )
        https = next(s for s in dev.services if s.name == "https")
        assert "http" not in {s.name for s in dev.services}
        assert "whether the line switches HTTPS too is not established" in str(https.partial)
        assert (c.services, c.maybe_services) == (["icmp/8"], ["tcp/443"])
    # a kind named after it decides
    dev, c = device_cell(
        EVERYTHING_OFF.replace(
            "no enable service web-server all\n", "no enable service web-server\nno enable service web-server https\n"
        )
    )
    assert (c.services, c.maybe_services) == (["icmp/8"], [])


def test_web_server_kinds_and_port():
    dev, _ = device_cell(
        "no enable service telnet-server\nno enable service ssh-server\n"
        "enable service web-server https\nno enable service web-server http\nip http secure-port 8443\n"
    )
    web = {s.name: s.ports[0].lo for s in dev.services if s.name in ("http", "https")}
    assert web == {"https": 8443}
    dev, _ = device_cell("enable service web-server\n")  # bare: HTTP for sure, HTTPS not established
    web = {s.name: bool(s.partial) for s in dev.services if s.name in ("http", "https")}
    assert web == {"http": False, "https": True}


def test_vty_access_class_restricts_ssh():
    globals_ = "enable service ssh-server\nno enable service telnet-server\nno enable service web-server all\n"
    globals_ += "ip access-list standard QT\n 10 permit 10.0.10.0 0.0.0.255\n"
    text = core(globals_).replace("line vty 0 4\n", "line vty 0 4\n access-class QT in\n")
    dev, _ = parse_one(ruijie_rgos, text, "core.cfg")
    cells, _ = matrix([dev], ZONES)
    assert cells[("staff", "@devices")].services == ["icmp/8", "tcp/22"]
    assert cells[("guest", "@devices")].services == ["icmp/8"]


def test_snmp_agent_switched_off_has_no_service_and_community_type_is_skipped():
    dev, rep = parse_one(
        ruijie_rgos, core("snmp-server community 7 0822455d0a16 ro\nno enable service snmp-agent\n"), "core.cfg"
    )
    assert not rep.unrecognized
    assert "snmp" not in {s.name for s in dev.services}
    assert dev.facts.snmp_communities[0].mode == "ro"


def test_an_undefined_access_class_or_snmp_acl_leaves_the_service_unknown_not_open():
    # IOS lets every source in through an ACL that does not exist; RGOS's rule is not
    # established: the guest's SSH and SNMP to the switch are maybe, never "reachable"
    globals_ = "enable service ssh-server\nno enable service telnet-server\nno enable service web-server all\n"
    globals_ += "enable service snmp-agent\nsnmp-server community 0 pub ro NMS-KHONG-CO\n"
    text = core(globals_).replace("line vty 0 4\n", "line vty 0 4\n access-class QT-KHONG-CO in\n")
    dev, rep = parse_one(ruijie_rgos, text, "core.cfg")
    cells, _ = matrix([dev], ZONES)
    c = cells[("guest", "@devices")]
    assert (c.verdict, c.services) == ("reachable", ["icmp/8"])
    assert {"tcp/22", "udp/161"} <= set(c.maybe_services)
    assert {p["reason"].key for p in rep.partially_understood if p["construct"].startswith("service ")} == {
        "input.ruijie.acl_undefined"
    }


def test_a_community_tied_to_one_manager_is_unknown_and_names_no_acl():
    # `snmp-server community … ro host A` (RG-WLAN guide, "Configuring SNMP"): the IOS
    # reader took `host` and A for ACL names — an undefined reference, and SNMP open to
    # every zone; the tie to one manager is not modelled, so SNMP is maybe, and an ACL
    # given with it still blocks who it denies
    globals_ = "no enable service ssh-server\nno enable service telnet-server\nno enable service web-server all\n"
    globals_ += "enable service snmp-agent\nip access-list standard NMS\n 10 permit 10.0.10.0 0.0.0.255\n"
    dev, _rep = parse_one(ruijie_rgos, core(globals_ + "snmp-server community 0 pub ro host 10.0.10.5\n"), "core.cfg")
    assert not [r for r in dev.references if not r.defined]
    cells, _ = matrix([dev], ZONES)
    c = cells[("guest", "@devices")]
    assert (c.services, c.maybe_services) == (["icmp/8"], ["udp/161"])
    dev, _ = parse_one(ruijie_rgos, core(globals_ + "snmp-server community 0 pub ro host 10.0.10.5 NMS\n"), "core.cfg")
    cells, _ = matrix([dev], ZONES)
    assert (cells[("guest", "@devices")].services, cells[("guest", "@devices")].maybe_services) == (["icmp/8"], [])
    assert cells[("staff", "@devices")].maybe_services == ["udp/161"]


SECRET_LINES = """\
enable secret 5 $1$sMod$x6z4CpwF27sAv82q
enable password 7 0822455d0a16
username quantri password 7 09434e0a1b1c5a4b
username admin privilege 15 secret 8 $1c$2MjWkWWQEE$fr0268lb
webmaster level 0 username admin password 7 0132564a3d11031e527d46
webmaster level 2 username xem password 0 Xem@2024
snmp-server community 7 07032e4a5a1c ro
snmp-server community guest rw
"""


def test_every_credential_line_is_a_secret_and_masked():
    text = core(SECRET_LINES)
    dev, rep = parse_one(ruijie_rgos, text, "core.cfg")
    assert not rep.unrecognized
    values = {v for vs in dev.secret_lines.values() for v in vs}
    expected = {
        "$1$sMod$x6z4CpwF27sAv82q",
        "0822455d0a16",
        "09434e0a1b1c5a4b",
        "$1c$2MjWkWWQEE$fr0268lb",
        "0132564a3d11031e527d46",
        "Xem@2024",
        "07032e4a5a1c",
        "guest",
    }
    assert expected <= values, expected - values
    m = Masker([dev], ["guest"])
    lines = text.split("\n")
    for n, line in enumerate(lines, 1):
        masked = m.line(line, "core.cfg", n)
        assert not any(s in masked for s in expected - {"guest"}), masked
    assert m.line(
        "webmaster level 2 username xem password 0 Xem@2024",
        "core.cfg",
        lines.index("webmaster level 2 username xem password 0 Xem@2024") + 1,
    ).endswith("******")
    assert dev.facts.web_admins == ["admin", "xem"]


def test_password_policy_lines_hold_no_secret():
    # `password policy strong`: the word after `password` is no password — masking
    # "policy" would blank the word in every report line
    dev, rep = parse_one(ruijie_rgos, core("password policy min-size 8\npassword policy strong\n"), "core.cfg")
    assert not rep.unrecognized
    assert not {v for vs in dev.secret_lines.values() for v in vs}


def test_snmpv3_privacy_keys_after_rgos_cipher_words_are_masked_not_the_words():
    # `priv des56|aes192|aes256 KEY` (RGOS's words): the IOS reader took the cipher word
    # for the key — the key itself was printed in every report
    lines = [
        "snmp-server user nms grp v3 auth md5 RjA-1 priv des56 RjP-1",
        "snmp-server user nms grp v3 encrypted auth sha RjA-2 priv aes256 RjP-2",
        "snmp-server user nms grp v3 auth sha256 RjA-3 priv aes192 RjP-3",
    ]
    text = core("\n".join(lines) + "\n")
    dev, _ = parse_one(ruijie_rgos, text, "core.cfg")
    assert {v for vs in dev.secret_lines.values() for v in vs} == {f"Rj{k}-{i}" for k in "AP" for i in (1, 2, 3)}
    m = Masker([dev], ["guest"])
    for n, line in enumerate(text.split("\n"), 1):
        if line.startswith("snmp-server user"):
            masked = m.line(line, "core.cfg", n)
            assert "Rj" not in masked and ("des56" in masked or "aes" in masked), masked
