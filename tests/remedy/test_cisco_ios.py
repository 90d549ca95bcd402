"""Cisco IOS change sets of ``netaudit fix`` (netaudit/remedy/cisco_ios.py, docs/remedy.md)."""

from __future__ import annotations

import gc
import re
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import FIXTURES, SAMPLES, collector_states, run_cli
from netaddr import IPNetwork

from netaudit import filters
from netaudit.audit import run_audit
from netaudit.headerspace import service_match
from netaudit.model import Action, Filter, FilterLine, Match, Src
from netaudit.remedy import Block, DevicePlan, cisco_ios, derive
from netaudit.remedy import prove as prove_mod
from netaudit.remedy.entries import addr_match

LEAKY = SAMPLES / "cisco-commune-leaky"


@pytest.fixture(scope="module")
def leaky_fix(tmp_path_factory):
    return prove_mod.run_fix([LEAKY], None, tmp_path_factory.mktemp("fix"))


def test_leaky_proof_holds(leaky_fix):
    res = leaky_fix
    assert res.lost == []
    assert res.ok, [f.id for f in res.open_severe]
    closed = {f.check for f in res.closed}
    assert {"guest-isolation", "mgmt-telnet", "mgmt-http-server", "undefined-reference", "spoofing"} <= closed
    assert not [r for r in res.devices.values() if r.withdrawn]


def test_forging_zone_gets_strict_urpf_where_it_enters(leaky_fix):
    # The counter zone could forge source addresses (spoofing finding): strict uRPF on its
    # gateway, the parser reads it back as strict, the rollback takes it away again.
    rendered = leaky_fix.devices["UBNDHB-CORE"].rendered
    assert " ip verify unicast source reachable-via rx" in rendered.change_set.splitlines()
    assert " no ip verify unicast source reachable-via rx" in rendered.rollback.splitlines()
    after = {d.hostname: d for d in leaky_fix.after.snapshot.devices}["UBNDHB-CORE"]
    assert after.interfaces["Vlan30"].urpf == "strict"


def test_patched_parses_fully(leaky_fix, tmp_path):
    res = leaky_fix
    for name in ("UBNDHB-CORE", "UBNDHB-RT"):
        rendered = res.devices[name].rendered
        assert rendered is not None
        (tmp_path / f"{name}.cfg").write_text(rendered.patched)
    audit = run_audit([tmp_path])
    assert len(audit.snapshot.reports) == 2
    for rep in audit.snapshot.reports:
        assert not rep.unrecognized and not rep.partially_understood and not rep.warnings


@pytest.fixture(scope="module")
def core():
    audit = run_audit([LEAKY])
    plan = derive(audit)
    dp = plan.devices["UBNDHB-CORE"]
    dev = audit.topology.devices["UBNDHB-CORE"]
    text = (LEAKY / "core-sw.cfg").read_text()
    return dp, dev, text, cisco_ios.render(dp, dev, text)


