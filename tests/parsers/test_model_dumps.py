"""Every fixture and sample config parses to the vendor-neutral model stored next to it.

The dump, its conventions and how to regenerate it: tests/model_dump.py.
"""

from __future__ import annotations

import json

import pytest
from model_dump import (
    COMMAND,
    FIXTURES,
    MODEL,
    SAMPLES,
    SUFFIX,
    config_of,
    diff,
    dump_file,
    expected_path,
    fixture_configs,
    rel,
    secret_values,
    to_text,
)

from netaudit.secrets import distinctive

CONFIGS = fixture_configs()


def test_every_fixture_folder_and_sample_office_is_found():
    found = {p.parent for p in CONFIGS}
    # nmap/ holds scans (live evidence, tests/live), not device configurations.
    folders = [d for d in FIXTURES.iterdir() if d.is_dir() and d != MODEL and d.name != "nmap"]
    folders += [d for d in SAMPLES.iterdir() if (d / "site.yaml").is_file()]  # blueprints/: intent files
    assert [rel(d) for d in folders if d not in found] == []


def test_no_expected_dump_without_its_config():
    orphans = [rel(p) for p in FIXTURES.rglob("*" + SUFFIX) if config_of(p) not in CONFIGS]
    assert orphans == [], f"expected dumps whose config is gone (renamed? delete them or move them along): {orphans}"


@pytest.mark.parametrize("config", CONFIGS, ids=rel)
def test_model_dump(config):
    expected = expected_path(config)
    if not expected.is_file():
        pytest.fail(
            f"{rel(config)} has no expected model dump {rel(expected)}: write it with "
            f"`{COMMAND} {rel(config)}` (or `make model-dumps`), then review it",
            pytrace=False,
        )
    want = expected.read_text(encoding="utf-8")
    got = to_text(dump_file(config))
    if json.loads(got) != json.loads(want):
        pytest.fail(
            f"{rel(config)} no longer parses to {rel(expected)}.\n{diff(want, got, config.name)}\n"
            f"If the change is intended: `{COMMAND} {rel(config)}` and review the diff.",
            pytrace=False,
        )


@pytest.mark.parametrize("config", CONFIGS, ids=rel)
def test_model_dump_holds_no_secret(config):
    expected = expected_path(config)
    if not expected.is_file():
        pytest.skip("no expected dump (test_model_dump fails for it)")
    text = expected.read_text(encoding="utf-8")
    leaked = sorted(s for s in secret_values(config) if distinctive(s) and s in text)
    assert not leaked, f"{rel(expected)} holds {len(leaked)} secret value(s) of {config.name}"
