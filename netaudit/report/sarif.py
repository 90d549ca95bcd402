"""SARIF 2.1.0 for code-scanning tools run over repositories of device configs.

One result per finding; its location is the config file and line of the first
evidence (else of the first cited line of its witness path); further evidence lines are
related locations and the witness path is a code flow.  Messages are in the report
language.  No timestamps or absolute paths: the same inputs give the same bytes.
"""

from __future__ import annotations

from urllib.parse import quote

from . import RenderOptions, cite_text
from .view import View, build

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
# GitHub code scanning reads properties.security-severity (0.0–10.0, as a string).
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "0.0"}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/")


def _physical(loc: dict) -> dict | None:
    """Where a citation points; its text as the region's snippet only when it is the
    file's own (a configuration line), not a sentence netaudit wrote there (``text_text``:
    a filter's default action, cited at the filter's line)."""
    if not loc.get("file"):
        return None
    out: dict = {"artifactLocation": {"uri": _uri(loc["file"])}}
    if isinstance(loc.get("line"), int) and loc["line"] >= 1:
        region: dict = {"startLine": loc["line"]}
        if loc.get("text") and "text_text" not in loc:
            region["snippet"] = {"text": loc["text"]}
        out["region"] = region
    return out


def _location(v: View, cite: dict, phys: dict) -> dict:
    """A result's location; a sentence netaudit wrote (not a snippet: :func:`_physical`) is
    its message, in the report language."""
    out: dict = {"physicalLocation": phys}
    if "text_text" in cite:
        out["message"] = {"text": cite_text(cite, v.lang)}
    return out


def _camel(check: str) -> str:
    return "".join(p.capitalize() for p in check.replace("_", "-").split("-"))


def _rule(v: View, check: str, severity: str, sample: dict) -> dict:
    try:
        name = v.t(f"report.rule.{check}")
    except KeyError:
        name = check
    try:
        why = v.t(f"report.why.{check}")
    except KeyError:
        why = v.L(sample.get("title"))
    return {
        "id": check,
        "name": _camel(check),
        "shortDescription": {"text": name},
        "fullDescription": {"text": why},
        "help": {"text": v.L(sample.get("remediation"))},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {
            "tags": ["security", "network-segmentation"],
            "precision": "very-high",
            "security-severity": SECURITY_SEVERITY.get(severity, "5.5"),
            "references": sample.get("references", []),
        },
    }


def _code_flow(v: View, witness: dict) -> dict | None:
    locations = []
    for hop in witness.get("hops", []):
        dev = hop.get("device")
        if dev and hop.get("out"):
            head = v.t("witness.hop", device=dev, in_if=hop.get("in") or "-", out_if=hop["out"])
        elif dev:
            head = v.t("witness.hop_local", device=dev, in_if=hop.get("in") or "-")
        else:
            head = v.t("witness.l2")
        rules = hop.get("rules") or [{}]
        for r in rules:
            text = head + (f" — {cite_text(r, v.lang)}" if r.get("text") else "")
            if r.get("file") and not (isinstance(r.get("line"), int) and r["line"] >= 1):
                text += " " + v.t("cite.default")  # a default: no line to point at
            loc: dict = {"message": {"text": text}}
            phys = _physical(r)
            if phys:
                loc["physicalLocation"] = phys
            locations.append({"location": loc})
    if not locations:
        return None
    return {"threadFlows": [{"locations": locations}]}


def sarif_dict(doc: dict, options: RenderOptions) -> dict:
    v = build(doc, options)
    findings = doc.get("findings", [])
    first: dict[str, dict] = {}
    for f in findings:
        first.setdefault(f["check"], f)
    rule_ids = sorted(first)
    rules = [_rule(v, c, first[c]["severity"], first[c]) for c in rule_ids]
    results = []
    for f in findings:
        locs = [x for x in (f.get("evidence") or []) if x.get("file")]
        if not locs:
            locs = [
                r
                for h in (f.get("witness") or {}).get("hops", [])
                for r in h.get("rules", [])
                if r.get("file") and r.get("line")
            ]
        result: dict = {
            "ruleId": f["check"],
            "ruleIndex": rule_ids.index(f["check"]),
            "level": LEVELS.get(f["severity"], "warning"),
            "kind": "fail",
            "message": {"text": f"{v.L(f.get('title'))}. {v.L(f.get('detail'))}".strip()},
            "partialFingerprints": {"netauditFindingId/v1": f["id"]},
        }
        where = [(x, p) for x in locs if (p := _physical(x))]
        if where:
            result["locations"] = [_location(v, *where[0])]
            if len(where) > 1:
                result["relatedLocations"] = [{"id": i, **_location(v, *w)} for i, w in enumerate(where[1:], 1)]
        flow = _code_flow(v, f["witness"]) if f.get("witness") else None
        if flow:
            result["codeFlows"] = [flow]
        result["properties"] = {
            "severity": f["severity"],
            "security-severity": SECURITY_SEVERITY.get(f["severity"]),
            "zones": f.get("zones", []),
            "devices": f.get("devices", []),
            "remediation": v.L(f.get("remediation")),
            "references": f.get("references", []),
        }
        if not f.get("proven", True):
            # Rests on what is not fully understood: said, never a ground for "fail" (docs/report.md).
            result["properties"]["proven"] = False
        results.append(result)
    artifacts = [
        {"location": {"uri": _uri(i["path"])}, "roles": ["analysisTarget"], "hashes": {"sha-256": i["sha256"]}}
        for i in doc.get("inputs", [])
        if i.get("kind") != "skipped" and i.get("sha256")
    ]
    concl = doc.get("conclusion") or {}
    invocation: dict = {"executionSuccessful": True}
    warnings = [v.L(w) for w in doc["warnings_text"]] if doc.get("warnings_text") else doc.get("warnings", [])
    if warnings:  # e.g. an unreviewed init draft, no guest zone: SARIF's place for what the run warns about
        invocation["toolExecutionNotifications"] = [{"level": "warning", "message": {"text": w}} for w in warnings]
    run = {
        "tool": {
            "driver": {
                "name": "netaudit",
                "version": doc.get("tool", {}).get("version", ""),
                "semanticVersion": doc.get("tool", {}).get("version", ""),
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "language": options.lang,
        "properties": {
            "unit": doc.get("unit", ""),
            "level": doc.get("level"),
            "generated": doc.get("generated", ""),
            "conclusion": concl.get("verdict", ""),
            "standard": concl.get("standard", ""),
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_doc(doc: dict, options: RenderOptions) -> str:
    # Every string is display text for a code-scanning viewer: control and bidi
    # characters made visible (safetext), so a message reads as what it says.
    # Written as the JSON report writes its document (json_report.dumps: the same text as
    # dumps_json(…, indent=2) and a newline, without the standard library's pure-Python
    # indented encoder: 14 s of the SARIF of an audit of 50,000 findings).
    from ..safetext import clean_tree
    from .json_report import dumps

    return dumps(clean_tree(sarif_dict(doc, options)))
