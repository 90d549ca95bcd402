"""Every sample intent (sample_configs/blueprints/) generates a network its own audit proves."""

from __future__ import annotations

import pytest
from helpers import SAMPLES

from netaudit.blueprint import generate

INTENTS = sorted((SAMPLES / "blueprints").glob("*.yaml"))


def test_one_intent_per_unit_type_and_edge_vendor():
    assert {p.stem for p in INTENTS} == {"commune-routeros", "ward-ios", "ttpvhcc-fortios", "department-asa"}


@pytest.mark.parametrize("intent", INTENTS, ids=lambda p: p.stem)
def test_sample_intent_proof_holds(intent, tmp_path):
    result = generate(intent, tmp_path / "out", pdf=False)
    assert result.proof.holds, result.proof.lines()
