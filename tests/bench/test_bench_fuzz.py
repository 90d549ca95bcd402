"""The larger mutation-fuzzing campaign of issue #8 (``make bench``): the harness of
tests/fuzz.py with 60 mutants per sample config (about 1,000 whole audits) and another
seed.  Prints how many ran and lists every broken invariant."""

from __future__ import annotations

import contextlib
import io

from tests import fuzz

SEED = 8
PER_FILE = 60


def test_fuzz_campaign(benchmark, tmp_path):
    def campaign():
        with contextlib.redirect_stdout(io.StringIO()):
            return fuzz.run(SEED, PER_FILE, tmp_path)

    count, problems = benchmark.pedantic(campaign, rounds=1, iterations=1)
    print(f"\nfuzz campaign: {count} mutants, {len(problems)} broken invariants")
    assert problems == [], "\n".join(problems[:20])