def _acl_blocks(change_set: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    name = None
    for line in change_set.splitlines():
        m = re.match(r"^ip access-list (?:extended|standard) (\S+)", line)
        if m:
            name = m.group(1)
            out.setdefault(name, [])
        elif line.startswith(" ") and name:
            out[name].append(line.strip())
        else:
            name = None
    return out


def test_change_set_commands(core):
    _, _, _, r = core
    cs = r.change_set
    for cmd in (
        "configure terminal",
        "ip access-list resequence ACL-WIFI-KHACH-IN 1000 10",
        " 10 deny ip 10.10.99.0 0.0.0.255 any",  # a forged management source, first
        "interface Vlan30",
        " ip access-group NETAUDIT-Vlan30-IN in",
        " permit tcp any 10.10.20.0 0.0.0.255 eq 80",
        "line vty 0 4",
        " transport input ssh",
        " access-class NETAUDIT-MGMT in",
        "no ip http server",
        "end",
    ):
        assert cmd in cs.splitlines(), cmd
    assert any(re.fullmatch(r" \d+ deny ip any 10\.10\.10\.0 0\.0\.0\.255", ln) for ln in cs.splitlines())
    # an allowed service is permitted before the block of its cell
    lines = cs.splitlines()
    assert lines.index(" permit tcp any 10.10.20.0 0.0.0.255 eq 80") < lines.index(" deny ip any 10.10.20.0 0.0.0.255")
    assert "reload in 10" in cs and "write memory" in cs  # safety notes as comments
    assert r.notes and all({"vi", "en"} <= set(n) for n in r.notes)


def test_existing_acl_keeps_old_lines_after_new(core):
    _, _, _, r = core
    lines = r.patched.splitlines()
    start = lines.index("ip access-list extended ACL-WIFI-KHACH-IN")
    body = []
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break
        body.append(line.strip())
    first_old = body.index("remark === Wifi cho nguoi dan: chi DHCP/DNS toi gateway va Internet ===")
    assert "deny ip any 10.10.10.0 0.0.0.255" in body[:first_old]
    assert body[first_old:][-2:] == ["permit ip 10.10.40.0 0.0.0.255 any", "deny   ip any any log"]


def test_no_acl_gets_permit_any_at_end():
    audit = run_audit([LEAKY])
    dev = audit.topology.devices["UBNDHB-RT"]
    dp = DevicePlan(dev.hostname, dev.vendor, dev.file)
    dp.blocks.append(
        Block(
            dev.hostname,
            "GigabitEthernet0/1",
            "in",
            "staff",
            "x",
            [IPNetwork("10.10.10.0/24")],
            [IPNetwork("192.0.2.0/24")],
        )
    )
    r = cisco_ios.render(dp, dev, (LEAKY / "edge-rt.cfg").read_text())
    acls = _acl_blocks(r.change_set)
    new = acls["NETAUDIT-GigabitEthernet0-1-IN"]
    assert new[-1] == "permit ip any any"
    assert "deny ip 10.10.10.0 0.0.0.255 192.0.2.0 0.0.0.255" in new
    assert " ip access-group NETAUDIT-GigabitEthernet0-1-IN in" in r.change_set.splitlines()
    assert "no ip access-list extended NETAUDIT-GigabitEthernet0-1-IN" in r.rollback


def test_never_a_new_acl_of_only_denies(core):
    """Every ACL the change set creates (not one it inserts into) permits something."""
    _, dev, _, r = core
    for name, entries in _acl_blocks(r.change_set).items():
        if name in dev.filters and dev.filters[name].kind != "synthesized":
            continue  # an existing ACL: entries inserted at its top
        actions = [e.split()[0] for e in entries if e.split()[0] in ("permit", "deny")]
        assert "permit" in actions, f"{name} is denies only: its implicit deny would cut every other flow"
        if name.startswith("NETAUDIT-") and name != "NETAUDIT-MGMT":
            assert entries[-1] == "permit ip any any"


def test_rollback(core):
    _, _, _, r = core
    rb = r.rollback.splitlines()
    assert rb[1] == "configure terminal" and rb[-1] == "end"
    assert " ip access-group ACL-MOT-CUA-IN in" in rb  # the old binding back
    assert "no ip access-list extended NETAUDIT-Vlan30-IN" in rb
    assert " transport input telnet ssh" in rb
    assert "ip http server" in rb
    assert " no 10" in rb  # the inserted entries of ACL-WIFI-KHACH-IN


def _permits_whole(renderer, lines, base, packets) -> bool:
    """The definition: ``lines`` then ``base`` read as one filter, its certainly or maybe
    permitted packets meeting ``packets``."""
    hs = renderer.hs
    if base is None:
        flt = Filter("probe", [*lines, FilterLine(Action.PERMIT, [Match()], Src("netaudit", 0))])
    else:
        flt = Filter("probe", [*lines, *base.lines], base.default_action)
    sure, maybe, _ = filters.permitted(hs, flt, filters.line_sets(hs, flt, None, None))
    return ((sure | maybe) & packets) != hs.false


def test_permits_is_the_prefixed_filter_read_whole(core):
    """``_Renderer.permits`` reads netaudit's own entries on the packets and meets the
    rest with the ACL's permitted set kept per ACL (issue #15: a 50,000-line ACL read
    whole per question); the answer is the prefixed filter's, read whole, for every
    ACL of the leaky core (partial lines included), every prefix and every packet set."""
    dp, dev, text, _ = core
    renderer = cisco_ios._Renderer(dp, dev, text)
    hs = renderer.hs
    nets = [None, *(IPNetwork(n) for n in ("10.10.10.0/24", "10.10.20.0/24", "10.10.30.0/24", "10.10.40.0/24"))]
    prefixes = [
        [],
        [cisco_ios.Ace("deny", None, None, IPNetwork("10.10.10.0/24")).line()],
        [
            cisco_ios.Ace("deny", 6, None, IPNetwork("10.10.20.1/32"), ports=(22, 22)).line(),
            cisco_ios.Ace("permit", 6, None, IPNetwork("10.10.10.0/24"), established=True).line(),
            cisco_ios.Ace("deny", None, None, IPNetwork("10.10.0.0/16")).line(),
        ],
        [cisco_ios.Ace("permit", 17, IPNetwork("10.10.40.0/24"), None, ports=(53, 53)).line()],
    ]
    bases = [None, *(f for f in dev.filters.values() if f.kind != "synthesized")]
    guest = dev.filters["ACL-WIFI-KHACH-IN"]
    # A line read only in part (a time-range, say): its packets are maybe permitted.
    bases.append(
        Filter(
            "with-partial",
            [replace(line, partial="time-range") if i == 1 else line for i, line in enumerate(guest.lines)],
            guest.default_action,
        )
    )
    prefixes.append([replace(prefixes[1][0], partial="not netaudit's own")])
    answers = set()
    for base in bases:
        for lines in prefixes:
            for src in nets:
                for dst in nets:
                    for service in ("ip", "tcp/22", "udp/53", "icmp/8"):
                        ends = Match(src=addr_match(src), dst=addr_match(dst))
                        packets = hs.match(ends) & hs.match(service_match(service))
                        want = _permits_whole(renderer, lines, base, packets)
                        assert renderer.permits(lines, base, packets) == want, (
                            base and base.name,
                            lines,
                            src,
                            dst,
                            service,
                        )
                        answers.add(want)
    assert answers == {True, False}  # both answers are asked


def test_fix_runs_with_the_cyclic_collector_paused(monkeypatch, tmp_path):
    """``fix`` reads patched filters with BDDs outside its audits too (shadowed rules of a
    RouterOS patch) and parses whole exports: the collector is off throughout, as in an
    audit (netaudit/collector.py), and back on after."""
    seen = collector_states(monkeypatch, prove_mod, "_render")
    assert gc.isenabled()
    prove_mod.run_fix([LEAKY], None, tmp_path / "fix")
    assert seen == [False] and gc.isenabled()


# --------------------------------------------------------------------------- sweep of real inputs

LEAKY_DIR = Path(__file__).parent / "leaky"


def test_change_at_the_end_of_a_file_without_end_is_in_the_patched_copy():
    """A configuration whose last line is not ``end`` and that has no ``line vty``: the new
    vty block went into the change set but not into the patched copy the proof audits —
    the proof then judged a device without the change."""
    folder = LEAKY_DIR / "ios5-no-end-no-vty"
    audit = run_audit([folder], folder / "site.yaml")
    dp = derive(audit).devices["PhuMy-RT"]
    assert {r.service for r in dp.restricts} >= {"telnet"}
    text = (folder / "ubnd-xa-phu-my.cfg").read_text()
    assert not re.search(r"^end\s*$", text, re.M)
    r = cisco_ios.render(dp, audit.topology.devices["PhuMy-RT"], text)
    assert "line vty 0 4" in r.change_set.splitlines()
    patched = r.patched.splitlines()
    assert patched[-2:] == ["line vty 0 4", " transport input ssh"]
    assert any("Before Telnet goes" in n["en"] for n in r.notes)  # said with no vty in the text too


def test_strict_urpf_on_the_internet_side_keeps_the_default_route():
    """Strict uRPF without allow-default ignores the default route: on the interface the
    Internet comes in by, every packet from the Internet — every reply to the office's own
    sessions — would be dropped. There it is ``reachable-via rx allow-default``."""
    folder = LEAKY_DIR / "ios4-shared-acl-numbered"
    audit = run_audit([folder], folder / "site.yaml")
    dp = derive(audit).devices["DongTien-RT"]
    assert "FastEthernet0/0" in {a.interface for a in dp.antispoofs}  # the WAN, address by DHCP
    dev = audit.topology.devices["DongTien-RT"]
    r = cisco_ios.render(dp, dev, (folder / "ubnd-xa-dong-tien.cfg").read_text())
    cs = r.change_set.splitlines()
    wan = cs.index("interface FastEthernet0/0", cs.index("interface FastEthernet0/0") + 1)
    assert cs[wan + 1] == " ip verify unicast source reachable-via rx allow-default"
    lan = [i for i, ln in enumerate(cs) if ln == "interface FastEthernet0/3"][-1]
    assert cs[lan + 1] == " ip verify unicast source reachable-via rx"  # inside: strict, no default
    assert " no ip verify unicast source reachable-via rx allow-default" in r.rollback.splitlines()


def test_left_open_findings_say_why_not_no_change(tmp_path):
    """A static NAT into staff (no stateless ACL closes it) and services on an address
    learned by DHCP (no ACL entry can name it): the README said "the plan has no
    configuration change for this finding" for both."""
    folder = LEAKY_DIR / "ios1-isr-httpserver"
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "nat")
    why = {tuple(f.zones): w["en"] for f, w in res.remaining}
    assert "static NAT" in why[("internet", "staff")] and "192.168.10.50" in why[("internet", "staff")]
    folder = LEAKY_DIR / "ios4-shared-acl-numbered"
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "dhcp")
    why = {tuple(f.zones): w["en"] for f, w in res.remaining}
    assert "run time" in why[("staff", "@devices")] and "FastEthernet0/0" in why[("staff", "@devices")]
    assert not [w for w in why.values() if "no configuration change" in w]


