"""Outputs never overwrite what they must not (issue #8): one writer for every file
netaudit writes — no write through a symbolic link, never onto an input, checked before
the audit, atomic (temporary file + rename), report and diagram together or not at all."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import ROOT, cli

from netaudit import outputs
from netaudit.cli import main
from netaudit.model import InputError

LEAKY = ROOT / "sample_configs" / "cisco-commune-leaky"


@pytest.fixture
def office(tmp_path) -> Path:
    d = tmp_path / "office"
    shutil.copytree(LEAKY, d)
    return d


def _one_error_line(p: subprocess.CompletedProcess, *needles: str) -> None:
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1, p.stderr
    for n in needles:
        assert n in p.stderr, p.stderr


def _no_temp_files(folder: Path) -> None:
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture
def no_audit(monkeypatch):
    """Fail the test if the audit (or the loading of inputs) starts."""

    def boom(*a, **k):
        raise AssertionError("the audit ran before the output was checked")

    monkeypatch.setattr("netaudit.audit.run_audit", boom)
    monkeypatch.setattr("netaudit.inputs.load_snapshot", boom)
    monkeypatch.setattr("netaudit.report.load_doc", boom)


# --------------------------------------------------------------------------- links and inputs


def test_symlink_to_an_input_config_is_refused(office):
    cfg = office / "core-sw.cfg"
    before = cfg.read_bytes()
    (office / "report.json").symlink_to("core-sw.cfg")
    p = cli("audit", office, "--format", "json", "-o", office / "report.json")
    _one_error_line(p, "report.json", "symbolic link")
    assert cfg.read_bytes() == before
    assert (office / "report.json").is_symlink()


def test_planted_drawio_symlink_pointing_outside_is_refused(office, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n")
    (office / "report.drawio").symlink_to(outside)
    p = cli("audit", office, "--format", "md", "-o", office / "report.md")
    _one_error_line(p, "report.drawio", "symbolic link")
    assert outside.read_text() == "keep me\n"
    assert not (office / "report.md").exists()  # nothing written at all


def test_diagram_option_is_checked_like_the_report(office, tmp_path, no_audit):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n")
    link = tmp_path / "d.drawio"
    link.symlink_to(outside)
    assert main(["audit", str(office), "--format", "html", "-o", str(tmp_path / "r.html"), "--diagram", str(link)]) == 2
    assert (
        main(
            [
                "audit",
                str(office),
                "--format",
                "html",
                "-o",
                str(tmp_path / "r.html"),
                "--diagram",
                str(tmp_path / "missing" / "d.drawio"),
            ]
        )
        == 2
    )
    assert main(["audit", str(office), "--format", "html", "-o", str(tmp_path / "r.drawio")]) == 2
    assert outside.read_text() == "keep me\n"


@pytest.mark.parametrize("target", ["core-sw.cfg", "site.yaml"])
def test_never_writes_onto_an_input_named_on_the_command_line(office, target):
    before = (office / target).read_bytes()
    p = cli(
        "audit",
        office / "core-sw.cfg",
        office / "edge-rt.cfg",
        "--site",
        office / "site.yaml",
        "--format",
        "json",
        "-o",
        office / target,
        "--lang",
        "en",
    )
    _one_error_line(p, target, "input")
    assert (office / target).read_bytes() == before


def test_never_writes_onto_a_config_found_in_an_input_folder(office):
    before = (office / "edge-rt.cfg").read_bytes()
    p = cli("audit", office, "--format", "json", "-o", office / "edge-rt.cfg", "--lang", "en")
    _one_error_line(p, "edge-rt.cfg", "input")
    assert (office / "edge-rt.cfg").read_bytes() == before
    # A hard link to a config is the same file.
    os.link(office / "edge-rt.cfg", office / "hard.json")
    p = cli(
        "audit",
        office / "edge-rt.cfg",
        office / "core-sw.cfg",
        "--site",
        office / "site.yaml",
        "--format",
        "json",
        "-o",
        office / "hard.json",
        "--lang",
        "en",
    )
    _one_error_line(p, "hard.json", "input")


def test_a_previous_report_in_the_config_folder_is_replaced(office):
    """netaudit's own output inside the bundle is not an input: rerunning replaces it."""
    for _ in range(2):
        p = cli("audit", office, "--format", "html", "-o", office / "report.html")
        assert p.returncode == 1, p.stderr
    assert (office / "report.drawio").exists()
    _no_temp_files(office)


