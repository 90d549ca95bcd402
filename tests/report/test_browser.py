"""The HTML report in headless Chromium (Debian ``chromium``): content, no script from
input, screenshots for a human look (tests/artifacts/, gitignored)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from .conftest import artifact, chromium, cli, render

PAYLOAD = "<script>document.title='PWNED'</script>"
IMG = "<img src=x onerror=\"document.title='PWNED'\">"


class _Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title" and [t for t, _ in self.tags].count("title") == 1  # the document's

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_title:
            self.title += data


def _dump(tmp_path: Path, page: Path) -> _Dom:
    out = chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri())
    assert out.returncode == 0 and "<html" in out.stdout, out.stderr[-2000:]
    dom = _Dom()
    dom.feed(out.stdout)
    return dom


def _assert_inert(dom: _Dom) -> None:
    names = [t for t, _ in dom.tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    for tag, attrs in dom.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    # A script that ran would have set document.title to exactly 'PWNED'.
    assert dom.title.strip() != "PWNED"
    assert dom.title.startswith(("BÁO CÁO KẾT QUẢ KIỂM TRA", "NETWORK SEGMENTATION")), dom.title


def test_harness_sees_a_script_that_runs(tmp_path):
    """Control: the check below would notice an executed script (title set to PWNED)."""
    page = tmp_path / "control.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><title>x</title></head><body>{PAYLOAD}</body></html>", encoding="utf-8"
    )
    assert _dump(tmp_path, page).title.strip() == "PWNED"


def test_leaky_report_in_chromium(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render("leaky", "html", "vi"), encoding="utf-8")
    dom = _dump(tmp_path, page)
    _assert_inert(dom)
    text = " ".join(dom.text)
    assert "BÁO CÁO KẾT QUẢ KIỂM TRA PHÂN VÙNG MẠNG" in dom.title + text
    assert "Không đạt" in text and "Mạng Wi-Fi khách truy cập được vào vùng mạng nội bộ" in text
    assert [t for t, _ in dom.tags].count("svg") == 1
    # every in-page link (matrix cells, root causes, "mục 4.x", change sets) has its target
    ids = {a["id"] for _, a in dom.tags if a.get("id")}
    hrefs = [a["href"] for t, a in dom.tags if t == "a" and a.get("href", "").startswith("#")]
    assert hrefs and sorted({h for h in hrefs if h[1:] not in ids}) == []
    # the root-cause table, with the five guest findings under one line
    assert "root-causes" in ids and "Nguyên nhân gốc" in text
    table = [a.get("href") for t, a in dom.tags if t == "a"]
    assert all(f"#finding-{n}" in table for n in range(1, 6))
    # the matrix table at the front (issue #14): after the root causes, before section 1,
    # its cells linking to the flows of section 3, which links back to it
    order = [f"#{a.get('id')}" if t == "section" else a.get("class") for t, a in dom.tags if t in ("section", "table")]
    assert order.index("#root-causes") < order.index("#matrix-summary") < order.index("matrix") < order.index("#scope")
    assert order.count("matrix") == 1 and order.index("#scope") < order.index("#matrix")
    assert {"#matrix-summary", "#matrix"} <= set(hrefs)
    for name, size in (("report-leaky-vi-desktop.png", "1280,2600"), ("report-leaky-vi-phone.png", "412,2400")):
        shot = artifact(name)
        shot.unlink(missing_ok=True)
        res = chromium(tmp_path, f"--screenshot={shot}", f"--window-size={size}", page.resolve().as_uri())
        assert res.returncode == 0 and shot.stat().st_size > 20_000, res.stderr[-2000:]


def _xss_sample(folder: Path, with_site: bool) -> None:
    folder.mkdir()
    (folder / "core.cfg").write_text(
        f"""hostname XSS-CORE
!
ip routing
!
vlan 10
 name STAFF<b>bold</b>
!
vlan 40
 name KHACH{PAYLOAD}
!
interface GigabitEthernet0/1
 description {IMG}
 switchport mode access
 switchport access vlan 40
!
interface GigabitEthernet0/2
 switchport mode access
 switchport access vlan 10
!
interface Vlan10
 description Staff gateway
 ip address 10.0.10.1 255.255.255.0
!
interface Vlan40
 description {PAYLOAD}
 ip address 10.0.40.1 255.255.255.0
!
{PAYLOAD}
end
""",
        encoding="utf-8",
    )
    if with_site:
        (folder / "site.yaml").write_text(
            f"""unit: "UBND {PAYLOAD} </style>"
level: 2
address: "{IMG.replace('"', "'")}"
zones:
  "st<i>aff</i>":
    kind: internal
    vlans: ["XSS-CORE:10"]
  "gu<script>x</script>est":
    kind: guest
    vlans: ["XSS-CORE:40"]
""",
            encoding="utf-8",
        )


def test_config_strings_are_text_not_markup(tmp_path):
    for with_site in (False, True):
        sample = tmp_path / f"xss-{int(with_site)}"
        _xss_sample(sample, with_site)
        page = tmp_path / f"xss-{int(with_site)}.html"
        res = cli(
            "audit", sample, "--format", "html", "-o", page, "--inspector", "</style>" + PAYLOAD, "--prepared-by", IMG
        )
        assert res.returncode in (0, 1), res.stderr.decode()[-2000:]
        html = page.read_text(encoding="utf-8")
        assert PAYLOAD not in html and "<img" not in html
        dom = _dump(tmp_path, page)
        _assert_inert(dom)
        text = "".join(dom.text)
        assert PAYLOAD in text  # shown as text …
        assert "</style>" + PAYLOAD in text  # … including in the cover fields
        assert IMG in text
        if with_site:
            assert "gu<script>x</script>est" in text and "st<i>aff</i>" in text
            assert f"UBND {PAYLOAD} </style>" in text
        else:
            assert "KHACH" + PAYLOAD in text  # the VLAN name, quoted where the zone was inferred from
        if with_site:
            shot = artifact("report-xss.png")
            shot.unlink(missing_ok=True)
            chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", page.resolve().as_uri())