def test_without_management_zone_the_console_is_said():
    """No management zone: the ACLs stop SSH/HTTPS from every zone that reached them, so
    the note must say the change goes in from the console — not "SSH is not limited"."""
    folder = LEAKY_DIR / "ios1-isr-httpserver"
    audit = run_audit([folder], folder / "site.yaml")
    dp = derive(audit).devices["UBND-HoaThanh"]
    r = cisco_ios.render(dp, audit.topology.devices["UBND-HoaThanh"], (folder / "ubnd-xa-hoa-thanh.cfg").read_text())
    notes = [n["en"] for n in r.notes]
    assert any("from the console" in n and "guest" in n and "staff" in n for n in notes)
    assert not any("SSH is not limited to a source" in n for n in notes)


def test_a_forged_management_source_is_denied_where_management_cannot_arrive(tmp_path):
    """ios2: SSH and SNMP (RW) limited to the management subnet by access-class and
    community ACL — by source address only: a guest, staff or Internet host claiming a
    management address still got in (one forged UDP packet is an SNMP set), and the proof
    "held" with three new high spoofing findings. Every interface but the management one
    now denies the management subnet as a source, first."""
    folder = LEAKY_DIR / "ios2-guest-acl-typo"
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert not [f for f in res.new if f.check == "spoofing"]
    assert res.ok and res.lost == []
    cs = res.devices["UBND-P3-RT"].rendered.change_set
    for acl in ("NETAUDIT-GigabitEthernet0-1-10-IN", "NETAUDIT-GigabitEthernet0-0-IN"):
        body = cs.split(f"ip access-list extended {acl}\n", 1)[1].splitlines()
        assert body[0] == " deny ip 10.3.99.0 0.0.0.255 any", acl
    guest = cs.split("ip access-list extended GUEST-IN\n", 1)[1].splitlines()
    assert guest[0] == " 10 deny ip 10.3.99.0 0.0.0.255 any"
    mgmt = cs.split("ip access-list extended NETAUDIT-GigabitEthernet0-1-99-IN\n", 1)[1].split("exit")[0]
    assert "deny ip 10.3.99.0 0.0.0.255 any" not in mgmt  # where management does come from


