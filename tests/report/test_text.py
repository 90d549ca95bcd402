"""The terminal summary (netaudit/report/text.py) of a large audit: summarised by default
(--detail summary, report/detail.py TEXT_*), each cut saying what it left out and how to
see it; a small audit prints the same in both modes; --detail full prints every zone, cell
and finding (issue #15: a 51-zone RouterOS audit printed 3,243 lines)."""

from __future__ import annotations

import re

import pytest
import yaml
from bench.test_bench_scale import zones_office
from helpers import SAMPLES

from netaudit.audit import run_audit
from netaudit.messages import t
from netaudit.report import RenderOptions, render
from netaudit.report import detail as caps

from .conftest import cli

SAMPLE_OFFICES = sorted(p for p in SAMPLES.iterdir() if (p / "site.yaml").is_file())


@pytest.mark.parametrize("office", SAMPLE_OFFICES, ids=lambda p: p.name)
def test_sample_offices_print_the_same_in_both_modes(office):
    """Every list of the sample offices is within its cap: the summary is the full text."""
    audit = run_audit([office], office / "site.yaml")
    for lang in ("vi", "en"):
        full = render(audit, "text", RenderOptions(lang=lang, detail="full"))
        assert render(audit, "text", RenderOptions(lang=lang)) == full
        assert "--detail full" not in full


@pytest.fixture(scope="module")
def department(tmp_path_factory):
    """An IOS core of 24 rooms: 26 zones, 676 cells (124 not blocked), 79 findings."""
    folder = tmp_path_factory.mktemp("department")
    zones_office(folder, 24)
    return folder, run_audit([folder], folder / "site.yaml")


def _rows(text: str, audit) -> list[tuple[str, str]]:
    """The (from, to) pairs of the matrix table's rows."""
    names = {z.name for z in audit.zones} | {c.dst for c in audit.matrix}
    out = []
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 3 and words[0] in names and words[1] in names:
            out.append((words[0], words[1]))
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_of_a_large_audit(department, lang):
    _, audit = department
    text = render(audit, "text", RenderOptions(lang=lang))
    full = render(audit, "text", RenderOptions(lang=lang, detail="full"))
    assert len(text.splitlines()) < 200 < len(full.splitlines())
    # Zones: named by kind, every zone once, and a note saying how to see each one.
    kinds = {z.kind for z in audit.zones}
    for kind in kinds:
        n = sum(1 for z in audit.zones if z.kind == kind)
        assert f"  - {kind} ({n}): " in text
    assert t("summary.zones_cut", lang, n=len(audit.zones)) in text
    # Matrix: violations first, then the other cells that are not simply blocked, at most
    # TEXT_CELLS.keep; the note counts what is not printed.
    rows = _rows(text, audit)
    cells = {(c.src, c.dst): c for c in audit.matrix}
    listed = [c for c in audit.matrix if c.violation or c.verdict != "blocked"]
    assert len(listed) > caps.TEXT_CELLS.over and len(rows) == caps.TEXT_CELLS.keep
    printed = [cells[r] for r in rows]
    assert all(c.violation or c.verdict != "blocked" for c in printed)
    ranks = [0 if c.violation else 1 if c.verdict == "unknown" else 2 for c in printed]
    assert ranks == sorted(ranks)
    blocked = len(audit.matrix) - len(listed)
    assert t("summary.matrix_cut", lang, rows=len(listed) - len(rows), blocked=blocked) in text
    # Findings: the first TEXT_PER_CHECK of each check, the others counted by check.
    by_check: dict[str, int] = {}
    for f in audit.findings:
        by_check[f.check] = by_check.get(f.check, 0) + 1
    shown = [f for f in audit.findings if f"({f.check})" in text and f.title[lang] in text]
    assert 0 < len(shown) <= caps.FINDINGS.over
    others = len(audit.findings) - sum(min(n, caps.TEXT_PER_CHECK) for n in by_check.values())
    left = {check: n - caps.TEXT_PER_CHECK for check, n in by_check.items() if n > caps.TEXT_PER_CHECK}
    kinds = ", ".join(f"{check} {n}" for check, n in sorted(left.items(), key=lambda kv: -kv[1]))
    assert len(left) == 2 and t("summary.findings_cut", lang, n=others, kinds=kinds) in text
    # The heading still counts them all, and the conclusion is the full one.
    assert f"({len(audit.findings)})" in text
    assert text.splitlines()[-1] == full.splitlines()[-1]


def test_full_detail_prints_every_zone_cell_and_finding(department):
    _, audit = department
    full = render(audit, "text", RenderOptions(lang="en", detail="full"))
    assert len(_rows(full, audit)) == len(audit.matrix)
    for z in audit.zones:
        assert f"  - {z.name} [{z.kind}]" in full
    assert sum(1 for line in full.splitlines() if re.match(r"  \[\w+\] ", line)) == len(audit.findings)
    assert "--detail full" not in full


