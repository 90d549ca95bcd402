"""Real packets through a built network, planned from netaudit's matrix.

For every cell of the audit JSON (``matrix[]``): the witness packet of a *reachable* cell
(source, destination, protocol, ports as the JSON gives them), and a sample of the packet
space of every other cell — random source addresses of the source zone, random destination
addresses of the destination zone (its host, the edges of the prefixes the rules name),
ports the rules and listeners name (and their neighbours) or random ones, TCP/UDP/ICMP echo
and other protocols, and the NAT-translated forms (a DNAT rule's public address and port
whose translation lands in the zone).  Every probe is a connection-opening packet: TCP SYN,
UDP, ICMP echo request, or a bare IP packet of another protocol.

Sending: a raw Ethernet frame from the source zone's host namespace (AF_PACKET on ``eth0``)
to the router's MAC, with the probe's source address — the host needs no address of its own
for it.  Each probe carries a unique IP id, a total length of :data:`MAGIC_LEN` and a random
16-byte token at the start of its payload.

Detection: *delivered to a zone* = the frame arrives in the zone's host namespace (an
AF_PACKET socket on ``eth0``; the IP header must be the probe's own, with the token at the
start of its payload — an ICMP error quoting a probe does not count), with a destination
address the zone owns, whether a listener answers or not.  *Delivered to @devices* = the
packet passes every input chain of a router toward a service the router listens on, or is
an ICMP echo request, which Linux answers (netaudit's control plane: docs/semantics.md;
input to a closed port is recorded, not counted): an nft rule in its own ``inet`` table at the
input hook with the highest priority, which only records ``ip id`` of packets of length
:data:`MAGIC_LEN` in a dynamic set.  The kernel is told every neighbour (permanent ARP
entries for probed addresses, hosts and transit peers) so that no probe waits for, or is
lost in, address resolution.
"""

from __future__ import annotations

import contextlib
import ctypes
import ipaddress
import json
import os
import random
import socket
import struct
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from .build import Lab, sh
from .generator import Network, Zone

MAGIC_LEN = 977  # IP total length of every probe
CLONE_NEWNET = 0x40000000
ETH_P_ALL = 0x0003
ETH_P_IP = 0x0800
PROTOS = {"tcp": 6, "udp": 17, "icmp": 1}
PROTO_NAMES = {v: k for k, v in PROTOS.items()}
SAMPLES_PER_CELL = 12
DEVICES = "@devices"

COUNTER = f"""
table inet ndcount {{
    set seen {{ typeof ip id; flags dynamic; size 65535; }}
    chain input {{
        type filter hook input priority 2147483647; policy accept;
        ip length {MAGIC_LEN} update @seen {{ ip id }}
    }}
}}
"""

_libc = ctypes.CDLL(None, use_errno=True)


@contextlib.contextmanager
def netns(name: str) -> Iterator[None]:
    """Run the block in namespace ``name`` (this thread only); sockets opened inside stay
    in that namespace."""
    home = os.open("/proc/self/ns/net", os.O_RDONLY)
    fd = os.open(f"/run/netns/{name}", os.O_RDONLY)
    try:
        if _libc.setns(fd, CLONE_NEWNET):
            raise OSError(ctypes.get_errno(), f"setns {name}")
        yield
    finally:
        _libc.setns(home, CLONE_NEWNET)
        os.close(fd)
        os.close(home)


@dataclass
class Probe:
    id: int  # IP id, unique per network
    src_zone: str
    cell: str  # the destination the probe was planned for (zone, @devices)
    kind: str  # witness | sample | dnat
    src: str
    dst: str
    proto: int
    sport: int = 0
    dport: int = 0
    icmp_type: int = 8
    icmp_code: int = 0
    token: str = ""
    arrived: list[str] = field(default_factory=list)  # "zone:dst-address" or "@devices:router"

    def service(self) -> str:
        name = PROTO_NAMES.get(self.proto, str(self.proto))
        if self.proto in (6, 17):
            return f"{name}/{self.dport}"
        if self.proto == 1:
            return f"icmp/{self.icmp_type}"
        return f"proto/{self.proto}"

    def text(self) -> str:
        return f"{self.service()} {self.src}:{self.sport} -> {self.dst}:{self.dport}"

    def to_dict(self) -> dict:
        return asdict(self)


