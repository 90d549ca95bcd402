"""The JSON document made fast (issue #15) without changing a byte: the masking walk
(``Masker.doc``, once with the parsers' knowledge in json_report, once more in
report.prepare_doc) and the indented JSON writer.

Compared with the ways they replaced: ``Masker.doc`` as it was (kept below as
``old_doc``) and ``safetext.dumps_json(doc, indent=2)`` (the standard library's
pure-Python indented encoder, then the escaping of the whole text)."""

from __future__ import annotations

import json
import math
import re
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit.audit import run_audit
from netaudit.report import RenderOptions, render
from netaudit.report.json_report import _indented, audit_dict, dumps
from netaudit.safetext import dumps_json
from netaudit.secrets import (
    _CONFIG_TEXT_KEYS,
    _KEEP_KEYS,
    _L,
    _R,
    _WARNING_KEYS,
    MASK,
    Masker,
    mask_key_material,
    zone_names,
)

from .secret_corpus import OFFICES


def old_doc(m: Masker, obj, mode: str = "prose"):
    """``Masker.doc`` as it was before issue #15: a new copy of everything, every time."""
    if m.show:
        return obj
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k in _KEEP_KEYS:
                out[k] = v
            elif k in _CONFIG_TEXT_KEYS and isinstance(v, str):  # a description: the keyword rules
                out[k] = m.line(v)
            elif k == "text" and isinstance(v, str):
                fn = m.unrecognized if mode == "unrecognized" else m.line
                out[k] = fn(v, obj.get("file"), obj.get("line"))
            else:
                sub = "unrecognized" if k == "unrecognized_lines" else "warning" if k in _WARNING_KEYS else mode
                out[k] = old_doc(m, v, sub)
        return out
    if isinstance(obj, list):
        return [old_doc(m, v, mode) for v in obj]
    if isinstance(obj, str):
        return m.warning(obj) if mode == "warning" else old_prose(m, obj)
    return obj


def old_prose(m: Masker, text: str) -> str:
    """``Masker.prose`` before its quick test (and ``_literal`` before its one search)."""
    if m.show or not text:
        return text
    out = mask_key_material(text)
    if m.literals and any(v in out for v in m.literals):
        alternatives = "|".join(re.escape(v) for v in sorted(m.literals, key=len, reverse=True))
        out = re.compile(_L + "(?:" + alternatives + ")" + _R).sub(MASK, out)
    return text if out == text else out


@pytest.mark.parametrize("office", OFFICES, ids=lambda o: o.vendor)
def test_masked_document_is_what_two_full_walks_gave(office, tmp_path):
    audit = run_audit([office.build(tmp_path)])
    raw = audit_dict(audit, RenderOptions(show_secrets=True))  # nothing masked
    masker = Masker(audit.devices, zone_names(audit.zones))
    first = masker.doc(raw)
    assert first == old_doc(masker, raw)
    second = Masker().doc(first)  # what report.prepare_doc does to every document
    expected = old_doc(Masker(), old_doc(masker, raw))
    assert second == expected
    assert dumps(second) == dumps_json(expected, indent=2, sort_keys=False) + "\n"
    for secret in office.secrets:
        assert secret not in dumps(second)


def test_json_of_every_sample_is_byte_identical_to_the_standard_encoders():
    from helpers import SAMPLES

    for folder in sorted(p for p in SAMPLES.iterdir() if (p / "site.yaml").is_file())[:6]:
        audit = run_audit([folder])
        text = render(audit, "json", RenderOptions())
        doc = json.loads(text)
        assert text == dumps_json(doc, indent=2, sort_keys=False) + "\n"


