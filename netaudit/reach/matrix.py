"""The zone matrix: one cell per ordered pair of zones (and each zone → ``@devices``),
its verdict, services, witness or blocking lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..collector import collector_paused
from ..headerspace import Bdd, HeaderSpace, Packet
from ..messages import Text
from ..vocabulary import DEVICES_ZONE
from ..zones import PlacedZone
from .engine import Engine
from .paths import Run, Witness

if TYPE_CHECKING:
    from ..policy import Expectation

REACHABLE, BLOCKED, UNKNOWN = "reachable", "blocked", "unknown"


@dataclass
class Cell:
    src: str
    dst: str
    verdict: str
    services: list[str] = field(default_factory=list)
    witness: Witness | None = None
    # What chose the witness (witness_for): (the preferences, the packets picked).
    witness_choice: tuple[list, list[Packet]] | None = None
    reason: str | None = None  # a messages.Text (English as a str) when the engine wrote it
    blocking: list[dict] = field(default_factory=list)  # lines that stop the traffic
    # What else stops it, where no line does (no route, a null route, routing off): Texts.
    dropped: list = field(default_factory=list)
    replies_only: bool = False
    delivered: Bdd | None = None  # for checks
    maybe: Bdd | None = None
    # A reachable cell's packets that may be delivered too (a partial line or service on
    # their path), their services and why: the policy is proven only if they stay within it.
    maybe_services: list[str] = field(default_factory=list)
    maybe_reason: Text | None = None
    chunks: list = field(default_factory=list)  # [(set, path)] for witnesses
    expectation: Expectation | None = None  # set by the audit
    violation: bool = False  # verdict contradicts the expectation
    # Set by the audit: no delivered packet contradicts the expectation, but some packets
    # that may be delivered (``maybe``) would — not proven within the policy (unknown).
    may_violate: bool = False
    # Set by the audit: beyond the expectation by ICMP replies and errors only (they open
    # nothing: policy.ICMP_REPLIES_ERRORS), no violation.
    icmp_replies_only: bool = False
    # Packets delivered only with a forged source address (another zone's), and their paths.
    spoofed: Bdd | None = None
    spoofed_chunks: list = field(default_factory=list)
    # Packets that may be delivered only with a forged source (a forged delivery the
    # analysis cannot prove either way), and why: never silently "no spoofing".
    spoofed_maybe: Bdd | None = None
    spoofed_maybe_reason: Text | None = None
    # To @devices: the delivered packets that only a VPN endpoint takes (policy.excess).
    vpn_only: Bdd | None = None
    # To @devices: the delivered packets that only a captive portal's service takes.
    portal_only: Bdd | None = None


# --------------------------------------------------------------------------- matrix


def compute_matrix(engine: Engine, zone_names: list[str]) -> list[Cell]:
    """Every ordered pair of distinct zones plus every zone → @devices."""
    cells: list[Cell] = []
    for src in zone_names:
        engine.hs.grow_cache_if_hit()  # by the hit rate of the rows before (issue #15)
        cells.extend(compute_row(engine, src, zone_names))
    return cells


# The collector paused here too, not only in the audit (collector.collector_paused): a
# caller that computes rows itself (the per-source-zone bench, a library user) would
# otherwise run BDD work with it on, which bdd_manager.py forbids, and pay its full
# collections over the whole prepared model — a third of the Stanford backbone's first
# row (docs/performance.md, issue #15).
@collector_paused
def compute_row(engine: Engine, src: str, zone_names: list[str]) -> list[Cell]:
    """The cells of source zone ``src``: to every other zone of ``zone_names``, then to
    @devices (with its forged-source and reply deliveries).  Runs with the cyclic
    collector paused, what it built moved to the oldest generation
    (:func:`netaudit.collector.collector_paused`)."""
    hs = engine.hs
    pz = engine.zones[src]
    run = engine.run_zone(src)
    engine.strays[src] = run.unzoned
    row = [make_cell(engine, run, pz, dst) for dst in [z for z in zone_names if z != src] + [DEVICES_ZONE]]
    if pz.segment_sources is not None and pz.placed:
        _for_segment_sources(engine, pz, row)
    _to_segment_sources(engine, run, row)
    if engine.zone_sources(src) is not None and pz.placed and engine.source_sensitive():
        # Forged sources: what the zone delivers only by claiming others' addresses.
        forged = engine.run_zone(src, any_source=True)
        for c in row:
            d = forged.deliveries.get(c.dst)
            if d is None:
                continue
            # What the honest cell delivers, from any source address: built only where
            # asked.  The forged run most often delivers the cell's own packets and no
            # more (93 of 144 cells among 20,000 RouterOS rules): then nothing is extra,
            # and the quantification walked a 12,000-node set for nothing (issue #15).
            honest = None
            if c.delivered is not None and hs.within(d.certain, c.delivered):
                extra = hs.false  # each a packet of the cell's, so of ``honest``
            else:
                honest = _any_source(hs, c.delivered)
                extra = d.certain & ~honest
            if extra != hs.false:
                c.spoofed = extra
                c.spoofed_chunks = [(u & extra, p) for u, p in d.chunks if hs.meets(u, extra)]
            if d.maybe != hs.false:
                # What the honest cell may deliver is said there (unknown-verdict).
                if honest is None:
                    honest = _any_source(hs, c.delivered)
                if c.maybe is not None:
                    honest |= hs.exist(["src_ip"], c.maybe)
                unsure = d.maybe & ~honest & ~extra
                if unsure != hs.false:
                    c.spoofed_maybe, c.spoofed_maybe_reason = unsure, d.maybe_reason
    blocked = {c.dst for c in row if c.verdict == BLOCKED}
    if blocked:
        # Blocked for new connections; do replies (TCP ACK/RST, conntrack
        # established) get through?  Reported, never a "reachable".  Only the blocked
        # cells ask: the replies addressed to their zones are enough where no
        # destination is rewritten (a row's one open cell carried most of this run's
        # work among 20,000 RouterOS rules: issue #15).
        bound = engine.sent_to(blocked)
        replies = engine.run_zone(src, ~hs.new_connections if bound is None else ~hs.new_connections & bound)
        for c in row:
            d = replies.deliveries.get(c.dst)
            c.replies_only = c.verdict == BLOCKED and d is not None and d.certain != hs.false
    return row


def _any_source(hs: HeaderSpace, delivered: Bdd | None) -> Bdd:
    """A cell's delivered packets from any source address (None: none delivered)."""
    return hs.exist(["src_ip"], delivered) if delivered is not None else hs.false


