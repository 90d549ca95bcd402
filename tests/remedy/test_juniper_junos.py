"""Juniper Junos change sets of ``netaudit fix`` (netaudit/remedy/juniper_junos.py,
docs/remedy.md, docs/vendors/juniper_junos.md "netaudit fix"): the leaky sample (an SRX300 in
flow mode) and the fixtures ``tests/fixtures/juniper_junos/`` (an SRX340 with a DMZ, an
SRX300 in ``display set`` form without a management zone, an SRX300 on its factory default,
an EX2300 routing its VLANs without zones), proved by re-auditing the patched copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import FIXTURES, SAMPLES, run_cli

from netaudit.audit import run_audit
from netaudit.parsers.juniper_junos import parse
from netaudit.remedy import VENDORS, derive
from netaudit.remedy.juniper_junos import Candidate, word
from netaudit.remedy.prove import run_fix

LEAKY = SAMPLES / "juniper-commune-leaky"
JUNOS = FIXTURES / "juniper_junos"


def _fixture(tmp_path: Path, config: str, edit=None) -> Path:
    """A folder holding one fixture configuration (``edit``ed) and its site file."""
    folder = tmp_path / Path(config).stem
    folder.mkdir()
    text = (JUNOS / config).read_text(encoding="utf-8")
    (folder / config).write_text(edit(text) if edit else text, encoding="utf-8")
    shutil.copyfile(JUNOS / f"{Path(config).stem}.site.yaml", folder / "site.yaml")
    return folder


def _checks(findings) -> set[str]:
    return {f.check for f in findings}


def _cells(audit) -> dict:
    return {(c.src, c.dst): c for c in audit.matrix}


def _commands(change_set: str) -> list[str]:
    return [line for line in change_set.splitlines() if line and not line.startswith("#")]


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    return run_fix([LEAKY], None, tmp_path_factory.mktemp("junos") / "fix")


@pytest.fixture(scope="module")
def ex2300(tmp_path_factory):
    folder = _fixture(tmp_path_factory.mktemp("junos"), "ex2300-soyte-tang3.conf")
    return run_fix([folder], folder / "site.yaml", folder.parent / "fix")


def test_a_generator_is_registered():
    assert VENDORS["juniper_junos"] == "netaudit.remedy.juniper_junos"


# --------------------------------------------------------------------------- the leaky SRX300


def test_leaky_sample_proof_holds(leaky, tmp_path):
    """Every finding closes (the three critical ones included), no allowed flow is lost,
    and the patched network audited like any other has nothing critical or high left."""
    assert leaky.ok and leaky.lost == [] and not leaky.remaining
    assert {"guest-isolation", "policy-violation", "mgmt-telnet", "mgmt-http-server", "junos-ssh-root-login"} <= (
        _checks(leaky.closed)
    )
    cells = _cells(leaky.after)
    assert cells[("guest", "staff")].verdict == "blocked"
    assert cells[("internet", "staff")].verdict == "blocked"  # the RDP port forward's policy is shadowed
    assert cells[("internet", "@devices")].verdict == "blocked"
    assert cells[("staff", "@devices")].services == ["udp/67"]  # DHCP, the gateway service, stays
    assert cells[("mgmt", "@devices")].services == ["icmp/8", "tcp/22", "tcp/443", "udp/67"]
    assert cells[("guest", "internet")].verdict == "reachable"  # what the policy allows stays
    code, stdout, err = run_cli("fix", LEAKY, "-o", tmp_path / "fix", "--lang", "en")
    assert code == 0 and "proof holds" in stdout, stdout + err
    assert "every allowed flow still flows" in (tmp_path / "fix" / "README.md").read_text(encoding="utf-8")
    code, stdout, _ = run_cli("audit", tmp_path / "fix" / "after", "--format", "json", "--lang", "en")
    assert '"severity": "critical"' not in stdout and '"severity": "high"' not in stdout


def test_leaky_block_is_a_deny_policy_inserted_before_the_first(leaky):
    """guest → staff: a deny policy in the guest → trust context, to an address-book entry
    of the staff subnet, ``insert``ed before the "temporary" permit; the Internet's RDP
    port forward likewise before its policy (the policy matches the translated address)."""
    cmds = _commands(leaky.devices["UBNDTH-SRX300"].rendered.change_set)
    ctx = "set security policies from-zone guest to-zone trust policy NA-DENY-guest-staff"
    assert "set security address-book global address NA-staff 10.60.10.0/24" in cmds
    assert [c for c in cmds if c.startswith(ctx)] == [
        f"{ctx} match source-address any",
        f"{ctx} match destination-address NA-staff",
        f"{ctx} match application any",
        f"{ctx} then deny",
        f"{ctx} then log session-init",
    ]
    assert (
        "insert security policies from-zone guest to-zone trust policy NA-DENY-guest-staff before policy TAM-MAY-IN"
        in cmds
    )
    assert (
        "insert security policies from-zone untrust to-zone trust policy NA-DENY-internet-staff "
        "before policy RDP-KE-TOAN" in cmds
    )
    assert cmds[-2:] == ["commit check", 'commit confirmed 5 comment "netaudit fix"']


def test_leaky_restrictions_and_hardening(leaky):
    """Telnet and cleartext J-Web off; SSH and ping out of the host-inbound traffic of the
    staff zone (``all`` there: ``except``) and of the WAN interface (its own list); root
    may not log in over SSH.  The management zone's list is not touched."""
    cmds = _commands(leaky.devices["UBNDTH-SRX300"].rendered.change_set)
    assert "delete system services telnet" in cmds
    assert "delete system services web-management http" in cmds
    for svc in ("ssh", "ping"):
        assert f"set security zones security-zone trust host-inbound-traffic system-services {svc} except" in cmds
        assert (
            "set security zones security-zone untrust interfaces ge-0/0/0.0 host-inbound-traffic "
            f"system-services {svc} except" in cmds
        )
    assert "set system services ssh root-login deny" in cmds
    assert not any("security-zone mgmt" in c for c in cmds)


