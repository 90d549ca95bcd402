"""H3C Comware change sets of ``netaudit fix`` (netaudit/remedy/h3c_comware.py, docs/remedy.md,
docs/vendors/h3c_comware.md "netaudit fix"): the leaky sample and the fixtures
``tests/fixtures/h3c_comware/`` (an S5130 core, a V5 S5120, SecPath firewalls with zones),
proved by re-auditing the patched copies."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, SAMPLES, run_cli

from netaudit.headerspace import HeaderSpace
from netaudit.remedy import VENDORS
from netaudit.remedy.prove import run_fix

from .test_huawei_vrp import _block, _checks, _permits

LEAKY = SAMPLES / "h3c-commune-leaky"
H3C = FIXTURES / "h3c_comware"


def _sample(tmp_path: Path, edit=None) -> Path:
    """The leaky sample in a folder, ``edit(name, text)`` changing a file."""
    folder = tmp_path / "h3c"
    shutil.copytree(LEAKY, folder)
    if edit:
        for f in ("core-sw.cfg", "edge-rt.cfg"):
            (folder / f).write_text(edit(f, (folder / f).read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _fixture(tmp_path: Path, name: str, edit=None) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    text = (H3C / f"{name}.cfg").read_text(encoding="utf-8")
    (folder / f"{name}.cfg").write_text(edit(text) if edit else text, encoding="utf-8")
    shutil.copyfile(H3C / f"{name}.site.yaml", folder / "site.yaml")
    return folder


def _left(result) -> dict[str, str]:
    return {f.check + ":" + f.title["en"]: why["en"] for f, why in result.remaining}


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    return run_fix([LEAKY], None, tmp_path_factory.mktemp("h3c") / "fix")


def test_a_generator_is_registered():
    assert VENDORS["h3c_comware"] == "netaudit.remedy.h3c_comware"


def test_leaky_sample_proof_holds(leaky, tmp_path):
    assert leaky.ok and leaky.lost == []
    assert len(leaky.closed) == 11
    closed = _checks(leaky.closed)
    assert {"guest-isolation", "policy-violation", "mgmt-telnet", "mgmt-snmp-community"} <= closed
    assert {"mgmt-vty-no-access-class", "spoofing"} <= closed
    cells = {(c.src, c.dst): c for c in leaky.after.matrix}
    assert cells[("guest", "staff")].verdict == "blocked"  # D1: the printer rule is behind the deny now
    assert cells[("guest", "internet")].verdict == "reachable"  # what the policy allows stays
    assert cells[("staff", "internet")].verdict == "reachable"
    code, stdout, err = run_cli("fix", LEAKY, "-o", tmp_path / "fix", "--lang", "en")
    assert code == 0 and "proof holds" in stdout and "flows lost 0" in stdout, stdout + err


def test_leaky_left_with_reasons(leaky):
    """Left: the NAT server's unknown cell (not fixable blind), ICMP echo of codes other
    than 0 (a Comware rule names type and code), the switch's own services behind a VLAN
    interface's packet-filter (not established whether it filters them)."""
    left = _left(leaky)
    assert len(left) == 4
    assert any("cannot be fixed blind" in why for k, why in left.items() if k.startswith("unknown-verdict"))
    internet = next(why for k, why in left.items() if "internet → @devices" in k)
    assert "icmp-type 8 0" in internet
    staff = next(why for k, why in left.items() if "staff → @devices" in k)
    assert "VLAN interface's packet-filter filters packets for the switch itself is not established" in staff
    assert all(f.severity in ("medium", "low") for f, _ in leaky.remaining)


