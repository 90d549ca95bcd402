"""Configuration examples (snippets) in the message catalogue: their commands are written
once, for every language (``messages.neutral``); only their words — heading, comments,
placeholders — are in the catalogue per language (``catalogue/snippets.py``)."""

from __future__ import annotations

import string

import pytest

from netaudit import messages
from netaudit.checks import load_checks
from netaudit.checks.evidence import vendor_remediation

load_checks()


def _is_snippet(key: str) -> bool:
    """``check.<id>.snippet.<vendor>[.<variant>]``, the checks' own ``check.<id>.snippet``
    and the report's ``report.snippet.*``."""
    parts = key.split(".")
    return (key.startswith("check.") and "snippet" in parts[2:]) or key.startswith("report.snippet.")


def _fields(text: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(text) if f}


def _dummy() -> dict[str, str]:
    """A value for every field any catalogue text names."""
    names = {n for e in messages.CATALOGUE.values() for v in e.values() for n in _fields(v)}
    return {n: f"<{n}>" for n in names - {"snippet"}}


def test_every_snippet_is_one_text_for_every_language():
    snippets = sorted(k for k in messages.CATALOGUE if _is_snippet(k))
    twice = [k for k in snippets if set(messages.CATALOGUE[k]) != {messages.NEUTRAL}]
    assert twice == [], f"snippets written once per language (use messages.neutral): {twice}"
    assert len(snippets) >= 36  # the checks' 34 and the report's 2


def test_no_catalogue_entry_writes_configuration_lines_twice():
    """A block of commands copied into the "vi" and the "en" text (two identical lines)
    is a snippet written twice; so is a check text identical in both languages."""
    offenders = []
    for key, entry in messages.CATALOGUE.items():
        if messages.NEUTRAL in entry:
            continue
        vi_lines = [ln.strip() for ln in entry["vi"].splitlines() if ln.strip()]
        en_lines = {ln.strip() for ln in entry["en"].splitlines() if ln.strip()}
        shared = [ln for ln in vi_lines if ln in en_lines]
        if len(shared) >= 2 or (key.startswith("check.") and entry["vi"] == entry["en"]):
            offenders.append((key, shared or entry["vi"]))
    assert offenders == []


def test_snippet_words_exist_differ_by_language_and_are_all_used():
    fields = _dummy()
    used: set[str] = set()
    for key, entry in messages.CATALOGUE.items():
        if messages.NEUTRAL not in entry:
            continue
        words = messages._word_names(entry[messages.NEUTRAL])
        used.update(words)
        vi, en = (messages.t(key, lang, **fields) for lang in ("vi", "en"))  # a missing word raises
        if any(messages.t(f"snippet.{w}", "vi") != messages.t(f"snippet.{w}", "en") for w in words):
            assert vi != en, key
    words = {k.removeprefix("snippet.") for k in messages.CATALOGUE if k.startswith("snippet.")}
    assert words - used == set(), "snippet words no configuration example uses"
    for w in words:
        entry = messages.CATALOGUE[f"snippet.{w}"]
        assert entry["vi"] != entry["en"] and not _fields(entry["vi"]) ^ _fields(entry["en"]), w


def test_a_snippet_renders_its_commands_once_with_the_words_of_each_language():
    fields = {"device": "ASA", "service": "telnet", "where": "asa.cfg:12"}
    got = vendor_remediation("mgmt-telnet", "cisco_asa", fields)
    assert got["vi"].endswith(
        "\nCấu hình mẫu (Cisco ASA):\n"
        "clear configure telnet   ! gỡ mọi dòng telnet\n"
        "ssh 10.10.99.0 255.255.255.0 management   ! thay bằng dải địa chỉ và cổng vùng quản trị\n"
        "ssh version 2\n"
        "aaa authentication ssh console LOCAL"
    )
    assert got["en"].endswith(
        "\nExample (Cisco ASA):\n"
        "clear configure telnet   ! remove every telnet line\n"
        "ssh 10.10.99.0 255.255.255.0 management   ! replace with the management zone's range and interface\n"
        "ssh version 2\n"
        "aaa authentication ssh console LOCAL"
    )
    # words take the finding's fields too; a FortiOS check's snippet follows its sentence
    ref = {"name": "OBJ", "file": "r.rsc", "line": 7, "kind": "ADDRESS-LIST", "text": "x"}
    ros = vendor_remediation("undefined-reference", "mikrotik_routeros", ref)
    assert ros["vi"].endswith("hoặc sửa dòng r.rsc:7 cho đúng tên.") and "tạo ADDRESS-LIST “OBJ”" in ros["vi"]
    assert 'create ADDRESS-LIST "OBJ"' in ros["en"] and "chain: add its rules with chain=OBJ)" in ros["en"]
    fgt = vendor_remediation("fortigate-admin-no-trusthost", "fortinet_fortios", {"admin": "ops"}, sep=" ")
    assert "xóa tài khoản không còn dùng. Cấu hình mẫu (FortiOS):\nconfig system admin\n" in fgt["vi"]
    assert (
        "# thay bằng dải vùng quản trị\n" in fgt["vi"] and "# replace with the management zone's range\n" in fgt["en"]
    )


def test_a_neutral_entry_has_no_per_language_texts_and_needs_its_words():
    with pytest.raises(ValueError, match="neutral"):
        messages.register({"test.snippet.both": {messages.NEUTRAL: "x", "vi": "y", "en": "z"}})
    messages.register({"test.snippet.missing-word": messages.neutral("a {snippet.no_such_word}")})
    try:
        with pytest.raises(KeyError, match=r"snippet\.no_such_word"):
            messages.t("test.snippet.missing-word", "vi")
    finally:
        del messages.CATALOGUE["test.snippet.missing-word"]