def test_smart_install_the_config_does_not_show_is_turned_off_and_proven(leaky_fix):
    """The leaky core (a 3750-X, 15.2) says nothing about Smart Install: the change set
    adds ``no vstack`` (idempotent where it is already off), the patched copy states it,
    the re-audit reads it as off and the unproven finding is closed.  No rollback line:
    whether the client was on is what the configuration did not show."""
    rendered = leaky_fix.devices["UBNDHB-CORE"].rendered
    assert "no vstack" in rendered.change_set.splitlines()
    assert "vstack" not in rendered.rollback
    patched = rendered.patched.splitlines()
    assert patched.index("no vstack") < patched.index("line con 0")
    after = {d.hostname: d for d in leaky_fix.after.snapshot.devices}["UBNDHB-CORE"]
    assert after.facts.smart_install == "off"
    assert "ios-smart-install" in {f.check for f in leaky_fix.closed}


def _smi_render(text: str, name: str, tmp_path):
    (tmp_path / name).write_text(text)
    audit = run_audit([tmp_path])
    (dev,) = audit.topology.devices.values()
    dp = derive(audit).devices[dev.hostname]
    return cisco_ios.render(dp, dev, text), [f for f in audit.findings if f.check == "ios-smart-install"]


def test_a_vstack_line_becomes_no_vstack_with_vstack_as_its_rollback(tmp_path):
    text = (FIXTURES / "cisco_ios" / "access-2960-vstack.cfg").read_text()
    r, (f,) = _smi_render(text, "sw.cfg", tmp_path)
    assert "no vstack" in r.change_set.splitlines() and "vstack" in r.rollback.splitlines()
    assert r.patched.splitlines().count("no vstack") == 1 and "vstack" not in r.patched.splitlines()
    assert f.id not in r.left


