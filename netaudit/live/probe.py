"""``netaudit probe``: send a :class:`~netaudit.live.plan.Plan` from inside a zone with scapy
and classify what comes back (netaudit/live/evidence.py), as a ``netaudit/probes/v1`` document.

How: one sniffer (scapy ``AsyncSniffer``) on the vantage interface records every packet
addressed to us while the probes leave through one raw IPv4 socket (the kernel routes and
resolves the next hop), paced by a token bucket (``rate`` per second, bursts of at most
``rate / 20``).  Each probe has its own TCP/UDP source port or ICMP sequence number, so an
answer, an RST or an ICMP error quoting the probe is matched to it exactly.  Sending stops
at the global time bound (``max_time``, answers awaited within it); probes not sent are
left out of the document and counted in ``plan.not_sent``.  After a SYN-ACK the kernel
resets the half-open connection by itself.

scapy is imported here only (never on the ``netaudit audit`` path).
"""

from __future__ import annotations

import os
import random
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..messages import Text
from ..model import InputError
from .evidence import ANSWERED, NO_ANSWER, PROHIBITED, REFUSED, SCHEMA
from .plan import Plan, Target
from .vantage import gateway_mac, vantage_info

PROHIBITED_CODES = (9, 10, 13)  # ICMP 3/9, 3/10, 3/13: administratively prohibited
_SPORT_BASE = 40000
TRACE_HOPS = 8  # default; a commune office is two or three routers deep
MAX_TRACE_HOPS = 30


class NoPrivilege(InputError):
    """Raw sockets need root or CAP_NET_RAW."""


def can_send_raw() -> bool:
    if os.geteuid() == 0:
        return True
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("CapEff:"):
                    return bool(int(line.split()[1], 16) & (1 << 13))  # CAP_NET_RAW
    except OSError:
        pass
    return False


