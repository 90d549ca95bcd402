"""A finding resting on configuration not fully understood (JSON ``proven: false``) says so
beside its severity in every format an inspector reads, and only that finding does."""

from __future__ import annotations

import json
import re

from netaudit.report import RenderOptions, render_doc

from .conftest import cli, sample_doc

UNPROVEN = {"vi": "chưa chứng minh", "en": "not proven"}


def _doc_with_one_unproven() -> tuple[dict, dict]:
    doc = sample_doc("leaky")
    for f in doc["findings"]:
        f.pop("proven", None)
    target = next(f for f in doc["findings"] if f["severity"] == "medium")
    target["proven"] = False
    return doc, target


def test_markdown_and_html_mark_the_unproven_finding_only():
    doc, target = _doc_with_one_unproven()
    for lang, label in (("vi", "Trung bình, chưa chứng minh"), ("en", "Medium, not proven")):
        md = render_doc(doc, "md", RenderOptions(lang=lang))
        assert isinstance(md, str)
        headings = [h for h in md.splitlines() if h.startswith("### ") and f"[{label}]" in h]
        assert len(headings) == 1 and target["title"][lang] in headings[0]
        # every other finding keeps its bare severity
        assert md.count(UNPROVEN[lang]) >= 1
        assert all(UNPROVEN[lang] not in h for h in md.splitlines() if h.startswith("### ") and h not in headings)
        html = render_doc(doc, "html", RenderOptions(lang=lang))
        assert isinstance(html, str)
        marked = re.findall(r'<span class="sev sev-medium">([^<]*)</span>', html)
        assert label in marked


def test_the_leaky_samples_smart_install_state_is_the_one_unproven_finding():
    # Its core switch (a 3750-X on 15.2) says neither vstack nor no vstack (D7).
    doc = sample_doc("leaky")
    assert [f["check"] for f in doc["findings"] if f.get("proven") is False] == ["ios-smart-install"]
    md = render_doc(doc, "md", RenderOptions(lang="en"))
    assert isinstance(md, str)
    marked = [h for h in md.splitlines() if h.startswith("### ") and "not proven" in h]
    assert len(marked) == 1 and "Smart Install" in marked[0]
    for f in doc["findings"]:
        f.pop("proven", None)
    md = render_doc(doc, "md", RenderOptions(lang="en"))
    assert isinstance(md, str) and "not proven" not in md


def test_sarif_carries_the_proof():
    doc, target = _doc_with_one_unproven()
    run = json.loads(render_doc(doc, "sarif", RenderOptions(lang="en")))["runs"][0]
    by_id = {r["partialFingerprints"]["netauditFindingId/v1"]: r for r in run["results"]}
    assert by_id[target["id"]]["properties"]["proven"] is False
    assert all("proven" not in r["properties"] for i, r in by_id.items() if i != target["id"])


def test_terminal_summary_of_a_smart_install_state_not_shown():
    # A Catalyst 2960-X on 15.2 with no vstack line: Smart Install may be on (not proven).
    out = cli("audit", "tests/fixtures/cisco_ios/access-switch.cfg", "--lang", "en")
    text = out.stdout.decode()
    line = next(x for x in text.splitlines() if "(ios-smart-install)" in x)
    assert line.strip().startswith("[Medium, not proven]")
