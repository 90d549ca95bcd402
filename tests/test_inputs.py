"""Tests for netaudit.inputs: reading user input safely and building a snapshot.

Most tests run against a tiny fake vendor parser and a fake routing-state parser
(defined below and registered by monkeypatching the registry), so they test
inputs.py alone.  The tests at the end (``test_real_*``) use the real registry
(netaudit.parsers.cisco_ios / state_routes) and the sample offices.
"""

from __future__ import annotations

import hashlib
import re
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers import SAMPLES
from netaddr import IPNetwork

from netaudit import inputs, parsers
from netaudit.inputs import InputFile, Snapshot, decode_config, load_snapshot
from netaudit.model import Device, InputError, ParseReport, ParseResult, Route, Src, VendorFacts

# --------------------------------------------------------------------------- fakes

FAKE_VENDOR = "netaudit_tests_fake_vendor"
FAKE_STATE = "netaudit_tests_fake_state"


@dataclass
class _TextFacts(VendorFacts):
    """What the fake parser saw of the decoded text (what inputs.py hands a parser)."""

    has_cr: bool = False
    starts_with_bom: bool = False
    descriptions: list[str] = field(default_factory=list)
    first_line: str = ""


def _fake_vendor_module() -> types.ModuleType:
    """A minimal IOS-like parser: hostname, interfaces, descriptions, 'bogus' lines."""
    mod = types.ModuleType(FAKE_VENDOR)
    mod.VENDOR = "fake_ios"

    def detect(text: str) -> int:
        if re.search(r"^hostname \S+", text, re.M) and re.search(r"^interface ", text, re.M):
            return 90
        return 20 if "interface" in text else 0

    def parse(text: str, file: str) -> ParseResult:
        if "!!CRASH!!" in text:
            raise RuntimeError("boom\nwith a second line")
        m = re.search(r"^hostname (\S+)", text, re.M)
        dev = Device(hostname=m.group(1) if m else "", vendor="fake_ios", file=file)
        dev.facts = _TextFacts(
            has_cr="\r" in text,
            starts_with_bom=text.startswith("\ufeff"),
            descriptions=re.findall(r"^ description (.*)$", text, re.M),
            first_line=text.split("\n", 1)[0],
        )
        lines = text.count("\n") + (0 if text.endswith("\n") else 1)
        report = ParseReport(file=file, vendor="fake_ios", lines=lines)
        for u in re.finditer(r"^bogus.*$", text, re.M):
            report.unrecognized.append(Src(file, text.count("\n", 0, u.start()) + 1, u.group(0)))
        if not re.search(r"^end\s*$", text[-200:], re.M):
            report.warnings.append("configuration appears truncated (no final 'end')")
        return ParseResult([dev], report)

    mod.detect, mod.parse = detect, parse
    return mod


@dataclass
class FakeStateResult:
    device_hint: str | None
    routes: list[Route] = field(default_factory=list)
    report: ParseReport | None = None


def _fake_state_module() -> types.ModuleType:
    """Reads 'S 10.0.0.0/8 via 1.2.3.4' lines; the hint comes from a 'HOST#show ip route' prompt."""
    mod = types.ModuleType(FAKE_STATE)
    mod.STATE_KIND = "routes"

    def detect(text: str) -> int:
        return 80 if "Gateway of last resort" in text else 0

    def parse_state(text: str, file: str):
        m = re.search(r"^(\S+)#\s*show ip route", text, re.M)
        routes = [
            Route(
                IPNetwork(p),
                next_hop=int(IPNetwork(nh).ip),
                origin="state",
                source=Src(file, text.count("\n", 0, r.start()) + 1, r.group(0)),
            )
            for r in re.finditer(r"^S\s+(\S+) via (\S+)$", text, re.M)
            for p, nh in [r.groups()]
        ]
        report = ParseReport(file=file, vendor="routes", lines=text.count("\n"))
        return FakeStateResult(m.group(1) if m else None, routes, report)

    mod.detect, mod.parse_state = detect, parse_state
    return mod


