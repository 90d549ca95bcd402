"""The command line as a user runs it: JSON contract, exit codes, init, trace."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from helpers import ROOT, cli

from netaudit.cli import main

LEAKY = ROOT / "sample_configs" / "cisco-commune-leaky"
COMPLIANT = ROOT / "sample_configs" / "cisco-commune-compliant"
SERVICE = re.compile(r"^(ip|tcp|udp|icmp|(tcp|udp)/\d+(-\d+)?|icmp/\d+|proto/\d+(-\d+)?)$")


@pytest.fixture(scope="module")
def leaky_json():
    p = cli("audit", LEAKY, "--format", "json")
    assert p.returncode == 1, p.stderr  # high findings exist
    return json.loads(p.stdout)


def test_json_contract(leaky_json):
    doc = leaky_json
    assert doc["schema"] == "netaudit/audit/v1"
    assert doc["tool"] == {"name": "netaudit", "version": "0.1.0"}
    assert doc["unit"] == "UBND xã Hòa Bình" and doc["level"] == 2
    for f in doc["inputs"]:
        assert re.fullmatch(r"[0-9a-f]{64}", f["sha256"])
        assert f["vendor"] == "cisco_ios" and f["devices"] and f["lines"] > 0
    names = [z["name"] for z in doc["zones"]]
    pairs = {(c["src"], c["dst"]) for c in doc["matrix"]}
    want = {(a, b) for a in names for b in names if a != b} | {(a, "@devices") for a in names}
    assert pairs == want
    for c in doc["matrix"]:
        assert c["verdict"] in ("reachable", "blocked", "unknown")
        assert c["expected"] in ("allow", "deny", "limited")
        assert all(SERVICE.match(s) for s in c["services"]), c["services"]
        if c["verdict"] == "reachable":
            w = c["witness"]
            assert {"src_ip", "dst_ip", "proto"} <= set(w["packet"])
            for hop in w["hops"]:
                for rule in hop["rules"]:
                    assert {"file", "line", "text"} <= set(rule)
        if c["verdict"] == "unknown":
            assert c["reason"]
        if c["expected"] == "limited":
            assert c["allowed_services"]
    sev = {"critical", "high", "medium", "low", "info"}
    for f in doc["findings"]:
        assert f["severity"] in sev
        assert set(f["title"]) == {"vi", "en"} and set(f["remediation"]) == {"vi", "en"}
        assert f["references"]
    assert doc["coverage"]["files"] == 2 and doc["coverage"]["lines"] > 500


def test_json_is_deterministic():
    a = cli("audit", LEAKY, "--format", "json").stdout
    b = cli("audit", LEAKY, "--format", "json").stdout
    assert a == b


def test_exit_codes():
    assert cli("audit", COMPLIANT).returncode == 0
    assert cli("audit", LEAKY).returncode == 1
    assert cli("audit", LEAKY, "--fail-on", "critical").returncode == 1
    p = cli("audit", COMPLIANT, "--fail-on", "info")
    assert p.returncode in (0, 1)
    p = cli("audit", ROOT / "no-such-dir")
    assert p.returncode == 2 and "no-such-dir" in p.stderr and "Traceback" not in p.stderr
    p = cli("audit")
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1


def test_unusable_input_is_exit_2_with_one_line(tmp_path):
    (tmp_path / "notes.txt").write_text("hello, this is not a router\n")
    (tmp_path / "blob.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    p = cli("audit", tmp_path)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    assert "notes.txt" in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_bad_site_file_is_exit_2(tmp_path):
    site = tmp_path / "site.yaml"
    site.write_text("zones:\n  g:\n    kind: nope\n    subnets: [10.0.0.0/24]\n")
    p = cli("audit", LEAKY, "--site", site)
    assert p.returncode == 2 and f"{site}:3:" in p.stderr


def test_input_error_is_worded_in_the_output_language(tmp_path, capsys):
    """A mistake in the site file is told in --lang (Vietnamese by default), naming the
    file and line the same way in both languages."""
    site = tmp_path / "site.yaml"
    site.write_text("unit: UBND xa\nlevel: 9\nzones:\n  g: {kind: guest, subnets: [10.0.0.0/24]}\n")
    assert main(["audit", str(LEAKY), "--site", str(site)]) == 2
    assert capsys.readouterr().err == f"netaudit: lỗi: {site}:2: level phải từ 1 đến 5, không phải 9\n"
    assert main(["audit", str(LEAKY), "--site", str(site), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"netaudit: error: {site}:2: level must be 1..5, not 9\n"


def test_text_summary_in_both_languages():
    vi = cli("audit", LEAKY).stdout
    en = cli("audit", LEAKY, "--lang", "en").stdout
    assert "Ma trận truy cập giữa các vùng" in vi and "Nghiêm trọng" in vi
    assert "Zone reachability matrix" in en and "Critical" in en
    assert "Parse coverage" in en and "unrecognized" in en
    # each file's line of the coverage says its counts in the reader's language too (it
    # was English in a Vietnamese report: "330 lines, 0 unrecognized")
    assert " lines, 0 unrecognized" in en
    assert " dòng, 0 dòng không nhận dạng được" in vi and " lines, 0 unrecognized" not in vi


def test_inferred_zones_are_announced(tmp_path):
    for f in LEAKY.glob("*.cfg"):
        shutil.copy(f, tmp_path)
    p = cli("audit", tmp_path, "--lang", "en")
    assert p.returncode in (0, 1), p.stderr
    assert "INFERRED" in p.stdout
    assert "WIFI-KHACH" in p.stdout or "KHACH" in p.stdout


def test_init_writes_reviewable_site(tmp_path):
    for f in LEAKY.glob("*.cfg"):
        shutil.copy(f, tmp_path)
    assert main(["init", str(tmp_path)]) == 0
    text = (tmp_path / "site.yaml").read_text(encoding="utf-8")
    assert "inferred from" in text and "kind: guest" in text
    # refuses to overwrite a reviewed file
    assert main(["init", str(tmp_path)]) == 2
    # and the draft is usable as is
    p = cli("audit", tmp_path, "--format", "json")
    assert p.returncode in (0, 1), p.stderr
    kinds = {z["kind"] for z in json.loads(p.stdout)["zones"]}
    assert {"guest", "external"} <= kinds


def test_init_that_recognises_nothing_says_what_audit_will_need(tmp_path):
    """Nothing to infer (a router with one bridge and no address): the draft declares no
    zone, init says so, and audit's stop names the empty zones, not a malformed file."""
    (tmp_path / "r.rsc").write_text("# 2025-01-01 by RouterOS 7.15\n/interface bridge\nadd name=bridge1\n")
    p = cli("init", tmp_path, "--lang", "en")
    assert p.returncode == 0 and "no zone could be inferred" in p.stderr
    p = cli("audit", tmp_path, "--format", "json", "--lang", "en")
    assert p.returncode == 2 and "zones: no zone declared" in p.stderr


