"""Huawei VRP change sets of ``netaudit fix`` (netaudit/remedy/huawei_vrp.py, docs/remedy.md,
docs/vendors/huawei_vrp.md "netaudit fix"): the leaky sample and the fixtures
``tests/fixtures/huawei_vrp/`` (an S5720 core with an AR2220 edge, ``ubndtp``; an AR1220
alone with Easy IP, ``xadongtam``), proved by re-auditing the patched copies."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, SAMPLES, run_cli
from netaddr import IPNetwork

from netaudit import filters
from netaudit.audit import run_audit
from netaudit.headerspace import HeaderSpace
from netaudit.model import PROTO_ICMP, PROTO_TCP, Filter
from netaudit.remedy import VENDORS, derive
from netaudit.remedy.entries import Ace
from netaudit.remedy.huawei_vrp import rule_text
from netaudit.remedy.prove import run_fix

LEAKY = SAMPLES / "huawei-commune-leaky"
HW = FIXTURES / "huawei_vrp"


def _network(tmp_path: Path, name: str, files: list[str], site: str, edit=None) -> Path:
    """A folder of fixture configurations and their site file, a text changed by ``edit``."""
    folder = tmp_path / name
    folder.mkdir()
    for f in files:
        text = (HW / f).read_text(encoding="utf-8")
        (folder / f).write_text(edit(f, text) if edit else text, encoding="utf-8")
    shutil.copyfile(HW / site, folder / "site.yaml")
    return folder


def _ubndtp(tmp_path: Path, edit=None) -> Path:
    return _network(tmp_path, "ubndtp", ["s5720-ubndtp-core.cfg", "ar2220-ubndtp-edge.cfg"], "ubndtp.site.yaml", edit)


def _cells(audit) -> dict:
    return {(c.src, c.dst): c for c in audit.matrix}


def _block(text: str, header: str) -> list[str]:
    """The lines of the view ``header`` opens in a change set (up to its ``quit``)."""
    lines = text.splitlines()
    i = lines.index(header)
    return lines[i + 1 : lines.index("quit", i)]


def _checks(findings) -> set[str]:
    return {f.check for f in findings}


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    return run_fix([LEAKY], None, tmp_path_factory.mktemp("hw") / "fix")


@pytest.fixture(scope="module")
def ubndtp(tmp_path_factory):
    folder = _ubndtp(tmp_path_factory.mktemp("hw"))
    return folder, run_fix([folder], folder / "site.yaml", folder.parent / "fix")


def test_a_generator_is_registered():
    assert VENDORS["huawei_vrp"] == "netaudit.remedy.huawei_vrp"


def test_rule_text_is_vrp_advanced_acl_syntax():
    """Wildcards, ``0`` for a host, no ``source`` for any, ports, ICMP by number (a VRP
    icmp-type name fixes the code too) and TCP replies."""
    net, host = IPNetwork("10.20.30.0/24"), IPNetwork("10.20.20.20/32")
    assert rule_text(Ace("deny", None, net, None)) == "deny ip source 10.20.30.0 0.0.0.255"
    assert rule_text(Ace("permit", PROTO_TCP, None, host, (443, 443))) == (
        "permit tcp destination 10.20.20.20 0 destination-port eq 443"
    )
    assert rule_text(Ace("permit", PROTO_TCP, None, net, (1000, 2000))).endswith("destination-port range 1000 2000")
    assert rule_text(Ace("deny", PROTO_ICMP, None, host, icmp_type=8)) == (
        "deny icmp destination 10.20.20.20 0 icmp-type 8"
    )
    assert rule_text(Ace("permit", PROTO_TCP, None, net, established=True)) == (
        "permit tcp destination 10.20.30.0 0.0.0.255 tcp-flag established"
    )


# --------------------------------------------------------------------------- the leaky sample


def test_leaky_sample_proof_holds(leaky, tmp_path):
    assert leaky.ok and leaky.lost == []
    closed = _checks(leaky.closed)
    assert {"guest-isolation", "policy-violation", "mgmt-telnet", "mgmt-http-server", "mgmt-snmp-community"} <= closed
    assert {"mgmt-vty-no-access-class", "spoofing", "unused-acl"} <= closed
    cells = _cells(leaky.after)
    for dst in ("staff", "servers", "counter", "mgmt"):
        assert cells[("guest", dst)].verdict == "blocked"
    assert cells[("counter", "servers")].services == ["tcp/80", "tcp/443"]
    assert cells[("guest", "internet")].verdict == "reachable"  # what the policy allows stays
    code, stdout, err = run_cli("fix", LEAKY, "-o", tmp_path / "fix", "--lang", "en")
    assert code == 0 and "proof holds" in stdout, stdout + err
    code, stdout, _ = run_cli("audit", tmp_path / "fix" / "after", "--format", "json", "--lang", "en")
    assert '"severity": "critical"' not in stdout and '"severity": "high"' not in stdout


def test_leaky_reversible_password_is_left_with_its_reason(leaky):
    left = {f.check: why["en"] for f, why in leaky.remaining}
    assert "can only be set again by the account's holder" in left["huawei-reversible-password"]


def test_leaky_counter_acl_restepped_and_new_rules_first(leaky):
    """ACL 3030 (permits only, rule 5 first) has no room at its top: ``step 20`` renumbers
    it (20, 40 …) and the new rules take 1 … in order — the management sources, ICMP echo
    to the core, then per zone the TCP replies and the deny, the allowed services before."""
    cs = leaky.devices["UBNDPL-CORE"].rendered.change_set
    body = _block(cs, "acl number 3030")
    assert body[0] == " step 20"
    numbers = [int(re.match(r" rule (\d+) ", line).group(1)) for line in body[1:]]
    assert numbers == list(range(1, len(numbers) + 1))
    assert body[1] == " rule 1 deny ip source 10.20.99.0 0.0.0.255"
    servers = [line.split(" ", 3)[3] for line in body if "10.20.20.0" in line]
    assert servers == [
        "permit tcp destination 10.20.20.0 0.0.0.255 destination-port eq 80",
        "permit tcp destination 10.20.20.0 0.0.0.255 destination-port eq 443",
        "permit tcp destination 10.20.20.0 0.0.0.255 tcp-flag established",
        "deny ip destination 10.20.20.0 0.0.0.255",
    ]
    patched = leaky.devices["UBNDPL-CORE"].rendered.patched.splitlines()
    acl = patched[patched.index("acl number 3030") : patched.index("acl number 3040")]
    assert " rule 20 permit udp source 0.0.0.0 0 source-port eq bootpc destination 255.255.255.255 0 " in " ".join(
        [line + " " for line in acl]
    )
    rules = [int(m.group(1)) for line in acl if (m := re.match(r" rule (\d+) ", line))]
    assert rules == sorted(rules) and rules[-1] == 160  # the 8 old rules, now 20 … 160


def test_leaky_acl_with_room_gets_rules_below_its_first(leaky):
    """ACL 3010 starts at rule 5 and is bound on Vlanif10 only: the management-source deny
    goes in as rule 4, before the old rules, which keep their numbers."""
    cs = leaky.devices["UBNDPL-CORE"].rendered.change_set
    assert _block(cs, "acl number 3010") == [" rule 4 deny ip source 10.20.99.0 0.0.0.255"]
    patched = leaky.devices["UBNDPL-CORE"].rendered.patched
    assert " rule 4 deny ip source 10.20.99.0 0.0.0.255\n rule 5 permit udp source 0.0.0.0 0" in patched


def test_leaky_management_plane(leaky):
    """Telnet and HTTP off, ACL 2000 (the management subnet, already in the file) on every
    vty block with ``protocol inbound ssh``, SNMP limited by ``snmp-agent acl``."""
    cs = leaky.devices["UBNDPL-CORE"].rendered.change_set
    assert "undo telnet server enable" in cs.splitlines() and "undo http server enable" in cs.splitlines()
    assert "snmp-agent acl 2000" in cs.splitlines()
    for vty in ("user-interface vty 0 4", "user-interface vty 16 20"):
        assert set(_block(cs, vty)) == {" acl 2000 inbound", " protocol inbound ssh"}
    assert "acl number 2000" not in cs.splitlines()  # reused, not created again


def test_leaky_rollback_undoes_in_reverse(leaky):
    rb = leaky.devices["UBNDPL-CORE"].rendered.rollback.splitlines()
    assert rb[1] == "system-view" and rb[-1] == "return"
    assert rb.index("user-interface vty 16 20") < rb.index("telnet server enable") < rb.index("acl number 3030")
    body = _block("\n".join(rb), "acl number 3030")
    assert body[-1] == " undo step" and body[0] == " undo rule 1"
    assert rb[-2] == "undo acl number 3100"  # the new ACL goes last, once nothing binds it
    assert " protocol inbound all" in _block("\n".join(rb), "user-interface vty 0 4")


def test_leaky_merged_acls_decide_other_packets_as_before(leaky):
    """Every ACL the change set merged into decides as before every packet its new rules
    do not match (VRP: rule-number order, a packet matching no rule passes)."""
    hs = HeaderSpace()
    before = leaky.before.topology.devices["UBNDPL-CORE"]
    after = leaky.after.topology.devices["UBNDPL-CORE"]
    for ifname in ("Vlanif10", "Vlanif30", "Vlanif40"):
        old = before.filters[before.interfaces[ifname].filter_in]
        new = after.filters[after.interfaces[ifname].filter_in]
        added = [line for line in new.lines if line.source is not None and line.source.text.split()[1].isdigit()]
        added = added[: len(new.lines) - len(old.lines)]
        assert added and all(new.lines.index(a) == k for k, a in enumerate(added))
        touched = hs.false
        for line in added:
            for m in line.matches:
                touched |= hs.match(m)
        assert (_permits(hs, old) & ~touched) == (_permits(hs, new) & ~touched), ifname


def _permits(hs: HeaderSpace, flt: Filter):
    sure, maybe, _ = filters.permitted(hs, flt, filters.line_sets(hs, flt, None, None))
    return sure | maybe


def test_compliant_sample_needs_no_change(tmp_path):
    plan = derive(run_audit([SAMPLES / "huawei-commune-compliant"], None))
    assert plan.devices == {}
    res = run_fix([SAMPLES / "huawei-commune-compliant"], None, tmp_path / "fix")
    assert res.ok and not res.closed and not list((tmp_path / "fix").glob("*.txt"))


# --------------------------------------------------------------------------- S5720 + AR2220 (ubndtp)


def test_ubndtp_proof_holds(ubndtp):
    _, res = ubndtp
    assert res.ok and res.lost == [] and not res.remaining
    assert {"huawei-ftp-server", "huawei-vty-no-authentication", "guest-isolation"} <= _checks(res.closed)
    cells = _cells(res.after)
    assert cells[("counter", "servers")].services == ["tcp/443"]
    assert cells[("staff", "mgmt")].verdict == "blocked"


def test_ubndtp_shared_acl_copied_once_for_both_counter_floors(ubndtp):
    """ACL 3030 (permits only, no final deny) is bound on Vlanif30 and Vlanif31: one new ACL
    holds the new rules then 3030's, renumbered, and both traffic-filters name it; 3030 is
    said unbound."""
    _, res = ubndtp
    rendered = res.devices["UBNDTP-CORE"].rendered
    cs = rendered.change_set
    new = re.findall(r"^acl number (3\d\d\d)\n description netaudit: Vlanif30 inbound \(was 3030\)", cs, re.M)
    assert len(new) == 1 and "Vlanif31 inbound (was 3030)" not in cs
    body = _block(cs, f"acl number {new[0]}")[1:]
    numbers = [int(line.split()[1]) for line in body]
    assert numbers == [5 * (k + 1) for k in range(len(body))]
    assert [line.split(" ", 3)[3] for line in body[-4:]] == [
        "permit udp source 0.0.0.0 0 source-port eq bootpc destination 255.255.255.255 0 destination-port eq bootps",
        "permit tcp destination 10.30.20.20 0 destination-port eq 443",
        "permit tcp destination-port eq 443",
        "permit udp destination-port eq dns",
    ]
    assert body[0] == " rule 5 deny ip source 10.30.99.0 0.0.0.255"
    for ifname in ("Vlanif30", "Vlanif31"):
        assert _block(cs, f"interface {ifname}") == [
            " undo traffic-filter inbound acl 3030",
            f" traffic-filter inbound acl {new[0]}",
        ]
    assert any("ACL 3030 is bound nowhere now" in n["en"] for n in rendered.notes)
    after = res.after.topology.devices["UBNDTP-CORE"]
    assert (
        after.interfaces["Vlanif30"].filter_in == after.interfaces["Vlanif31"].filter_in == f"{new[0]} (traffic-filter)"
    )


def test_ubndtp_vlanif_without_filter_gets_a_new_acl(ubndtp):
    _, res = ubndtp
    cs = res.devices["UBNDTP-CORE"].rendered.change_set
    binding = _block(cs, "interface Vlanif40")
    assert len(binding) == 1 and binding[0].startswith(" traffic-filter inbound acl 3")
    body = _block(cs, f"acl number {binding[0].split()[-1]}")
    assert body[-1] == " rule 55 deny ip destination 10.30.99.0 0.0.0.255"  # no final deny: the default passes


def test_ubndtp_vty_authentication_and_servers(ubndtp):
    _, res = ubndtp
    cs = res.devices["UBNDTP-CORE"].rendered.change_set
    assert " authentication-mode aaa" in _block(cs, "user-interface vty 16 20")
    assert "authentication-mode aaa" not in "".join(_block(cs, "user-interface vty 0 4"))
    assert {"undo telnet server enable", "undo ftp server enable", "snmp-agent acl 2000"} <= set(cs.splitlines())
    assert _block(cs, "acl number 2000") == [
        " description netaudit: management subnets",
        " rule 5 permit source 10.30.99.0 0.0.0.255",
    ]
    edge = res.devices["UBNDTP-RT"].rendered
    assert _block(edge.change_set, "user-interface vty 0 4") == [" acl 2000 inbound"]  # ssh only already
    assert _block(edge.change_set, "acl number 3001") == [" rule 4 deny ip source 10.30.99.0 0.0.0.255"]


def test_vty_without_login_user_is_left_not_locked(tmp_path):
    """``authentication-mode aaa`` with no local user allowed over SSH/Telnet would lock
    everyone out: the finding is left with that reason and the vty keeps its mode."""

    def edit(name, text):
        return text.replace(
            " local-user quantri service-type ssh terminal\n", " local-user quantri service-type terminal\n"
        )

    folder = _ubndtp(tmp_path, edit)
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    cs = res.devices["UBNDTP-CORE"].rendered.change_set
    assert "authentication-mode aaa" not in "".join(_block(cs, "user-interface vty 16 20"))
    left = {f.check: why["en"] for f, why in res.remaining}
    assert "would lock everyone out" in left["huawei-vty-no-authentication"]


def test_match_order_auto_acl_is_copied_not_renumbered(tmp_path):
    """An ACL in ``match-order auto`` is not read by rule number: the new rules go into a
    new ACL (config order) bound in its place, and the proof still holds."""

    def edit(name, text):
        return text.replace("acl number 3020\n", "acl number 3020 match-order auto\n").replace(
            " rule 100 deny ip\n#\nacl number 3030", "#\nacl number 3030"
        )

    folder = _ubndtp(tmp_path, edit)
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    cs = res.devices["UBNDTP-CORE"].rendered.change_set
    assert "acl number 3020" not in cs.splitlines()
    assert " undo traffic-filter inbound acl 3020" in _block(cs, "interface Vlanif20")
    assert res.ok and res.lost == []


# --------------------------------------------------------------------------- AR1220 alone (xadongtam)


def test_ar_internet_blocks_on_the_easy_ip_interface(tmp_path):
    """No inbound filter on the WAN: the Internet's blocks are ``deny ip destination`` rules
    in a new inbound ACL of the ``nat outbound`` interface (VRP reads it before ``nat
    server``; replies of translated sessions carry the public address), telnet goes."""
    folder = _network(tmp_path, "xdt", ["ar1220-xadongtam.cfg"], "ar1220-xadongtam.site.yaml")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == [] and not res.remaining
    cs = res.devices["XDT-AR1220"].rendered.change_set
    wan = _block(cs, "interface GigabitEthernet0/0/1")[0].split()[-1]
    body = _block(cs, f"acl number {wan}")
    for inside in ("192.168.10.0", "192.168.40.0", "192.168.99.0"):
        assert any(line.endswith(f"deny ip destination {inside} 0.0.0.255") for line in body)
    cells = _cells(res.after)
    assert cells[("internet", "staff")].verdict == "blocked"
    assert cells[("staff", "internet")].verdict == "reachable"
    patched = res.devices["XDT-AR1220"].rendered.patched.splitlines()
    assert " undo telnet server enable" in patched  # in the line's own indentation
    assert _block(cs, "acl number 3099") == [
        " rule 2 permit tcp destination 192.168.40.0 0.0.0.255 tcp-flag established",
        " rule 4 deny ip destination 192.168.40.0 0.0.0.255",
    ]


def test_ar_without_management_zone_stops_ssh_by_acl_and_says_console(tmp_path):
    """No management zone in the site file: SSH cannot be limited to it — the zones that
    reached it are denied tcp/22 to the router's addresses, the note says to apply from the
    console, the vty access-class finding is left with that reason; telnet still goes."""

    folder = _network(tmp_path, "xdt", ["ar1220-xadongtam.cfg"], "ar1220-xadongtam.site.yaml")
    site = (folder / "site.yaml").read_text(encoding="utf-8")
    mgmt = site[site.index("  mgmt:") : site.index("  internet:")]
    (folder / "site.yaml").write_text(site.replace(mgmt, ""), encoding="utf-8")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    # the management segment is now in no zone and the guest reaches it: said, left to the site file
    unzoned = [u for u in res.unfixable if u.check == "unzoned-reach"]
    assert unzoned and all("declare their zones in site.yaml" in u.reason["en"] for u in unzoned)
    rendered = res.devices["XDT-AR1220"].rendered
    cs = rendered.change_set
    assert "acl 2000 inbound" not in cs and "undo telnet server enable" in cs.splitlines()
    lan = _block(cs, "interface GigabitEthernet0/0/0")[0].split()[-1]
    assert " rule 20 deny tcp destination 192.168.10.1 0 destination-port eq 22" in _block(cs, f"acl number {lan}")
    assert any("Apply this change from the console" in n["en"] for n in rendered.notes)
    assert not any("paste the two lines together" in n["en"] for n in rendered.notes)  # nothing rebound
    left = {f.check: why["en"] for f, why in res.remaining}
    assert "no management zone" in left["mgmt-vty-no-access-class"]


def test_ar_open_resolver_closed_on_the_wan_only(tmp_path):
    """``dns proxy enable`` answers the Internet too (an open resolver): udp/53 to the WAN
    address is denied at the top of the WAN's inbound traffic-filter (plan.EdgeClose), the
    inside zones keep resolving at the router."""

    def edit(name, text):
        return text.replace(
            " dhcp enable\n", " dhcp enable\n#\n dns resolve\n dns server 203.162.4.191\n dns proxy enable\n"
        )

    folder = _network(tmp_path, "xdt", ["ar1220-xadongtam.cfg"], "ar1220-xadongtam.site.yaml", edit)
    before = _cells(run_audit([folder], folder / "site.yaml"))
    assert "udp/53" in before[("internet", "@devices")].services
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    cs = res.devices["XDT-AR1220"].rendered.change_set
    wan = _block(cs, "interface GigabitEthernet0/0/1")[0].split()[-1]
    body = _block(cs, f"acl number {wan}")
    assert " rule 10 deny udp destination 198.51.100.70 0 destination-port eq 53" in body
    after = _cells(res.after)
    assert "udp/53" not in after[("internet", "@devices")].services
    assert "udp/53" in after[("staff", "@devices")].services