@pytest.fixture
def fake(monkeypatch):
    """Register the fake parsers as the only vendor and state parsers."""
    monkeypatch.setitem(sys.modules, FAKE_VENDOR, _fake_vendor_module())
    monkeypatch.setitem(sys.modules, FAKE_STATE, _fake_state_module())
    monkeypatch.setattr(parsers, "VENDOR_MODULES", [FAKE_VENDOR])
    monkeypatch.setattr(parsers, "STATE_MODULES", [FAKE_STATE])
    monkeypatch.setattr(parsers, "_loaded", {})
    return True


def cfg(hostname: str = "CORE-1", extra: str = "", end: bool = True) -> str:
    text = (
        f"!\nversion 15.2\nhostname {hostname}\n!\n"
        "interface Vlan10\n description Phong can bo\n ip address 10.10.10.1 255.255.255.0\n!\n"
        f"{extra}"
    )
    return text + ("end\n" if end else "")


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def entry(snap: Snapshot, path: str) -> InputFile:
    for f in snap.inputs:
        if f.path == path:
            return f
    raise AssertionError(f"{path} not in inputs: {[f.path for f in snap.inputs]}")


ROUTES = """UBND-RT#show ip route
Codes: L - local, C - connected, S - static
Gateway of last resort is 203.0.113.1 to network 0.0.0.0

S 10.10.10.0/24 via 10.10.255.1
S 10.10.20.0/24 via 10.10.255.1
"""

# --------------------------------------------------------------------------- decoding


def test_decode_utf8_plain():
    text, warnings = decode_config(b"hostname A\nend\n", "a.cfg")
    assert text == "hostname A\nend\n" and warnings == []


def test_decode_crlf_and_lone_cr():
    text, warnings = decode_config(b"hostname A\r\ninterface X\r\n!\rend\r\n", "a.cfg")
    assert text == "hostname A\ninterface X\n!\nend\n"
    assert warnings == []


def test_decode_utf8_bom_stripped():
    text, warnings = decode_config(b"\xef\xbb\xbfhostname A\r\nend\r\n", "a.cfg")
    assert text == "hostname A\nend\n" and warnings == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_utf16_with_bom(codec):
    src = "hostname Tân-Phú\r\n description Phòng một cửa\r\nend\r\n"
    raw = src.encode(codec)
    if codec == "utf-16-le":
        raw = b"\xff\xfe" + raw
    elif codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    text, warnings = decode_config(raw, "a.cfg")
    assert text == src.replace("\r\n", "\n")
    assert warnings == []


def test_decode_utf16_without_bom_is_text_not_binary():
    raw = "hostname A\ninterface Vlan1\nend\n".encode("utf-16-le")
    text, warnings = decode_config(raw, "a.cfg")
    assert text == "hostname A\ninterface Vlan1\nend\n"
    assert len(warnings) == 1 and warnings[0].startswith("a.cfg: UTF-16 text without byte-order mark")


def test_decode_cp1258_names_file_and_line():
    # "Phòng một cửa" written by Vietnamese Windows (cp1258, combining tone marks).
    raw = b"hostname A\r\n!\r\ninterface Vlan30\r\n description Pho\xccng m\xf4\xf2t c\xfd\xd2a\r\nend\r\n"
    text, warnings = decode_config(raw, "core.cfg")
    assert " description Phòng một cửa\n" in text  # composed to NFC
    assert warnings == ["core.cfg: not valid UTF-8 (line 4); decoded as Windows-1258 (Vietnamese)"]


def test_decode_latin1_fallback():
    # 0x81 is undefined in cp1258: only Latin-1 can decode it.
    raw = b"hostname A\n description caf\xe9 \x81\nend\n"
    text, warnings = decode_config(raw, "x.cfg")
    assert "caf\xe9" in text
    assert warnings == ["x.cfg: not valid UTF-8 (line 2); decoded as Latin-1"]


def test_decode_bad_line_counts_lone_cr():
    raw = b"a\rb\rc\r\xff\r"
    _, warnings = decode_config(raw, "x.cfg")
    assert "(line 4)" in warnings[0]


def test_decode_binary():
    text, warnings = decode_config(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "p.png")
    assert text == "" and warnings == ["p.png: binary file, not a device configuration"]


def test_decode_stray_nul_in_head_is_text_not_binary():
    text, warnings = decode_config(b"hostname A\ninter\x00face Vlan1\nend\n", "a.cfg")
    assert text == "hostname A\ninterface Vlan1\nend\n"
    assert warnings == ["a.cfg: NUL bytes removed (first at line 2)"]