# Strings with anything in them: quotes, backslashes, C0/C1 controls, DEL, bidi controls,
# lone surrogates, non-BMP characters and noncharacters (escaped by safetext).
_TEXT = st.text(st.characters(blacklist_categories=()), max_size=12) | st.sampled_from(
    ["", "ascii", 'q"uote\\', "Tiếng Việt", "\x7f", "a\u202eb", "\ud800", "\U0001fffe", "\U0001f600", "\x85", "\t\n"]
)
_KEYS = _TEXT | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=True)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | _TEXT,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.tuples(inner, inner)
        | st.dictionaries(_KEYS, inner, max_size=5)
        | st.lists(_TEXT, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_indented_json_is_the_standard_librarys(value):
    assert _indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
    doc = {"value": value}
    assert dumps(doc) == dumps_json(doc, indent=2, sort_keys=False) + "\n"


def test_long_lists_joined_as_they_go_are_the_same_text(monkeypatch):
    """A long list's pieces are joined every few thousand (json_report._PIECES): the text
    is the standard library's, for lists nested in lists, at every size around the cut."""
    from netaudit.report import json_report

    monkeypatch.setattr(json_report, "_PIECES", 7)
    for n in (1, 6, 7, 8, 20, 61):
        value = {"matrix": [{"src": f"z{i}", "hops": [{"d": i, "r": ["a", "ă"]}] * (i % 4)} for i in range(n)]}
        assert _indented(value) == json.dumps(value, ensure_ascii=False, indent=2), n
        assert _indented([value, [value]]) == json.dumps([value, [value]], ensure_ascii=False, indent=2), n


class _Str(str):
    pass


class _Int(int):
    pass


class _Dict(dict):
    pass


class _List(list):
    pass


def test_subclasses_and_what_json_does_not_know():
    masked = _Dict(a=_List([_Str("x"), _Int(3), 2.5, math.inf]))
    value = {"s": _Str("Việt"), "i": _Int(7), "m": masked, "deep": [[[[[]]]]], 1.5: {}, None: ()}
    assert _indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
    deep: list = []
    for _ in range(150):  # deeper than the fast writer goes: the standard encoder writes it
        deep = [deep, "x"]
    assert dumps({"d": deep}) == dumps_json({"d": deep}, indent=2, sort_keys=False) + "\n"
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"x": object()})
    cycle: list = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps({"c": cycle})


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["s3cr3t-Pa55", "Tr0ub4dor&3", "k3y.value"]))
def test_prose_quick_test_changes_nothing(text, literal):
    device = SimpleNamespace(
        secrets={literal}, secret_lines={}, hostname="r1", interfaces={}, vlans={}, ssids=[], filters={}
    )
    m = Masker([device])
    assert m.literals == {literal}
    for t in (text, text + " " + literal, literal + "x" + text, "-----BEGIN KEY-----" + text):
        assert m.prose(t) == old_prose(m, t)


# Sentences a document repeats (a check's remediation in every finding of the check),
# with and without what prose masks: a literal secret, PEM, base64, Cisco hex.
_SENTENCES = st.sampled_from(
    [
        "",
        "short",
        "Change the SNMP community Tanphu-RO-2024 on every device of the unit.",
        "Tanphu-RO-2024",
        "key -----BEGIN PRIVATE KEY----- MIIEvQIBADANBgkqhkiG9w0BAQEFAASC -----END PRIVATE KEY-----",
        "a key MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7 in the sentence",
        "certificate 30820122 300D0609 2A864886 F70D0101 01050003 in prose",
        "Review the order of the filter's lines: move the line above the lines that shadow it.",
    ]
)
_DOCS = st.recursive(
    _SENTENCES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["title", "text", "remediation", "warnings", "id", "detail"]), inner, max_size=4
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_DOCS)
def test_each_repeated_sentence_masked_as_the_first_time(doc):
    """Masker.prose remembers what it made of each sentence: a document repeating
    sentences (and the same Masker walking it twice) is masked as the old walk did."""
    device = SimpleNamespace(
        file="r.cfg",
        hostname="R1",
        secrets={"Tanphu-RO-2024"},
        secret_lines={},
        interfaces={},
        vlans={},
        ssids=[],
        filters={},
    )
    masker = Masker([device])
    expected = old_doc(masker, {"findings": doc})
    assert masker.doc({"findings": doc}) == expected
    assert masker.doc({"findings": doc}) == expected
    assert masker.prose("Change the SNMP community Tanphu-RO-2024 on every device of the unit.") == (
        "Change the SNMP community ****** on every device of the unit."
    )


def test_a_catalogue_text_stays_itself_beside_its_english_string():
    """prose() remembers plain strings only: a Text equal to a sentence masked before is
    returned as the Text it is (its Vietnamese rendering kept)."""
    from netaudit.messages import Text

    masker = Masker()
    text = Text("summary.no_findings")
    assert masker.prose(str(text)) == str(text)  # the English string, remembered
    got = masker.prose(text)
    assert got is text and got.render("vi") == text.render("vi")