def test_leaky_guest_acl_copied_new_rules_first(leaky):
    """ACL 3040 starts at rule 0 (no room below it; a new step renumbers from 0 too): a new
    ACL holds the new rules then the old ones in order, bound in place of 3040."""
    cs = leaky.devices["UBNDHB-CORE"].rendered.change_set
    body = _block(cs, "acl advanced 3042")
    assert body[0] == " description netaudit: Vlan-interface40 inbound (was 3040)"
    rules = [line.split(maxsplit=2)[2] for line in body[1:]]
    assert rules[:3] == [
        "deny ip source 10.60.99.0 0.0.0.255",
        "permit tcp destination 10.60.10.0 0.0.0.255 established",
        "deny ip destination 10.60.10.0 0.0.0.255",
    ]
    assert rules[3:] == [
        "permit udp destination 255.255.255.255 0 destination-port eq bootps",
        "permit udp destination 10.60.40.1 0 destination-port eq bootps",
        "permit ip destination 10.60.10.50 0",
        "deny ip destination 10.0.0.0 0.255.255.255",
        "deny ip destination 172.16.0.0 0.15.255.255",
        "deny ip destination 192.168.0.0 0.0.255.255",
        "permit ip",
    ]
    assert _block(cs, "interface Vlan-interface40") == [
        " undo packet-filter 3040 inbound",
        " packet-filter 3042 inbound",
    ]
    assert "step" not in cs


def test_leaky_new_acls_where_none(leaky):
    """Vlan-interface10 had no packet-filter: a new ACL (its default passes the rest)."""
    cs = leaky.devices["UBNDHB-CORE"].rendered.change_set
    assert _block(cs, "interface Vlan-interface10") == [" packet-filter 3041 inbound"]
    assert " rule 10 deny icmp destination 10.60.10.1 0 icmp-type 8 0" in _block(cs, "acl advanced 3041")


def _reaches(audit, src: str, addr: str, port: int) -> bool:
    """Whether zone ``src`` reaches tcp/``port`` on the device address ``addr``."""
    from netaddr import IPNetwork

    from netaudit.model import PROTO_TCP

    cell = next(c for c in audit.matrix if (c.src, c.dst) == (src, "@devices"))
    hs = HeaderSpace()
    probe = hs.prefix("dst_ip", IPNetwork(f"{addr}/32")) & hs.eq("proto", PROTO_TCP) & hs.eq("dst_port", port)
    return cell.delivered is not None and not hs.is_empty(cell.delivered & probe)


def test_leaky_management_keeps_ssh_to_the_edge_router(leaky):
    """mgmt → internet is denied on Vlan-interface99, and "the Internet" is every address no
    inside zone owns: the edge router's transit-link (10.60.100.1) and WAN (203.0.113.6)
    addresses too.  Denying them cut the management zone's SSH to UBNDHB-RT, its only remote
    path (vty acl 2000 = 10.60.99.0/24), while the proof, per service, still saw SSH to the
    core.  The devices' own addresses are permitted before the deny."""
    for addr in ("10.60.100.1", "203.0.113.6", "10.60.100.2", "10.60.99.1"):
        assert _reaches(leaky.before, "mgmt", addr, 22), addr
        assert _reaches(leaky.after, "mgmt", addr, 22), addr
    body = _block(leaky.devices["UBNDHB-CORE"].rendered.change_set, "acl advanced 3043")
    hosts = [line.split(" ", 3)[3] for line in body if " permit ip destination " in line]
    assert hosts == [
        "permit ip destination 10.60.100.2 0",
        "permit ip destination 203.0.113.6 0",
        "permit ip destination 10.60.100.1 0",
    ]
    first_deny = next(i for i, line in enumerate(body) if " deny ip destination 0.0.0.0 " in line)
    assert all(body.index(f" rule {5 * (k + 3)} {h}") < first_deny for k, h in enumerate(hosts))
    cells = {(c.src, c.dst): c for c in leaky.after.matrix}
    assert cells[("mgmt", "internet")].verdict == "blocked"


def test_leaky_management_plane(leaky):
    cs = leaky.devices["UBNDHB-CORE"].rendered.change_set.splitlines()
    assert "undo telnet server enable" in cs
    assert _block("\n".join(cs), "acl basic 2000")[1:] == [" rule 5 permit source 10.60.99.0 0.0.0.255"]
    assert "ip https acl 2000" in cs
    i = cs.index("undo snmp-agent community congdong")
    assert cs[i + 1] == "snmp-agent community read simple congdong acl 2000"
    assert _block("\n".join(cs), "line vty 0 63") == [" acl 2000 inbound", " protocol inbound ssh"]
    patched = leaky.devices["UBNDHB-CORE"].rendered.patched
    assert " snmp-agent community read simple congdong acl 2000" in patched.splitlines()
    assert "telnet server enable" not in patched.replace("undo telnet server enable", "")