def test_decode_nul_after_head_removed():
    raw = b"hostname A\n" + b"!\n" * 5000 + b"x\x00y\nend\n"
    text, warnings = decode_config(raw, "a.cfg")
    assert "\x00" not in text and "xy\n" in text
    assert warnings == ["a.cfg: NUL bytes removed (first at line 5002)"]


# --------------------------------------------------------------------------- single files


def test_empty_file(fake, tmp_path):
    write(tmp_path / "a.cfg", cfg("A"))
    write(tmp_path / "empty.cfg", b"")
    write(tmp_path / "blank.cfg", b"  \r\n\t\n  \n")
    snap = load_snapshot([tmp_path])
    for name in ("empty.cfg", "blank.cfg"):
        e = entry(snap, name)
        assert e.kind == "skipped" and e.problem == "empty file"
        assert e.sha256 == hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
    assert [d.hostname for d in snap.devices] == ["A"]


def test_binary_file(fake, tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(64) + b"hostname X\ninterface Y\n"
    write(tmp_path / "so-do-mang.png", png)
    write(tmp_path / "a.cfg", cfg("A"))
    snap = load_snapshot([tmp_path])
    e = entry(snap, "so-do-mang.png")
    assert e.kind == "skipped"
    assert e.problem == "binary file, not a device configuration"
    assert e.sha256 == hashlib.sha256(png).hexdigest()


def test_binary_control_characters_without_nul(fake, tmp_path):
    junk = bytes((i * 7) % 31 + 1 for i in range(4000))
    write(tmp_path / "junk.cfg", junk)
    write(tmp_path / "a.cfg", cfg("A"))
    assert entry(load_snapshot([tmp_path]), "junk.cfg").problem == inputs.P_BINARY


def test_truncated_config_is_parsed_with_warning(fake, tmp_path):
    text = cfg("EDGE", extra="interface Gi0/0\n ip addr", end=False)
    write(tmp_path / "edge.cfg", text)
    snap = load_snapshot([tmp_path / "edge.cfg"])
    assert [d.hostname for d in snap.devices] == ["EDGE"]
    e = snap.inputs[0]
    assert e.kind == "config" and e.vendor == "fake_ios"
    assert snap.warnings == [f"{tmp_path / 'edge.cfg'}: configuration appears truncated (no final 'end')"]
    assert e.problem == "configuration appears truncated (no final 'end')"


def test_crlf_config(fake, tmp_path):
    write(tmp_path / "a.cfg", cfg("A").replace("\n", "\r\n"))
    snap = load_snapshot([tmp_path])
    d = snap.devices[0]
    assert d.hostname == "A" and d.facts.has_cr is False
    assert d.facts.descriptions == ["Phong can bo"]
    assert snap.warnings == [] and snap.inputs[0].problem is None


def test_utf8_bom_config(fake, tmp_path):
    write(tmp_path / "a.cfg", b"\xef\xbb\xbf" + cfg("A").encode())
    snap = load_snapshot([tmp_path])
    d = snap.devices[0]
    assert d.hostname == "A" and not d.facts.starts_with_bom
    assert snap.warnings == []


def test_utf16_bom_config(fake, tmp_path):
    write(
        tmp_path / "a.cfg",
        cfg("A", extra="interface Vlan40\n description Wifi cho người dân\n").replace("\n", "\r\n").encode("utf-16"),
    )
    snap = load_snapshot([tmp_path])
    d = snap.devices[0]
    assert d.hostname == "A" and not d.facts.has_cr
    assert d.facts.descriptions == ["Phong can bo", "Wifi cho người dân"]
    assert snap.warnings == []


def test_cp1258_description_warning_names_file_and_line(fake, tmp_path):
    raw = cfg("A").encode().replace(b" description Phong can bo", b" description Pho\xccng m\xf4\xf2t c\xfd\xd2a")
    write(tmp_path / "core.cfg", raw)
    snap = load_snapshot([tmp_path])
    assert snap.devices[0].facts.descriptions == ["Phòng một cửa"]
    assert snap.warnings == ["core.cfg: not valid UTF-8 (line 6); decoded as Windows-1258 (Vietnamese)"]
    assert entry(snap, "core.cfg").problem == "not valid UTF-8 (line 6); decoded as Windows-1258 (Vietnamese)"


def test_latin1_description_warning(fake, tmp_path):
    raw = cfg("A").encode().replace(b"Phong can bo", b"Bureau \x81 caf\xe9")
    write(tmp_path / "b.cfg", raw)
    snap = load_snapshot([tmp_path])
    assert snap.warnings == ["b.cfg: not valid UTF-8 (line 6); decoded as Latin-1"]
    assert snap.devices[0].facts.descriptions == ["Bureau \x81 café"]


def test_huge_config_loads(fake, tmp_path):
    """A 50 MB config loads (linear time); the hash covers every byte."""
    block = "".join(
        f"interface GigabitEthernet1/0/{i}\n description Port {i} phong mot cua\n switchport access vlan 30\n!\n"
        for i in range(1, 49)
    )
    head = "hostname HUGE\n"
    target = 50 * 1024 * 1024
    n = target // len(block) + 1
    path = tmp_path / "huge.cfg"
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(head)
        chunk = block * 200
        for _ in range(n // 200 + 1):
            f.write(chunk)
        f.write("end\n")
    size = path.stat().st_size
    assert size >= target
    snap = load_snapshot([path])
    assert [d.hostname for d in snap.devices] == ["HUGE"]
    e = snap.inputs[0]
    assert e.kind == "config" and e.lines > 1_000_000
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for b in iter(lambda: f.read(1 << 20), b""):
            h.update(b)
    assert e.sha256 == h.hexdigest()
    assert snap.reports[0].sha256 == e.sha256


def test_unknown_vendor_text(fake, tmp_path):
    write(tmp_path / "a.cfg", cfg("A"))
    write(tmp_path / "notes.txt", "Danh sach may tinh phong mot cua\nPC01 10.10.30.11\n")
    snap = load_snapshot([tmp_path])
    e = entry(snap, "notes.txt")
    assert e.kind == "skipped" and e.vendor is None
    assert e.problem == "unrecognized format: not a known device configuration or state file"
    assert e.lines == 2


def test_single_file_display_path_as_given(fake, tmp_path, monkeypatch):
    write(tmp_path / "sub" / "a.cfg", cfg("A"))
    monkeypatch.chdir(tmp_path)
    snap = load_snapshot(["sub/a.cfg"])
    assert snap.inputs[0].path == "sub/a.cfg"
    assert snap.devices[0].file == "sub/a.cfg"
    assert snap.root is None and snap.site_file is None


def test_parser_exception_does_not_lose_other_files(fake, tmp_path):
    write(tmp_path / "a.cfg", cfg("A"))
    write(tmp_path / "b.cfg", cfg("B", extra="!!CRASH!!\n"))
    snap = load_snapshot([tmp_path])
    assert [d.hostname for d in snap.devices] == ["A"]
    e = entry(snap, "b.cfg")
    assert e.kind == "skipped" and e.vendor == "fake_ios"
    assert e.problem == "parser error: RuntimeError: boom with a second line"
    assert "b.cfg: parser error: RuntimeError: boom with a second line" in snap.warnings
    assert snap.input_problems == ["b.cfg: parser error: RuntimeError: boom with a second line"]


def test_usable_input_problems_by_name_and_content(fake, tmp_path):
    """A file that looks like a configuration — by its name or its content — and cannot be
    used is a usable-input problem (first among the warnings); other files are coverage."""
    write(tmp_path / "a.cfg", cfg("A"))
    write(tmp_path / "empty.cfg", b"")
    write(tmp_path / "empty.dat", b"")
    write(tmp_path / "notes.txt", "xin chao\n")
    write(tmp_path / "notes.csv", "xin;chao\n")
    write(tmp_path / "zte.dat", "switchvlan-configuration\n!<if-intf>\ninterface gei-0/1/1/1\n!</if-intf>\n")
    write(tmp_path / "junk.rsc", bytes((i * 7) % 31 + 1 for i in range(4000)))
    write(tmp_path / "junk.bin", bytes((i * 7) % 31 + 1 for i in range(4000)))
    snap = load_snapshot([tmp_path])
    assert snap.input_problems == [
        f"empty.cfg: empty file ({inputs.NAMED_LIKE_CONFIG})",
        f"junk.rsc: {inputs.P_BINARY} ({inputs.NAMED_LIKE_CONFIG})",
        f"notes.txt: {inputs.P_UNRECOGNIZED} ({inputs.NAMED_LIKE_CONFIG})",
        "zte.dat: " + inputs.P_UNRECOGNIZED + "; looks like ZTE ZXR10, which netaudit does not support",
    ]
    assert snap.warnings[:4] == snap.input_problems
    assert {f.path for f in snap.skipped} == {
        "empty.cfg",
        "empty.dat",
        "notes.txt",
        "notes.csv",
        "zte.dat",
        "junk.rsc",
        "junk.bin",
    }


def test_file_without_device_is_a_problem(fake, tmp_path, monkeypatch):
    mod = sys.modules[FAKE_VENDOR]
    real = mod.parse
    monkeypatch.setattr(
        mod,
        "parse",
        lambda text, file: ParseResult([], real(text, file).report) if "NODEV" in text else real(text, file),
    )
    write(tmp_path / "a.cfg", cfg("A"))
    write(tmp_path / "b.cfg", cfg("B", extra="! NODEV\n"))
    snap = load_snapshot([tmp_path])
    assert snap.input_problems == ["b.cfg: no device found in the file"]


def test_incomplete_hook_of_a_vendor_module(fake, tmp_path, monkeypatch):
    """A vendor module's ``incomplete(text, result)`` makes a parsed file a problem at its line."""
    mod = sys.modules[FAKE_VENDOR]
    monkeypatch.setattr(
        mod,
        "incomplete",
        lambda text, result: (
            None if text.rstrip().endswith("end") else (text.rstrip().count("\n") + 1, "truncated: no final 'end'")
        ),
        raising=False,
    )
    write(tmp_path / "a.cfg", cfg("A"))
    write(tmp_path / "b.cfg", cfg("B", end=False))
    snap = load_snapshot([tmp_path])
    assert snap.input_problems == ["b.cfg:8: truncated: no final 'end'"]
    assert entry(snap, "b.cfg").problem == "truncated: no final 'end'"
    assert [d.hostname for d in snap.devices] == ["A", "B"]


def test_unrecognized_lines_counted(fake, tmp_path):
    write(tmp_path / "a.cfg", cfg("A", extra="bogus one\nbogus two\n"))
    snap = load_snapshot([tmp_path])
    e = snap.inputs[0]
    assert e.unrecognized == 2 and e.lines == snap.reports[0].lines == 11


def test_missing_parser_module_is_a_warning_not_a_crash(fake, tmp_path, monkeypatch):
    monkeypatch.setattr(parsers, "VENDOR_MODULES", ["netaudit.parsers.no_such_vendor", FAKE_VENDOR])
    write(tmp_path / "a.cfg", cfg("A"))
    snap = load_snapshot([tmp_path])
    assert [d.hostname for d in snap.devices] == ["A"]
    assert any("netaudit.parsers.no_such_vendor unavailable" in w for w in snap.warnings)


# --------------------------------------------------------------------------- folders


def test_folder_mixing_good_and_bad_files(fake, tmp_path):
    write(tmp_path / "core-sw.cfg", cfg("CORE"))
    write(tmp_path / "tang2" / "access-sw.cfg", cfg("ACCESS").replace("\n", "\r\n"))
    write(tmp_path / "edge-rt.cfg", cfg("EDGE", end=False))
    write(tmp_path / "empty.cfg", b"")
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100))
    write(tmp_path / "ghi-chu.txt", "mat khau wifi: 12345678\n")
    write(tmp_path / "broken.cfg", cfg("BROKEN", extra="!!CRASH!!\n"))
    # never considered:
    write(tmp_path / "site.yaml", "unit: x\n")
    write(tmp_path / "expected.yaml", "matrix: []\n")
    write(tmp_path / "README.md", "# readme\n")
    write(tmp_path / "LICENSE", "MIT\n")
    write(tmp_path / "report.json", "{}\n")
    write(tmp_path / "report.html", "<html>\n")
    write(tmp_path / "report.sarif", "{}\n")
    write(tmp_path / "report.pdf", b"%PDF-1.4\n")
    write(tmp_path / ".hidden.cfg", cfg("HIDDEN"))
    write(tmp_path / ".git" / "config.cfg", cfg("GIT"))
    snap = load_snapshot([tmp_path])

    assert [f.path for f in snap.inputs] == sorted(f.path for f in snap.inputs)
    assert {f.path for f in snap.inputs} == {
        "broken.cfg",
        "core-sw.cfg",
        "edge-rt.cfg",
        "empty.cfg",
        "ghi-chu.txt",
        "photo.jpg",
        "tang2/access-sw.cfg",
    }
    assert sorted(d.hostname for d in snap.devices) == ["ACCESS", "CORE", "EDGE"]
    assert {f.path: f.kind for f in snap.inputs} == {
        "broken.cfg": "skipped",
        "core-sw.cfg": "config",
        "edge-rt.cfg": "config",
        "empty.cfg": "skipped",
        "ghi-chu.txt": "skipped",
        "photo.jpg": "skipped",
        "tang2/access-sw.cfg": "config",
    }
    assert entry(snap, "empty.cfg").problem == "empty file"
    assert entry(snap, "photo.jpg").problem == inputs.P_BINARY
    assert entry(snap, "ghi-chu.txt").problem == inputs.P_UNRECOGNIZED
    assert entry(snap, "broken.cfg").problem.startswith("parser error: ")
    assert entry(snap, "edge-rt.cfg").problem.startswith("configuration appears truncated")
    assert "edge-rt.cfg: configuration appears truncated (no final 'end')" in snap.warnings
    assert snap.root == tmp_path and snap.site_file == tmp_path / "site.yaml"
    assert [r.file for r in snap.reports] == ["core-sw.cfg", "edge-rt.cfg", "tang2/access-sw.cfg"]
    for f in snap.inputs:
        assert re.fullmatch(r"[0-9a-f]{64}", f.sha256)


