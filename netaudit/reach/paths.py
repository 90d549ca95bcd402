"""How packet sets travel: paths (steps after a parent, merges), the work list, and the
state of one source zone's propagation."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from ..headerspace import Bdd, Packet
from ..messages import Text, with_text
from ..model import MgmtService, NatRule, PolicyRoute, Route

# --------------------------------------------------------------------------- paths


@dataclass(frozen=True)
class Step:
    """One thing that happened to a packet set at a device."""

    kind: str  # inject | filter | route | nat | service | deliver | l2
    device: str = ""
    in_if: str | None = None
    out_if: str | None = None
    filter: str | None = None  # filter name (kind == filter)
    route: Route | None = None
    nat: NatRule | None = None
    nat_fields: tuple = ()  # fields rewritten
    pre: Bdd | None = None  # set before a NAT step (for witness pre-images)
    service: MgmtService | None = None
    policy_route: PolicyRoute | None = None
    cites: tuple = ()  # config lines behind an l2 step (why the hosts share a segment)
    note: str = ""  # a messages.Text where a report shows it (l2 steps)


@dataclass(frozen=True)
class Path:
    """How a packet set got here: a step after a parent path."""

    step: Step
    parent: Path | Merge | None = None


@dataclass(frozen=True)
class Merge:
    """Sets that met at one location before it was processed: ``alts`` are
    (set, path) pairs; a packet took the path of an alternative whose set holds it."""

    alts: tuple


# The first element of a routing work item (Work.append_route): no device's name.
ROUTE = object()


class Work:
    """The work list: sets queued for the same location are merged until it is
    processed (certain ones; uncertain ones keep their own reasons).

    Two kinds of location: an interface a set arrives on (``(dev, ifn)``, popped as
    ``(dev, ifn, P, certain, reason, path)``), and a device's routing in one VRF
    (:meth:`append_route`, popped as ``(ROUTE, (dev, vrf), P, True, None, path)``) for sets past
    their ingress on a device whose forwarding never looks at the ingress interface:
    every interface's arrivals then take one destination lookup instead of one each."""

    def __init__(self) -> None:
        self.order: deque = deque()
        self.pending: dict[tuple, list] = {}

    def append(self, item) -> None:
        dev, ifn, P, certain, _reason, path = item
        if not certain:
            self.order.append(item)
            return
        self._merge((dev, ifn), P, path)

    def append_route(self, dev: str, vrf: str, P, path) -> None:
        """Certain packets ``P`` for ``dev``'s routing in ``vrf``."""
        self._merge((ROUTE, dev, vrf), P, path)

    def _merge(self, key: tuple, P, path) -> None:
        slot = self.pending.get(key)
        if slot is None:
            self.pending[key] = [P, [(P, path)]]
            self.order.append(key)
        else:
            slot[0] = slot[0] | P
            slot[1].append((P, path))

    def __bool__(self) -> bool:
        return bool(self.order)

    def popleft(self):
        item = self.order.popleft()
        if len(item) == 6:
            return item
        P, alts = self.pending.pop(item)
        path = alts[0][1] if len(alts) == 1 else Merge(tuple(alts))
        if item[0] is ROUTE:
            return ROUTE, (item[1], item[2]), P, True, None, path
        return item[0], item[1], P, True, None, path


def extend(path: Path | Merge | None, step: Step) -> Path:
    """``path`` followed by ``step``."""
    return Path(step, path)


def sent_before(hs, chunks: list, budget: int = 20_000) -> Bdd | None:
    """The packets as their source sent them of certain deliveries ``chunks`` ([(set,
    path)]): back along each path, through merges (the alternatives' sets) and NAT steps
    (pre-images).  None past ``budget`` path nodes (a path too branched to undo)."""
    out = hs.false
    left = [budget]

    def back(P, node) -> Bdd | None:
        while node is not None:
            left[0] -= 1
            if left[0] < 0:
                return None
            if isinstance(node, Merge):
                got = hs.false
                for u, alt in node.alts:
                    Q = P & u
                    if Q != hs.false:
                        sub = back(Q, alt)
                        if sub is None:
                            return None
                        got |= sub
                return got
            st = node.step
            if st.kind == "nat":
                assert st.pre is not None, "a NAT step keeps the set before it"
                P = st.pre & hs.exist(st.nat_fields, P)
            node = node.parent
        return P

    for P, path in chunks:
        got = back(P, path)
        if got is None:
            return None
        out |= got
    return out