def test_leaky_rollback_is_rollback_1_and_the_inverse(leaky):
    rb = leaky.devices["UBNDTH-SRX300"].rendered.rollback.splitlines()
    assert rb[2:5] == ["rollback 1", "show | compare", "commit"]
    inverse = [line.removeprefix("#   ") for line in rb if line.startswith("#   ")]
    assert "set system services telnet" in inverse
    assert "set system services web-management http interface irb.10" in inverse
    assert "set system services ssh root-login allow" in inverse
    assert "delete security policies from-zone guest to-zone trust policy NA-DENY-guest-staff" in inverse
    assert inverse.index("set system services ssh root-login allow") == 0  # undone last change first


def test_leaky_patched_copy_is_the_set_form_the_parser_reads(leaky):
    """The patched copy is the whole configuration in ``set`` form, the new policy written
    before the old first one of its context (text order is policy order)."""
    patched = leaky.devices["UBNDTH-SRX300"].rendered.patched
    lines = patched.splitlines()
    assert all(line.startswith(("set ", "deactivate ", "#")) for line in lines)
    first_new = next(i for i, x in enumerate(lines) if "policy NA-DENY-guest-staff" in x)
    old = next(i for i, x in enumerate(lines) if "policy TAM-MAY-IN" in x)
    assert first_new < old
    assert not any(x.startswith("set system services telnet") for x in lines)
    got = parse(patched, "srx300.conf")
    (dev,) = got.devices
    assert dev.hostname == "UBNDTH-SRX300" and not got.report.unrecognized
    assert {s.name for s in dev.services if s.enabled} >= {"ssh", "https", "icmp-echo"}
    assert "telnet" not in {s.name for s in dev.services}


def test_secrets_stay_out_of_change_sets_and_notes(leaky, tmp_path):
    """The SRX's password hashes, and the SNMP community of the display-set fixture (SNMP
    limited by host-inbound traffic: no command names the community), appear in no change
    set, rollback or note."""
    folder = _fixture(tmp_path, "srx300-ubnd-huyen.txt")
    huyen = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    for res, secrets in (
        (leaky.devices["UBNDTH-SRX300"], ["$6$tH0aRt1x", "$6$qT4nTr1y"]),
        (huyen.devices["UBND-HUYEN-SRX300"], ["ubnd#huyen.ro"]),
    ):
        r = res.rendered
        text = r.change_set + r.rollback + repr(r.notes) + repr(r.left)
        assert not any(s in text for s in secrets)
        assert any(s in r.patched for s in secrets)  # the patched copy is the whole configuration
    cmds = _commands(huyen.devices["UBND-HUYEN-SRX300"].rendered.change_set)
    assert "set security zones security-zone trust host-inbound-traffic system-services snmp except" in cmds


# --------------------------------------------------------------------------- the fixtures