def test_nested_site_yaml_is_not_the_site_file(fake, tmp_path):
    write(tmp_path / "a.cfg", cfg("A"))
    write(tmp_path / "old" / "site.yaml", "unit: old\n")
    snap = load_snapshot([tmp_path])
    assert snap.site_file is None
    assert [f.path for f in snap.inputs] == ["a.cfg"]


def test_nothing_usable_raises_input_error_naming_files(fake, tmp_path):
    write(tmp_path / "empty.cfg", b"")
    write(tmp_path / "notes.txt", "xin chao\n")
    with pytest.raises(InputError) as exc:
        load_snapshot([tmp_path])
    msg = str(exc.value)
    assert msg.startswith(f"no usable device configuration in {tmp_path}: ")
    assert "empty.cfg: empty file" in msg
    assert "notes.txt: unrecognized format" in msg
    assert "\n" not in msg


def test_empty_folder_raises_input_error(fake, tmp_path):
    with pytest.raises(InputError, match="no input files found"):
        load_snapshot([tmp_path])


def test_nonexistent_path(fake, tmp_path):
    missing = tmp_path / "khong-co.cfg"
    with pytest.raises(InputError) as exc:
        load_snapshot([missing])
    assert str(missing) in str(exc.value)


def test_duplicate_hostnames(fake, tmp_path):
    write(tmp_path / "a-core.cfg", cfg("CORE"))
    write(tmp_path / "b-core-backup.cfg", cfg("core"))
    snap = load_snapshot([tmp_path])
    assert [d.hostname for d in snap.devices] == ["CORE", "core@b-core-backup.cfg"]
    assert entry(snap, "b-core-backup.cfg").devices == ["core@b-core-backup.cfg"]
    assert snap.reports[1].devices == ["core@b-core-backup.cfg"]
    (w,) = [w for w in snap.warnings if "already used" in w]
    assert "a-core.cfg" in w and "b-core-backup.cfg" in w
    assert snap.input_problems == [w]  # two configurations of one device: ambiguous