# --------------------------------------------------------------------------- results


@dataclass
class Witness:
    """A concrete packet and its hop-by-hop path with the config lines of each hop."""

    packet: Packet
    hops: list[dict]

    def to_json(self) -> dict:
        """Its JSON form: a note or a cited text netaudit wrote (a filter's default action)
        in both languages too (``note_text``, ``text_text``)."""
        hops = [with_text({**h, "rules": [with_text(r, "text") for r in h["rules"]]}, "note") for h in self.hops]
        return {"packet": self.packet.to_json(), "hops": hops}


@dataclass
class Delivery:
    """What a run delivered to one zone: certainly, and maybe (with the first reason)."""

    certain: Bdd
    maybe: Bdd
    chunks: list = field(default_factory=list)  # [(set, path)] of certain deliveries
    maybe_reason: Text | None = None


@dataclass
class Denied:
    """What one filter application of a run denied, as its blocked cells ask
    (:meth:`~netaudit.reach.witness.Witnesses.blocking_lines`)."""

    count: int  # how many of the application's sets ``arrived`` unites (a run may add more)
    arrived: Bdd  # their union: every packet that arrived at the application
    # A range of destination addresses that holds every one of ``arrived``'s: a blocked
    # cell whose destinations lie outside it asks nothing of the application.
    dst_span: tuple[int, int]
    asked: int = 0  # cells answered one by one
    # Once asked again and again: the whole denial split by first match, ([(a denying or
    # partial line's index, the packets it takes)], the packets no line takes).
    split: tuple[list, Bdd] | None = None


@dataclass
class Run:
    """State of one source zone's propagation."""

    deliveries: dict[str, Delivery]
    # (dev, filter, in, out) -> [the packets the filter lets through there, [the sets it
    # was applied to], whether the first is the whole filter's set (not its read of the
    # packets outside its destination blocks alone: Engine.apply_filter)]: what it denied
    # is their union minus the first, computed only for the packets of a blocked cell
    # that asks (most applications deny nothing anyone asks about).
    denials: dict[tuple, list] = field(default_factory=dict)
    # (dev, filter, in, out) -> what it denied, as the blocked cells ask: built by the first
    # blocked cell that asks (Witnesses.blocking_lines).
    applied: dict[tuple, Denied] = field(default_factory=dict)
    # Packets for the devices' own addresses, evaluated once per interface at the end.
    control: dict[tuple, list] = field(default_factory=dict)  # (dev, if, certain, reason) -> [(set, path)]
    # Packets that may be for a run-time address of the device (any candidate),
    # evaluated once per interface at the end: (dev, if, certain, reason) -> [(set, path)].
    runtime: dict[tuple, list] = field(default_factory=dict)
    drops: dict[tuple, Bdd] = field(default_factory=dict)  # (dev, why) -> set
    # Packets delivered to @devices by a VPN endpoint (True: model.VPN_ENDPOINTS) and by
    # anything else (False): a packet only a VPN endpoint takes is the edge's allowed
    # service from the Internet (policy.excess), whatever its port.
    devices_by_vpn: dict[bool, Bdd] = field(default_factory=dict)
    # Likewise by a captive portal's service (True: model.CAPTIVE_PORTAL_SERVICES) and by
    # anything else (False): a packet only the portal takes is a gateway service the
    # reference policy allows (policy.excess), whatever its port.
    devices_by_portal: dict[bool, Bdd] = field(default_factory=dict)
    # Packets sent onto a connected segment for addresses no zone there owns (a segment
    # the site does not cover): (dev, out interface) -> set.  No cell is about them;
    # `netaudit trace --to ADDRESS` is (they are not "blocked").
    unzoned: dict[tuple, Bdd] = field(default_factory=dict)
    # Policy-routing rules met that may or may not match (PolicyRoute.open_match), by
    # id, in the order met: Engine.run_zone follows each case.
    open_choices: dict[int, PolicyRoute] = field(default_factory=dict)