def test_a_smart_install_director_is_left_to_the_unit(tmp_path):
    text = (FIXTURES / "cisco_ios" / "dist-3750x-director.cfg").read_text()
    r, (f,) = _smi_render(text, "dist.cfg", tmp_path)
    assert "no vstack" not in r.change_set
    assert "director" in r.left[f.id]["en"] and "director" in r.left[f.id]["vi"]


def test_an_open_resolver_is_denied_on_the_wan_only(tmp_path):
    """ios1 answers DNS on its WAN address (`ip dns server`, no inbound ACL on
    Gi0/0/0): the change set denies DNS to the router's addresses in the WAN's inbound
    ACL; the LAN's resolver stays (staff and guest still reach udp/53)."""
    folder = LEAKY_DIR / "ios1-isr-httpserver"
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == []
    assert ("policy-violation", ("internet", "@devices")) in {(f.check, tuple(f.zones)) for f in res.closed}
    cs = res.devices["UBND-HoaThanh"].rendered.change_set
    assert " deny udp any host 113.161.50.2 eq 53" in cs
    after = run_audit([tmp_path / "fix" / "after"], tmp_path / "fix" / "after" / "site.yaml")
    cells = {(c.src, c.dst): c for c in after.matrix}
    assert "udp/53" not in cells[("internet", "@devices")].services
    assert "udp/53" in cells[("staff", "@devices")].services and "udp/53" in cells[("guest", "@devices")].services


# Cleartext L2TP / PPTP servers (vpdn-group … accept-dialin) the Internet reaches: closed
# where the Internet enters (plan.EdgeClose; docs/remedy.md, "Cleartext L2TP / PPTP servers").
PPTP_LNS = FIXTURES / "cisco_ios" / "commune-pptp-lns.cfg"
TUNNEL_PORTS = {"tcp/1723", "udp/1701"}


def _lns_folder(tmp_path: Path, edit=None) -> Path:
    """The PPPoE commune router with its site file, its text changed by ``edit``."""
    folder = tmp_path / "office"
    folder.mkdir()
    text = PPTP_LNS.read_text(encoding="utf-8")
    (folder / PPTP_LNS.name).write_text(edit(text) if edit else text, encoding="utf-8")
    (folder / "site.yaml").write_text(PPTP_LNS.with_name("commune-pptp-lns.site.yaml").read_text(encoding="utf-8"))
    return folder


def _cells(audit) -> dict:
    return {(c.src, c.dst): c for c in audit.matrix}