def test_cli_summary_by_default_full_on_request(department):
    folder, _ = department
    site = yaml.safe_load((folder / "site.yaml").read_text(encoding="utf-8"))
    assert len(site["zones"]) > caps.SCOPE_ZONES
    summary = cli("audit", str(folder), "--lang", "en")
    full = cli("audit", str(folder), "--lang", "en", "--detail", "full")
    assert summary.returncode == full.returncode == 1  # the violations: not an error
    assert b"not printed" in summary.stdout and b"--detail full prints every cell" in summary.stdout
    assert len(full.stdout.splitlines()) > 3 * len(summary.stdout.splitlines())
    assert b"--detail full" not in full.stdout


def test_a_zone_of_many_subnets_is_named_in_part(tmp_path):
    """A backbone router's zone holds hundreds of subnets: the summary names 8 of them and
    how many more, --detail full all of them."""
    folder = tmp_path / "office"
    folder.mkdir()
    zones_office(folder, 6)
    site = yaml.safe_load((folder / "site.yaml").read_text(encoding="utf-8"))
    zone = site["zones"]["servers"]
    zone["subnets"] = list(zone["subnets"]) + [f"10.200.{i}.0/24" for i in range(15)]
    (tmp_path / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")
    audit = run_audit([folder], tmp_path / "site.yaml")
    line = next(x for x in render(audit, "text", RenderOptions()).splitlines() if x.startswith("  - servers ["))
    assert line.count("/") == 8 and f", 10.200.6.0/24 … (+{16 - 8})" in line
    full = render(audit, "text", RenderOptions(detail="full"))
    assert all(f"10.200.{i}.0/24" in full for i in range(15))


def test_a_matrix_of_few_reachable_cells_lists_them_all(tmp_path):
    """Above caps.MATRIX_COMPACT zones with fewer cells to list than the cap: all of them,
    and one line counting the blocked ones."""
    folder = tmp_path / "office"
    folder.mkdir()
    zones_office(folder, 10)
    audit = run_audit([folder], folder / "site.yaml")
    assert caps.MATRIX_COMPACT < len(audit.zones) <= caps.SCOPE_ZONES
    listed = [c for c in audit.matrix if c.violation or c.verdict != "blocked"]
    assert 0 < len(listed) <= caps.TEXT_CELLS.over
    text = render(audit, "text", RenderOptions(lang="en"))
    assert len(_rows(text, audit)) == len(listed)
    assert t("summary.matrix_cut_blocked", "en", blocked=len(audit.matrix) - len(listed)) in text
    assert "more cells" not in text


def test_a_long_input_list_keeps_every_file_with_a_problem(tmp_path, monkeypatch):
    """Above caps.INPUTS.over files the summary lists every file with a problem and the
    first caps.INPUTS.keep others, and counts the rest (the cap lowered to see it on an
    office of a few files)."""
    import shutil

    from netaudit.report.detail import Cap

    office = tmp_path / "office"
    shutil.copytree(SAMPLES / "cisco-commune-leaky", office)
    (office / "notes.cfg").write_bytes(b"\x00\x01binary, not a configuration\xff")
    audit = run_audit([office], office / "site.yaml")
    fine = [f for f in audit.snapshot.inputs if not f.problem]
    bad = [f for f in audit.snapshot.inputs if f.problem]
    assert len(fine) >= 2 and bad
    monkeypatch.setattr(caps, "INPUTS", Cap(1, 1))
    text = render(audit, "text", RenderOptions(lang="en"))
    listed = [f for f in audit.snapshot.inputs if f"  {f.path}  " in text]
    assert [f for f in listed if not f.problem] == fine[:1]
    assert all(f in listed for f in bad)
    assert t("summary.inputs_cut", "en", n=len(fine) - 1) in text
    full = render(audit, "text", RenderOptions(lang="en", detail="full"))
    assert all(f"  {f.path}  " in full for f in audit.snapshot.inputs)


def test_maybe_services_already_certain_are_not_repeated():
    """An SRX's host-inbound services are certain toward the interface a zone arrives on and
    only "maybe" toward its other interfaces (the zone policies decide, not modelled): the
    matrix lists each service once — "udp/67", not "udp/67 (+? udp/67)" — and a maybe service
    the certain ones lack still shows; the JSON keeps both lists whole."""
    from netaudit.report.json_report import audit_dict
    from netaudit.report.words import maybe_beyond

    assert maybe_beyond(["udp/67"], ["udp/67"]) == []
    assert maybe_beyond(["tcp/22"], ["tcp/22", "tcp/443"]) == ["tcp/443"]
    assert maybe_beyond(["ip"], ["tcp/443"]) == []
    office = SAMPLES / "juniper-commune-leaky"
    audit = run_audit([office], office / "site.yaml")
    cell = next(c for c in audit.matrix if (c.src, c.dst) == ("guest", "@devices"))
    assert cell.services == ["udp/67"] and cell.maybe_services == ["udp/67"]
    text = render(audit, "text", RenderOptions(lang="en"))
    row = next(line for line in text.splitlines() if re.match(r"\s*guest\s+@devices\s", line))
    assert "udp/67" in row and "(+?" not in row
    doc = audit_dict(audit, RenderOptions(lang="en"))
    assert next(c for c in doc["matrix"] if (c["src"], c["dst"]) == ("guest", "@devices"))["maybe_services"] == [
        "udp/67"
    ]