def test_cipher_community_recreated_with_its_ciphertext_and_view(tmp_path):
    """A ``cipher`` community is deleted by its ciphertext and written again as the file
    writes it (the ciphertext, its MIB view), its old IPv4 ACL replaced; the rollback writes
    the old line back; the note says the files hold the community string."""
    cipher = "$c$3$Q2FiZ0dvbmdEb25nMjAyNA=="
    old = f"snmp-agent community read cipher {cipher} mib-view ViewDefault acl 2999"

    def edit(name, text):
        return text.replace(" snmp-agent community read simple congdong\n", f" {old}\n")

    folder = _sample(tmp_path, edit)
    res = run_fix([folder], None, tmp_path / "fix")
    r = res.devices["UBNDHB-CORE"].rendered
    cs, rb = r.change_set.splitlines(), r.rollback.splitlines()
    i = cs.index(f"undo snmp-agent community cipher {cipher}")
    assert cs[i + 1] == f"snmp-agent community read cipher {cipher} mib-view ViewDefault acl 2000"
    j = rb.index(f"undo snmp-agent community cipher {cipher}")
    assert rb[j + 1] == old
    assert f" snmp-agent community read cipher {cipher} mib-view ViewDefault acl 2000" in r.patched.splitlines()
    assert any("hold the community string" in n["en"] for n in r.notes)
    assert "mgmt-snmp-community" in _checks(res.closed)


@pytest.mark.parametrize(
    ("old", "new", "missing"),
    [
        (" ssh server enable\n", "", "ssh server enable"),
        (" service-type ssh telnet terminal\n", " service-type telnet terminal\n", "service-type ssh"),
    ],
)
def test_telnet_kept_where_no_ssh_login_exists(tmp_path, old, new, missing):
    """Turning Telnet off where the device accepts no SSH login (no SSH server, or no local
    user allowed SSH) left the console only: Telnet stays, limited to the management zone by
    the vty ACL, its finding left with the reason; the rest of the change set is proposed."""

    def edit(name, text):
        return text.replace(old, new) if name == "core-sw.cfg" else text

    folder = _sample(tmp_path, edit)
    res = run_fix([folder], None, tmp_path / "fix")
    r = res.devices["UBNDHB-CORE"].rendered
    assert "undo telnet server enable" not in r.change_set and "protocol inbound" not in r.change_set
    assert _block(r.change_set, "line vty 0 63") == [" acl 2000 inbound"]
    left = {f.check: w["en"] for f, w in res.remaining}
    assert left["mgmt-telnet"].startswith(f"UBNDHB-CORE accepts no SSH login yet (its configuration has no {missing}")
    assert res.lost == [] and "guest-isolation" in _checks(res.closed)


def test_v7_without_vty_block_is_left_not_guessed(tmp_path):
    """No ``line vty`` block in a V7 file: none is written (the line count depends on the
    model; a refused ``line vty 0 63`` left ``acl 2000 inbound`` and ``quit`` to system view
    while the re-audit of the patched text counted the vty finding closed) — left, with the
    reason; Telnet still goes by ``undo telnet server enable``."""

    def edit(name, text):
        return text.replace("line vty 0 63\n authentication-mode scheme\n user-role network-operator\n#\n", "")

    folder = _sample(tmp_path, edit)
    assert "line vty" not in (folder / "core-sw.cfg").read_text(encoding="utf-8")
    res = run_fix([folder], None, tmp_path / "fix")
    r = res.devices["UBNDHB-CORE"].rendered
    assert "line vty" not in r.change_set and "line vty" not in r.patched
    assert "undo telnet server enable" in r.change_set.splitlines()
    why = [w["en"] for w in r.left.values() if "has no line vty block" in w["en"]]
    assert why and "by hand" in why[0]
    left = {f.check: w["en"] for f, w in res.remaining}
    assert "has no line vty block" in left["mgmt-vty-no-access-class"]


def test_rule_statements_compared_as_comware_does():
    from netaudit.remedy.h3c_comware import _statement

    assert _statement("permit tcp destination 10.0.0.5 0 destination-port eq www") == _statement(
        "permit tcp source any destination 10.0.0.5 0 destination-port eq 80 counting"
    )
    assert _statement("permit udp destination-port eq bootps") == "permit udp destination-port eq 67"
    assert _statement("permit tcp destination-port eq 53") != _statement("permit udp destination-port eq 53")