def parse_rate(text: str) -> float:
    """``200/s``, ``200`` or ``12000/m`` → probes per second."""
    t = str(text).strip().lower()
    num, _, unit = t.partition("/")
    try:
        value = float(num)
    except ValueError:
        raise InputError(Text("live.error.rate", value=repr(text))) from None
    per = {"": 1.0, "s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0}.get(unit)
    if per is None or not value > 0:
        raise InputError(Text("live.error.rate", value=repr(text)))
    return value / per


class TokenBucket:
    """``rate`` tokens per second, at most ``burst`` stored; :meth:`take` sleeps until one is there."""

    def __init__(self, rate: float, burst: float | None = None, clock=time.monotonic, sleep=time.sleep):
        self.rate = rate
        self.burst = max(1.0, burst if burst is not None else rate / 20)
        self.tokens = 1.0
        self.clock, self.sleep = clock, sleep
        self.last = clock()

    def take(self) -> None:
        while True:
            now = self.clock()
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
            self.last = now
            if self.tokens >= 1 - 1e-9:
                self.tokens -= 1
                return
            self.sleep((1 - self.tokens) / self.rate)


@dataclass
class _Sent:
    target: Target
    key: tuple
    sent_at: float
    result: str = NO_ANSWER
    detail: str = ""
    hop: str | None = None
    rtt_ms: float | None = None


@dataclass
class Options:
    rate: float = 200.0
    timeout: float = 1.0
    max_time: float = 300.0
    iface: str | None = None
    traces: bool = False
    trace_hops: int = TRACE_HOPS
    ssid: str | None = None  # the Wi-Fi network, when the operator says (else looked up)
    # Trace destinations, zone -> address (netaudit scan); None = one per zone of the plan.
    trace_to: dict[str, str] | None = None
    progress: Callable[[int, int, int], None] | None = None
    # Every packet about to leave (tests assert what was sent); None = nothing recorded.
    sent_log: list | None = field(default=None)


def _packet(t: Target, index: int, icmp_id: int):
    from scapy.layers.inet import ICMP, IP, TCP, UDP

    proto, _, port = t.service.partition("/")
    sport = _SPORT_BASE + index % 20000
    if proto == "tcp":
        seq = random.getrandbits(32)
        return IP(dst=t.dst) / TCP(sport=sport, dport=int(port), flags="S", seq=seq), ("tcp", t.dst, sport, int(port))
    if proto == "udp":
        dport = int(port)
        return IP(dst=t.dst) / UDP(sport=sport, dport=dport) / _udp_payload(dport), ("udp", t.dst, sport, dport)
    seq = index % 65536
    return IP(dst=t.dst) / ICMP(type=8, id=icmp_id, seq=seq), ("icmp", t.dst, icmp_id, seq)


def _udp_payload(dport: int):
    from scapy.packet import Raw

    if dport == 53:
        from scapy.layers.dns import DNS, DNSQR

        return DNS(rd=1, qd=DNSQR(qname="netaudit.invalid"))
    if dport == 161:
        from scapy.asn1.asn1 import ASN1_OID
        from scapy.layers.snmp import SNMP, SNMPget, SNMPvarbind

        return SNMP(community="public", PDU=SNMPget(varbindlist=[SNMPvarbind(oid=ASN1_OID("1.3.6.1.2.1.1.1.0"))]))
    return Raw(b"netaudit")


def _key_of_reply(pkt, own: set[str]):
    """(key of the probe it answers, kind, source) for a packet addressed to us, else None."""
    from scapy.layers.inet import ICMP, IP, TCP, UDP, ICMPerror, IPerror, TCPerror, UDPerror

    if IP not in pkt or pkt[IP].dst not in own:
        return None
    ip = pkt[IP]
    if TCP in pkt and not isinstance(pkt[TCP], TCPerror):
        return ("tcp", ip.src, pkt[TCP].dport, pkt[TCP].sport), "tcp", ip.src
    if UDP in pkt and not isinstance(pkt[UDP], UDPerror) and ICMP not in pkt:
        return ("udp", ip.src, pkt[UDP].dport, pkt[UDP].sport), "udp", ip.src
    if ICMP in pkt:
        icmp = pkt[ICMP]
        if icmp.type == 0:
            return ("icmp", ip.src, icmp.id, icmp.seq), "echo-reply", ip.src
        if icmp.type in (3, 11) and IPerror in pkt:
            inner = pkt[IPerror]
            if TCPerror in pkt:
                key: tuple = ("tcp", inner.dst, pkt[TCPerror].sport, pkt[TCPerror].dport)
            elif UDPerror in pkt:
                key = ("udp", inner.dst, pkt[UDPerror].sport, pkt[UDPerror].dport)
            elif ICMPerror in pkt:
                key = ("icmp", inner.dst, pkt[ICMPerror].id, pkt[ICMPerror].seq)
            else:
                return None
            return key, f"icmp {icmp.type}/{icmp.code}", ip.src
    return None


def _classify(s: _Sent, pkt, kind: str, src: str) -> None:
    """Set the result of probe ``s`` from the packet that answers it (evidence.RESULTS)."""
    from scapy.layers.inet import ICMP, TCP

    dst = s.target.dst
    if kind == "tcp":
        flags = int(pkt[TCP].flags)
        if flags & 0x12 == 0x12:
            s.result, s.detail = ANSWERED, "SYN-ACK"
        elif flags & 0x04:
            s.result, s.detail = (REFUSED, "RST") if src == dst else (PROHIBITED, f"RST from {src}")
            s.hop = None if src == dst else src
        else:
            return
    elif kind in ("udp", "echo-reply"):
        s.result, s.detail = ANSWERED, "UDP reply" if kind == "udp" else "echo reply"
    else:
        icmp = pkt[ICMP]
        if icmp.type != 3:
            return
        detail = f"ICMP 3/{icmp.code} from {src}"
        if icmp.code in PROHIBITED_CODES or src != dst:
            s.result, s.detail, s.hop = PROHIBITED, detail, src
        else:  # port / protocol / host unreachable from the target itself
            s.result, s.detail = REFUSED, detail
    s.rtt_ms = round((float(pkt.time) - s.sent_at) * 1000, 2)


def trace_entry(zone: str, dst: str, hops: list, kinds: list) -> dict:
    """One trace as the document records it: the hops up to where the path ended — the
    destination answered, or a hop said "unreachable" (nothing beyond it answers to this
    trace), or the last hop that answered — and how it ended."""
    end, ended = len(hops), "silent"
    for i, (hop, kind) in enumerate(zip(hops, kinds, strict=True)):
        if hop is not None and hop == dst:
            end, ended = i + 1, "destination"
            break
        if kind is not None and kind.startswith("icmp 3/"):
            end, ended = i + 1, f"unreachable ({kind}) at {hop}"
            break
    out = hops[:end]
    if ended == "silent":
        while out and out[-1] is None:
            out = out[:-1]
    return {"zone": zone, "dst": dst, "hops": out, "ended": ended}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def run(plan: Plan, opts: Options) -> dict:
    """Send the plan and return the ``netaudit/probes/v1`` document."""
    if not can_send_raw():
        raise NoPrivilege("netaudit probe needs root or CAP_NET_RAW (raw sockets)")
    import logging

    logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
    import scapy.layers.inet
    import scapy.layers.l2  # noqa: F401  (dissection of what the sniffer captures)
    from scapy.sendrecv import AsyncSniffer

    vantage = vantage_info(opts.iface, plan.zone, opts.ssid)
    vantage["started"] = _now()
    own = {str(vantage["address"] or "").split("/")[0]} - {""}
    if not own:
        raise InputError(Text("live.error.no_address", interface=repr(vantage["interface"])))
    icmp_id = random.randrange(1, 65535)
    trace_id = (icmp_id + 1) % 65535 or 1
    sent: dict[tuple, _Sent] = {}
    order: list[_Sent] = []
    trace_hops: dict[tuple, tuple[str, int]] = {}  # key -> (zone, ttl)
    hops: dict[str, list] = {}
    hop_kinds: dict[str, list] = {}  # zone -> per TTL what answered (time exceeded, unreachable, echo reply)
    deadline = time.monotonic() + opts.max_time
    stop_sending = deadline - min(opts.timeout, opts.max_time / 2)

    def on_packet(pkt) -> None:
        found = _key_of_reply(pkt, own)
        if not found:
            return
        key, kind, src = found
        if key in trace_hops:
            zone, ttl = trace_hops[key]
            hops[zone][ttl - 1] = src
            hop_kinds[zone][ttl - 1] = kind
            return
        s = sent.get(key)
        if s is not None and s.result == NO_ANSWER:
            _classify(s, pkt, kind, src)

    sniffer = AsyncSniffer(iface=vantage["interface"], prn=on_packet, store=False)
    sniffer.start()
    time.sleep(0.2)  # the capture socket is open before the first probe leaves
    sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    bucket = TokenBucket(opts.rate)
    last = time.monotonic()
    try:
        queue: list[tuple[object, tuple, Target | None, tuple | None]] = []
        for i, t in enumerate(plan.targets):
            pkt, key = _packet(t, i, icmp_id)
            queue.append((pkt, key, t, None))
        if opts.traces:
            from scapy.layers.inet import ICMP, IP

            for zone, dst in (plan.addresses() if opts.trace_to is None else opts.trace_to).items():
                hops[zone] = [None] * opts.trace_hops
                hop_kinds[zone] = [None] * opts.trace_hops
                for ttl in range(1, opts.trace_hops + 1):
                    seq = len(trace_hops)
                    key = ("icmp", dst, trace_id, seq)
                    trace_hops[key] = (zone, ttl)
                    queue.append((IP(dst=dst, ttl=ttl) / ICMP(type=8, id=trace_id, seq=seq), key, None, (zone, dst)))
        total = len(plan.targets)
        for n, (pkt, key, target, _trace) in enumerate(queue):
            bucket.take()
            if time.monotonic() >= stop_sending:
                break
            data = bytes(pkt)  # type: ignore[call-overload]
            if opts.sent_log is not None:
                opts.sent_log.append(pkt)
            last = time.monotonic()
            if target is not None:
                s = _Sent(target, key, time.time())
                sent[key] = s
                order.append(s)
            try:
                sock.sendto(data, (key[1], 0))
            except OSError as e:  # no route, network unreachable: nothing left the host
                if target is not None:
                    s.detail = f"not sent: {e.strerror or e}"
            if opts.progress and n % 50 == 0:
                opts.progress(len(order), total, sum(1 for x in order if x.result != NO_ANSWER))
        wait = min(opts.timeout, max(0.0, deadline - time.monotonic()))
        time.sleep(max(0.0, last + wait - time.monotonic()))
    finally:
        sock.close()
        sniffer.stop()
    if opts.progress:
        opts.progress(len(order), len(plan.targets), sum(1 for x in order if x.result != NO_ANSWER))
    vantage["finished"] = _now()
    probes = [
        {
            "dst": s.target.dst,
            "zone": s.target.zone,
            "service": s.target.service,
            "result": s.result,
            "detail": s.detail,
            "hop": s.hop,
            "rtt_ms": s.rtt_ms,
        }
        for s in order
    ]
    traces = []
    dsts = plan.addresses() if opts.trace_to is None else opts.trace_to
    for zone, hs in hops.items():
        traces.append(trace_entry(zone, dsts[zone], hs, hop_kinds[zone]))
    hosts = []
    if vantage["gateway"]:
        hosts.append({"address": vantage["gateway"], "mac": gateway_mac(vantage["gateway"]), "how": "arp"})
    for s in order:
        if s.target.service == "icmp/8" and s.result == ANSWERED and s.target.dst not in [h["address"] for h in hosts]:
            hosts.append({"address": s.target.dst, "mac": None, "how": "echo"})
    from .. import __version__

    return {
        "schema": SCHEMA,
        "tool": {"name": "netaudit", "version": __version__},
        "vantage": vantage,
        "plan": {
            "from": plan.source,
            "sha256": plan.sha256,
            "rate": opts.rate,
            "timeout": opts.timeout,
            "max_probes": plan.max_probes,
            "max_time": opts.max_time,
            "planned": len(plan.targets),
            "not_sent": len(plan.targets) - len(order),
            "dropped_by_max_probes": plan.dropped,
        },
        "probes": probes,
        "traces": traces,
        "hosts": hosts,
        "refused_targets": plan.refused,
    }


def progress_printer(stream=None) -> Callable[[int, int, int], None] | None:
    """A one-line progress display on stderr when it is a terminal, else None."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None

    def show(done: int, total: int, answers: int) -> None:
        end = "\n" if done >= total else ""
        stream.write(f"\rnetaudit probe: {done}/{total} sent, {answers} answered or refused{end}")
        stream.flush()

    return show
