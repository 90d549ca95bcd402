"""Witnesses and blame: a concrete packet of a delivered set with its hop-by-hop path
and the config lines that let it through; the lines and drops that stop a blocked one."""

from __future__ import annotations

from collections.abc import Callable

from .. import filters
from ..headerspace import Bdd, HeaderSpace, Packet, value_block
from ..messages import Text
from ..model import Action, Device
from ..topology import Topology
from .paths import Denied, Merge, Path, Run, Step, Witness


class Witnesses:
    """The engine's witnesses (a part of :class:`~netaudit.reach.engine.Engine`)."""

    # Set and defined by the engine.
    hs: HeaderSpace
    topo: Topology
    _compiled: Callable[..., filters.LineSets]
    _cache: dict

    def witness(self, path: Path, final_set, prefer=()) -> Witness:
        """A concrete packet of ``final_set`` and its hop-by-hop path with config lines."""
        return self.witness_of(path, self.delivered_packets(final_set, prefer)[-1], prefer)

    def delivered_packets(self, final_set, prefer=()) -> list[Packet]:
        """The packet a witness of ``final_set`` shows delivered, last, and the packets
        chosen before it: a subset of ``final_set`` that holds them all gives the same
        packet (:meth:`HeaderSpace.pick` keeps the same preferences — each met by the
        packet — and the packet is the least of those the larger set leaves)."""
        hs = self.hs
        pkt = hs.pick(final_set, prefer)
        assert pkt is not None, "a witness of an empty set"
        if pkt.src_ip == pkt.dst_ip:
            # Two zones on one segment each prefer its first host: a host writing to itself
            # reads as nonsense.  Another destination where the set has one.
            return [pkt, hs.pick(final_set, (~hs.eq("dst_ip", pkt.dst_ip), *prefer)) or pkt]
        return [pkt]

    def witness_of(self, path: Path, pkt: Packet, prefer=()) -> Witness:
        """The hop-by-hop path of ``pkt``, delivered by ``path``, with config lines."""
        hs = self.hs
        # Walk back to the source: through merges (the alternative holding the packet)
        # and NAT steps (pre-images), remembering the packet after each step.
        steps_rev: list[Step] = []
        after_rev: list[Packet] = []
        cur = pkt
        # The packet's set: built once per packet, not per alternative tried, and only
        # where a merge asks (most paths have none).
        cur_set: Bdd | None = None
        node: Path | Merge | None = path
        while node is not None:
            if isinstance(node, Merge):
                if cur_set is None:
                    cur_set = hs.packet(cur)
                node = next(p for u, p in node.alts if hs.meets(u, cur_set))
                continue
            st = node.step
            steps_rev.append(st)
            after_rev.append(cur)
            if st.kind == "nat":
                keep = hs.exist(st.nat_fields, hs.packet(cur))
                pre = hs.pick(st.pre & keep, prefer)
                assert pre is not None, "a NAT step without the pre-image of a packet it passed"
                cur = pre
                cur_set = None
            node = node.parent
        steps, packets_after = steps_rev[::-1], after_rev[::-1]
        origin = cur
        hops: list[dict] = []
        cur = origin
        hop: dict | None = None
        for i, st in enumerate(steps):
            if st.kind in ("inject", "deliver"):
                continue
            if st.kind == "enter":
                hop = {"device": st.device, "in": st.in_if, "out": None, "rules": []}
                hops.append(hop)
                continue
            if st.kind == "l2":
                if hop is not None and st.device == hop["device"]:
                    hop["note"] = Text("witness.notes", notes=(hop["note"], st.note)) if hop.get("note") else st.note
                    hop["rules"].extend(s.cite() for s in st.cites)  # a tunnel's crypto map entry
                else:
                    hops.append(
                        {
                            "device": None,
                            "in": None,
                            "out": None,
                            "note": st.note,
                            "rules": [s.cite() for s in st.cites],
                        }
                    )
                continue
            assert hop is not None, "a device step before the path entered a device"
            if st.out_if:
                hop["out"] = st.out_if
            if st.kind == "filter":
                assert st.filter is not None, "a filter step names its filter"
                dev = self.topo.devices[st.device]
                hop["rules"].append(self._matching_line(dev, st.filter, cur, st.in_if, st.out_if))
            elif st.kind == "route" and st.route is not None and st.route.source is not None:
                hop["rules"].append(st.route.source.cite())
            elif st.kind == "pbr" and st.policy_route is not None and st.policy_route.source is not None:
                pr, pr_src = st.policy_route, st.policy_route.source
                hop["rules"].append(pr_src.cite())
                if pr.open_match and pr.partial:
                    # a certain delivery through it: every case of the rule delivers
                    hop.setdefault("note", Text("witness.open_match", line=pr_src.line, detail=pr.partial))
            elif st.kind == "service" and st.service is not None:
                hop["to"] = f"control plane ({st.service.name})"
                if st.service.source is not None:
                    hop["rules"].append(st.service.source.cite())
            elif st.kind == "nat":
                cur = packets_after[i]
                if st.nat is not None and st.nat.source is not None:
                    hop["rules"].append({**st.nat.source.cite(), "translated": cur.to_json()})
                for cited in st.cites:  # a rewrite no NAT rule makes (a helper address)
                    hop["rules"].append({**cited.cite(), "translated": cur.to_json()})
        return Witness(origin, hops)

    def _matching_line(self, dev: Device, name: str, pkt: Packet, in_if, out_if) -> dict:
        """The config line that decided ``pkt`` in filter ``name`` (its default when none)."""
        flt = dev.filters[name]
        idx = filters.matching_line(self.hs, flt, self._compiled(dev, name, in_if, out_if), pkt)
        if idx is not None:
            return flt.lines[idx].source.cite()
        return _default_cite(dev, name, with_action=True)

    def blocking_lines(self, run: Run, target, limit: int = 10) -> list[dict]:
        """Filter lines (or implicit denies) that dropped packets of ``target``."""
        hs = self.hs
        found: dict[tuple, dict] = {}
        if target == hs.false:
            return []
        # The cell's lowest and highest destination, against each application's span: a
        # cell meets one or two of a run's applications (each VLAN's traffic its own), and
        # an AND with each of the others was 125,000 ANDs for 20,000 RouterOS rules, most
        # of the blocking lines' own time (issue #15).
        bounds_key = ("dst-bounds", target)
        bounds = self._cache.get(bounds_key)
        if bounds is None:
            bounds = self._cache[bounds_key] = value_block(target, hs.field_levels("dst_ip"), hs.false)
        low, high = bounds
        # In any order: a line found twice is the same entry, and the entries are sorted.
        for key, (allowed, sets, _whole) in run.denials.items():
            # A run's denials are per interface class; a cell's packets meet one or two.
            # (the union of the sets is built once per run and application, when a cell
            # first asks: a test of each set against each blocked cell's packets was a
            # question per set and cell, 150,000 for 20,000 RouterOS rules; issue #15)
            denied = run.applied.get(key)
            if denied is None or denied.count != len(sets):
                arrived = hs.false
                for applied in sets:
                    arrived |= applied
                denied = run.applied[key] = Denied(
                    len(sets), arrived, value_block(arrived, hs.field_levels("dst_ip"), hs.false)
                )
            span_low, span_high = denied.dst_span
            if span_high < low or high < span_low:
                continue  # no destination in common: nothing of the cell arrived there
            if denied.split is None and denied.asked < _ASKED_BEFORE_SPLIT:
                arrived = denied.arrived & target
                if arrived == hs.false:
                    continue
                # What the filter denied of the cell's packets is what arrived of them
                # minus what it allows: split from the (small) part that meets the
                # cell, never the whole denial (the allowed set is large).
                denied.asked += 1
                # Its destinations lie in both the cell's and the application's blocks.
                within = (max(low, span_low), min(high, span_high))
                taken, rest = self._denied_split(key, allowed, arrived, within)
                # Each part is of the cell's own packets: it meets them when it is not empty.
                own = True
            else:
                # Asked again and again (most cells of a row meet the same application:
                # 80 zones on one router): the whole denial split once, each cell's
                # lines the parts that meet it.  First match gives each packet its
                # line whatever the other packets, so the split of the cell's denied
                # packets is this split's intersection with them: the same lines.
                # Whether any of the cell's packets arrived is asked without building
                # them (80 zones: a large intersection for each of 6,320 cells).
                if not hs.meets(denied.arrived, target):
                    continue
                if denied.split is None:
                    denied.split = self._denied_split(key, allowed, denied.arrived, denied.dst_span)
                taken, rest = denied.split
                own = False
            dev, name = key[0], key[1]
            d = self.topo.devices[dev]
            for idx, part in taken:
                if (dev, name, idx) not in found and (part != hs.false if own else hs.meets(part, target)):
                    found[(dev, name, idx)] = {"device": dev, **d.filters[name].lines[idx].source.cite()}
            if (dev, name, -1) not in found and (rest != hs.false if own else hs.meets(rest, target)):
                found[(dev, name, -1)] = {"device": dev, **_default_cite(d, name, with_action=False)}
        return [found[k] for k in sorted(found, key=lambda k: (k[0], k[1], k[2]))][:limit]

    def _denied_split(self, key: tuple, allowed, packets, dst_within: tuple[int, int]) -> tuple[list, Bdd]:
        """The packets of ``packets`` that filter application ``key`` (device, filter,
        in, out) denies — those it does not allow (``allowed``) — split by first match:
        ([(a denying or partial line's index, the packets it takes)], the packets no
        line takes).  ``dst_within``: a range holding the packets' destinations, known
        already (the cell's and the application's blocks): a forest places them by it
        (linetree.LineForest._meeting) without reading their destinations again."""
        hs = self.hs
        if hs.within(packets, allowed):
            return [], hs.false
        dev, name, in_if, out_if = key
        d = self.topo.devices[dev]
        flt = d.filters[name]
        # First match through the filter's tree: only the lines that take packets.
        taken, rest = filters.line_tree(hs, flt, self._compiled(d, name, in_if, out_if)).first_match(
            packets & ~allowed, dst_within=dst_within
        )
        lines = flt.lines
        return [(idx, part) for idx, part in taken if lines[idx].action == Action.DENY or lines[idx].partial], rest

    def drop_reasons(self, run: Run, target, martian: bool = True) -> list[Text]:
        """Non-filter drops (no route, null route, routing off) that hit ``target``;
        ``martian=False`` leaves out the broadcast/multicast destinations every router
        drops (a zone owning "every other address" holds them: noise in a matrix cell)."""
        return [
            Text("drop.at", device=dev, why=why)
            for (dev, why), u in sorted(run.drops.items())
            if (martian or why.key != "drop.martian") and self.hs.meets(u, target)
        ]