# -- packets -----------------------------------------------------------------------------
def _csum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def frame(p: Probe, src_mac: str, dst_mac: str) -> bytes:
    src, dst = ipaddress.ip_address(p.src).packed, ipaddress.ip_address(p.dst).packed
    token = bytes.fromhex(p.token)
    if p.proto == 6:
        hlen = 20
    elif p.proto in (17, 1):
        hlen = 8
    else:
        hlen = 0
    payload = token + b"\0" * (MAGIC_LEN - 20 - hlen - len(token))
    if p.proto == 6:
        hdr = struct.pack("!HHIIBBHHH", p.sport, p.dport, random.getrandbits(32), 0, 5 << 4, 0x02, 64240, 0, 0)
    elif p.proto == 17:
        hdr = struct.pack("!HHHH", p.sport, p.dport, 8 + len(payload), 0)
    elif p.proto == 1:
        hdr = struct.pack("!BBHHH", p.icmp_type, p.icmp_code, 0, p.id, 1)
    else:
        hdr = b""
    seg = hdr + payload
    if p.proto in (6, 17):
        pseudo = src + dst + struct.pack("!BBH", 0, p.proto, len(seg))
        c = _csum(pseudo + seg) or 0xFFFF
        off = 16 if p.proto == 6 else 6
        seg = seg[:off] + struct.pack("!H", c) + seg[off + 2 :]
    elif p.proto == 1:
        seg = seg[:2] + struct.pack("!H", _csum(seg)) + seg[4:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(seg), p.id, 0, 64, p.proto, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", _csum(ip)) + ip[12:]
    return bytes.fromhex(dst_mac.replace(":", "")) + bytes.fromhex(src_mac.replace(":", "")) + b"\x08\x00" + ip + seg


def parse(data: bytes) -> tuple[int, str, bytes] | None:
    """(ip id, destination, token) of a frame whose IP header is a probe's, else None."""
    if len(data) < 34 or data[12:14] != b"\x08\x00":
        return None
    ip = data[14:]
    ihl = (ip[0] & 0x0F) * 4
    total, ident, proto = struct.unpack("!H", ip[2:4])[0], struct.unpack("!H", ip[4:6])[0], ip[9]
    if ip[0] >> 4 != 4 or total != MAGIC_LEN or len(ip) < total:
        return None
    if proto == 6:
        off = ihl + (ip[ihl + 12] >> 4) * 4
    elif proto in (17, 1):
        off = ihl + 8
    else:
        off = ihl
    return ident, socket.inet_ntoa(ip[16:20]), ip[off : off + 16]


# -- the plan ----------------------------------------------------------------------------
def usable(net: ipaddress.IPv4Network) -> tuple[int, int]:
    return int(net.network_address) + 1, int(net.broadcast_address) - 1


class Planner:
    def __init__(self, network: Network, audit: dict, seed: int) -> None:
        self.net = network
        self.audit = audit
        self.rnd = random.Random(seed * 7919 + 17)
        self.next_id = self.rnd.randint(1, 20000)
        self.probes: list[Probe] = []
        self.router_addrs = {a for _r, _i, a in network.router_addresses()}
        self.ports = sorted({p for r in network.routers for p in r.ports} | self._listener_ports())
        self.used: set[tuple] = set()

    def _listener_ports(self) -> set[int]:
        svcs = [s for z in self.net.zones for s in z.listeners] + [s for r in self.net.routers for s in r.listeners]
        return {int(s.split("/")[1]) for s in svcs}

    def add(self, **kw) -> Probe:
        p = Probe(id=self.next_id, token=self.rnd.randbytes(16).hex(), **kw)
        self.next_id = (self.next_id % 65535) + 1
        key = (p.src, p.dst, p.proto, p.sport, p.dport)
        if p.proto in (6, 17) and key in self.used:
            p.sport = self.rnd.randint(1024, 65535)
        self.used.add((p.src, p.dst, p.proto, p.sport, p.dport))
        self.probes.append(p)
        return p

    def address(self, zone: Zone, edges: bool = True) -> str:
        net = ipaddress.ip_network(zone.subnet)
        lo, hi = usable(net)
        x = self.rnd.random()
        cands: list[int] = []
        if edges and x < 0.35:
            for r in self.net.routers:
                for pfx in r.prefixes:
                    p = ipaddress.ip_network(pfx)
                    if p.overlaps(net):
                        for a in (int(p.network_address), int(p.broadcast_address)):
                            cands += [a - 1, a, a + 1]
            cands = [a for a in cands if lo <= a <= hi]
        if x > 0.75:
            return zone.host
        for _ in range(20):
            a = self.rnd.choice(cands) if cands else self.rnd.randint(lo, hi)
            s = str(ipaddress.ip_address(a))
            if s not in self.router_addrs:
                return s
        return zone.host

    def service(self) -> dict:
        x = self.rnd.random()
        if x < 0.75:
            proto = 6 if x < 0.4 else 17
            y = self.rnd.random()
            if y < 0.7 and self.ports:
                port = self.rnd.choice(self.ports) + self.rnd.choice([0, 0, 0, -1, 1])
            else:
                port = self.rnd.randint(1, 65535)
            port = min(max(port, 1), 65535)
            return {"proto": proto, "sport": self.rnd.randint(1024, 65535), "dport": port}
        if x < 0.92:
            return {"proto": 1, "icmp_type": 8}
        return {"proto": self.rnd.choice([47, 47, 253])}

    def plan(self) -> list[Probe]:
        zones = {z.name: z for z in self.net.zones}
        for cell in self.audit.get("matrix", []):
            a, b = cell["src"], cell["dst"]
            if a not in zones or (b not in zones and b != DEVICES):
                continue
            w = cell.get("witness")
            if cell["verdict"] == "reachable" and w:
                pk = w["packet"]
                proto = PROTOS.get(pk["proto"])
                if proto is None:
                    proto = int(pk["proto"]) if str(pk["proto"]).isdigit() else 253
                self.add(
                    src_zone=a,
                    cell=b,
                    kind="witness",
                    src=pk["src_ip"],
                    dst=pk["dst_ip"],
                    proto=proto,
                    sport=pk.get("src_port", 0),
                    dport=pk.get("dst_port", 0),
                    icmp_type=pk.get("icmp_type", 8),
                    icmp_code=pk.get("icmp_code", 0),
                )
            if b == DEVICES:
                self.plan_devices(zones[a])
            else:
                self.plan_zone(zones[a], zones[b])
        return self.probes

    def plan_zone(self, a: Zone, b: Zone) -> None:
        for _ in range(SAMPLES_PER_CELL):
            self.add(
                src_zone=a.name, cell=b.name, kind="sample", src=self.address(a), dst=self.address(b), **self.service()
            )
        bnet = ipaddress.ip_network(b.subnet)
        for r in self.net.routers:
            for d in r.dnat:
                if ipaddress.ip_address(d.to) in bnet:
                    for port in {d.port, d.port + 1, d.port - 1} - {0, 65536}:
                        self.add(
                            src_zone=a.name,
                            cell=b.name,
                            kind="dnat",
                            src=self.address(a),
                            dst=d.public,
                            proto=PROTOS[d.proto],
                            sport=self.rnd.randint(1024, 65535),
                            dport=port,
                        )

    def plan_devices(self, a: Zone) -> None:
        addrs = sorted(self.router_addrs)
        for addr in self.rnd.sample(addrs, min(len(addrs), 4)):
            rt = next(r for r, _i, x in self.net.router_addresses() if x == addr)
            for svc in [*self.net.router(rt).listeners, "icmp/8"]:
                proto, port = svc.split("/")
                extra = (
                    {"icmp_type": 8}
                    if proto == "icmp"
                    else {"sport": self.rnd.randint(1024, 65535), "dport": int(port)}
                )
                self.add(
                    src_zone=a.name,
                    cell=DEVICES,
                    kind="sample",
                    src=self.address(a),
                    dst=addr,
                    proto=PROTOS[proto],
                    **extra,
                )


# -- sending and detection ---------------------------------------------------------------
def neighbours(lab: Lab, probes: list[Probe]) -> None:
    """Permanent ARP entries: every probed address of a zone and its host on the zone's
    router, every transit peer — nothing waits for (or is dropped during) resolution."""
    net = lab.net
    lines: dict[str, list[str]] = {r.name: [] for r in net.routers}
    dsts = {p.dst for p in probes} | {d.to for r in net.routers for d in r.dnat}
    for z in net.zones:
        znet = ipaddress.ip_network(z.subnet)
        mac = lab.macs[(z.name, "eth0")]
        for d in sorted(dsts | {z.host}):
            if ipaddress.ip_address(d) in znet and d != z.gw:
                lines[z.router].append(f"neigh replace {d} lladdr {mac} dev {z.ifname} nud permanent")
    for lk in net.links:
        lines[lk.a].append(f"neigh replace {lk.b_addr} lladdr {lab.macs[(lk.b, lk.b_if)]} dev {lk.a_if} nud permanent")
        lines[lk.b].append(f"neigh replace {lk.a_addr} lladdr {lab.macs[(lk.a, lk.a_if)]} dev {lk.b_if} nud permanent")
    for name, ls in lines.items():
        lab.batch(name, ls)


def install_counters(lab: Lab) -> None:
    for r in lab.net.routers:
        lab.exec(r.name, "nft", "-f", "-", input=COUNTER)


def read_counters(lab: Lab, name: str) -> set[int]:
    out = lab.exec(name, "nft", "-j", "list", "set", "inet", "ndcount", "seen").stdout
    for obj in json.loads(out)["nftables"]:
        if "set" in obj:
            return {int(e) for e in obj["set"].get("elem", [])}
    return set()


def send(lab: Lab, probes: list[Probe], settle: float = 0.3) -> None:
    """Send every probe and record where it arrived (``Probe.arrived``)."""
    net = lab.net
    zones = {z.name: z for z in net.zones}
    neighbours(lab, probes)
    install_counters(lab)
    sniff: dict[str, socket.socket] = {}
    try:
        for z in net.zones:
            with netns(lab.ns(z.name)):
                s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
            s.setsockopt(socket.SOL_SOCKET, 33, 16 << 20)  # SO_RCVBUFFORCE
            s.bind(("eth0", 0))
            s.setblocking(False)
            sniff[z.name] = s
        by_zone: dict[str, list[Probe]] = {}
        for p in probes:
            by_zone.setdefault(p.src_zone, []).append(p)
        for zname, ps in by_zone.items():
            z = zones[zname]
            with netns(lab.ns(zname)):
                tx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
            try:
                tx.bind(("eth0", 0))
                src_mac, dst_mac = lab.macs[(zname, "eth0")], lab.macs[(z.router, z.ifname)]
                for i, p in enumerate(ps):
                    tx.send(frame(p, src_mac, dst_mac))
                    if i % 16 == 15:
                        time.sleep(0.002)
            finally:
                tx.close()
        time.sleep(settle)
        by_id = {p.id: p for p in probes}
        for zname, s in sniff.items():
            znet = ipaddress.ip_network(zones[zname].subnet)
            while True:
                try:
                    data, addr = s.recvfrom(65535)
                except BlockingIOError:
                    break
                if addr[2] == socket.PACKET_OUTGOING:
                    continue
                got = parse(data)
                if not got:
                    continue
                ident, dst, token = got
                p = by_id.get(ident)
                if p is None or token.hex() != p.token:
                    continue
                where = f"{zname}:{dst}" if ipaddress.ip_address(dst) in znet else f"{zname}(not its address):{dst}"
                if where not in p.arrived:
                    p.arrived.append(where)
        for r in net.routers:
            for ident in read_counters(lab, r.name):
                p = by_id.get(ident)
                if p is not None:
                    # netaudit's @devices is a router's control plane: a listening service
                    # (or ICMP echo, which Linux answers); input to a closed port is not.
                    served = p.service() in r.listeners or (p.proto == 1 and p.icmp_type == 8)
                    p.arrived.append(f"{DEVICES}:{r.name}" if served else f"{DEVICES}(no listener):{r.name}")
    finally:
        for s in sniff.values():
            s.close()


def delivered_to(p: Probe) -> set[str]:
    """The destinations (zone names, @devices) a probe was delivered to."""
    out = set()
    for where in p.arrived:
        head = where.split(":", 1)[0]
        if "(" not in head:
            out.add(head)
    return out


__all__ = ["DEVICES", "Planner", "Probe", "delivered_to", "send", "sh"]