def test_display_set_fixture_without_management_zone(tmp_path):
    """``display set`` input; no management zone: the zones that reached SSH/SNMP/ping are
    taken out of host-inbound traffic (``except`` beside ``all``, deleted from a list that
    names the service) and a note says only the console is left."""
    folder = _fixture(tmp_path, "srx300-ubnd-huyen.txt")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    assert {"mgmt-telnet", "mgmt-http-server"} <= _checks(res.closed)
    assert ("motcua", "canbo") in {tuple(f.zones[:2]) for f in res.closed}
    r = res.devices["UBND-HUYEN-SRX300"].rendered
    cmds = _commands(r.change_set)
    assert "delete security zones security-zone motcua host-inbound-traffic system-services ping" in cmds
    assert any("only the console" in n["en"] for n in r.notes)


def test_srx340_interface_list_emptied_keeps_the_interface_in_its_zone(tmp_path):
    """The WAN interface's own host-inbound list (https, ping) loses both: the interface
    stays in zone untrust (a zone's interface is the statement binding it), which has no
    list of its own — before, the whole statement went and the WAN left its zone, cutting
    the Internet off every zone."""
    folder = _fixture(tmp_path, "srx340-stc-chinhanh.conf")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    assert {c for f in res.closed for c in [tuple(f.zones[:2])]} >= {("internet", "camera"), ("internet", "@devices")}
    patched = res.devices["STC-SRX340"].rendered.patched.splitlines()
    assert "set security zones security-zone untrust interfaces ge-0/0/0.0" in patched


def test_compliant_sample_needs_no_change(tmp_path):
    plan = derive(run_audit([SAMPLES / "juniper-commune-compliant"], None))
    assert plan.devices == {}
    res = run_fix([SAMPLES / "juniper-commune-compliant"], None, tmp_path / "fix")
    assert res.ok and not res.closed and not list((tmp_path / "fix").glob("*.txt"))


def test_allowed_services_are_permitted_above_the_deny(tmp_path):
    """A site policy that lets guests reach staff's printers on tcp/631 only: a permit
    policy with a new application for it, then the deny, both before the old policy."""
    folder = tmp_path / "office"
    shutil.copytree(LEAKY, folder)
    site = (folder / "site.yaml").read_text(encoding="utf-8")
    (folder / "site.yaml").write_text(site + "  - {from: guest, to: staff, services: [tcp/631]}\n", encoding="utf-8")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.lost == []
    cmds = _commands(res.devices["UBNDTH-SRX300"].rendered.change_set)
    assert "set applications application NA-tcp-631 protocol tcp" in cmds
    assert "set applications application NA-tcp-631 destination-port 631" in cmds
    allow = "security policies from-zone guest to-zone trust policy NA-ALLOW-guest-staff"
    assert f"set {allow} match application NA-tcp-631" in cmds and f"set {allow} then permit" in cmds
    assert cmds.index(f"insert {allow} before policy TAM-MAY-IN") < cmds.index(
        "insert security policies from-zone guest to-zone trust policy NA-DENY-guest-staff before policy TAM-MAY-IN"
    )
    assert _cells(res.after)[("guest", "staff")].services == ["tcp/631"]


def test_ex_switch_blocks_are_filter_terms(ex2300):
    """Without zones: the guest IRB's filter (used there only) gets the new terms inserted
    before its first term; an IRB without a filter gets a new one ending in an accept of
    the rest; destinations one term could hold are one term's alternatives."""
    assert ex2300.lost == []
    assert {"guest-isolation", "mgmt-http-server"} <= _checks(ex2300.closed)
    cmds = _commands(ex2300.devices["SYT-EX2300-T3"].rendered.change_set)
    inserted = [c for c in cmds if c.startswith("insert firewall family inet filter CHAN-KHACH term ")]
    assert inserted and all(c.endswith("before term CHO-DHCP-DNS") for c in inserted)
    assert "set interfaces irb unit 10 family inet filter input NA-irb-10-input" in cmds
    terms = [c for c in cmds if c.startswith("set firewall family inet filter NA-irb-10-input term ")]
    assert terms[-1] == "set firewall family inet filter NA-irb-10-input term NA-ACCEPT-REST then accept"
    discard = [c for c in terms if c.endswith(" from destination-address 10.40.30.0/24")]
    assert len(discard) == 2  # the TCP replies' accept and the deny, each one term for both zones
    patched = ex2300.devices["SYT-EX2300-T3"].rendered.patched.splitlines()
    chan = [x.split()[7] for x in patched if x.startswith("set firewall family inet filter CHAN-KHACH term ")]
    assert chan.index("CHO-DHCP-DNS") > max(chan.index(t) for t in chan if t.startswith("NA-"))