def test_a_tunnel_server_on_a_dialer_is_closed_at_the_top_of_its_inbound_acl(tmp_path):
    """The Dialer's address comes from PPP: the ports are denied to any address at the
    top of INTERNET-IN (IOS reads it before NAT: what comes in there for them is the
    router's), GRE is not denied, and the re-audit sees the Internet no longer reach
    them.  Before: left, with "vty access-class / ip http access-class" as advice."""
    folder = _lns_folder(tmp_path)
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == []
    cs = res.devices["UBND-XA-BINHHOA"].rendered.change_set
    acl = cs.split("ip access-list extended INTERNET-IN\n", 1)[1].split("exit", 1)[0].splitlines()
    assert acl[:2] == [" 10 deny tcp any any eq 1723", " 20 deny udp any any eq 1701"]
    assert not [line for line in cs.splitlines() if not line.startswith("!") and " gre " in f"{line} "]
    assert "remote users who dial in there lose them" in cs and "vpdn-group 1" in cs
    before = _cells(run_audit([folder], folder / "site.yaml"))
    after = _cells(res.after)
    assert TUNNEL_PORTS <= set(before[("internet", "@devices")].services)
    assert not TUNNEL_PORTS & set(after[("internet", "@devices")].services)
    assert after[("internet", "@devices")].verdict != "unknown"
    assert set(after[("lan", "internet")].services) == set(before[("lan", "internet")].services) == {"ip"}
    # What is left says why without pointing a VPDN server to a vty access-class.
    why = {tuple(f.zones[:2]): w["en"] for f, w in res.remaining}
    assert "l2tp" not in why.get(("internet", "@devices"), "") and "pptp" not in why.get(("internet", "@devices"), "")
    lan = why[("lan", "@devices")]
    assert "l2tp, pptp (a cleartext tunnel server, vpdn-group accept-dialin)" in lan
    assert "access-class" not in lan.split("; ")[-1]


def test_a_tunnel_server_on_a_dialer_without_inbound_acl_gets_a_new_one(tmp_path):
    """No ACL on the WAN: the smallest change is a new one holding the two denies and a
    last permit, bound inbound on the Dialer."""
    folder = _lns_folder(tmp_path, lambda text: text.replace(" ip access-group INTERNET-IN in\n", ""))
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == []
    cs = res.devices["UBND-XA-BINHHOA"].rendered.change_set
    body = cs.split("ip access-list extended NETAUDIT-Dialer0-IN\n", 1)[1].split("exit", 1)[0].splitlines()
    assert body[:2] == [" deny tcp any any eq 1723", " deny udp any any eq 1701"]
    assert body[-1] == " permit ip any any"
    assert "interface Dialer0\n ip access-group NETAUDIT-Dialer0-IN in" in cs
    assert not TUNNEL_PORTS & set(_cells(res.after)[("internet", "@devices")].services)


def test_a_tunnel_server_on_a_dialer_beside_a_static_nat_is_left_with_the_reason(tmp_path):
    """A host published by static NAT on the Dialer's address: a deny to any address
    there could cut it, so nothing is denied and the finding says what to do."""
    publish = "ip nat inside source static tcp 192.168.1.10 3389 interface Dialer0 3389\n"
    folder = _lns_folder(tmp_path, lambda text: text.replace("ip route 0.0.0.0", publish + "ip route 0.0.0.0"))
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    cs = res.devices["UBND-XA-BINHHOA"].rendered.change_set
    assert "deny tcp any any eq 1723" not in cs and "deny udp any any eq 1701" not in cs
    why = {tuple(f.zones[:2]): w["en"] for f, w in res.remaining}
    assert "static NAT" in why[("internet", "@devices")] and "remove accept-dialin" in why[("internet", "@devices")]


def test_a_gateway_service_on_a_dialer_is_denied_to_any_address_like_a_tunnel(tmp_path):
    """The router's DHCP server answers the Internet on the Dialer's run-time address
    (udp/67): denied to any address at the top of INTERNET-IN, as the tunnel ports (the
    WAN's own DHCP client gets its replies on udp/68); the LAN keeps its DHCP.  Before:
    left, "no ACL entry can name it"."""
    folder = _lns_folder(tmp_path)
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    cs = res.devices["UBND-XA-BINHHOA"].rendered.change_set
    acl = cs.split("ip access-list extended INTERNET-IN\n", 1)[1].split("exit", 1)[0].splitlines()
    assert " 30 deny udp any any eq 67" in acl
    before = _cells(run_audit([folder], folder / "site.yaml"))
    after = _cells(res.after)
    assert "udp/67" in before[("internet", "@devices")].services
    assert "udp/67" not in after[("internet", "@devices")].services
    assert "udp/67" in after[("lan", "@devices")].services
    assert ("policy-violation", ("internet", "@devices")) in {(f.check, tuple(f.zones)) for f in res.closed}