def test_community_acl_words_replaced_ipv6_kept():
    from netaudit.remedy.h3c_comware import _with_acl

    def w(line):
        return _with_acl(line.split(), "2000")

    assert (
        w("snmp-agent community read simple x acl ipv6 2002")
        == "snmp-agent community read simple x acl ipv6 2002 acl 2000"
    )
    assert w("snmp-agent community read simple x acl name OLD acl ipv6 name V6") == (
        "snmp-agent community read simple x acl ipv6 name V6 acl 2000"
    )
    assert w("snmp-agent community write acl acl 2001") == "snmp-agent community write acl acl 2000"  # named "acl"
    assert w("snmp-agent community read public") == "snmp-agent community read public acl 2000"  # V5


def test_leaky_rollback_undoes_in_reverse(leaky):
    rb = leaky.devices["UBNDHB-CORE"].rendered.rollback.splitlines()
    assert rb[1] == "system-view" and rb[-1] == "return"
    assert rb.index("line vty 0 63") < rb.index("telnet server enable") < rb.index("interface Vlan-interface40")
    assert _block("\n".join(rb), "line vty 0 63") == [" undo acl inbound", " undo protocol inbound"]
    assert _block("\n".join(rb), "interface Vlan-interface40") == [
        " undo packet-filter 3042 inbound",
        " packet-filter 3040 inbound",
    ]
    i = rb.index("undo snmp-agent community congdong")
    assert rb[i + 1] == "snmp-agent community read simple congdong"
    assert rb[-6:-1] == [
        "undo acl basic 2000",
        "undo acl advanced 3044",
        "undo acl advanced 3043",
        "undo acl advanced 3042",
        "undo acl advanced 3041",
    ]  # the new ACLs go last, once nothing binds them


def test_leaky_copied_acl_decides_other_packets_as_before(leaky):
    """The guest ACL's copy decides as before every packet the new rules do not match."""
    hs = HeaderSpace()
    before = leaky.before.topology.devices["UBNDHB-CORE"]
    after = leaky.after.topology.devices["UBNDHB-CORE"]
    old = before.filters[before.interfaces["Vlan-interface40"].filter_in]
    new = after.filters[after.interfaces["Vlan-interface40"].filter_in]
    added = new.lines[1:4]  # after the VLAN interface's own first line (packets for the switch)
    assert [line.source.text.split()[1] for line in added] == ["5", "10", "15"]
    touched = hs.false
    for line in added:
        for m in line.matches:
            touched |= hs.match(m)
    assert (_permits(hs, old) & ~touched) == (_permits(hs, new) & ~touched)


def _renumbered_guest_acl(text: str, extra: str = "") -> str:
    """core-sw.cfg with ACL 3040's rules numbered from 30 (room below its first rule),
    ``extra`` rules before its last."""
    head, tail = text.split("acl advanced 3040", 1)
    acl, rest = tail.split("#", 1)
    acl = re.sub(r"rule (\d+) ", lambda m: f"rule {int(m.group(1)) + 30} ", acl)
    acl = acl.replace(" rule 50 permit ip\n", f"{extra} rule 50 permit ip\n")
    return head + "acl advanced 3040" + acl + "#" + rest


def test_acl_with_room_gets_rules_below_its_first(tmp_path):
    """An ACL used only there whose first rule is 30: the new rules take 5, 10, 15."""

    def edit(name, text):
        return _renumbered_guest_acl(text) if name == "core-sw.cfg" else text

    res = run_fix([_sample(tmp_path, edit)], None, tmp_path / "fix")
    assert res.ok and res.lost == []
    cs = res.devices["UBNDHB-CORE"].rendered.change_set
    body = _block(cs, "acl advanced 3040")
    assert body == [
        " rule 5 deny ip source 10.60.99.0 0.0.0.255",
        " rule 10 permit tcp destination 10.60.10.0 0.0.0.255 established",
        " rule 15 deny ip destination 10.60.10.0 0.0.0.255",
    ]
    assert "interface Vlan-interface40" not in cs  # the binding stays
    rb = res.devices["UBNDHB-CORE"].rendered.rollback
    assert _block(rb, "acl advanced 3040") == [" undo rule 5", " undo rule 10", " undo rule 15"]
    assert "guest-isolation" in _checks(res.closed)