def test_trace_reachable_and_blocked():
    p = cli("trace", LEAKY, "--from", "guest", "--to", "10.10.10.5", "--service", "tcp/445", "--lang", "en")
    assert p.returncode == 0, p.stderr
    assert "Delivered to zone staff" in p.stdout
    assert "permit ip 10.10.40.0 0.0.0.255 10.10.0.0 0.0.255.255" in p.stdout
    p = cli(
        "trace",
        COMPLIANT,
        "--from",
        "guest",
        "--to",
        "10.10.10.5",
        "--service",
        "tcp/445",
        "--lang",
        "en",
        "--format",
        "json",
    )
    doc = json.loads(p.stdout)
    assert doc["verdict"] == "blocked" and doc["blocked_by"]


# An ASA with a web farm on a segment no zone covers (the inferred zones name only
# outside and inside): a real configuration's shape, where `nameif webfarm` is no
# known zone name.
WEBFARM_ASA = """ASA Version 9.8(2)
!
hostname FW1
!
interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 192.168.0.254 255.255.255.0
!
interface GigabitEthernet0/1
 nameif webfarm
 security-level 50
 ip address 10.0.1.254 255.255.255.0
!
interface GigabitEthernet0/2
 nameif inside
 security-level 100
 ip address 10.0.0.13 255.255.255.252
!
access-list acl-outside extended permit tcp any4 host 10.0.1.1 eq www
access-group acl-outside in interface outside
route outside 0.0.0.0 0.0.0.0 192.168.0.1 1
: end
"""


def test_trace_to_a_segment_no_zone_covers_is_unknown_not_blocked(tmp_path):
    """Packets the ACL lets onto the web farm reach a segment of no zone: not "blocked"
    (it was, with no reason and exit 1); what the ACL stops still is.  The audit names
    the segment no zone covers."""
    (tmp_path / "fw.cfg").write_text(WEBFARM_ASA, encoding="utf-8")
    argv = ("trace", tmp_path, "--from", "internet", "--to", "10.0.1.1", "--lang", "en", "--service")
    p = cli(*argv, "http")
    assert p.returncode == 3, p.stdout + p.stderr
    assert "reach the segment of FW1:GigabitEthernet0/1" in p.stdout and "belongs to no zone" in p.stdout
    p = cli(*argv, "ssh")
    assert p.returncode == 1 and "access-group acl-outside in interface outside" in p.stdout
    p = cli("audit", tmp_path, "--format", "json", "--lang", "en")
    assert p.returncode in (0, 1), p.stderr
    [w] = [w for w in json.loads(p.stdout)["warnings"] if "in no zone" in w]
    assert "FW1:GigabitEthernet0/1 (10.0.1.0/24)" in w
    assert "GigabitEthernet0/2" not in w  # the inside /30 is the staff zone


