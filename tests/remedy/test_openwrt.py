"""OpenWrt change sets of ``netaudit fix`` (netaudit/remedy/openwrt/)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from helpers import SAMPLES

from netaudit.audit import run_audit
from netaudit.parsers.openwrt.uci import read
from netaudit.remedy import openwrt
from netaudit.remedy import prove as prove_mod
from netaudit.remedy.plan import DevicePlan

EXPORT = SAMPLES / "openwrt-commune-leaky"  # uci export, CRLF
SHOW = SAMPLES / "openwrt-commune-leaky-rules"  # uci show, DSA VLANs
EXPORT_HOST = "UBND-TanLoc-GW"
SHOW_HOST = "UBND-PhuocHung-GW"


@pytest.fixture(scope="module")
def fixes(tmp_path_factory):
    return {
        "export": prove_mod.run_fix([EXPORT], None, tmp_path_factory.mktemp("ow-export")),
        "show": prove_mod.run_fix([SHOW], None, tmp_path_factory.mktemp("ow-show")),
    }


def _input(folder) -> str:
    """The configuration text as ``netaudit fix`` reads it."""
    return next(folder.glob("*.txt")).read_text(encoding="utf-8-sig")


# --------------------------------------------------------------------------- a uci interpreter


def _state(text: str) -> dict[str, list[list]]:
    """package -> [[type, name or None, {option: tuple of values}]] of a UCI text."""
    out: dict[str, list[list]] = {}
    for s in read(text, "x.txt").sections:
        opts = {k: (o.value,) for k, o in s.options.items()}
        opts |= {k: tuple(o.value for o in items) for k, items in s.lists.items()}
        out.setdefault(s.package, []).append([s.type, None if s.anonymous else s.name, opts])
    return out


def _find(state, package: str, ref: str) -> list:
    m = re.fullmatch(r"@([\w-]+)\[(-?\d+)\]", ref)
    secs = state[package]
    if m is None:
        return next(s for s in secs if s[1] == ref)
    same = [s for s in secs if s[0] == m.group(1)]
    return same[int(m.group(2))]


def _run(state, script: str) -> dict[str, list[list]]:
    """``script``'s uci commands applied to ``state`` the way uci does (other lines skipped)."""
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        if len(words) < 2 or words[0] != "uci" or words[1] in ("commit", "changes"):
            continue
        verb, args = words[1], words[2:]
        if verb == "add":
            state[args[0]].append([args[1], None, {}])
            continue
        path, _, value = args[0].partition("=")
        package, _, rest = path.partition(".")
        sec_ref, _, option = rest.partition(".")
        if verb == "set" and not option and not any(s[1] == sec_ref for s in state[package]):
            state[package].append([value, sec_ref, {}])
            continue
        sec = _find(state, package, sec_ref)
        if verb == "set":
            sec[2][option] = (value,)
        elif verb == "add_list":
            sec[2][option] = (*sec[2].get(option, ()), value)
        elif verb == "delete" and option:
            sec[2].pop(option, None)
        elif verb == "delete":
            state[package].remove(sec)
        elif verb == "reorder":
            state[package].remove(sec)
            state[package].insert(int(value), sec)
        else:
            raise AssertionError(f"uci verb not handled: {line}")
    return state


# --------------------------------------------------------------------------- uci export form


def test_export_proof_holds(fixes):
    res = fixes["export"]
    assert res.lost == []
    assert res.ok, [f.id for f in res.open_severe]
    assert not [r for r in res.devices.values() if r.withdrawn]
    closed = {(f.check, tuple(f.zones)) for f in res.closed}
    assert ("guest-isolation", ("guest", "staff")) in closed
    assert ("guest-isolation", ("guest", "@devices")) in closed
    assert {
        "openwrt-guest-ssid-on-lan",
        "openwrt-guest-zone-input-accept",
        "openwrt-dropbear-password-wan",
        "openwrt-open-wifi-no-isolate",
        "openwrt-uhttpd-plain-http",
        "mgmt-http-server",
        "mgmt-vty-no-access-class",
    } <= {f.check for f in res.closed}
    assert res.remaining == []
    assert not [f for f in res.new if f.severity in ("critical", "high", "medium")]