@pytest.mark.parametrize(
    "extra",
    [
        " rule 48 deny ip source 10.60.99.0 0.0.0.255\n",
        # the same statement written otherwise: compared as Comware compares it, not as text
        " rule 48 deny ip source 10.60.99.0 0.0.0.255 destination any\n",
    ],
)
def test_rule_identical_to_an_old_one_makes_a_new_acl(tmp_path, extra):
    """Comware refuses a rule whose statement an existing rule has: with room at the top but
    the same deny already in the ACL, the rules go into a copy, the later identical rule
    dropped (it matched nothing)."""

    def edit(name, text):
        return _renumbered_guest_acl(text, extra) if name == "core-sw.cfg" else text

    res = run_fix([_sample(tmp_path, edit)], None, tmp_path / "fix")
    cs = res.devices["UBNDHB-CORE"].rendered.change_set
    assert "acl advanced 3040" not in cs
    body = _block(cs, "acl advanced 3042")
    assert sum("deny ip source 10.60.99.0 0.0.0.255" in line for line in body) == 1
    assert res.ok and res.lost == []


def test_default_deny_keeps_an_unfiltered_interface_passing(tmp_path):
    """With ``packet-filter default deny`` a new ACL on an interface that had none ends in
    ``permit ip``: the interface passes what it passed."""

    def edit(name, text):
        return (
            text.replace(" dhcp enable\n", " dhcp enable\n#\n packet-filter default deny\n")
            if name == "core-sw.cfg"
            else text
        )

    res = run_fix([_sample(tmp_path, edit)], None, tmp_path / "fix")
    cs = res.devices["UBNDHB-CORE"].rendered.change_set
    assert _block(cs, "acl advanced 3041")[-1].endswith(" permit ip")
    assert res.lost == []


def test_partial_acl_is_left_not_merged(tmp_path):
    """A rule the parser does not fully read (``time-range``): the ACL is partial, nothing is
    merged into it and the guest findings are left with the reason."""

    def edit(name, text):
        if name != "core-sw.cfg":
            return text
        return text.replace(
            " rule 2 permit ip destination 10.60.10.50 0",
            " rule 2 permit ip destination 10.60.10.50 0 time-range hanhchinh",
        )

    res = run_fix([_sample(tmp_path, edit)], None, tmp_path / "fix")
    cs = res.devices["UBNDHB-CORE"].rendered.change_set
    assert "3040" not in cs and "interface Vlan-interface40" not in cs
    why = res.devices["UBNDHB-CORE"].rendered.left
    assert any("3040" in w["en"] and "not fully understood" in w["en"] for w in why.values())
    assert "guest-isolation" not in _checks(res.closed)


def test_shared_acl_and_interfaces_without_one_share_a_copy(tmp_path):
    """S5130 core: two VLAN interfaces without a filter and the same new rules share one
    new ACL; the guest VLAN's ACL 3020 (first rule 0) is copied."""
    folder = _fixture(tmp_path, "s5130-ubndxa-core")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    cs = res.devices["UBND-XA-CORE"].rendered.change_set
    assert _block(cs, "interface Vlan-interface10") == [" packet-filter 3021 inbound"]
    assert _block(cs, "interface Vlan-interface30") == [" packet-filter 3021 inbound"]
    assert cs.count("acl advanced 3021") == 1
    assert _block(cs, "interface Vlan-interface20") == [
        " undo packet-filter 3020 inbound",
        " packet-filter 3023 inbound",
    ]
    assert {"policy-violation", "spoofing"} <= _checks(res.closed)
    # The out-of-band port M-GigabitEthernet0/0/0 got a packet-filter (the management
    # sources denied there): not a view the Comware packet-filter reference lists — left.
    rendered = res.devices["UBND-XA-CORE"].rendered
    assert "M-GigabitEthernet" not in cs and "M-GigabitEthernet" not in rendered.rollback
    assert any("M-GigabitEthernet0/0/0 is the out-of-band" in w["en"] for w in rendered.left.values())


