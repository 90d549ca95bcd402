"""A line's conditions within a zone (``firewall._within``): the shortcut for a zone of
interfaces only gives what :func:`~netaudit.parsers.packet_sets.intersect_all` gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netaudit.parsers.openwrt.firewall import _within
from netaudit.parsers.packet_sets import ANY, Cond, intersect_all, norm

# ranges as conditions hold them: sorted and merged (packet_sets.norm), never empty
_RANGES = st.none() | st.lists(
    st.tuples(st.integers(0, 70), st.integers(0, 70)).map(sorted).map(tuple), min_size=1, max_size=3
).map(norm)
_IFACES = st.none() | st.frozensets(st.sampled_from(["br-lan", "wan", "eth0.2", "wg0"]), max_size=3)


@st.composite
def _cond(draw: st.DrawFn) -> Cond:
    return Cond(
        src=draw(_RANGES),
        dst=draw(_RANGES),
        proto=draw(_RANGES),
        sport=draw(_RANGES),
        dport=draw(_RANGES),
        itype=draw(_RANGES),
        icode=draw(_RANGES),
        est=draw(st.sampled_from([None, True, False])),
        inif=draw(_IFACES),
        outif=draw(_IFACES),
    )


@st.composite
def _zone(draw: st.DrawFn) -> list[Cond]:
    devices = draw(st.frozensets(st.sampled_from(["br-lan", "wan", "eth0.2", "wg0"]), min_size=1, max_size=3))
    subnet = draw(st.none() | _RANGES)
    return draw(
        st.sampled_from(
            [
                [],
                [Cond(inif=devices)],
                [Cond(outif=devices)],
                [Cond(inif=devices, src=subnet)],
                [Cond(outif=devices, dst=subnet)],
                [ANY],
            ]
        )
    )


@settings(max_examples=3000, deadline=None)
@given(zone=_zone(), conds=st.lists(_cond() | st.just(ANY), max_size=3))
def test_a_line_within_a_zone_as_intersect_all_gives_it(zone, conds):
    got = _within(zone, conds)
    assert got == intersect_all(zone, conds)
    if len(zone) <= 1:  # an egress is one condition or none: either order gives the same
        assert got == intersect_all(conds, zone)
    assert all(type(c) is Cond for c in got)