def test_same_file_twice_is_read_once(fake, tmp_path):
    write(tmp_path / "a.cfg", cfg("A"))
    snap = load_snapshot([tmp_path, tmp_path / "a.cfg"])
    assert len(snap.devices) == 1 and len(snap.inputs) == 1


# --------------------------------------------------------------------------- routing state


def test_state_file_attached_by_hostname(fake, tmp_path):
    write(tmp_path / "edge.cfg", cfg("UBND-RT"))
    write(tmp_path / "core.cfg", cfg("UBND-CORE"))
    write(tmp_path / "rt-state.txt", ROUTES.replace("UBND-RT#", "ubnd-rt#"))
    snap = load_snapshot([tmp_path])
    rt = snap.device("UBND-RT")
    assert [str(r.prefix) for r in rt.routes] == ["10.10.10.0/24", "10.10.20.0/24"]
    assert rt.routing_state == "rt-state.txt"
    assert snap.device("UBND-CORE").routes == []
    e = entry(snap, "rt-state.txt")
    assert e.kind == "state" and e.vendor == "routes" and e.devices == ["UBND-RT"]
    assert len(snap.reports) == 3


def test_state_file_attached_by_file_name(fake, tmp_path):
    # Stanford-backbone style: bbra_rtr_config.txt + bbra_rtr_route.txt, no prompt in the table.
    write(tmp_path / "bbra_rtr_config.txt", cfg("bbra-rtr-hostname"))
    write(tmp_path / "bbra_rtr_route.txt", "Prefix Next Hop Interface\nS 10.0.0.0/8 via 1.2.3.4\n")
    snap = load_snapshot([tmp_path])
    e = entry(snap, "bbra_rtr_route.txt")
    assert e.kind == "state" and e.devices == ["bbra-rtr-hostname"]
    assert [str(r.prefix) for r in snap.devices[0].routes] == ["10.0.0.0/8"]


