"""unreachable_lines against Batfish's own filterLineReachability answer on its example network."""

from __future__ import annotations

import json

import pytest
from helpers import CORPUS

from netaudit.checks.config import unreachable_lines
from netaudit.headerspace import HeaderSpace
from netaudit.parsers import cisco_ios

EXAMPLE = CORPUS / "batfish-example"


def normalise(text: str) -> str:
    return " ".join(text.split())


def row_key(sources, line, action, blocking, different, reason) -> tuple:
    return (tuple(sources), normalise(line), action, tuple(normalise(b) for b in blocking), bool(different), reason)


def batfish_rows() -> set[tuple]:
    answer = json.loads((EXAMPLE / "reference-answers" / "filterLineReachability.ref").read_text())
    return {
        row_key(
            r["Sources"],
            r["Unreachable_Line"],
            r["Unreachable_Line_Action"],
            r["Blocking_Lines"],
            r["Different_Action"],
            r["Reason"],
        )
        for r in answer[0]["rows"]
    }


def our_rows() -> set[tuple]:
    ios = cisco_ios
    hs = HeaderSpace()
    out = set()
    configs = sorted((EXAMPLE / "configs").glob("*.cfg"))
    assert len(configs) == 13
    for path in configs:
        for dev in ios.parse(path.read_text(), path.name).devices:
            for flt in dev.filters.values():
                for r in unreachable_lines(hs, dev, flt):
                    out.add(
                        row_key(
                            r["sources"],
                            r["unreachable_line"],
                            r["action"],
                            r["blocking_lines"],
                            r["different_action"],
                            r["reason"],
                        )
                    )
    return out


@pytest.mark.skipif(not EXAMPLE.is_dir(), reason=f"corpus not present at {EXAMPLE}")
def test_unreachable_lines_equal_batfish_answer():
    expected = batfish_rows()
    assert len(expected) == 2
    assert our_rows() == expected