def _for_segment_sources(engine: Engine, pz: PlacedZone, row: list[Cell]) -> None:
    """A zone whose declared subnets are not on its segment (PlacedZone.segment_sources):
    its hosts may send from the segment's addresses instead; a cell whose verdict differs
    between the two is unknown (a typo in the site file read "proven blocked")."""
    hs = engine.hs
    assert pz.segment_sources is not None
    sources = hs.dst_to_src(engine._ipset(pz.segment_sources))
    alt = engine.run_zone(pz.name, hs.new_connections & sources, any_source=True)
    why = _off_segment(pz)
    for k, c in enumerate(row):
        other = make_cell(engine, alt, pz, c.dst)
        if other.verdict == c.verdict:
            continue
        maybe = hs.false
        for cell in (c, other):
            for u in (cell.delivered, cell.maybe):
                if u is not None:
                    maybe |= u
        sure = UNKNOWN not in (c.verdict, other.verdict)  # else the unknown one says why
        reason = why if sure else c.reason or other.reason
        row[k] = Cell(c.src, c.dst, UNKNOWN, reason=reason, maybe=maybe, services=hs.services(maybe))


def _to_segment_sources(engine: Engine, run: Run, row: list[Cell]) -> None:
    """A blocked cell toward a zone whose declared subnets are not on its segment is
    unknown when packets reach that segment for the segment's own addresses: its hosts
    may be there (PlacedZone.segment_sources)."""
    hs = engine.hs
    for k, c in enumerate(row):
        dz = engine.zones.get(c.dst)
        if c.verdict != BLOCKED or dz is None or dz.segment_sources is None:
            continue
        seg = engine._ipset(dz.segment_sources)
        for (dev, ifn), u in run.unzoned.items():
            if engine.topo.l3_domain(dev, ifn) in dz.domains and hs.meets(u, seg):
                maybe = u & seg & hs.new_connections
                row[k] = Cell(c.src, c.dst, UNKNOWN, reason=_off_segment(dz), maybe=maybe, services=hs.services(maybe))
                break


def _off_segment(pz: PlacedZone) -> Text:
    assert pz.segment_sources is not None
    return Text(
        "reason.sources_off_segment",
        zone=pz.name,
        subnets=", ".join(str(n) for n in pz.zone.subnets),
        segment_subnets=", ".join(str(n) for n in pz.segment_sources.iter_cidrs()),
    )


