"""What ``netaudit blueprint`` writes for people (netaudit/blueprint/document.py): the
explanatory document (HTML and PDF, Vietnamese and English), the diagram, the audit
report of its own audit, and no secret outside secrets.txt and the device configurations."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from netaudit.blueprint import example, generate
from netaudit.blueprint.design import ALL
from netaudit.vocabulary import DEVICES_ZONE

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (Debian poppler-utils) is not installed")
OUTPUTS = (
    "blueprint.html",
    "blueprint.pdf",
    "diagram.svg",
    "diagram.drawio",
    "audit.html",
    "audit.json",
    "ip-plan.csv",
    "port-map.csv",
    "proof.txt",
    "secrets.txt",
)


def _run(tmp: Path, lang: str, intent_text: str | None = None, pdf: bool = True):
    intent = tmp / "intent.yaml"
    intent.write_text(intent_text or example("commune", "routeros"), encoding="utf-8")
    out = tmp / "out"
    return generate(intent, out, lang, pdf=pdf), out


@pytest.fixture(scope="module")
def vi(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("bp-vi"), "vi")


@pytest.fixture(scope="module")
def en(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("bp-en"), "en")


def _pdf_text(path: Path) -> str:
    assert PDFTOTEXT is not None
    res = subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, check=True)
    return res.stdout.decode("utf-8")


def _secrets(out: Path) -> dict[str, str]:
    values = {}
    for line in (out / "secrets.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition(": ")
            values[key] = value
    return values


class _Tables(HTMLParser):
    """Rows of the tables of an HTML page, by the table's first class: [[cell text, …], …]."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = (dict(attrs).get("class") or "").split(" ")[0]
            self.tables.setdefault(self._table, [])
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _tables(path: Path) -> dict[str, list[list[str]]]:
    p = _Tables()
    p.feed(path.read_text(encoding="utf-8"))
    return p.tables


def _want_services(services, lang: str) -> str:
    if services is None:
        return {"vi": "chặn", "en": "blocked"}[lang]
    if services == ALL:
        return {"vi": "mọi dịch vụ", "en": "every service"}[lang]
    return ", ".join(services)


# --------------------------------------------------------------------------- files


def test_every_output_is_written(vi):
    result, out = vi
    assert result.proof.holds, result.proof.lines()
    for name in OUTPUTS:
        assert (out / name).is_file(), name
        assert (out / name).stat().st_size > 0, name
    assert (out / "blueprint.pdf").read_bytes().startswith(b"%PDF-")
    assert {p.name for p in result.files} >= set(OUTPUTS)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_proof_txt_in_the_run_language(lang, vi, en):
    out = (vi if lang == "vi" else en)[1]
    expect = {
        "vi": "mạng sinh ra đúng mô hình của nó: chứng minh đạt\n",
        "en": "the generated network is its model: proof holds\n",
    }
    assert (out / "proof.txt").read_text(encoding="utf-8") == expect[lang]


def test_no_pdf_when_asked(tmp_path):
    result, out = _run(tmp_path, "vi", pdf=False)
    assert not (out / "blueprint.pdf").exists()
    assert (out / "blueprint.html").is_file()
    assert all(p.exists() for p in result.files)