def test_state_file_matching_no_device_is_skipped(fake, tmp_path):
    write(tmp_path / "core.cfg", cfg("UBND-CORE"))
    write(tmp_path / "other_routes.txt", ROUTES.replace("UBND-RT#", "SO-TTTT-RT#"))
    snap = load_snapshot([tmp_path])
    e = entry(snap, "other_routes.txt")
    assert e.kind == "skipped"
    assert "SO-TTTT-RT" in e.problem and "matches no device" in e.problem
    assert any(w.startswith("other_routes.txt: routing state") for w in snap.warnings)
    assert snap.devices[0].routes == []


def test_only_state_files_is_input_error(fake, tmp_path):
    write(tmp_path / "rt_routes.txt", ROUTES)
    with pytest.raises(InputError, match=r"rt_routes\.txt: routing state"):
        load_snapshot([tmp_path])


# --------------------------------------------------------------------------- real registry
# These use netaudit.parsers.cisco_ios (and state_routes) and the sample offices.


def _real_snapshot(folder: Path) -> Snapshot:
    return load_snapshot([folder])


@pytest.mark.parametrize(
    "office,hosts",
    [
        ("cisco-commune-compliant", ["UBNDTP-CORE", "UBNDTP-RT"]),
        ("cisco-commune-leaky", ["UBNDHB-CORE", "UBNDHB-RT"]),
    ],
)
def test_real_sample_offices_load(office, hosts):
    folder = SAMPLES / office
    snap = _real_snapshot(folder)
    assert sorted(d.hostname for d in snap.devices) == hosts
    assert [f.path for f in snap.inputs] == ["core-sw.cfg", "edge-rt.cfg"]
    assert all(f.kind == "config" and f.vendor == "cisco_ios" for f in snap.inputs)
    assert snap.site_file == folder / "site.yaml"
    for f in snap.inputs:
        assert f.sha256 == hashlib.sha256((folder / f.path).read_bytes()).hexdigest()
        assert f.lines > 100