def test_a_gateway_service_on_a_dialer_beside_a_static_nat_is_left_with_the_reason(tmp_path):
    publish = "ip nat inside source static tcp 192.168.1.10 3389 interface Dialer0 3389\n"
    folder = _lns_folder(tmp_path, lambda text: text.replace("ip route 0.0.0.0", publish + "ip route 0.0.0.0"))
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    cs = res.devices["UBND-XA-BINHHOA"].rendered.change_set
    assert "deny udp any any eq 67" not in cs
    why = {tuple(f.zones[:2]): w for f, w in res.remaining}[("internet", "@devices")]
    assert "udp/67 on UBND-XA-BINHHOA answers the Internet on an address learned at run time" in why["en"]
    assert "could cut a published host" in why["en"] and "udp/67 trên UBND-XA-BINHHOA trả lời" in why["vi"]


def test_a_tunnel_server_on_a_fixed_wan_address_is_closed_and_proven(tmp_path):
    """A fixed WAN address and no inbound ACL (ios6): denied to that address in a new
    WAN ACL, each server named with its vpdn-group; the proof holds; the management
    zone's own reach of the device is untouched."""
    folder = LEAKY_DIR / "ios6-vpdn-l2tp-pptp-static"
    code, stdout, err = run_cli("fix", folder, "--site", folder / "site.yaml", "-o", tmp_path / "fix", "--lang", "en")
    assert code == 0 and "proof holds" in stdout, stdout + err
    cs = (tmp_path / "fix" / "UBND-P-TanHoa.txt").read_text(encoding="utf-8")
    wan = cs.split("ip access-list extended NETAUDIT-GigabitEthernet0-0-IN\n", 1)[1].split("exit", 1)[0]
    assert " deny udp any host 113.161.88.18 eq 1701\n" in wan and " deny tcp any host 113.161.88.18 eq 1723\n" in wan
    assert "pptp (vpdn-group VPN-KETOAN), l2tp (vpdn-group L2TP-VANTHU)" in cs
    after = run_audit([tmp_path / "fix" / "after"], tmp_path / "fix" / "after" / "site.yaml")
    before = run_audit([folder], folder / "site.yaml")
    assert not TUNNEL_PORTS & set(_cells(after)[("internet", "@devices")].services)
    assert set(_cells(after)[("management", "@devices")].services) == set(
        _cells(before)[("management", "@devices")].services
    )


ZBF = FIXTURES / "cisco_ios" / "commune-zbf.cfg"
KHACH_IN = """\
zone-pair security KHACH-IN source KHACH destination IN
 service-policy type inspect PM-IN-WAN
"""


def test_a_zone_pair_letting_guests_into_staff_is_closed_by_a_proven_acl(tmp_path):
    """The zone-based firewall fixture with a leaky pair KHACH → IN (inspect all): the
    fix leaves the zone firewall as it is and denies the staff subnet at the top of a new
    inbound ACL on the guest sub-interface (IOS reads it before the zone firewall); the
    re-audit proves the guests blocked and their web access unchanged."""
    folder = tmp_path / "xa"
    folder.mkdir()
    anchor = "zone-pair security KHACH-WAN source KHACH destination WAN\n service-policy type inspect PM-KHACH-WAN\n"
    text = ZBF.read_text(encoding="utf-8")
    assert text.count(anchor) == 1
    (folder / ZBF.name).write_text(text.replace(anchor, anchor + KHACH_IN), encoding="utf-8")
    (folder / "site.yaml").write_text(ZBF.with_name("commune-zbf.site.yaml").read_text(encoding="utf-8"))
    before = _cells(run_audit([folder], folder / "site.yaml"))
    assert before[("wifi-khach", "can-bo")].verdict == "reachable"
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    assert "guest-isolation" in {f.check for f in res.closed}
    rendered = res.devices["UBND-XA-BINHAN"].rendered
    body = rendered.change_set.split("ip access-list extended NETAUDIT-GigabitEthernet0-0-1-20-IN\n", 1)[1]
    assert " deny ip any 10.20.10.0 0.0.0.255" in body.split("exit", 1)[0].splitlines()
    assert KHACH_IN in rendered.patched  # the zone firewall is left as it was
    after = _cells(res.after)
    assert after[("wifi-khach", "can-bo")].verdict == "blocked"
    assert after[("wifi-khach", "internet")].services == before[("wifi-khach", "internet")].services
    assert after[("can-bo", "internet")].services == before[("can-bo", "internet")].services == ["icmp", "tcp", "udp"]


