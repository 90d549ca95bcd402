"""The address boxes of filter lines and their index (netaudit/line_overlap.py): a line's
boxes are its matches' spans, and the index's fast path for a line of one box answers as
its general reading does.  The matches are drawn by tests/test_filters.py's strategies.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit import line_overlap
from netaudit.model import Action, AddrMatch, FilterLine, Match
from tests.test_filters import _match, _spread_filter


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_match(), _spread_filter().map(lambda f: f.lines[0].matches[0] if f.lines else Match()))))
def test_a_lines_boxes_are_its_matches_spans(ms):
    """OverlapIndex.boxes (one box read directly for the common line) == the product of
    each match's source and destination spans, or their bounding box beyond _MAX_BOXES."""
    line = FilterLine(Action.DENY, ms, source=None)
    sides = [(line_overlap._spans(m.src, m.src_negate), line_overlap._spans(m.dst, m.dst_negate)) for m in ms]
    boxes = {(s[0], s[1], d[0], d[1]) for src, dst in sides for s in src for d in dst}
    if sum(len(src) * len(dst) for src, dst in sides) > line_overlap._MAX_BOXES:
        want = [
            (
                min(b[0] for b in boxes),
                max(b[1] for b in boxes),
                min(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
        ]
    else:
        want = sorted(boxes)
    assert line_overlap.OverlapIndex.boxes(line) == want


def _box():
    """An address box (source span by destination span): a host, a /24, a /16, wider,
    or every address — so that every bucket of OverlapIndex is drawn."""
    span = st.sampled_from([0, 255, 0xFFFF, 0xFFFFF]).flatmap(
        lambda w: st.integers(0, 3).map(lambda n: (((0x0A000000 | n << 8 | n) & ~w), (0x0A000000 | n << 8 | n) | w))
    )
    side = st.one_of(span, st.just(line_overlap._FULL))
    return st.tuples(side, side).map(lambda sd: sd[0] + sd[1])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_box(), min_size=1, max_size=3), max_size=30))
def test_the_one_box_path_of_the_address_index_is_the_general_reading(lines):
    """meeting_then_add for a line of one box (its own path: one _add inlined) answers and
    indexes as meeting then add do, line after line."""
    fast, general = line_overlap.OverlapIndex(), line_overlap.OverlapIndex()
    for idx, boxes in enumerate(lines):
        want = general.meeting(boxes)
        general.add(idx, boxes)
        assert fast.meeting_then_add(idx, boxes) == want
    assert (fast.cells, fast.everywhere) == (general.cells, general.everywhere)


def test_the_address_index_answers_only_where_it_may():
    index = line_overlap.OverlapIndex()
    host = FilterLine(Action.DENY, [Match(dst=(AddrMatch(0x0A0A0001, 0),))], source=None)
    wide = FilterLine(Action.DENY, [Match(dst=(AddrMatch.prefix("10.0.0.0/8"),))], source=None)
    other = FilterLine(Action.DENY, [Match(dst=(AddrMatch(0x0A0B0001, 0),))], source=None)
    index.add(0, index.boxes(host))
    assert index.meeting(index.boxes(other)) == []  # another /24: cannot meet
    assert index.meeting(index.boxes(host)) == [0]
    assert index.meeting(index.boxes(wide)) is None  # too wide to ask: the tree answers
    index.add(1, index.boxes(wide))
    assert index.meeting(index.boxes(other)) == [1]  # wide boxes are read by every query
