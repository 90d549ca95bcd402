"""messages.t: a catalogue text with its fields filled in — where the text has none to
fill (a check's title or remediation, asked with every finding's fields), given back as
it is without the dict of rendered fields (its fast path)."""

from __future__ import annotations

import string

from netaudit import messages
from netaudit.checks import load_checks

load_checks()


def _names(text: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_catalogue_text_is_format_of_its_fields():
    """t(key, lang, **fields) == the text's str.format with those fields, for every
    non-neutral entry and language, given the fields every text names (and one more)."""
    fields: dict = {n: f"<{n}>" for e in messages.CATALOGUE.values() for v in e.values() for n in _names(v)}
    fields.pop("snippet", None)
    fields["unused"] = "x"
    asked = 0
    for key, entry in messages.CATALOGUE.items():
        if messages.NEUTRAL in entry:
            continue
        for lang in messages.LANGS:
            text = entry.get(lang) or entry["en"]
            try:
                want = text.format(**fields)
            except (ValueError, KeyError, AttributeError, IndexError, TypeError):
                continue  # a field read by attribute or format spec: not a plain string's
            assert messages.t(key, lang, **fields) == want, key
            asked += 1
    assert asked > 500