def test_ex_switch_internet_blocks_are_left_with_the_reason(ex2300):
    """Internet → inside zones on a switch without zones: a stateless filter would stop the
    replies of the zones' own sessions — left, with the reason, never a wrong command."""
    left = {f.id: why["en"] for f, why in ex2300.remaining}
    internet = [f for f, _ in ex2300.remaining if f.zones[:1] == ["internet"]]
    assert internet and all("needs stateful filtering" in left[f.id] for f in internet)
    assert not ex2300.ok  # the critical findings stay open: never a pass by omission


def test_an_interface_list_that_would_give_way_to_its_zone_is_left(tmp_path):
    """The WAN interface's own host-inbound list (https, ping) would be left empty while its
    zone has a list of its own (dhcp here): empty, the interface's list gives way to the
    zone's, which may open more — the finding is left with that reason, no command is
    written for it."""

    def zone_list(text: str) -> str:
        return text.replace(
            "        security-zone untrust {\n            screen untrust-screen;\n",
            "        security-zone untrust {\n            screen untrust-screen;\n"
            "            host-inbound-traffic {\n                system-services {\n                    dhcp;\n"
            "                }\n            }\n",
        )

    folder = _fixture(tmp_path, "srx340-stc-chinhanh.conf", zone_list)
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    left = {tuple(f.zones[:2]): why["en"] for f, why in res.remaining}
    assert "hands the interface back to its zone's list" in left[("internet", "@devices")]
    cmds = _commands(res.devices["STC-SRX340"].rendered.change_set)
    assert (
        "delete security zones security-zone untrust interfaces ge-0/0/0.0 host-inbound-traffic system-services https"
        in cmds
    )
    assert not any("ge-0/0/0.0 host-inbound-traffic system-services ping" in c for c in cmds)


def test_candidate_keeps_order_quotes_and_inactive_statements():
    text = (
        'system {\n    host-name "R 1";\n}\nsecurity {\n    policies {\n        from-zone a to-zone b {\n'
        "            policy P1 {\n                then permit;\n            }\n"
        "            inactive: policy P2 {\n                then deny;\n            }\n        }\n    }\n}\n"
    )
    cand = Candidate(text)
    ctx = ("security", "policies", "from-zone", "a", "to-zone", "b", "policy")
    cand.set((*ctx, "NEW", "then", "deny"), before=(*ctx, "P1"))
    out = cand.text("t").splitlines()
    assert out[1] == 'set system host-name "R 1"'
    assert out[2:5] == [
        "set security policies from-zone a to-zone b policy NEW then deny",
        "set security policies from-zone a to-zone b policy P1 then permit",
        "set security policies from-zone a to-zone b policy P2 then deny",
    ]
    assert out[-1] == "deactivate security policies from-zone a to-zone b policy P2 then deny"
    assert word("ge-0/0/0.0") == "ge-0/0/0.0" and word('a "b"') == '"a \\"b\\""'


def test_an_open_resolver_is_closed_where_the_internet_enters(tmp_path):
    """``system services dns`` with ``all`` on the WAN interface: DNS answers the Internet.
    The plan closes it at the edge (plan.EdgeClose): ``dns except`` on the WAN's
    host-inbound list; the staff zone (``all``) keeps resolving at the SRX."""
    folder = tmp_path / "office"
    shutil.copytree(LEAKY, folder)
    text = (folder / "srx300.conf").read_text(encoding="utf-8")
    (folder / "srx300.conf").write_text(text.replace("        telnet;\n", "        telnet;\n        dns;\n"), "utf-8")
    res = run_fix([folder], folder / "site.yaml", tmp_path / "fix")
    assert res.ok and res.lost == []
    cmds = _commands(res.devices["UBNDTH-SRX300"].rendered.change_set)
    assert (
        "set security zones security-zone untrust interfaces ge-0/0/0.0 host-inbound-traffic system-services dns except"
        in cmds
    )
    assert not any("security-zone trust host-inbound-traffic system-services dns" in c for c in cmds)
    cells = _cells(res.after)
    assert "udp/53" in cells[("staff", "@devices")].services
    assert cells[("internet", "@devices")].verdict == "blocked"