# Blocked cells of a run answered one by one per filter application before its whole
# denial is split once for all (Witnesses.blocking_lines): the whole denial is far larger
# than one cell's part of it, so the split pays only where a row's cells keep asking the
# same application (80 zones on one router: 77 of 79 cells from the split), not where
# each asks its own (20,000 RouterOS rules, 50 VLANs: split for every cell, the blocking
# lines took 5.2-5.9 s instead of 1.1; issue #15, docs/performance.md).
_ASKED_BEFORE_SPLIT = 2


def _default_cite(dev: Device, name: str, with_action: bool) -> dict:
    """The citation of filter ``name``'s default action (what it does with a packet no
    line matches), at the filter's own line or, without one, the device's file: ``FILTER:
    SENTENCE`` (a blocking line), ``FILTER: SENTENCE (ACTION)`` (a witness path's step) as a
    catalogue :class:`Text`, so that a report words it in its language and the JSON
    carries both (``text_text``, docs/report.md); the filter's name is a field, as
    configured."""
    flt = dev.filters[name]
    src = flt.source
    if with_action:
        action = Text(f"filter.action.{flt.default_action.value}")
        text = Text("filter.default.cited_action", filter=name, what=flt.default_text, action=action)
    else:
        text = Text("filter.default.cited", filter=name, what=flt.default_text)
    return {"file": src.file if src else dev.file, "line": src.line if src else None, "text": text}