def make_cell(engine: Engine, run: Run, pz: PlacedZone, dst: str) -> Cell:
    hs = engine.hs
    src = pz.name
    d = run.deliveries.get(dst)
    if not pz.placed:
        return Cell(src, dst, UNKNOWN, reason=unplaced_reason(pz))
    if d is not None and d.certain != hs.false:
        cell = Cell(
            src, dst, REACHABLE, services=hs.services(d.certain), delivered=d.certain, maybe=d.maybe, chunks=d.chunks
        )
        if d.maybe != hs.false and not hs.within(d.maybe, d.certain):
            cell.maybe_services = hs.services(d.maybe & ~d.certain)
            cell.maybe_reason = d.maybe_reason
        if dst == DEVICES_ZONE and True in run.devices_by_vpn:
            # What only a VPN endpoint takes, of what is delivered and what may be.
            cell.vpn_only = (d.certain | d.maybe) & run.devices_by_vpn[True] & ~run.devices_by_vpn.get(False, hs.false)
        if dst == DEVICES_ZONE and True in run.devices_by_portal:
            cell.portal_only = d.certain & run.devices_by_portal[True] & ~run.devices_by_portal.get(False, hs.false)
        cell.witness, cell.witness_choice = _witness_in(engine, cell, hs.true, _prefer(engine, pz, dst))
        return cell
    if d is not None and d.maybe != hs.false:
        return Cell(src, dst, UNKNOWN, reason=d.maybe_reason, maybe=d.maybe, services=hs.services(d.maybe))
    if dst != DEVICES_ZONE and not engine.zones[dst].placed:
        dz = engine.zones[dst]
        return Cell(src, dst, UNKNOWN, reason=unplaced_reason(dz))
    if engine.zone_addr[dst] == hs.false:
        # Nothing can be delivered to a zone that owns no address: not a proof of "blocked".
        return Cell(src, dst, UNKNOWN, reason=Text("reason.zone_no_addresses", zone=dst))
    unmodelled = engine.unmodelled_tunnel(src) or (engine.unmodelled_tunnel(dst) if dst != DEVICES_ZONE else None)
    if unmodelled is not None:
        # Behind a tunnel the snapshot does not model: what it carries is not known.
        return Cell(src, dst, UNKNOWN, reason=unmodelled)
    target = engine.zone_addr[dst]
    blocking, dropped = engine.blocking_lines(run, target), engine.drop_reasons(run, target, martian=False)
    return Cell(src, dst, BLOCKED, blocking=blocking, dropped=dropped)


def unplaced_reason(pz: PlacedZone) -> Text:
    """Why flows from or to a zone without attachment points are unknown."""
    if pz.problems:
        return Text("reason.zone_unplaced_problems", zone=pz.name, problems=tuple(pz.problems))
    return Text("reason.zone_unplaced", zone=pz.name)


def witness_for(engine: Engine, cell: Cell, target, pz: PlacedZone) -> Witness | None:
    """A witness among the cell's delivered packets that lie in ``target``.

    The cell's own witness where ``target`` holds the packets that chose it: its chunk
    is the first that is not empty, and of its packets that lie in ``target`` the same
    preferences pick the same packet (Witnesses.delivered_packets).  A violation's
    witness is most often the cell's (every one of ros20k and z80's): a pick in the
    large set and the walk were done twice (issue #15)."""
    hs = engine.hs
    prefer = _prefer(engine, pz, cell.dst)
    choice = cell.witness_choice
    if choice is not None and choice[0] is prefer and all(hs.contains(target, p) for p in choice[1]):
        return cell.witness
    return _witness_in(engine, cell, target, prefer)[0]


def _witness_in(
    engine: Engine, cell: Cell, target, prefer: list
) -> tuple[Witness | None, tuple[list, list[Packet]] | None]:
    """(a witness among the cell's delivered packets in ``target``, (``prefer``, the
    packets that chose it)), or (None, None)."""
    hs = engine.hs
    for chunk, path in cell.chunks:
        hit = chunk & target
        if hit != hs.false:
            packets = engine.delivered_packets(hit, prefer)
            return engine.witness_of(path, packets[-1], prefer), (prefer, packets)
    return None, None


def _prefer(engine: Engine, pz: PlacedZone, dst: str) -> list:
    """Witness preferences, applied in order while they leave packets: a source host of
    the zone that is not a router address, a destination host (not a network address),
    TCP first, then a well-known service port."""
    key = ("prefer", pz.name, dst)
    got = engine._cache.get(key)
    if got is None:
        got = engine._cache[key] = _preferences(engine, pz, dst)
    return got


# An Internet zone stands for every address no inside zone owns; its witness reads as a
# real Internet host (a well-known public resolver, else any public unicast address),
# never 0.0.0.0 or 1.0.0.0 (docs/report.md, "Witness packets").
_WELL_KNOWN_PUBLIC = ("8.8.8.8", "1.1.1.1")
_NOT_PUBLIC = (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
    "203.0.113.0/24", "224.0.0.0/3",
)  # fmt: skip


def _public(engine: Engine, field: str) -> list:
    """Preferences for an Internet endpoint in ``field``: public unicast, then a well-known host."""
    hs = engine.hs
    public = hs.true
    for net in _NOT_PUBLIC:
        public &= ~hs.prefix(field, net)
    return [public, *(hs.prefix(field, f"{addr}/32") for addr in _WELL_KNOWN_PUBLIC)]


