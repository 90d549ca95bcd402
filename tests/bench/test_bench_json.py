"""The JSON document (issue #15 item 4): the masking walks pass by strings no rule can
change, the indented text is written without the standard library's pure-Python
encoder, the cyclic collector is paused while the document is built.

Target: the Stanford backbone's JSON ≤ 0.3 s.  Measured with the way it replaced, in
the same run, on the same audit: two full walks of the masker (the old ``Masker.doc``,
kept in tests/report/test_json_fast.py) and ``safetext.dumps_json(doc, indent=2)``.
``make bench``: the Stanford backbone (the audit itself ≈ 8 s is not timed) and the
leaky commune office; as a plain test, the office only."""

from __future__ import annotations

import gc
import statistics
import time
from pathlib import Path

import yaml
from report.test_json_fast import old_doc

from netaudit.audit import run_audit
from netaudit.report import RenderOptions, render
from netaudit.report.json_report import audit_dict
from netaudit.safetext import dumps_json
from netaudit.secrets import Masker, zone_names

from .stanford import CORPUS, site_dict

ROOT = Path(__file__).resolve().parents[2]


def _old_json(audit) -> str:
    """The document as it was written before issue #15 (the same text)."""
    raw = audit_dict(audit, RenderOptions(show_secrets=True))
    masked = old_doc(Masker(audit.devices, zone_names(audit.zones)), raw)
    return dumps_json(old_doc(Masker(), masked), indent=2, sort_keys=False) + "\n"


def _median(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _audits(tmp_path, full: bool):
    out = [("leaky commune office", run_audit([ROOT / "sample_configs" / "cisco-commune-leaky"]))]
    if full and CORPUS.is_dir():
        from netaudit.inputs import load_snapshot

        site = tmp_path / "stanford-site.yaml"
        site.write_text(yaml.safe_dump(site_dict(load_snapshot([CORPUS]).devices)), encoding="utf-8")
        out.append(("Stanford backbone", run_audit([CORPUS], site)))
    return out


def test_json_document(benchmark, tmp_path):
    rounds = 5 if benchmark.enabled else 1
    audits = _audits(tmp_path, benchmark.enabled)
    opts = RenderOptions()

    def write_all():
        return [render(audit, "json", opts) for _, audit in audits]

    texts = benchmark.pedantic(write_all, rounds=rounds, iterations=1)
    for (name, audit), text in zip(audits, texts, strict=True):
        new = _median(lambda audit=audit: render(audit, "json", opts), rounds)
        old = _median(lambda audit=audit: _old_json(audit), rounds)
        print(f"\n{name}: JSON {len(text) / 1e6:.2f} MB in {new:.3f} s (before: {old:.3f} s, {old / new:.1f}x)")
        assert text == _old_json(audit)