def test_trace_bad_arguments():
    p = cli("trace", LEAKY, "--from", "nobody", "--to", "10.10.10.5", "--lang", "en")
    assert p.returncode == 2 and "unknown zone" in p.stderr
    p = cli("trace", LEAKY, "--from", "guest", "--to", "10.10.10.5", "--service", "tcp/99999")
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_secrets_are_masked(tmp_path):
    office = tmp_path / "office"
    shutil.copytree(LEAKY, office)
    core = office / "core-sw.cfg"
    # A community string cited as evidence, and a secret inside a line the parser does not know.
    core.write_text(core.read_text() + "snmp-server community Hb0aCommX RO\nfrobnicate password 0 Zq9SecretPw\n")
    from netaudit.inputs import load_snapshot

    secrets = set()
    for d in load_snapshot([office]).devices:
        secrets |= d.secrets
    assert "Hb0aCommX" in secrets
    for fmt in ("json", "text"):
        out = cli("audit", office, "--format", fmt, "--lang", "en").stdout
        assert "snmp-server community" in out  # the evidence line is shown…
        for s in secrets | {"Zq9SecretPw"}:
            assert s not in out, (fmt, s)  # …with its secret masked
    shown = cli("audit", office, "--format", "json", "--show-secrets").stdout
    assert "Hb0aCommX" in shown and "Zq9SecretPw" in shown


def test_prose_keeps_keywords_while_config_lines_are_masked():
    from netaudit.secrets import mask

    assert mask("snmp-server community Hb0aCommX RO", {"Hb0aCommX"}) == "snmp-server community ****** RO"
    assert mask("config system snmp community", set(), keywords=False) == "config system snmp community"
    assert mask("the key Hb0aCommX leaks", {"Hb0aCommX"}, keywords=False) == "the key ****** leaks"


def test_detail_option(tmp_path):
    """`--detail summary|full` (docs/report.md, "Summary and full detail") on audit and report:
    in the help of both, a wrong value is exit 2 with one line, and a small audit prints the
    same either way (its lists are within every cap)."""
    for command in ("audit", "report"):
        p = cli(command, "--help")
        assert "--detail {summary,full}" in p.stdout and "always complete" in " ".join(p.stdout.split())
    p = cli("audit", LEAKY, "--format", "html", "--detail", "all")
    assert p.returncode == 2 and "--detail" in p.stderr and len(p.stderr.strip().splitlines()) == 1
    out = {}
    for detail in ("summary", "full"):
        target = tmp_path / detail / "report.md"
        target.parent.mkdir()
        p = cli("audit", LEAKY, "--format", "md", "--detail", detail, "-o", target, env={"SOURCE_DATE_EPOCH": "0"})
        assert p.returncode == 1, p.stderr
        out[detail] = target.read_text(encoding="utf-8")
    assert out["summary"] == out["full"] and "--detail full" not in out["full"]
    saved = tmp_path / "audit.json"
    assert cli("audit", LEAKY, "--format", "json", "-o", saved).returncode == 1
    p = cli("report", saved, "--format", "md", "--detail", "summary")
    assert p.returncode == 0 and "--detail full" not in p.stdout


def test_trace_on_a_file_cut_short_is_unknown_not_proven_blocked(tmp_path, capsys):
    """The leaky office's core switch cut inside the guest ACL, before the line that lets
    guests in: trace answered "Blocked" (exit 1, "proven") and printed nothing about the
    cut; audit already failed on it.  What was not read may decide: unknown, exit 3."""
    from helpers import copy_sample

    office = copy_sample(tmp_path, "cisco-commune-leaky")
    core = office / "core-sw.cfg"
    core.write_text("\n".join(core.read_text().splitlines()[:370]) + "\n")
    code = main(["trace", str(office), "--from", "guest", "--to", "staff", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 3
    assert "core-sw.cfg:370: truncated" in out and "what could not be read may decide" in out
    assert "Blocked" not in out


def test_a_crash_is_an_internal_error_never_a_verdict(tmp_path, monkeypatch, capsys):
    """Any exception escaping a command exited 1 — for trace, a proven "blocked"."""
    import netaudit.trace

    def broken(*args, **kwargs):
        raise RuntimeError("boom: community S3cr3t")

    monkeypatch.setattr(netaudit.trace, "trace", broken)
    code = main(["trace", str(ROOT / "sample_configs/cisco-commune-leaky"), "--from", "guest", "--to", "staff"])
    err = capsys.readouterr().err
    assert code == 70
    assert "internal error (exit 70)" in err and "RuntimeError: boom" in err