def _internet(engine: Engine, zone: str) -> bool:
    placed = engine.zones.get(zone)
    return placed is not None and placed.zone.kind == "external" and not placed.zone.subnets


def _preferences(engine: Engine, pz: PlacedZone, dst: str) -> list:
    return [
        *_cached(engine, ("prefer-src", pz.name), lambda: _source_preferences(engine, pz)),
        *destination_preferences(engine, dst),
        *_cached(engine, ("prefer-runtime", None), lambda: _runtime_preferences(engine)),
        *_cached(engine, ("prefer-open", None), lambda: _open_address_preferences(engine)),
    ]


def _runtime_preferences(engine: Engine) -> list:
    """A packet addressed to a run-time address (a port forward on a DHCP/PPPoE WAN) is
    shown addressed to its representative, the address the reports say stands for "what
    the interface receives", not to some other candidate."""
    hs = engine.hs
    reps = hs.false
    for rep in engine.runtime_address.values():
        reps |= hs.eq("dst_ip", rep)
    return [reps] if reps != hs.false else []


def destination_preferences(engine: Engine, dst: str) -> list:
    """The witness preferences for the destination of a flow to ``dst``: a host, not a
    network or broadcast address (an Internet zone: a public one), then TCP, UDP or ICMP
    first and a well-known port — for a witness whose source is chosen otherwise (a
    forged one)."""
    to_internet = dst != DEVICES_ZONE and _internet(engine, dst)
    return [
        *_cached(engine, ("prefer-dst", dst), lambda: _destination_preferences(engine, dst)),
        *_cached(engine, ("prefer-service", to_internet), lambda: _service_preferences(engine, to_internet)),
    ]


def _cached(engine: Engine, key: tuple, make) -> list:
    """The preference parts shared by many cells: built once per source, per
    destination, and for the packet."""
    got = engine._cache.get(key)
    if got is None:
        got = engine._cache[key] = make()
    return got


# Subnets of a zone without declared subnets whose edge addresses a witness avoids.
_EDGES_MAX = 64


def _source_preferences(engine: Engine, pz: PlacedZone) -> list:
    hs = engine.hs
    prefs = []
    if pz.zone.subnets:
        u = hs.false
        for net in pz.zone.subnets:
            u |= hs.prefix("src_ip", net) & ~hs.eq("src_ip", int(net.network))
        prefs.append(u)
    elif _internet(engine, pz.name):
        prefs += _public(engine, "src_ip")
    else:
        # A zone without subnets owns its segments' connected subnets: a host of them,
        # not their network or broadcast address (a guest SSID's zone on a LAN bridge
        # read "tcp 192.168.217.0:1024 -> …").
        edges = hs.false
        for net in list(pz.owned.iter_cidrs())[:_EDGES_MAX]:
            if net.prefixlen < 31:
                edges |= hs.eq("src_ip", int(net.network)) | hs.eq("src_ip", int(net.broadcast))
        if edges != hs.false:
            prefs.append(~edges)
    prefs.append(~engine.device_src)
    return prefs


def _destination_preferences(engine: Engine, dst: str) -> list:
    hs = engine.hs
    prefs = []
    if dst != DEVICES_ZONE:
        for net in engine.zones[dst].zone.subnets:
            if net.prefixlen < 31:
                prefs.append(~hs.eq("dst_ip", int(net.network)) & ~hs.eq("dst_ip", int(net.broadcast)))
        if _internet(engine, dst):
            prefs += _public(engine, "dst_ip")
    return prefs


def _service_preferences(engine: Engine, to_internet: bool) -> list:
    hs = engine.hs
    prefs = []
    for proto in (6, 17, 1):
        prefs.append(hs.eq("proto", proto))
    if to_internet:
        prefs.append(hs.eq("dst_port", 443))  # what a host does on the Internet: the web
    well_known = hs.false
    for port in (22, 23, 53, 67, 80, 161, 443, 445, 3389):
        well_known |= hs.eq("dst_port", port)
    prefs.append(well_known)
    prefs.append(hs.eq("icmp_type", 8))
    return prefs


def _open_address_preferences(engine: Engine) -> list:
    # A destination the configurations leave open (a WAN address from DHCP/PPPoE, before
    # DNAT): an address of the documentation range, not 0.0.0.0.
    hs = engine.hs
    prefs = [~hs.prefix("dst_ip", "0.0.0.0/8")]
    prefs.append(hs.prefix("dst_ip", "203.0.113.0/24"))
    prefs.append(hs.prefix("dst_ip", "203.0.113.10/32"))
    return prefs