def test_the_patched_configurations_are_readable_by_their_owner_only(tmp_path):
    """``after/`` holds whole configurations, secrets included: mode 0600 (the folder
    0700), and the README says not to pass it on.  This router's change set writes its
    SNMP community again (``no snmp-server community public``, the rollback restores it):
    those files are 0600 too and the README names the device, never "no secret"."""
    import stat

    from netaudit.remedy.write import write

    folder = LEAKY_DIR / "ios1-isr-httpserver"
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    after = tmp_path / "fix" / "after"
    assert stat.S_IMODE(after.stat().st_mode) == 0o700
    files = [p for p in after.iterdir() if p.name != "site.yaml"]
    assert files and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    write(res, tmp_path / "fix", "en")
    readme = (tmp_path / "fix" / "README.md").read_text()
    assert "passwords and keys included" in readme and "do not pass it on" in readme
    sets = [tmp_path / "fix" / f"UBND-HoaThanh{end}" for end in (".txt", ".rollback.txt")]
    assert all("public" in p.read_text() and stat.S_IMODE(p.stat().st_mode) == 0o600 for p in sets)
    assert "the change sets of UBND-HoaThanh hold device secrets too" in readme
    assert "hold no secret" not in readme


def test_change_sets_without_a_secret_say_so(tmp_path):
    """A change set naming no secret of the device is an ordinary file, and the README
    says the change sets hold none."""
    import stat

    from netaudit.remedy.write import write

    folder = LEAKY_DIR / "ios5-no-end-no-vty"
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    write(res, tmp_path / "fix", "en")
    readme = (tmp_path / "fix" / "README.md").read_text()
    assert "the change sets `<device>.txt` hold no secret" in readme
    sets = list((tmp_path / "fix").glob("*.txt"))
    assert sets and all(stat.S_IMODE(p.stat().st_mode) & 0o044 for p in sets)


DMZ_ROUTER = """\
hostname RT-TTPV
!
interface GigabitEthernet0/0
 description VNPT
 ip address 203.0.113.2 255.255.255.252
 ip access-group WAN-IN in
 ip nat outside
!
interface GigabitEthernet0/1
 description CAN-BO
 ip address 10.0.20.1 255.255.255.0
 ip nat inside
!
interface GigabitEthernet0/2
 description DMZ-CONG-TTDT
 ip address 10.0.50.1 255.255.255.0
 ip nat inside
!
ip nat inside source list 1 interface GigabitEthernet0/0 overload
ip route 0.0.0.0 0.0.0.0 203.0.113.1
!
ip access-list extended WAN-IN
 deny   ip 10.0.0.0 0.255.255.255 any
 permit ip any any
!
access-list 1 permit 10.0.0.0 0.0.255.255
!
line vty 0 4
 transport input none
!
end
"""
DMZ_SITE = """\
unit: "Trung tam Phuc vu hanh chinh cong"
level: 2
zones:
  staff: {kind: internal, subnets: [10.0.20.0/24], attach: ["RT-TTPV:GigabitEthernet0/1"]}
  dmz: {kind: dmz, subnets: [10.0.50.0/24], attach: ["RT-TTPV:GigabitEthernet0/2"]}
  internet: {kind: external, attach: ["RT-TTPV:GigabitEthernet0/0"]}
"""


def test_an_internet_block_keeps_the_services_the_policy_allows_into_the_dmz(tmp_path):
    """Internet → DMZ is limited to tcp/80 and tcp/443: the outside ACL's new entries
    permit those to the DMZ before they deny the rest of it (a real 891F's change set
    denied all of the DMZ, the proof found the web ports lost and withdrew every change)."""
    folder = tmp_path / "ttpv"
    folder.mkdir()
    (folder / "rt.cfg").write_text(DMZ_ROUTER)
    (folder / "site.yaml").write_text(DMZ_SITE)
    res = prove_mod.run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == [] and not res.devices["RT-TTPV"].withdrawn
    cs = res.devices["RT-TTPV"].rendered.change_set.splitlines()
    permit80 = next(i for i, line in enumerate(cs) if line.endswith("permit tcp any 10.0.50.0 0.0.0.255 eq 80"))
    deny = next(i for i, line in enumerate(cs) if line.endswith("deny ip any 10.0.50.0 0.0.0.255"))
    assert permit80 < deny
    closed = {(f.check, tuple(f.zones)) for f in res.closed}
    assert ("policy-violation", ("internet", "dmz")) in closed and ("policy-violation", ("internet", "staff")) in closed