def test_report_refuses_to_overwrite_its_json(tmp_path, no_audit):
    doc = tmp_path / "audit.json"
    doc.write_text("{}")
    assert main(["report", str(doc), "--format", "json", "-o", str(doc)]) == 2
    assert doc.read_text() == "{}"


def test_init_writes_through_the_same_writer(office, tmp_path):
    (office / "site.yaml").unlink()
    outside = tmp_path / "outside.yaml"
    outside.write_text("keep: me\n")
    (office / "site.yaml").symlink_to(outside)
    p = cli("init", office, "--force", "--lang", "en")
    _one_error_line(p, "site.yaml", "symbolic link")
    assert outside.read_text() == "keep: me\n"
    p = cli("init", office, "--force", "-o", office / "core-sw.cfg", "--lang", "en")
    _one_error_line(p, "core-sw.cfg", "input")
    (office / "site.yaml").unlink()
    p = cli("init", office)
    assert p.returncode == 0, p.stderr
    st = os.stat(office / "site.yaml")
    assert stat.S_ISREG(st.st_mode) and "kind: guest" in (office / "site.yaml").read_text()
    _no_temp_files(office)


# --------------------------------------------------------------------------- before the work


def test_output_onto_a_folder_fails_before_the_audit(office, tmp_path, no_audit, capsys):
    folder = tmp_path / "out.html"
    folder.mkdir()
    assert main(["audit", str(office), "--format", "html", "-o", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "out.html" in err and "folder" in err and len(err.strip().splitlines()) == 1
    assert main(["audit", str(office), "--format", "json", "-o", str(tmp_path / "nowhere" / "a.json")]) == 2
    assert main(["report", str(tmp_path / "a.json"), "--format", "html", "-o", str(folder)]) == 2
    assert main(["audit", str(office), "--format", "json", "-o", "/dev/null"]) == 2
    assert list(folder.iterdir()) == []


# --------------------------------------------------------------------------- atomic writes


def test_failed_render_leaves_previous_report_and_no_drawio(office, tmp_path, monkeypatch):
    out = tmp_path / "report.html"
    out.write_text("previous report\n")

    def broken(*a, **k):
        raise RuntimeError("renderer failed midway")

    monkeypatch.setattr("netaudit.report.render_doc", broken)
    assert main(["audit", str(office), "--format", "html", "-o", str(out)]) == 70  # an internal error
    assert out.read_text() == "previous report\n"
    assert not (tmp_path / "report.drawio").exists()
    _no_temp_files(tmp_path)


def test_failed_second_file_leaves_nothing(tmp_path, monkeypatch):
    a, b = tmp_path / "r.html", tmp_path / "r.drawio"
    a.write_text("old\n")
    real = outputs._stage

    def stage(path, data):
        if path.name == "r.drawio":
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(outputs, "_stage", stage)
    with pytest.raises(InputError, match="No space left"):
        outputs.write_files([(a, "new\n", "report"), (b, "<mxfile/>", "diagram")])
    assert a.read_text() == "old\n" and not b.exists()
    _no_temp_files(tmp_path)


def test_kill_9_during_the_write_keeps_the_previous_file(tmp_path):
    """A subprocess is killed (SIGKILL) after writing the new content to disk but before
    the rename — the worst moment: the destination still holds the previous report."""
    out = tmp_path / "report.json"
    out.write_text("previous report\n")
    child = textwrap.dedent(f"""
        import os, signal
        from netaudit import outputs
        os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
        outputs.write_files([({str(out)!r}, "x" * (8 << 20), "report")])
    """)
    p = subprocess.run([sys.executable, "-c", child], cwd=ROOT, capture_output=True, timeout=120, check=False)
    assert p.returncode == -9, p.stderr
    assert out.read_text() == "previous report\n"
    # What is left is a hidden temporary file, which no later audit reads.
    assert all(x.name.startswith(".report.json.") for x in tmp_path.iterdir() if x != out)


def test_write_files_mode_and_replace(tmp_path):
    old = os.umask(0o022)
    try:
        p = tmp_path / "a.txt"
        outputs.write_files([(p, "one\n", "report")])
        assert stat.S_IMODE(os.stat(p).st_mode) == 0o644 and p.read_text() == "one\n"
        os.chmod(p, 0o600)
        outputs.write_files([(p, b"two\n", "report")])
        assert stat.S_IMODE(os.stat(p).st_mode) == 0o600 and p.read_text() == "two\n"
    finally:
        os.umask(old)
    _no_temp_files(tmp_path)


def test_check_reports_one_line_reasons(tmp_path):
    (tmp_path / "dir").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "nothing")  # dangling: still a link
    for path, needle in (
        (tmp_path / "dir", "folder"),
        (tmp_path / "link", "symbolic link"),
        (tmp_path / "no" / "x", "does not exist"),
    ):
        with pytest.raises(InputError, match=needle) as e:
            outputs.check(path)
        assert "\n" not in str(e.value)


def test_stdout_outputs_still_work(office):
    p = cli("audit", office, "--format", "json")
    assert p.returncode == 1 and json.loads(p.stdout)["schema"] == "netaudit/audit/v1"
    p = cli("audit", office, "--format", "json", "-o", "-")
    assert p.returncode == 1 and json.loads(p.stdout)["schema"] == "netaudit/audit/v1"


def test_a_report_on_stdout_is_whole_when_the_process_ends_at_once(office, tmp_path):
    """The command ends with os._exit after flushing (cli.run): every byte of a report on
    standard output arrives, the same as the file -o writes."""
    report = tmp_path / "r.json"
    assert cli("audit", office, "--format", "json", "-o", report).returncode == 1
    p = cli("audit", office, "--format", "json", "-o", "-", text=False)
    assert p.returncode == 1 and p.stdout == report.read_bytes()


_NEEDS_FULL = pytest.mark.skipif(
    not os.path.exists("/dev/full"), reason="needs /dev/full (a device that is always full)"
)


def _on_a_full_stdout(*args) -> subprocess.CompletedProcess:
    """``python -m netaudit.cli ARGS`` with standard output on /dev/full (every write
    fails: no space left on device), stderr captured."""
    with open("/dev/full", "wb") as full:
        return subprocess.run(
            [sys.executable, "-m", "netaudit.cli", *map(str, args)],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            text=True,
            timeout=300,
            check=False,
        )


@_NEEDS_FULL
@pytest.mark.parametrize("lang, words", [("vi", "không ghi được đầu ra chuẩn"), ("en", "cannot write standard output")])
def test_a_full_standard_output_is_one_line_not_a_bug(office, lang, words):
    """Standard output on a full disk is the environment's failure: one line naming it,
    exit 2 — not a traceback reported as a bug in netaudit (exit 70)."""
    p = _on_a_full_stdout("audit", office, "--format", "json", "-o", "-", "--lang", lang)
    _one_error_line(p, words, "No space left on device")


@_NEEDS_FULL
def test_a_short_summary_on_a_full_standard_output_never_exits_0(tmp_path):
    """A command whose only standard output is a short summary (blueprint) fails with one
    line when it cannot be written — a line would sit in the buffer until the process
    ends, where a failed flush used to be a traceback reported as a bug."""
    intent = tmp_path / "intent.yaml"
    example = cli("blueprint", "--example", "commune")
    assert example.returncode == 0
    intent.write_text(example.stdout, encoding="utf-8")
    p = _on_a_full_stdout("blueprint", intent, "-o", tmp_path / "bp", "--no-pdf", "--lang", "en")
    _one_error_line(p, "cannot write standard output")
    assert (tmp_path / "bp").is_dir()  # the blueprint itself was written


def test_text_is_written_as_utf8_slice_by_slice(tmp_path, monkeypatch):
    """A report's text is encoded a slice at a time (outputs._SLICE): the file holds its
    exact UTF-8, whatever character a slice boundary falls on."""
    monkeypatch.setattr(outputs, "_SLICE", 3)
    text = "Vùng mạng Wi-Fi khách → Thiết bị 🛡 end\n" * 5
    for n in range(len(text) - 8, len(text) + 1):
        target = tmp_path / f"r{n}.json"
        outputs.write_files([(target, text[:n], "report")])
        assert target.read_bytes() == text[:n].encode("utf-8")