def test_v5_switch_acl_number_user_interface_and_ip_group_left(tmp_path):
    """Comware V5: new ACLs as ``acl number N``, the vty as ``user-interface vty``; V5's
    ``packet-filter inbound ip-group`` is partial: that interface is left."""
    folder = _fixture(tmp_path, "s5120-v5-phuongtruycap")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == []
    r = res.devices["SW-PHUONG-T2"].rendered
    assert "acl number 3021" in r.change_set and "acl advanced" not in r.change_set
    # No 'ssh server enable' in the file (Comware's SSH server is off by default): Telnet,
    # the only remote path, stays — limited to management by the vty ACL — and is left.
    assert _block(r.change_set, "user-interface vty 0 4") == [" acl 2000 inbound"]
    assert "undo telnet server enable" not in r.change_set and "protocol inbound" not in r.change_set
    left = {f.check: w["en"] for f, w in res.remaining}
    assert left["mgmt-telnet"].startswith("SW-PHUONG-T2 accepts no SSH login yet (its configuration has no ssh server")
    assert "undo acl number 3021" in r.rollback
    assert any("Vlan-interface20 is not fully read" in w["en"] for w in r.left.values())
    assert "interface Vlan-interface20" not in r.change_set


@pytest.mark.parametrize("name", ["f1000-ttytx-fw", "f1000ak-sotuphap-fw"])
def test_security_zones_are_left_not_guessed(tmp_path, name):
    """A SecPath with security zones (zone-pairs, object-policies, security-policy ip): no
    packet-filter is added beside the zones' rules; the blocks are left with the reason."""
    folder = _fixture(tmp_path, name)
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == []
    for d in res.devices.values():
        if d.rendered is None:
            continue
        assert "packet-filter" not in d.rendered.change_set
        assert any("security zone" in w["en"] and "move rule" in w["en"] for w in d.rendered.left.values())
    assert not any(f.check == "policy-violation" and f.severity in ("critical", "high") for f in res.closed)
    # Nothing to paste: no empty change-set file is written, none is counted (the README says why).
    code, stdout, err = run_cli("fix", folder, "--site", folder / "site.yaml", "-o", tmp_path / "cli", "--lang", "en")
    assert code in (0, 1) and "0 change set(s)" in stdout, stdout + err
    assert not list((tmp_path / "cli").glob("*.txt"))
    readme = (tmp_path / "cli" / "README.md").read_text(encoding="utf-8")
    assert "- Not proposed: no command to apply on this device" in readme


def test_rbac_communities_get_the_acl_too(tmp_path):
    """V7's RBAC form (``snmp-agent community cipher X user-role R [acl …]``, no
    ``read|write``): each community is deleted by its ciphertext and written again with the
    management ACL, its role kept — the finding the parser now raises is closed, not left
    without a word (tests/fixtures/h3c_comware/s5560x-v7-snmp-rbac.cfg)."""
    from netaudit.remedy.h3c_comware import _community, _with_acl

    words = ["snmp-agent", "community", "simple", "public", "user-role", "network-operator", "acl", "2999"]
    assert _community(words) == "public"
    assert _with_acl(words, "2000") == "snmp-agent community simple public user-role network-operator acl 2000"
    assert _community(["snmp-agent", "community", "cipher", "$c$3$X==", "user-role", "r"]) == "cipher $c$3$X=="
    folder = _fixture(tmp_path, "s5560x-v7-snmp-rbac")
    res = run_fix([folder], None, tmp_path / "fix")
    r = res.devices["TTVH-CORE"].rendered
    cs = r.change_set.splitlines()
    admin = "$c$3$Wq9Zx2Lm7Nb4Vc1Kj8Hg5Fd0Sa3Pq6Rt=="
    i = cs.index(f"undo snmp-agent community cipher {admin}")
    assert re.fullmatch(
        r"snmp-agent community cipher \$c\$3\$Wq9Zx2Lm7Nb4Vc1Kj8Hg5Fd0Sa3Pq6Rt== user-role network-admin acl \d+",
        cs[i + 1],
    )
    assert "mgmt-snmp-community" in _checks(res.closed)
