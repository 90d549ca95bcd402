"""Mutation fuzzing in CI (issue #8): a fixed seed, a few mutants of every sample config.

The larger campaign (same harness, many more cases) is ``make bench``
(tests/bench/test_bench_fuzz.py)."""

from __future__ import annotations

import pytest

from tests import fuzz

SEED = 20261203
PER_FILE = 6


def test_mutants_never_crash_or_drop_devices_silently(tmp_path, capsys):
    count, problems = fuzz.run(SEED, PER_FILE, tmp_path)
    capsys.readouterr()
    assert count >= 6 * 11
    assert problems == []


@pytest.mark.parametrize("word", ["truncated", "inserted", "changed", "hostname"])
def test_mutant_generator_is_deterministic_and_covers_each_kind(word):
    a = [(m.file, m.how) for m in fuzz.mutants(SEED, PER_FILE)]
    b = [(m.file, m.how) for m in fuzz.mutants(SEED, PER_FILE)]
    assert a == b and any(word in h for _, h in a)