def test_export_forwarding_deleted_guests_keep_dhcp_dns(fixes):
    rendered = fixes["export"].devices[EXPORT_HOST].rendered
    cs = rendered.change_set
    # the forwarding khach -> lan alone let guests in: deleted (after the option changes,
    # which name sections by their @type[N] index of the input)
    assert "uci delete firewall.@forwarding[3]" in cs
    assert cs.index("uci set firewall.@zone[3].input='REJECT'") < cs.index("uci delete firewall.@forwarding[3]")
    assert "tam thoi cho khach" not in rendered.patched
    khach = rendered.patched.split("option name 'khach'")[1].split("config ")[0]
    assert "option input 'REJECT'" in khach
    # the guest recipe's DHCP and DNS rules stay; its DNS rule is UDP only, so DNS over
    # TCP (answers too large for UDP), which input ACCEPT let through, gets its own accept
    assert "Khach-DHCP" in rendered.patched and "Khach-DNS" in rendered.patched
    assert {ln.split("=")[0] for ln in cs.splitlines() if "netaudit_khach_" in ln and ln.endswith("=rule")} == {
        "uci set firewall.netaudit_khach_dns_tcp"
    }
    assert "uci set firewall.netaudit_khach_dns_tcp.proto='tcp'" in cs
    assert "uci set firewall.netaudit_khach_dns_tcp.target='ACCEPT'" in cs
    # the remote SSH rule from wan is disabled, the services bound to the management port
    assert "uci set firewall.@rule[2].enabled='0'" in cs
    assert "uci set dropbear.@dropbear[0].Interface='quantri'" in cs
    assert "uci delete uhttpd.main.listen_http" in cs
    assert "uci add_list uhttpd.main.listen_https='192.168.99.1:443'" in cs
    # the open SSID on lan joins the guest network, every open SSID is isolated
    assert "uci set wireless.wifinet2.network='khach'" in cs
    assert "uci set wireless.wifinet_khach.isolate='1'" in cs


def test_export_change_set_is_a_reviewed_uci_batch(fixes):
    cs = fixes["export"].devices[EXPORT_HOST].rendered.change_set
    lines = cs.splitlines()
    assert lines[0].startswith("# netaudit change set for UBND-TanLoc-GW")
    backup = lines.index("sysupgrade -b /tmp/netaudit-before.tar.gz")
    changes = lines.index("uci changes")
    first_uci = next(i for i, ln in enumerate(lines) if ln.startswith("uci "))
    assert backup < first_uci and first_uci < changes
    assert lines[changes + 2 :] == [
        "uci commit firewall",
        "/etc/init.d/firewall reload",
        "uci commit dropbear",
        "/etc/init.d/dropbear restart",
        "uci commit uhttpd",
        "/etc/init.d/uhttpd restart",
        "uci commit wireless",
        "wifi reload",
    ]
    assert [ln for ln in lines[:changes] if "commit" in ln and not ln.startswith("#")] == []


def test_export_rollback_recreates_the_forwarding_in_place(fixes):
    rendered = fixes["export"].devices[EXPORT_HOST].rendered
    back = rendered.rollback.splitlines()
    add = back.index("uci add firewall forwarding")
    assert back[add + 1 : add + 5] == [
        "uci set firewall.@forwarding[-1].name='tam thoi cho khach in tai lieu'",
        "uci set firewall.@forwarding[-1].src='khach'",
        "uci set firewall.@forwarding[-1].dest='lan'",
        "uci reorder firewall.@forwarding[-1]=13",
    ]
    # options restored after the structure is back (the @type[N] indexes of the input)
    assert add < back.index("uci set firewall.@zone[3].input='ACCEPT'")
    assert "uci delete firewall.@rule[2].enabled" in back
    assert back[-2:] == ["uci commit wireless", "wifi reload"]


@pytest.mark.parametrize("which", ["export", "show"])
def test_script_gives_patched_and_rollback_gives_input(fixes, which):
    folder = EXPORT if which == "export" else SHOW
    host = EXPORT_HOST if which == "export" else SHOW_HOST
    rendered = fixes[which].devices[host].rendered
    original = _input(folder)
    after = _run(_state(original), rendered.change_set)
    assert after == _state(rendered.patched)
    assert _run(after, rendered.rollback) == _state(original)


