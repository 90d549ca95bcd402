"""The live verification section of the HTML, PDF and Markdown reports (issue #10,
docs/live.md): an audit of the leaky sample merged with hand-written probe files."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from .conftest import PDFTOTEXT, cli

LEAKY = "sample_configs/cisco-commune-leaky"
GUEST = {
    "schema": "netaudit/probes/v1",
    "vantage": {
        "zone": "guest",
        "interface": "wlan0",
        "address": "10.10.40.23/24",
        "gateway": "10.10.40.1",
        "ssid": "UBND-Khach",
        "started": "2026-09-02T09:00:00+07:00",
        "finished": "2026-09-02T09:05:00+07:00",
        "source": "netaudit probe",
    },
    "probes": [
        # guest → staff is reachable in the configurations: confirmed
        {"dst": "10.10.10.5", "service": "tcp/445", "result": "answered", "detail": "SYN-ACK", "rtt_ms": 1.2},
        # the gateway answers a service guest → @devices does not deliver: a contradiction
        {"dst": "10.10.40.1", "service": "tcp/443", "result": "answered", "detail": "SYN-ACK"},
        # silence proves nothing: counter stays not observed
        {"dst": "10.10.30.10", "service": "tcp/22", "result": "no_answer"},
        # inside the vantage zone itself: unplaced
        {"dst": "10.10.40.50", "service": "tcp/80", "result": "no_answer"},
    ],
    "refused_targets": [{"dst": "203.0.113.9", "why": "outside every zone of the site file"}],
    "hosts": [{"address": "10.10.40.77", "mac": "aa:bb:cc:00:11:22", "how": "arp"}],
    "traces": [{"zone": "staff", "dst": "10.10.10.5", "hops": ["10.10.40.254", None, "10.10.10.5"]}],
}
STAFF = {
    "schema": "netaudit/probes/v1",
    "vantage": {"zone": "staff", "address": "10.10.10.77", "source": "netaudit probe"},
    # staff → mgmt is blocked, nothing reached: consistent
    "probes": [{"dst": "10.10.99.2", "service": "tcp/22", "result": "no_answer"}],
}


@pytest.fixture(scope="module")
def probe_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("probes")
    (d / "guest.json").write_text(json.dumps(GUEST), encoding="utf-8")
    (d / "staff.json").write_text(json.dumps(STAFF), encoding="utf-8")
    return d


def _render(probe_files, fmt: str, lang: str, out) -> None:
    args = ["audit", LEAKY, "--format", fmt, "-o", out, "--lang", lang]
    for name in ("guest.json", "staff.json"):
        args += ["--probes", probe_files / name]
    res = cli(*args)
    assert res.returncode == 1, res.stderr.decode()[-2000:]  # the leaky office fails


@pytest.fixture(scope="module")
def html(probe_files, tmp_path_factory):
    out = {}
    for lang in ("vi", "en"):
        path = tmp_path_factory.mktemp("html") / f"report.{lang}.html"
        _render(probe_files, "html", lang, path)
        out[lang] = path.read_text(encoding="utf-8")
    return out


def _section(text: str) -> str:
    m = re.search(r'<section id="live" class="major">(.*?)</section>', text, re.S)
    assert m, "no live section"
    return m.group(1)


def test_html_live_section_vi(html):
    text = html["vi"]
    sec = _section(text)
    assert "<h2>4. Kiểm tra thực tế</h2>" in sec
    assert '<a href="#live">Kiểm tra thực tế</a>' in text
    # the sections after the matrix are renumbered, the findings with them
    assert "<h2>5. Tồn tại, hạn chế và kiến nghị khắc phục</h2>" in text and "<h2>8. Xác nhận</h2>" in text
    assert "<h3>5.1. " in text and "<h3>4.1. " not in text
    # vantage points: zone, interface, address, gateway, time, file and SHA-256
    assert "Điểm đo 1: vùng mạng Wi-Fi khách" in sec and "Điểm đo 2: vùng mạng nội bộ" in sec
    for value in ("wlan0", "10.10.40.23/24", "10.10.40.1", "2026-09-02T09:00:00+07:00", "UBND-Khach"):
        assert value in sec, value
    assert re.search(r"SHA-256: [0-9a-f]{64}", sec)
    assert "203.0.113.9 (outside every zone of the site file)" in sec
    assert "2 phản hồi, 0 bị đích từ chối, 0 bị chặng trung gian chặn, 2 không phản hồi" in sec
    # the cells: contradiction first, then confirmed, then consistent
    rows = re.findall(r'<tr class="live-(\w+)"><td><a href="#[^"]+">([^<]+)</a>', sec)
    assert rows == [
        ("contradiction", "Vùng mạng Wi-Fi khách → Thiết bị mạng (giao diện quản trị)"),
        ("confirmed", "Vùng mạng Wi-Fi khách → Vùng mạng nội bộ"),
        ("consistent", "Vùng mạng nội bộ → Vùng quản trị"),
    ]
    contradiction = sec.split('<tr class="live-contradiction">')[1].split("</tr>")[0]
    assert "Mâu thuẫn với cấu hình" in contradiction
    assert "10.10.40.1 tcp/443: phản hồi (SYN-ACK; chặng -)" in contradiction
    assert "10.10.10.5 tcp/445: phản hồi (SYN-ACK; chặng -)" in sec
    assert "ô khác của ma trận chưa quan sát" in sec
    assert "Phép đo không gắn được với ô nào của ma trận: 1." in sec
    assert "từ vùng mạng Wi-Fi khách, địa chỉ trong chính vùng đo: 1 phép đo (ví dụ 10.10.40.50 tcp/80)" in sec
    assert "không phản hồi không chứng minh điều gì" in sec
    # the live mark in the matrix
    assert '<span class="live live-contradiction">Đo thực tế: Mâu thuẫn với cấu hình</span>' in text


def test_html_live_section_en(html):
    text = html["en"]
    sec = _section(text)
    assert "<h2>4. Live verification</h2>" in sec and "<h2>5. Findings and remediation</h2>" in text
    assert "Vantage point 1: guest Wi-Fi zone" in sec
    contradiction = sec.split('<tr class="live-contradiction">')[1].split("</tr>")[0]
    assert (
        "Contradicts the configuration" in contradiction
        and "10.10.40.1 tcp/443: answered (SYN-ACK; hop -)" in contradiction
    )
    assert "silence proves nothing" in sec
    assert "Live: Contradicts the configuration" in text
    assert "Kiểm tra thực tế" not in text


def test_markdown_live_section(probe_files, tmp_path):
    from markdown_it import MarkdownIt

    for lang, title, status, flow in (
        (
            "vi",
            "## 4. Kiểm tra thực tế",
            "**Mâu thuẫn với cấu hình**",
            "Vùng mạng Wi-Fi khách → Thiết bị mạng (giao diện quản trị)",
        ),
        (
            "en",
            "## 4. Live verification",
            "**Contradicts the configuration**",
            "Guest Wi-Fi zone → Network devices (management interfaces)",
        ),
    ):
        out = tmp_path / f"report.{lang}.md"
        _render(probe_files, "md", lang, out)
        text = out.read_text(encoding="utf-8")
        assert title in text and ("## 5. Tồn tại" in text or "## 5. Findings" in text)
        row = next(line for line in text.splitlines() if line.startswith(f"| {flow} |"))
        assert status in row and "tcp/443" in row
        html = MarkdownIt("commonmark").enable("table").render(text)
        assert f"<td>{flow}</td>" in html and "10.10.40.1 tcp/443" in html


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (Debian poppler-utils) is not installed")
def test_pdf_live_section(probe_files, tmp_path):
    out = tmp_path / "report.pdf"
    _render(probe_files, "pdf", "vi", out)
    text = subprocess.run([PDFTOTEXT, str(out), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    flat = " ".join(text.split())
    assert "4. Kiểm tra thực tế" in flat
    assert "Mâu thuẫn với cấu hình" in flat
    assert "10.10.40.1 tcp/443" in flat
    assert "5. Tồn tại, hạn chế và kiến nghị khắc phục" in flat


def test_observed_in_diagram_and_json(probe_files, html, tmp_path):
    from netaudit.report.dot import dot_available

    out = tmp_path / "audit.json"
    _render(probe_files, "json", "en", out)
    runs = json.loads(out.read_text(encoding="utf-8"))["probes"]["runs"]
    guest = next(r for r in runs if r["vantage"]["zone"] == "guest")
    assert guest["hosts"] == [{"address": "10.10.40.77", "mac": "aa:bb:cc:00:11:22", "how": "arp"}]
    assert guest["traces"] == [
        {"zone": "staff", "dst": "10.10.10.5", "hops": ["10.10.40.254", None, "10.10.10.5"], "ended": None}
    ]
    if not dot_available():
        pytest.skip("Graphviz dot is not installed")
    svg = html["en"].split('<svg role="img" class="diagram"', 1)[1].split("</svg>", 1)[0]
    assert "10.10.40.77" in svg and "10.10.40.254" in svg and "observed" in svg
    assert "quan sát" in html["vi"].split('<svg role="img" class="diagram"', 1)[1].split("</svg>", 1)[0]


def test_observed_nodes_in_the_editable_drawio(tmp_path):
    """The .drawio written next to an HTML report carries the observed host and hop too."""
    import subprocess
    import sys
    from pathlib import Path
    from xml.dom import minidom

    probes = tmp_path / "g.json"
    probes.write_text(
        json.dumps(
            {
                "schema": "netaudit/probes/v1",
                "vantage": {"zone": "guest", "interface": "wlan0", "address": "10.10.40.23/24"},
                "probes": [{"dst": "10.10.10.5", "service": "tcp/445", "result": "answered"}],
                "hosts": [{"address": "10.10.40.77", "mac": "aa:bb:cc:dd:ee:ff", "how": "arp"}],
                "traces": [{"zone": "staff", "dst": "10.10.10.5", "hops": ["10.10.40.254", None, "10.10.10.5"]}],
            }
        ),
        encoding="utf-8",
    )
    netaudit = str(Path(sys.executable).with_name("netaudit"))
    office = Path(__file__).resolve().parents[2] / "sample_configs" / "cisco-commune-leaky"
    r = subprocess.run(
        [netaudit, "audit", str(office), "--probes", str(probes), "--format", "html", "-o", str(tmp_path / "r.html")],
        capture_output=True,
    )
    assert r.returncode == 1, r.stderr
    drawio = (tmp_path / "r.drawio").read_text(encoding="utf-8")
    minidom.parseString(drawio)  # well-formed
    assert "10.10.40.77" in drawio and "10.10.40.254" in drawio


def test_observed_hosts_drawn_are_capped_routers_first():
    """A /22 sweep must not bury the configured network: at most MAX_OBSERVED_HOSTS hosts
    per vantage point are drawn, the gateway and the traced hops among them, the rest
    counted in one node."""
    from netaudit.report.diagram import MAX_OBSERVED_HOSTS, Graph

    hosts = [{"address": f"10.10.40.{i}", "mac": None, "how": "arp"} for i in range(2, 60)]
    hosts.append({"address": "10.10.40.254", "mac": None, "how": "arp"})
    doc = {
        "probes": {
            "runs": [
                {
                    "vantage": {"zone": "guest", "address": "10.10.40.23/24", "gateway": "10.10.40.254"},
                    "hosts": hosts,
                    "traces": [],
                }
            ]
        }
    }
    g = Graph(doc, "en")
    labels = [n["label"] for n in g.nodes if n["kind"] == "observed"]
    drawn = [lb for lb in labels if lb.startswith("observed\n10.10.40.")]
    assert len(drawn) == MAX_OBSERVED_HOSTS
    assert "observed\n10.10.40.254" in drawn  # the gateway, listed last, is drawn first
    assert f"… and {len(hosts) - MAX_OBSERVED_HOSTS} more hosts observed" in labels