def _core_text() -> bytes:
    return (SAMPLES / "cisco-commune-compliant" / "core-sw.cfg").read_bytes()


def _shape(d: Device) -> tuple:
    return (
        d.hostname,
        sorted(d.interfaces),
        sorted(d.filters),
        [(str(r.prefix), r.next_hop) for r in d.routes if r.origin == "static"],
    )


@pytest.mark.parametrize("variant", ["crlf", "bom", "utf16", "cp1258-description"])
def test_real_encoding_variants_parse_identically(variant, tmp_path):
    raw = _core_text()
    base = _shape(load_snapshot([write(tmp_path / "orig" / "core-sw.cfg", raw)]).devices[0])
    if variant == "crlf":
        data = raw.replace(b"\n", b"\r\n")
    elif variant == "bom":
        data = b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")
    elif variant == "utf16":
        data = raw.decode("utf-8").replace("\n", "\r\n").encode("utf-16")
    else:
        data = raw.replace(b"description Phong mot cua", b"description Pho\xccng m\xf4\xf2t c\xfd\xd2a", 1)
        assert data != raw
    snap = load_snapshot([write(tmp_path / variant / "core-sw.cfg", data)])
    assert _shape(snap.devices[0]) == base
    if variant == "cp1258-description":
        assert len(snap.warnings) == 1 and "decoded as Windows-1258" in snap.warnings[0]


