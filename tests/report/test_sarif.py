"""SARIF 2.1.0: schema-valid, one result per finding, config file and line as location.

The schema is vendored (sarif-schema-2.1.0.json: the validation keywords of the OASIS
schema, annotations dropped) so the test never touches the network.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import render, sample_doc

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install -e '.[test]'")
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _validator():
    cls = jsonschema.Draft7Validator
    cls.check_schema(SCHEMA)
    return cls(SCHEMA, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("sample", ["leaky", "compliant"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sarif_valid_and_complete(sample, lang):
    sarif = json.loads(render(sample, "sarif", lang))
    errors = sorted(_validator().iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    doc = sample_doc(sample)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["language"] == lang
    assert len(run["results"]) == len(doc["findings"])
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == sorted({f["check"] for f in doc["findings"]})
    hashes = {a["location"]["uri"]: a["hashes"]["sha-256"] for a in run["artifacts"]}
    assert hashes == {i["path"]: i["sha256"] for i in doc["inputs"] if i["kind"] != "skipped"}
    for res, f in zip(run["results"], doc["findings"], strict=True):
        assert res["ruleId"] == f["check"] and rules[res["ruleIndex"]] == f["check"]
        assert res["partialFingerprints"]["netauditFindingId/v1"] == f["id"]
        assert res["message"]["text"].startswith(f["title"][lang])
        cited = [e for e in f["evidence"] if e.get("file") and e.get("line")]
        if cited:
            loc = res["locations"][0]["physicalLocation"]
            assert loc["artifactLocation"]["uri"] == cited[0]["file"]
            assert loc["region"]["startLine"] == cited[0]["line"]


def test_sarif_leaky_guest_result_points_at_the_guest_acl_line():
    run = json.loads(render("leaky", "sarif", "en"))["runs"][0]
    guest = [r for r in run["results"] if r["ruleId"] == "guest-isolation"]
    assert guest and all(r["level"] == "error" for r in guest)
    lines = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in guest}
    assert 372 in lines  # "permit ip 10.10.40.0 0.0.0.255 10.10.0.0 0.0.255.255"
    flows = [r for r in guest if r.get("codeFlows")]
    assert flows and flows[0]["codeFlows"][0]["threadFlows"][0]["locations"]


def test_sarif_schema_rejects_broken_logs():
    """The vendored schema is not a rubber stamp."""
    good = json.loads(render("leaky", "sarif", "en"))
    v = _validator()
    for mutate in (
        lambda d: d.update(version="2.0.0"),
        lambda d: d["runs"][0]["results"][0].update(level="fatal"),
        lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].update(startLine=0),
        lambda d: d["runs"][0]["tool"]["driver"].pop("name"),
    ):
        bad = json.loads(json.dumps(good))
        mutate(bad)
        assert list(v.iter_errors(bad))
