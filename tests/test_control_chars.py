"""Control characters never reach a report or a terminal raw (issue #8).

One office whose hostname carries a leftover ANSI colour code, a BEL, U+FFFE and a
right-to-left override, whose file name carries ESC and U+202E, whose interface
description carries VT, FF and BEL, and whose guest zone name carries all of them,
audited into every format: no traceback, the same exit code as the clean office, no
raw control character in any output (JSON keeps the exact data, escaped)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT, cli

from netaudit.safetext import clean, dumps_json, has_unsafe, one_line

LEAKY = ROOT / "sample_configs" / "cisco-commune-leaky"
HOST = "UBNDHB-CORE\x1b[31m\x07\ufffe\u202e"
HOST_YAML = "UBNDHB-CORE\\e[31m\\a\\uFFFE\\u202E"
ZONE = "gu\x07est\x1b[0m\x0b\x0c\ufffe\u202e"
ZONE_YAML = "gu\\aest\\e[0m\\v\\f\\uFFFE\\u202E"
FILE = "core\x1b[31m\u202e-sw.cfg"
RAW = ("\x1b", "\x07", "\x0b", "\x0c", "\ufffe", "\u202e")


def run(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    """The command line as bytes: what a terminal would receive, control characters and all."""
    return cli(*args, cwd=cwd, timeout=600, text=False)


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile") / "office"
    shutil.copytree(LEAKY, d)
    for extra in ("README.md", "expected.yaml"):
        (d / extra).unlink(missing_ok=True)
    core = (d / "core-sw.cfg").read_text(encoding="utf-8")
    assert "hostname UBNDHB-CORE\n" in core and " description " in core
    core = core.replace("hostname UBNDHB-CORE\n", f"hostname {HOST}\n")
    core = core.replace(" description ", " description \x0b\x0c\x07", 1)
    (d / "core-sw.cfg").unlink()
    (d / FILE).write_text(core, encoding="utf-8")
    site = (d / "site.yaml").read_text(encoding="utf-8")
    site = site.replace('"UBNDHB-CORE:', f'"{HOST_YAML}:').replace("  guest:", f'  "{ZONE_YAML}":')
    (d / "site.yaml").write_text(site, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def baseline() -> int:
    return run("audit", LEAKY, "--format", "json").returncode


def _raw_in(text: str, keep: str = "\n\t") -> list[str]:
    return [repr(c) for c in RAW if c in text and c not in keep] + (["unsafe"] if has_unsafe(text, keep) else [])


def test_the_hostile_office_is_what_it_claims(office):
    from netaudit.inputs import load_snapshot
    from netaudit.zones import load_site

    names = {d.hostname for d in load_snapshot([office]).devices}
    assert any("\x1b" in n for n in names), names
    assert ZONE in [z.name for z in load_site(office / "site.yaml").zones]


@pytest.mark.parametrize("fmt", ["text", "json", "html", "md", "sarif"])
def test_no_raw_control_character_in_any_format(office, baseline, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    p = run("audit", office, "--format", fmt, "-o", out, "--lang", "en")
    assert b"Traceback" not in p.stderr, p.stderr.decode()
    assert p.returncode == baseline, p.stderr.decode()
    assert not _raw_in(p.stderr.decode("utf-8")), p.stderr
    text = out.read_text(encoding="utf-8")
    assert not _raw_in(text), fmt
    if fmt == "json":
        doc = json.loads(text)  # lossless: the exact names, escaped
        assert HOST in {d["name"] for d in doc["topology"]["devices"]}
        assert ZONE in {z["name"] for z in doc["zones"]}
        assert FILE in {i["path"] for i in doc["inputs"]}
    elif fmt in ("text", "html", "sarif"):
        assert "\\x1b[31m" in text and "\\u202e" in text and "\\ufffe" in text, fmt
    if fmt in ("html", "md"):
        drawio = (tmp_path / "report.drawio").read_text(encoding="utf-8")
        assert not _raw_in(drawio) and "\\x1b" in drawio


def test_pdf_and_its_diagram(office, baseline, tmp_path):
    pytest.importorskip("weasyprint")
    out = tmp_path / "report.pdf"
    p = run("audit", office, "--format", "pdf", "-o", out)
    assert b"Traceback" not in p.stderr, p.stderr.decode()
    assert p.returncode == baseline, p.stderr.decode()
    assert out.read_bytes().startswith(b"%PDF")
    assert not _raw_in((tmp_path / "report.drawio").read_text(encoding="utf-8"))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout.decode()
        assert not _raw_in(text, keep="\n\t\x0c")  # pdftotext separates pages with FF
        assert "\\x1b[31m" in text


def test_report_from_saved_json_and_trace(office, tmp_path):
    doc = tmp_path / "audit.json"
    run("audit", office, "--format", "json", "-o", doc)
    p = run("report", doc, "--format", "md", "-o", tmp_path / "r.md")
    assert p.returncode == 0, p.stderr.decode()
    assert not _raw_in((tmp_path / "r.md").read_text(encoding="utf-8"))
    for fmt in ("text", "json"):
        p = run("trace", office, "--from", ZONE, "--to", "10.10.10.5", "--service", "tcp/445", "--format", fmt)
        assert p.returncode in (0, 1, 3), p.stderr.decode()  # reachable, blocked, unknown (trace.EXIT_CODES)
        assert not _raw_in(p.stdout.decode("utf-8")) and not _raw_in(p.stderr.decode("utf-8"))


def test_terminal_colours_survive_and_data_cannot_forge_them(office):
    p = run("audit", office, "--color", "always")
    out = p.stdout.decode("utf-8")
    assert "\x1b[31m" in out  # netaudit's own colours …
    assert "UBNDHB-CORE\x1b" not in out and "gu\x07est" not in out  # … never the data's
    assert "\\x1b[31m" in out


def test_error_messages_are_one_safe_line(tmp_path):
    site = tmp_path / "site\x1b[2J.yaml"
    site.write_text('zones:\n  "a\\e[31m": {kind: nope}\n', encoding="utf-8")
    p = run("audit", LEAKY, "--site", site)
    err = p.stderr.decode("utf-8")
    assert p.returncode == 2 and len(err.strip().splitlines()) == 1
    assert not _raw_in(err) and "\\x1b[2J" in err and "\\x1b[31m" in err


def test_safetext_functions():
    s = "a\x1b[31mb\x07\x0b\x0c\ufffe\u202e\u2028\x85\x7f\ud800 Hòa Bình\tx\ny"
    assert clean(s) == "a\\x1b[31mb\\x07\\x0b\\x0c\\ufffe\\u202e\\u2028\\x85\\x7f\\ud800 Hòa Bình\tx\ny"
    assert clean(s, keep="").endswith("Hòa Bình\\x09x\\x0ay")
    assert one_line("two\nlines\x1b") == "two lines\\x1b"
    text = dumps_json({s: [s]}, indent=2)
    assert json.loads(text) == {s: [s]} and not has_unsafe(text)
    assert clean("Ủy ban nhân dân xã — ✓") == "Ủy ban nhân dân xã — ✓"


def test_every_unsafe_character_is_unprintable():
    """safetext.clean returns a printable string as it is without running its pattern
    (most strings of a report): right only while every character it escapes is one
    Python calls unprintable — checked over all of Unicode."""
    import re

    from netaudit.safetext import UNSAFE

    unsafe = re.compile(f"[{UNSAFE}]")
    assert not [hex(c) for c in range(0x110000) if unsafe.match(chr(c)) and chr(c).isprintable()]
    assert clean("Ủy ban nhân dân xã \u202e") == "Ủy ban nhân dân xã \\u202e"
