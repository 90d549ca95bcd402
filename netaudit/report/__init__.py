"""Report renderers, one module per format.

* ``text`` — the terminal summary, rendered from the :class:`~netaudit.audit.Audit`.
* ``json`` — the ▶ contract (``json_report.audit_dict``).
* ``html`` / ``pdf`` / ``docx`` / ``md`` / ``sarif`` — rendered **from the JSON document** only
  (``render_doc``), so ``netaudit report audit.json`` is "load JSON, render" and the
  report layer never reaches back into parsers or the engine.

Heavy dependencies (jinja2, WeasyPrint, graphviz, N2G) are imported inside the
renderers that need them, so ``--format json`` and the terminal summary stay fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

RENDERERS = {
    "text": "netaudit.report.text",
    "json": "netaudit.report.json_report",
    "html": "netaudit.report.html",
    "pdf": "netaudit.report.pdf",
    "docx": "netaudit.report.docx_report",
    "md": "netaudit.report.markdown",
    "sarif": "netaudit.report.sarif",
}
BINARY_FORMATS = ("pdf", "docx")
# Cover fields a site file or the command line may give (site.yaml keys).
COVER_KEYS = (
    "address",
    "inspected_by",
    "prepared_by",
    "inspection_date",
    "doc_number",
    "record_number",
    "record_date",
)


@dataclass
class RenderOptions:
    lang: str = "vi"
    show_secrets: bool = False
    color: bool = False
    standard: str | None = None  # compliance regime; None = the document's default
    inspected_by: str | None = None
    prepared_by: str | None = None
    address: str | None = None
    inspection_date: str | None = None  # YYYY-MM-DD
    doc_number: str | None = None  # the report's own number ("Số: …")
    record_number: str | None = None  # the inspection record it is attached to
    record_date: str | None = None  # YYYY-MM-DD of that record
    drawio_name: str | None = None  # file name of the .drawio written next to the report
    # "summary" (long lists of a large audit cut, each cut saying how much and where the rest
    # is) or "full"; None = the format's default: summary for pdf/docx, full otherwise
    # (report/detail.py).  JSON, SARIF and the terminal summary are always complete.
    detail: str | None = None


def cite_loc(cite: dict, lang: str) -> str:
    """Where a citation points: ``file:line``; a default — no line, e.g. an implicit
    deny or a service on by default — is ``file (default)`` in the reader's language
    (its text names the list or section the default belongs to)."""
    from ..messages import t

    file, line = cite.get("file") or "", cite.get("line")
    if isinstance(line, int) and line >= 1:
        return f"{file}:{line}"
    return f"{file} {t('cite.default', lang)}".strip()


def cite_text(cite: dict, lang: str) -> str:
    """What a citation says, in the reader's language where netaudit wrote it (a filter's
    default action: the citation's ``text_text`` in a JSON document, its catalogue
    :class:`~netaudit.messages.Text` before that); a configuration line as it is."""
    from ..messages import render as worded

    both = cite.get("text_text")
    if isinstance(both, dict):
        return both.get(lang) or both.get("en") or worded(cite.get("text"), lang)
    return worded(cite.get("text"), lang)


def render(audit, fmt: str, options: RenderOptions) -> str | bytes:
    """Render ``audit`` in ``fmt`` (bytes for PDF and DOCX)."""
    if fmt == "text":
        return import_module(RENDERERS[fmt]).render(audit, options)
    from .json_report import audit_dict

    return render_doc(audit_dict(audit, options), fmt, options, masked=True)


def render_doc(doc: dict, fmt: str, options: RenderOptions, masked: bool = False) -> str | bytes:
    """Render a JSON audit document in one of :data:`netaudit.vocabulary.DOC_FORMATS`
    (``masked``: the document is fresh from :func:`~netaudit.report.json_report.audit_dict`,
    masked there; see :func:`prepare_doc`)."""
    from dataclasses import replace

    from .detail import resolve

    options = replace(options, detail=resolve(fmt, options.detail))
    return import_module(RENDERERS[fmt]).render_doc(prepare_doc(doc, options, masked), options)


def prepare_doc(doc: dict, options: RenderOptions, masked: bool = False) -> dict:
    """Apply cover options, fill in compliance for older documents, pick the regime.

    Secrets: a saved document was masked when written, and the rules that need no
    parser knowledge are applied to all of it again.  A ``masked`` document (fresh from
    the audit, masked there by the same rules and the devices' own secrets) is not
    walked a second time (a second of a large audit): only what this adds is."""
    from ..secrets import Masker
    from .json_report import conclusion

    doc = dict(doc)
    site = dict(doc.get("site") or {})
    for key in COVER_KEYS:
        val = getattr(options, key)
        if val:
            site[key] = val
    doc["site"] = site
    if "compliance" not in doc:
        from ..compliance import evaluate, facts_from_doc

        doc["compliance"] = evaluate(facts_from_doc(doc))
    doc["conclusion"] = conclusion(doc["compliance"], options.standard)
    masker = Masker(show=options.show_secrets)
    if masked:
        doc.update(masker.doc({key: doc[key] for key in ("site", "compliance", "conclusion")}))
        return doc
    return masker.doc(doc)


def load_doc(path: str | Path) -> dict:
    """A saved ``netaudit/audit/v1`` document; InputError naming the file otherwise."""
    from ..collector import long_lived
    from ..messages import Text
    from ..model import InputError
    from .json_report import SCHEMA

    display = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise InputError(Text("report.error.cannot_read", error=str(e.strerror)), display) from None
    try:
        with long_lived():  # the document lives as long as the run
            doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(Text("report.error.not_utf8"), display) from None
    except json.JSONDecodeError as e:
        raise InputError(Text("report.error.json", error=e.msg), display, e.lineno) from None
    except (RecursionError, ValueError) as e:  # nested past the parser's depth, a 5,000-digit number
        error = f"{type(e).__name__}: {str(e)[:80]}"
        raise InputError(Text("report.error.not_audit", error=error), display) from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        found = doc.get("schema") if isinstance(doc, dict) else None
        raise InputError(Text("report.error.schema", found=repr(found), expected=repr(SCHEMA)), display)
    for key, kind in (("zones", list), ("matrix", list), ("findings", list), ("inputs", list)):
        if not isinstance(doc.get(key), kind):
            raise InputError(Text("report.error.no_list", key=repr(key)), display)
    # Values this version renders: one it does not know (a newer writer, a hand edit)
    # is said, naming where, rather than failing deep inside a renderer.
    from ..vocabulary import SEVERITIES

    for what, items, field, known in (
        ("matrix", doc["matrix"], "verdict", ("reachable", "blocked", "unknown")),
        ("findings", doc["findings"], "severity", SEVERITIES),
    ):
        for i, item in enumerate(items):
            value = item.get(field) if isinstance(item, dict) else None
            if value not in known:
                where = f"{what}[{i}].{field}"
                error = Text("report.error.unknown_value", where=where, value=repr(value), known=", ".join(known))
                raise InputError(error, display)
    return doc
