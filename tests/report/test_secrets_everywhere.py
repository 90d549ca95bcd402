"""Issue #8, "Secrets never leak": every secret form of every vendor (``secret_corpus.py``),
some on lines the parser does not recognise and some in a file cut inside a PEM block, fed
through every output — text, JSON, HTML, Markdown, SARIF, PDF (pdftotext), the .drawio,
``netaudit report`` re-rendering, ``netaudit init`` (stdout and stderr), ``netaudit trace``
(text and JSON) and the error message of the command line.  No secret value and no piece
of key material may appear anywhere; secrets that are ordinary words (an SNMP community
``guest``) are masked where the grammar puts them and nowhere else, so zone names,
findings and addresses read as they should."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from netaudit.cli import main
from netaudit.secrets import (
    MASK,
    Masker,
    distinctive,
    key_material_lines,
    mask_conservative,
)

from .conftest import PDFTOTEXT
from .secret_corpus import FORTIOS, IOS, KEY_MATERIAL, OFFICES, ROUTEROS, Office

# A word secret used as a secret (any output's quoting: JSON \", HTML &#34;).
_WORD_USE = r'(?:community|name=|set name)\s*(?:\\?"|&#34;|&quot;)?{w}\b'
# What masking by value used to do to prose: "Hosts in ****** zone ******", "******.40.2",
# "interface ******-wifi".
_MANGLED = re.compile(r"in \*{6} zone|zone \*{6}|\*{6}\.\d|\*{6}-[a-z]|\d\.\*{6}")


def _outputs(office: Office, tmp_path: Path, capfd) -> dict[str, str]:
    """Every output netaudit makes of the office, by name."""
    folder = office.build(tmp_path)
    out: dict[str, str] = {}

    def run(name: str, *argv) -> int:
        rc = main([str(a) for a in argv])
        std = capfd.readouterr()
        out[f"{name}.stdout"], out[f"{name}.stderr"] = std.out, std.err
        return rc

    for fmt in ("text", "json", "html", "md", "sarif", "pdf"):
        target = tmp_path / f"report.{fmt}"
        assert run(fmt, "audit", folder, "--format", fmt, "-o", target, "--lang", "en") in (0, 1), out[f"{fmt}.stderr"]
        if fmt == "pdf":
            if PDFTOTEXT is None:
                pytest.fail("pdftotext is missing (poppler-utils): the PDF cannot be checked")
            out[fmt] = subprocess.run([PDFTOTEXT, str(target), "-"], capture_output=True, check=True).stdout.decode()
        else:
            out[fmt] = target.read_text(encoding="utf-8")
    out["drawio"] = (tmp_path / "report.drawio").read_text(encoding="utf-8")
    # `netaudit report`: re-rendered from the saved JSON (vi this time), with its drawio
    for fmt in ("html", "md"):
        target = tmp_path / f"again.{fmt}"
        assert run(f"report-{fmt}", "report", tmp_path / "report.json", "--format", fmt, "-o", target) == 0
        out[f"report-{fmt}"] = target.read_text(encoding="utf-8")
    out["report-drawio"] = (tmp_path / "again.drawio").read_text(encoding="utf-8")
    assert run("init", "init", folder, "-o", "-") == 0, out["init.stderr"]
    for fmt in ("text", "json"):
        assert (
            run(
                f"trace-{fmt}",
                "trace",
                folder,
                "--from",
                "guest",
                "--to",
                office.trace_to,
                "--format",
                fmt,
                "--lang",
                "en",
            )
            in (0, 1, 3)  # reachable, blocked, unknown (trace.EXIT_CODES)
        ), out[f"trace-{fmt}.stderr"]
    return out


@pytest.mark.parametrize("office", OFFICES, ids=lambda o: o.vendor)
def test_no_secret_in_any_output(office, tmp_path, capfd):
    outputs = _outputs(office, tmp_path, capfd)
    for name, text in outputs.items():
        leaked = [s for s in office.secrets + KEY_MATERIAL if s in text]
        leaked += [m.group(0) for w in office.words for m in re.finditer(_WORD_USE.format(w=re.escape(w)), text)]
        assert not leaked, (office.vendor, name, leaked)
        # …and masking did not eat ordinary words, zone names or addresses
        assert not _MANGLED.search(text), (office.vendor, name, _MANGLED.search(text).group(0))
    for name in ("text", "json", "html", "md", "pdf"):
        missing = [k for k in office.keep if k not in outputs[name]]
        assert not missing, (office.vendor, name, missing)
    assert "guest" in outputs["trace-text.stdout"] and "guest" in outputs["init.stdout"]
    assert "zone guest" in outputs["text"] or "guest zone" in outputs["text"]
    doc = json.loads(outputs["json"])
    # key material is data: read, never listed as an unrecognised line
    assert all(u["text"].strip('"') != MASK for u in doc["coverage"]["unrecognized_lines"])
    assert not [w for w in doc["warnings"] if "unknown command" in w and MASK in w]
    # the lines nobody recognised are still listed, their secret masked
    assert any(MASK in u["text"] for u in doc["coverage"]["unrecognized_lines"])


def test_masked_lines_keep_their_grammar(tmp_path, capfd):
    outputs = _outputs(IOS, tmp_path, capfd)
    assert "snmp-server community ****** RO" in outputs["text"]  # evidence, by grammar
    unrecognized = {u["text"] for u in json.loads(outputs["json"])["coverage"]["unrecognized_lines"]}
    assert "security wpa psk set-key ascii 0 ******" in unrecognized  # the value, not the psk word
    assert "zzsecure security wpa psk set-key ascii 0 ******" in unrecognized
    assert "frobnicate wpa-psk ascii 0 ****** ******" in unrecognized  # conservative: the rest too
    assert "Hosts in guest zone guest" in outputs["text"] and "10.10.40.2" in outputs["text"]


def test_show_secrets_shows_them(tmp_path, capfd):
    folder = ROUTEROS.build(tmp_path)
    assert main(["audit", str(folder), "--format", "json", "--show-secrets"]) in (0, 1)
    shown = capfd.readouterr().out
    assert "/frobnicate add password=RosUnrecPw-14 zz=1" in shown
    assert "/snmp community frob name=RosUnrecComm-15" in shown


def test_error_messages_are_masked(monkeypatch, capfd):
    """An InputError can quote a line of a file: the command line masks it on stderr."""
    from netaudit import audit
    from netaudit.model import InputError

    def fail(*_a, **_k):
        raise InputError(
            "cannot read 'snmp-server community Zq9Comm-1 RO' or 'MIIEvgIBADANBgkqhkiG9w0BAQEF"
            "AASCBKgwggSkAgEAAoIBAQDQk7Vm3xPqR2sT'",
            "x.cfg",
            3,
        )

    monkeypatch.setattr(audit, "run_audit", fail)
    assert main(["audit", "nowhere"]) == 2
    err = capfd.readouterr().err
    assert "x.cfg:3:" in err and "Zq9Comm-1" not in err and "MIIEvg" not in err and "community ******" in err


# --------------------------------------------------------------------------- parsers


@pytest.mark.parametrize(
    "office, name",
    [(o, n) for o in OFFICES for n in o.extra if n != "site.yaml"],  # (a fixture office's site file)
    ids=lambda x: x if isinstance(x, str) else x.vendor,
)
def test_key_material_is_read_as_data(office, name, tmp_path):
    """A file cut inside a key: its body lines are ignored data, never unrecognised lines or
    warnings quoting them, and each is a secret of its line."""
    from netaudit.parsers import Registry
    from netaudit.parsers.cisco_asa import VENDOR as ASA
    from netaudit.parsers.cisco_ios import VENDOR as IOS_V
    from netaudit.parsers.fortinet_fortios import VENDOR as FGT
    from netaudit.parsers.h3c_comware import VENDOR as COMWARE
    from netaudit.parsers.huawei_vrp import VENDOR as VRP
    from netaudit.parsers.juniper_junos import VENDOR as JUNOS
    from netaudit.parsers.mikrotik_routeros import VENDOR as ROS

    vendor = {
        "cisco_ios": IOS_V,
        "cisco_asa": ASA,
        "fortinet_fortios": FGT,
        "mikrotik_routeros": ROS,
        "huawei_vrp": VRP,
        "h3c_comware": COMWARE,
        "juniper_junos": JUNOS,
    }[office.vendor]
    text = office.extra[name]
    res = Registry().parser(vendor).parse(text, name)
    material = {n for n, part in key_material_lines(text.split("\n")).items() if part}
    assert material
    assert not material & {s.line for s in res.report.unrecognized}
    assert not [w for w in res.report.warnings if any(k in w for k in KEY_MATERIAL)]
    dev = res.devices[0]
    assert material <= set(dev.secret_lines)


def test_fortios_community_name_is_a_secret_of_its_line():
    from netaudit.parsers.fortinet_fortios import parse

    text = (ROOT_SAMPLE / "FGT-TTHCC-TH.conf").read_text(encoding="utf-8")
    text += 'config system snmp community\n    edit 9\n        set name "guest"\n    next\nend\n'
    res = parse(text, "fgt.conf")
    n = len(text.rstrip("\n").split("\n")) - 2
    assert res.devices[0].secret_lines[n] == {"guest"}
    m = Masker(res.devices, ["guest"])
    assert m.line('set name "guest"', "fgt.conf", n) == 'set name "******"'
    assert m.prose("Hosts in guest zone guest") == "Hosts in guest zone guest"


ROOT_SAMPLE = Path(__file__).resolve().parents[2] / "sample_configs" / FORTIOS.sample


# --------------------------------------------------------------------------- the rules


def _device(**kw):
    base = {
        "file": "r.cfg",
        "hostname": "R1",
        "secrets": set(),
        "secret_lines": {},
        "interfaces": {},
        "vlans": {},
        "ssids": [],
        "filters": {},
    }
    return SimpleNamespace(**{**base, **kw})


def test_literal_values_are_masked_as_whole_tokens_only():
    m = Masker(
        [_device(secrets={"10.10", "guest", "Tanphu-RO-2024", "public"}, secret_lines={3: {"guest"}})], names=["guest"]
    )
    assert (
        m.prose("Hosts in guest zone guest (10.10.40.2) guest-wifi public")
        == "Hosts in guest zone guest (10.10.40.2) guest-wifi public"
    )
    assert m.prose("the key is Tanphu-RO-2024.") == "the key is ******."
    assert m.prose("Tanphu-RO-2024x stays, (Tanphu-RO-2024) goes") == "Tanphu-RO-2024x stays, (******) goes"
    # by grammar position, on its own line only, even an ordinary word
    assert m.line("snmp-server community guest RO", "r.cfg", 3) == "snmp-server community ****** RO"
    assert m.line(" description guest wifi", "r.cfg", 4) == " description guest wifi"
    assert (
        m.line("snmp-server host guest-wifi 10.1.1.1 community guest", "r.cfg", 3)
        == "snmp-server host guest-wifi 10.1.1.1 community ******"
    )
    assert (
        m.warning("r.cfg:3: odd line 'snmp-server community guest RO'")
        == "r.cfg:3: odd line 'snmp-server community ****** RO'"
    )
    assert Masker([_device(secrets={"Tanphu-RO-2024"})], show=True).prose("Tanphu-RO-2024") == "Tanphu-RO-2024"


@pytest.mark.parametrize(
    "value, ok",
    [
        ("guest", False),
        ("public", False),
        ("Cisco", False),
        ("PRIVATE", False),
        ("giam-sat-ro", False),
        ("10.10", False),
        ("2024", False),
        ("abc", False),
        ("R1", False),
        ("Vlan10", False),
        ("Tanphu-RO-2024", True),
        ("cisco123", True),
        ("Admin@2023", True),
        ("PskX", True),
        ("KhachWifi", True),
        ("-----BEGIN", False),
    ],
)
def test_which_literals_are_masked_in_prose(value, ok):
    assert distinctive(value, {"r1", "vlan10"}) is ok


CONSERVATIVE = [
    ("frobnicate wpa-psk ascii 0 Psk123 now", "frobnicate wpa-psk ascii 0 ****** ******"),
    ("zz security wpa psk set-key ascii 0 Psk123", "zz security wpa psk set-key ascii 0 ******"),
    ("mystery snmp community Comm1 RO 10", "mystery snmp community ****** RO 10"),
    ("odd crypto isakmp key Psk1 address 203.0.113.9", "odd crypto isakmp key ****** address 203.0.113.9"),
    ("/frobnicate add password=Pw1 zz=1", "/frobnicate add password=****** zz=1"),
    ("/snmp community frob name=Comm2", "/snmp community ****** name=******"),
    ("set wpa-psk ascii 0 FgtPsk", "set wpa-psk ascii 0 ******"),
    ("odd thing auth-key=K1 other=2", "odd thing auth-key=****** other=2"),
    ("interface Gi0/1 shutdown", "interface Gi0/1 shutdown"),
    ("key chain OSPF", "key chain OSPF"),
]


@pytest.mark.parametrize("line, expected", CONSERVATIVE, ids=[c[0][:40] for c in CONSERVATIVE])
def test_conservative_rule_for_unrecognised_lines(line, expected):
    assert mask_conservative(line) == expected


def test_key_material_lines():
    lines = [
        "crypto key import rsa K pem terminal Pass1",
        "-----BEGIN RSA PRIVATE KEY-----",
        "Proc-Type: 4,ENCRYPTED",
        "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDQk7Vm3xPqR2sT",
        "AwIDAQAB",
        "-----END RSA PRIVATE KEY-----",
        "quit",
        "crypto pki certificate chain TP",
        " certificate self-signed 01",
        "  3082022B 30820194 A0030201 02020101",
        "  F70D01",
        "  \tquit",
        "end",
    ]
    got = key_material_lines(lines)
    assert sorted(got) == [2, 3, 4, 5, 6, 7, 10, 11]
    assert got[4].startswith("MIIEvg") and got[5] == "AwIDAQAB" and got[10].startswith("3082022B")
    # FortiOS, cut inside the key: to the end of the file; the `set` line stays configuration
    cut = [
        '        set private-key "-----BEGIN ENCRYPTED PRIVATE KEY-----',
        "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDQk7Vm3xPqR2sT",
        "Lw9cJ4nYb8e1ZfKuHa6gW0iDoXy5tMvN3rQ7pB2kS9dE4fG8hJ1lC6mA0zU5wV7x",
    ]
    assert sorted(key_material_lines(cut)) == [2, 3]
    # no END, configuration again after the body: the block stops at the first word
    broken = [
        "-----BEGIN CERTIFICATE-----",
        "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDQk7Vm3xPqR2sT",
        "end",
        "hostname R1",
    ]
    assert sorted(key_material_lines(broken)) == [1, 2]


@pytest.mark.parametrize("office", OFFICES, ids=lambda o: o.vendor)
def test_a_fresh_document_needs_no_second_masking_walk(office, tmp_path):
    """``render`` skips the knowledge-free masking walk over a document fresh from the
    audit (report.prepare_doc, ``masked``): that walk would change nothing in it."""
    from netaudit.audit import run_audit
    from netaudit.report import RenderOptions, prepare_doc
    from netaudit.report.json_report import audit_dict

    folder = office.build(tmp_path)
    options = RenderOptions(inspected_by="Dai uy Nguyen Van A", address="Thon 3, xa Hoa Binh")
    doc = audit_dict(run_audit([folder]), options)
    assert prepare_doc(doc, options, masked=True) == prepare_doc(doc, options)