def test_diagram_files_parse(vi):
    result, out = vi
    svg = ET.parse(out / "diagram.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    texts = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert result.design.router in texts
    for z in result.design.inside:
        assert z.name in texts
    drawio = ET.parse(out / "diagram.drawio").getroot()
    assert drawio.tag == "mxfile"
    labels = " ".join(o.get("label") or "" for o in drawio.iter("object"))
    assert result.design.router in labels
    for z in result.design.inside:
        assert z.name in labels
    assert len(list(drawio.iter("mxGeometry"))) >= len(result.design.inside) + 1
    # The same picture is inside the document.
    html = (out / "blueprint.html").read_text(encoding="utf-8")
    assert '<svg role="img" class="diagram"' in html


def test_audit_report_of_its_own_audit(vi):
    result, out = vi
    html = (out / "audit.html").read_text(encoding="utf-8")
    assert "<!DOCTYPE html>" in html
    assert result.design.intent.unit_name in html
    assert "diagram.drawio" in html
    assert '<svg role="img" class="diagram"' in html


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_flows_table_is_the_design(lang, vi, en):
    result, out = {"vi": vi, "en": en}[lang]
    d = result.design
    tables = _tables(out / "blueprint.html")
    allowed = [(r[0], r[1], r[2]) for r in tables["flows"][1:]]
    want = [(s, t, _want_services(f.services, lang)) for (s, t), f in d.flows.items() if f.allowed]
    assert sorted(allowed) == sorted(want)
    # The policy matrix: every ordered pair of the model, with its decision.
    matrix = tables["policy"]
    cols = matrix[0][1:]
    assert cols == [z.name for z in d.zones] + [DEVICES_ZONE]
    seen = 0
    for row in matrix[1:]:
        src = row[0]
        for dst, cell in zip(cols, row[1:], strict=True):
            if src == dst:
                assert cell == "—"
                continue
            assert cell == _want_services(d.flows[(src, dst)].services, lang), (src, dst)
            seen += 1
    assert seen == len(d.flows)


def test_ip_plan_rows_are_the_design(vi):
    result, out = vi
    d = result.design
    rows = _tables(out / "blueprint.html")["ipplan"][1:]
    assert [r[0] for r in rows] == [z.name for z in d.inside]
    for r, z in zip(rows, d.inside, strict=True):
        assert r[1] == str(z.vlan)
        assert r[2] == str(z.subnet)
        assert r[3] == str(z.gateway)
        if z.pool:
            assert r[4] == f"{z.pool[0]} – {z.pool[1]}"
        assert r[5].startswith(f"{d.router}:")
    with (out / "ip-plan.csv").open(encoding="utf-8") as f:
        assert [row["subnet"] for row in csv.DictReader(f)] == [str(z.subnet) for z in d.inside]
    ports = [r for t, rows in _tables(out / "blueprint.html").items() if t == "portmap" for r in rows[1:]]
    assert len(ports) == len(d.ports)


@needs_pdftotext
def test_pdf_text_vietnamese(vi):
    result, out = vi
    d, it = result.design, result.design.intent
    text = _pdf_text(out / "blueprint.pdf")
    flat = " ".join(text.split())
    for heading in (
        "THUYẾT MINH MÔ HÌNH MẪU KIẾN TRÚC MẠNG NỘI BỘ",
        "Các vùng mạng và mục đích",
        "Quy hoạch địa chỉ IP và VLAN",
        "Sơ đồ đấu nối cổng switch",
        "Luồng truy cập giữa các vùng",
        "Căn cứ pháp lý theo cấp độ",
        "Việc kỹ thuật viên phải làm tại chỗ",
        "Kết quả tự kiểm tra (chứng minh)",
        "Phụ lục: cấu hình thiết bị",
    ):
        assert heading in flat, heading
    assert it.unit_name in flat
    assert "Ủy ban nhân dân xã" in flat and "Cấp độ 2" in flat and "MikroTik RouterOS" in flat
    for z in d.inside:
        assert str(z.subnet) in flat
    # The zones' titles and purposes (table cells wrap in the PDF text: read the HTML).
    zones = _tables(out / "blueprint.html")["zones"][1:]
    assert [(r[0], r[1], r[5]) for r in zones] == [(z.name, z.title["vi"], z.purpose["vi"]) for z in d.zones]
    # Legal basis: the texts the audit report cites, nothing else.
    for ref in (
        "Thông tư 12/2022/TT-BTTTT",
        "Phụ lục II, Mục II.1.a",
        "Nghị định 85/2016/NĐ-CP",
        "Nghị định 331/2026/NĐ-CP",
        "116/2025/QH15",
    ):
        assert ref in flat, ref
    # What the technician does: reset, load, the APs' SSIDs and VLANs, the probe.
    assert "/system reset-configuration no-defaults=yes" in flat
    assert f"/import file-name={d.router}.rsc" in flat
    assert it.guest is not None and f"“{it.guest.ssid}”" in flat
    assert f"giới hạn băng thông {it.guest.bandwidth_mbps} Mbit/s" in flat
    assert "sudo netaudit probe --zone guest --plan audit.json" in flat
    assert "Đạt — mạng sinh ra đúng mô hình" in flat
    assert "mọi dịch vụ" in flat and "chặn" in flat


@needs_pdftotext
def test_pdf_text_english(en):
    _result, out = en
    text = " ".join(_pdf_text(out / "blueprint.pdf").split())
    for heading in (
        "MODEL OFFICE NETWORK: EXPLANATORY DOCUMENT",
        "Zones and their purpose",
        "IP and VLAN plan",
        "Switch port map",
        "Flows between zones",
        "Legal basis per level",
        "What the technician must do on site",
        "Annex: device configurations",
    ):
        assert heading in text, heading
    assert "Commune People's Committee" in text and "Level 2" in text
    assert "every service" in text and "blocked" in text
    assert "Circular 12/2022/TT-BTTTT" in text and "Decree 331/2026/NĐ-CP" in text
    assert "Holds — the generated network is its model" in text
    # No Vietnamese sentence of the document leaked into the English one.
    for vi_text in ("Việc kỹ thuật viên", "Căn cứ pháp lý", "mọi dịch vụ", "Luồng truy cập"):
        assert vi_text not in text


# --------------------------------------------------------------------------- secrets


def test_no_secret_outside_secrets_and_configs(vi):
    _result, out = vi
    secrets = _secrets(out)
    assert {"snmpv3-auth", "snmpv3-priv", "ap-quantri", "wifi-canbo"} <= set(secrets)
    assert all(len(v) >= 16 for v in secrets.values())
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.name == "secrets.txt" or path.parent.name == "configs":
            continue
        data = path.read_bytes()
        for name, value in secrets.items():
            assert value.encode() not in data, f"{name} in {path.name}"
    if PDFTOTEXT:
        text = _pdf_text(out / "blueprint.pdf")
        for name, value in secrets.items():
            assert value not in text, name
    # The annex shows the configurations with every secret they hold masked, by name.
    html = (out / "blueprint.html").read_text(encoding="utf-8")
    for cfg in (out / "configs").iterdir():
        for name, value in secrets.items():
            if value in cfg.read_text(encoding="utf-8"):
                assert f"******({name})" in html, (cfg.name, name)


def test_secrets_differ_per_run(tmp_path, vi):
    _result, out = vi
    _result2, out2 = _run(tmp_path, "vi", pdf=False)
    assert set(_secrets(out).values()).isdisjoint(_secrets(out2).values())


# --------------------------------------------------------------------------- variants


_NO_SWITCH = re.compile(r"switch: routeros.*\n")


def test_without_switch_or_guest_wifi(tmp_path):
    text = example("commune", "routeros")
    text = _NO_SWITCH.sub("switch: none\n", text)
    text = re.sub(r"  guest:[^\n]*\n(    [^\n]*\n)+", "  guest: false\n", text)
    result, out = _run(tmp_path, "en", text, pdf=False)
    assert result.design.intent.guest is None and not result.design.switches
    flat = " ".join(re.sub(r"<[^>]+>", " ", (out / "blueprint.html").read_text(encoding="utf-8")).split())
    assert "No switch in the model (vendor.switch: none)" in flat
    assert "sudo netaudit probe --zone staff" in flat
    assert "Citizens' SSID" not in flat
    assert "portmap" not in _tables(out / "blueprint.html")


def test_intent_text_is_escaped(tmp_path):
    """The unit name and the SSIDs reach the document as text, never as markup."""
    text = example("commune", "routeros")
    text = text.replace('name: "UBND xã Phú Thịnh"', 'name: "UBND xã <script>alert(1)</script>"')
    text = text.replace('ssid: "PT-WiFi-Mien-Phi"', 'ssid: "<img src=x onerror=alert(2)>"')
    _result, out = _run(tmp_path, "vi", text, pdf=False)
    html = (out / "blueprint.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