def test_real_truncated_config(tmp_path):
    raw = _core_text()
    start = raw[: len(raw) // 2].rindex(b"\n") + 1
    while len(raw[start:].split(b"\n", 1)[0]) < 8:  # a line long enough to stop inside (not a `!`)
        start = raw.index(b"\n", start) + 1
    cut = raw[: start + 7]  # stop in the middle of a line
    snap = load_snapshot([write(tmp_path / "d" / "core-sw.cfg", cut).parent])
    assert snap.devices[0].hostname == "UBNDTP-CORE"  # what is there is still evidence
    assert snap.inputs[0].kind == "config"
    last = cut.count(b"\n") + 1
    (problem,) = snap.input_problems
    assert problem.startswith(f"core-sw.cfg:{last}: truncated: the configuration does not end with 'end'")
    assert snap.warnings[0] == problem and snap.dropped is snap.input_problems
    assert snap.inputs[0].problem == problem.split(": ", 1)[1]


def test_real_unknown_vendor(tmp_path):
    write(tmp_path / "a.txt", "Bien ban ban giao thiet bi\nSo luong: 2\n")
    with pytest.raises(InputError, match=r"a\.txt: unrecognized format"):
        load_snapshot([tmp_path])


def test_real_state_attach(tmp_path):
    folder = SAMPLES / "cisco-commune-compliant"
    write(tmp_path / "edge-rt.cfg", (folder / "edge-rt.cfg").read_bytes())
    write(
        tmp_path / "edge-rt_routes.txt",
        """UBNDTP-RT#show ip route
Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP
       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area
       * - candidate default, U - per-user static route, o - ODR

Gateway of last resort is 203.0.113.1 to network 0.0.0.0

S*    0.0.0.0/0 [1/0] via 203.0.113.1
      10.0.0.0/8 is variably subnetted, 7 subnets, 3 masks
S        10.10.10.0/24 [1/0] via 10.10.255.1
S        10.10.20.0/24 [1/0] via 10.10.255.1
S        10.10.30.0/24 [1/0] via 10.10.255.1
S        10.10.40.0/24 [1/0] via 10.10.255.1
S        10.10.99.0/24 [1/0] via 10.10.255.1
C        10.10.255.0/30 is directly connected, GigabitEthernet0/1
L        10.10.255.2/32 is directly connected, GigabitEthernet0/1
      203.0.113.0/24 is variably subnetted, 2 subnets, 2 masks
C        203.0.113.0/30 is directly connected, GigabitEthernet0/0
L        203.0.113.2/32 is directly connected, GigabitEthernet0/0
UBNDTP-RT#
""",
    )
    snap = load_snapshot([tmp_path])
    rt = snap.device("UBNDTP-RT")
    e = entry(snap, "edge-rt_routes.txt")
    assert e.kind == "state" and e.devices == ["UBNDTP-RT"]
    assert rt.routing_state == "edge-rt_routes.txt"
    assert any(str(r.prefix) == "10.10.40.0/24" and r.origin == "state" for r in rt.routes)


def test_a_symbolic_link_loop_is_an_input_problem_not_a_traceback(tmp_path):
    """``loop.cfg -> loop.cfg`` in the folder: Path.resolve raised RuntimeError ("Symlink
    loop") and every command crashed."""
    import shutil

    office = tmp_path / "office"
    shutil.copytree(SAMPLES / "cisco-commune-compliant", office)
    (office / "loop.cfg").symlink_to("loop.cfg")
    snap = load_snapshot([office])
    assert any("loop.cfg" in str(p) and "symbolic links" in str(p) for p in snap.input_problems)
    assert {d.hostname for d in snap.devices} == {"UBNDTP-CORE", "UBNDTP-RT"}