@pytest.mark.parametrize("which", ["export", "show"])
def test_patched_parses_cleanly(fixes, which, tmp_path):
    host = EXPORT_HOST if which == "export" else SHOW_HOST
    rendered = fixes[which].devices[host].rendered
    (tmp_path / "r.txt").write_text(rendered.patched)
    audit = run_audit([tmp_path])
    rep = audit.snapshot.reports[0]
    assert rep.vendor == "openwrt"
    assert rep.unrecognized == []
    assert rep.partially_understood == []
    assert rep.warnings == []


def test_notes_in_both_languages(fixes):
    notes = fixes["export"].devices[EXPORT_HOST].rendered.notes
    assert notes and all(n["vi"] and n["en"] and n["vi"] != n["en"] for n in notes)
    vi = " ".join(n["vi"] for n in notes)
    assert "Sao lưu trước" in vi and "sysupgrade -b" in vi and "quản trị" in vi
    en = " ".join(n["en"] for n in notes)
    assert "uci changes" in en and "established" in en and "/root/netaudit-before" in en


# --------------------------------------------------------------------------- uci show form


def test_show_proof_holds(fixes):
    res = fixes["show"]
    assert res.lost == []
    assert res.ok, [f.id for f in res.open_severe]
    closed = {(f.check, tuple(f.zones)) for f in res.closed}
    assert ("guest-isolation", ("guest", "staff")) in closed
    assert ("policy-violation", ("staff", "mgmt")) in closed
    assert ("policy-violation", ("staff", "@devices")) in closed
    assert ("policy-violation", ("internet", "@devices")) in closed
    # SNMP keeps a community (medium): the parser models no source limit for it
    assert {f.check for f, _ in res.remaining} <= {"mgmt-snmp-community"}
    assert not [f for f in res.new if f.severity in ("critical", "high", "medium")]


def test_show_rejects_placed_before_the_accepting_rules(fixes):
    rendered = fixes["show"].devices[SHOW_HOST].rendered
    lines = rendered.patched.splitlines()
    reject = lines.index("firewall.netaudit_guest_staff=rule")
    printer = next(i for i, ln in enumerate(lines) if ln.endswith(".name='Khach in tai lieu (may in phong mot cua)'"))
    first_old = next(i for i, ln in enumerate(lines) if ln.endswith(".name='Allow-DHCP-Renew'"))
    assert reject < first_old < printer
    # uci show numbers anonymous sections by type: three rules were added before @rule[0]
    assert lines[first_old] == "firewall.@rule[3].name='Allow-DHCP-Renew'"
    cs = rendered.change_set
    assert "uci reorder firewall.netaudit_staff_mgmt=4" in cs
    assert "uci set firewall.netaudit_guest_staff.target='REJECT'" in cs
    # the printer rule accepts nothing any more: disabled, not deleted
    assert "uci set firewall.@rule[9].enabled='0'" in cs
    # zone lan holds the management port too: the block names the staff VLAN's device
    assert "uci set firewall.netaudit_staff_mgmt.device='br-lan.10'" in cs


def test_show_lan_zone_closed_but_dhcp_dns_kept(fixes):
    cs = fixes["show"].devices[SHOW_HOST].rendered.change_set
    assert "uci set firewall.@zone[0].input='REJECT'" in cs
    for rule in ("netaudit_lan_dns_udp", "netaudit_lan_dns_tcp", "netaudit_lan_dhcp_udp", "netaudit_lan_mgmt_in"):
        assert f"uci set firewall.{rule}=rule" in cs
        assert f"uci reorder firewall.{rule}=" not in cs  # appended: after the existing rules
    assert "uci set firewall.netaudit_lan_dhcp_udp.dest_port='67'" in cs
    assert "uci set firewall.netaudit_lan_mgmt_in.device='lan3'" in cs
    # guests keep DHCP and DNS, over TCP too (answers too large for UDP): nothing refused
    assert "netaudit_khach_dns" not in cs
    assert "uci set firewall.@rule[8].enabled" not in cs
    # the default Allow-Ping and the remote LuCI rule from wan are disabled
    assert "uci set firewall.@rule[1].enabled='0'" in cs
    assert "uci set firewall.@rule[10].enabled='0'" in cs
    assert "uci set snmpd.public.source='10.20.99.0/24'" in cs
    assert "snmpd.private.source" not in cs  # the localhost community stays


# --------------------------------------------------------------------------- other inputs


def test_files_form_proof_holds(tmp_path):
    """``tail -n +1 /etc/config/*``: the export sample as concatenated files."""
    folder = tmp_path / "files"
    folder.mkdir()
    shutil.copy(EXPORT / "site.yaml", folder / "site.yaml")
    text = _input(EXPORT).replace("\r\n", "\n")
    text = re.sub(r"^package (\w+)$", r"==> /etc/config/\1 <==", text, flags=re.M)
    (folder / "ubnd-tanloc.txt").write_text(text)
    res = prove_mod.run_fix([folder], None, tmp_path / "fix")
    assert res.lost == [] and res.ok
    patched = res.devices[EXPORT_HOST].rendered.patched
    assert "==> /etc/config/firewall <==" in patched and "package " not in patched
    audit = run_audit([tmp_path / "fix" / "after"])
    assert audit.snapshot.reports[0].unrecognized == []


def test_wan_zone_switched_to_reject_keeps_dhcp_renew(tmp_path):
    """A wan zone with input ACCEPT and no Allow-DHCP-Renew: REJECT, and the router's
    DHCP lease renewals (udp/68) accepted by a rule of their own."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SHOW / "site.yaml", folder / "site.yaml")
    text = _input(SHOW).replace("firewall.@zone[1].input='REJECT'", "firewall.@zone[1].input='ACCEPT'")
    text = "".join(ln for ln in text.splitlines(keepends=True) if not ln.startswith("firewall.@rule[0]"))
    (folder / "r.txt").write_text(text)
    res = prove_mod.run_fix([folder], None, tmp_path / "fix")
    assert res.lost == [] and res.ok
    cs = res.devices[SHOW_HOST].rendered.change_set
    assert "uci set firewall.@zone[1].input='REJECT'" in cs
    assert "uci set firewall.netaudit_wan_dhcp_renew.dest_port='68'" in cs
    assert "uci set firewall.netaudit_wan_dhcp_renew.family='ipv4'" in cs


def test_crlf_input_keeps_its_line_ends(fixes):
    dp = fixes["export"].plan.devices[EXPORT_HOST]
    device = fixes["export"].before.topology.devices[EXPORT_HOST]
    raw = next(EXPORT.glob("*.txt")).read_bytes().decode()
    assert "\r\n" in raw
    patched = openwrt.render(dp, device, raw).patched
    assert patched.count("\n") == patched.count("\r\n")


def test_compliant_router_needs_no_change():
    audit = run_audit([SAMPLES / "openwrt-commune-compliant"])
    assert not audit.findings
    device = next(iter(audit.topology.devices.values()))
    text = _input(SAMPLES / "openwrt-commune-compliant")
    rendered = openwrt.render(DevicePlan(device.hostname, "openwrt", device.file), device, text)
    assert "# nothing to change" in rendered.change_set
    assert "uci " not in rendered.change_set
    assert rendered.patched == text
    assert rendered.notes == []


def test_a_zone_closed_to_the_router_keeps_ipv6_working(tmp_path):
    """An OpenWrt lan serving IPv6 (ip6assign: RA and DHCPv6 by odhcpd) whose input goes
    from ACCEPT to REJECT: fw4 accepts no neighbour or router solicitation, no DHCPv6 by
    itself, so IPv6 stopped working on the lan — unseen by the proof, which reads IPv4.
    The router keeps answering them (and nothing else over IPv6 it did not before)."""
    from pathlib import Path

    src = Path(__file__).parent / "leaky" / "owrt1-guest-input-accept"
    text = (src / "ubnd-xa-an-hiep.txt").read_text()
    old = "\toption ipaddr '192.168.1.1'\n\toption netmask '255.255.255.0'\n"
    assert old in text
    net = tmp_path / "in"
    net.mkdir()
    (net / "ubnd-xa-an-hiep.txt").write_text(text.replace(old, old + "\toption ip6assign '60'\n", 1))
    shutil.copyfile(src / "site.yaml", net / "site.yaml")
    res = prove_mod.run_fix([net], net / "site.yaml", tmp_path / "fix")
    cs = res.devices["UBND-AnHiep"].rendered.change_set
    assert "uci set firewall.@zone[1].input='REJECT'" in cs  # lan
    assert "uci set firewall.netaudit_lan_icmpv6.family='ipv6'" in cs
    for icmp in ("router-solicitation", "neighbour-solicitation", "neighbour-advertisement", "packet-too-big"):
        assert f"uci add_list firewall.netaudit_lan_icmpv6.icmp_type='{icmp}'" in cs
    assert "uci add_list firewall.netaudit_lan_icmpv6.icmp_type='echo-request'" not in cs
    assert "uci set firewall.netaudit_lan_dhcpv6.dest_port='547'" in cs
    assert "netaudit_guest_icmpv6" not in cs  # the guest network serves no IPv6
    assert res.lost == [] and res.ok


RESOLVER = Path(__file__).parent / "leaky" / "owrt5-wan-dns-rule"
RESOLVER_FILE = "ubnd-xa-long-phuoc.txt"
RESOLVER_HOST = "UBND-LongPhuoc"


def test_a_wan_dns_rule_is_dropped_above_and_disabled(tmp_path):
    """owrt5: dnsmasq with localservice '0' and a rule accepting DNS from wan (for the
    province's VPN): a DROP rule for wan tcp/udp 53 goes before the first rule, the old
    accept — dead now — is disabled, and the LAN keeps its resolver."""
    res = prove_mod.run_fix([RESOLVER], RESOLVER / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    assert ("policy-violation", ("internet", "@devices")) in {(f.check, tuple(f.zones)) for f in res.closed}
    cs = res.devices[RESOLVER_HOST].rendered.change_set
    name = "firewall.netaudit_wan_53_drop"
    for line in (f"{name}.src='wan'", f"{name}.proto='tcp udp'", f"{name}.dest_port='53'", f"{name}.target='DROP'"):
        assert f"uci set {line}" in cs
    assert f"uci reorder {name}=4" in cs  # before Allow-DHCP-Renew, the first rule
    assert "uci set firewall.@rule[1].enabled='0'" in cs  # 'DNS cho phong mot cua (VPN tinh)'
    assert f"{name}.family" not in cs  # IPv4 and IPv6 alike
    after = run_audit([tmp_path / "fix" / "after"], tmp_path / "fix" / "after" / "site.yaml")
    cells = {(c.src, c.dst): c for c in after.matrix}
    assert not {"udp/53", "tcp/53"} & set(cells[("internet", "@devices")].services)
    assert {"udp/53", "tcp/53"} <= set(cells[("staff", "@devices")].services)


def test_a_wan_switched_to_reject_needs_no_dns_drop(tmp_path):
    """The same router with wan input ACCEPT (SSH reached from the Internet) and no DNS
    rule: wan goes to input REJECT, which closes DNS there too — no DNS is accepted again
    on wan and no drop rule is added (closed already: the proof says so)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "site.yaml").write_text((RESOLVER / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    text = (RESOLVER / RESOLVER_FILE).read_text(encoding="utf-8")
    rule = text[text.index("\nconfig rule\n\toption name 'DNS cho") : text.index("\npackage network")]
    text = text.replace(rule, "").replace("option Interface 'lan'\n", "")
    text = text.replace(
        "option name 'wan'\n\tlist network 'wan'\n\toption input 'REJECT'",
        "option name 'wan'\n\tlist network 'wan'\n\toption input 'ACCEPT'",
    )
    assert "option input 'ACCEPT'\n\toption output 'ACCEPT'\n\toption forward 'REJECT'\n\toption masq" in text
    (folder / RESOLVER_FILE).write_text(text, encoding="utf-8")
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    assert [c.service for dp in res.plan.devices.values() for c in dp.closes]  # the plan asked for it
    cs = res.devices[RESOLVER_HOST].rendered.change_set
    assert "uci set firewall.@zone[1].input='REJECT'" in cs  # wan
    assert "_drop=rule" not in cs and ".src='wan'" not in cs
    after = run_audit([tmp_path / "fix" / "after"], tmp_path / "fix" / "after" / "site.yaml")
    cells = {(c.src, c.dst): c for c in after.matrix}
    assert not {"udp/53", "tcp/53"} & set(cells[("internet", "@devices")].services)
