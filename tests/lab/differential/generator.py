"""Seeded random small Linux networks for the differential test (issue #11, section 2).

``generate(seed)`` returns a :class:`Network`: 1–3 Linux routers joined by transit veths
(a chain or a star), 2–5 zones each on its own veth to one router with one host namespace
behind it, random addresses and prefixes (/16–/29; zones never overlap, routes may: a more
specific static route inside another route or inside a connected zone subnet), random static
routes (most right, some blackholed, some pointing the wrong way, some missing), at most one
policy-routing rule with a second table, the reverse-path filter, and a random netfilter
ruleset written either for ``nft -f`` or for ``iptables-restore``: ct state, ports (single,
ranges, sets, negated), protocols, address prefixes with negation, iifname/oifname, user
chains reached by jump and goto with return, accept/drop policies, DNAT in prerouting with
its forward rule, SNAT/masquerade in postrouting.

Everything is plain data (``Network.to_dict``) so that a disagreement can be written down
and replayed; the same seed always gives the same network.
"""

from __future__ import annotations

import ipaddress
import random
from dataclasses import asdict, dataclass, field

KINDS = ["internal", "guest", "server", "database", "management", "dmz", "camera", "kiosk"]
HOST_SERVICES = ["tcp/22", "tcp/80", "tcp/443", "tcp/445", "tcp/3389", "tcp/8080", "udp/53", "udp/123", "udp/161"]
ROUTER_SERVICES = ["tcp/22", "tcp/23", "tcp/80", "tcp/443", "tcp/8291", "udp/53", "udp/161", "udp/1900"]
# Address pools the generator draws zone subnets from: private ranges and a few public ones.
POOLS = [
    ipaddress.ip_network(p)
    for p in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "45.0.0.0/8", "198.18.0.0/15")
]
TRANSIT_POOL = ipaddress.ip_network("172.31.0.0/16")
PUBLIC_POOL = ipaddress.ip_network("203.0.113.0/24")
TABLE2 = 100  # the second routing table of the policy-routing rule


@dataclass
class Zone:
    name: str
    kind: str
    subnet: str  # "a.b.c.d/n"
    router: str  # router name (= hostname)
    ifname: str  # the router's interface toward the zone
    gw: str  # the router's address on it
    host: str  # the zone host's address
    listeners: list[str] = field(default_factory=list)


@dataclass
class Link:
    a: str
    a_if: str
    a_addr: str
    b: str
    b_if: str
    b_addr: str
    prefix: int


@dataclass
class Dnat:
    public: str  # the address the rule matches
    proto: str  # tcp | udp
    port: int
    to: str  # translated address
    to_port: int


@dataclass
class Router:
    name: str
    firewall: str  # nft | iptables
    rp_filter: int
    routes: list[str] = field(default_factory=list)  # `ip route add` arguments
    rules: list[str] = field(default_factory=list)  # `ip rule add` arguments
    ruleset: str = ""  # nft -f text or iptables-restore text
    listeners: list[str] = field(default_factory=list)
    dnat: list[Dnat] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)  # ports the rules name (probe sampling)
    prefixes: list[str] = field(default_factory=list)  # prefixes the rules name (probe sampling)


@dataclass
class Network:
    seed: int
    shape: str
    routers: list[Router]
    zones: list[Zone]
    links: list[Link]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Network:
        routers = [Router(**{**r, "dnat": [Dnat(**x) for x in r["dnat"]]}) for r in d["routers"]]
        return cls(d["seed"], d["shape"], routers, [Zone(**z) for z in d["zones"]], [Link(**x) for x in d["links"]])

    def router(self, name: str) -> Router:
        return next(r for r in self.routers if r.name == name)

    def router_addresses(self) -> list[tuple[str, str, str]]:
        """(router, interface, address) of every router interface."""
        out = [(z.router, z.ifname, z.gw) for z in self.zones]
        for lk in self.links:
            out += [(lk.a, lk.a_if, lk.a_addr), (lk.b, lk.b_if, lk.b_addr)]
        return out

    def neighbors(self, name: str) -> list[tuple[str, str, str]]:
        """(neighbor router, local interface, neighbor's address) of a router."""
        out = []
        for lk in self.links:
            if lk.a == name:
                out.append((lk.b, lk.a_if, lk.b_addr))
            elif lk.b == name:
                out.append((lk.a, lk.b_if, lk.a_addr))
        return out


class _Gen:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rnd = random.Random(seed)
        self.taken: list[ipaddress.IPv4Network] = []

    # -- addresses -------------------------------------------------------------------
    def subnet(self, plen: int, pool: ipaddress.IPv4Network | None = None) -> ipaddress.IPv4Network:
        for _ in range(1000):
            p = pool or self.rnd.choice(POOLS)
            base = int(p.network_address) + self.rnd.randrange(p.num_addresses)
            net = ipaddress.ip_network((base, max(plen, p.prefixlen)), strict=False)
            free = not any(net.overlaps(t) for t in self.taken) and not net.overlaps(PUBLIC_POOL)
            if free and (pool or not net.overlaps(TRANSIT_POOL)):
                self.taken.append(net)
                return net
        raise RuntimeError("address space exhausted")

    def hosts(self, net: ipaddress.IPv4Network, n: int) -> list[str]:
        first, last = int(net.network_address) + 1, int(net.broadcast_address) - 1
        picks: set[int] = set()
        while len(picks) < n:
            picks.add(self.rnd.randint(first, last))
        out = [str(ipaddress.ip_address(a)) for a in picks]
        self.rnd.shuffle(out)
        return out

    def subprefix(self, net: ipaddress.IPv4Network, max_len: int = 30) -> ipaddress.IPv4Network:
        plen = min(max_len, net.prefixlen + self.rnd.randint(1, 4))
        base = int(net.network_address) + self.rnd.randrange(net.num_addresses)
        return ipaddress.ip_network((base, plen), strict=False)

    # -- the network ------------------------------------------------------------------
    def network(self) -> Network:
        r = self.rnd
        nrouters = r.choice([1, 1, 2, 2, 3, 3])
        shape = "single" if nrouters == 1 else ("chain" if nrouters == 2 or r.random() < 0.5 else "star")
        names = [f"r{i + 1}" for i in range(nrouters)]
        routers = [
            Router(name=n, firewall=r.choice(["nft", "iptables"]), rp_filter=r.choice([0, 0, 1, 2])) for n in names
        ]
        links: list[Link] = []
        pairs = [(names[i], names[i + 1]) for i in range(nrouters - 1)]
        if shape == "star":
            pairs = [(names[0], n) for n in names[1:]]
        for a, b in pairs:
            net = self.subnet(r.choice([29, 30, 30]), TRANSIT_POOL)
            aa, bb = self.hosts(net, 2)
            links.append(Link(a, f"t-{b}", aa, b, f"t-{a}", bb, net.prefixlen))
        nzones = r.randint(2, 5)
        kinds = r.sample(KINDS, nzones)
        zones: list[Zone] = []
        for i in range(nzones):
            plen = r.choice([16, 20, 22, 24, 24, 24, 25, 26, 27, 28, 29])
            net = self.subnet(plen)
            gw, host = self.hosts(net, 2)
            rt = names[i % nrouters] if i < nrouters else r.choice(names)
            zones.append(
                Zone(
                    f"z{i + 1}", kinds[i], str(net), rt, f"z{i + 1}", gw, host, r.sample(HOST_SERVICES, r.randint(1, 3))
                )
            )
        net_ = Network(self.seed, shape, routers, zones, links)
        for rt in routers:
            rt.listeners = r.sample(ROUTER_SERVICES, r.randint(1, 3))
        for rt in routers:
            self.routes(net_, rt)
        if r.random() < 0.7:
            self.policy_rule(net_, r.choice(routers))
        for rt in routers:
            self.firewall(net_, rt)
        return net_

    # -- routing ------------------------------------------------------------------------
    def next_hop(self, net: Network, src: str, dst: str) -> tuple[str, str] | None:
        """(local interface, neighbor address) of the first hop from router src toward dst."""
        if src == dst:
            return None
        seen, todo = {src}, [(src, None)]
        while todo:
            cur, first = todo.pop(0)
            for nb, ifname, addr in net.neighbors(cur):
                if nb in seen:
                    continue
                hop = first or (ifname, addr)
                if nb == dst:
                    return hop
                seen.add(nb)
                todo.append((nb, hop))
        return None

    def routes(self, net: Network, rt: Router) -> None:
        r = self.rnd
        nbs = net.neighbors(rt.name)
        local_hosts = [z.host for z in net.zones if z.router == rt.name]
        targets = [ipaddress.ip_network(z.subnet) for z in net.zones if z.router != rt.name]
        targets += [
            ipaddress.ip_network(f"{lk.a_addr}/{lk.prefix}", strict=False)
            for lk in net.links
            if rt.name not in (lk.a, lk.b)
        ]
        owner = {z.subnet: z.router for z in net.zones}
        for lk in net.links:
            owner[str(ipaddress.ip_network(f"{lk.a_addr}/{lk.prefix}", strict=False))] = lk.a
        for t in targets:
            hop = self.next_hop(net, rt.name, owner[str(t)])
            x = r.random()
            if hop and x < 0.72:
                rt.routes.append(f"{t} via {hop[1]}")
            elif x < 0.8:
                rt.routes.append(f"blackhole {t}")
            elif x < 0.88:
                wrong = [a for _n, _i, a in nbs if not hop or a != hop[1]] + local_hosts
                if wrong:
                    rt.routes.append(f"{t} via {r.choice(wrong)}")
        if nbs and r.random() < 0.5:
            rt.routes.append(f"default via {r.choice(nbs)[2]}")
        elif r.random() < 0.15:
            rt.routes.append(r.choice(["blackhole default", "unreachable default"]))
        # More specific routes inside other routes or inside connected zone subnets.
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            z = r.choice(net.zones)
            znet = ipaddress.ip_network(z.subnet)
            if znet.prefixlen > 28:
                continue
            sub = self.subprefix(znet)
            gateways = [a for _n, _i, a in nbs] + [h for h in local_hosts if h != z.host]
            kind = r.random()
            if kind < 0.4 and gateways:
                rt.routes.append(f"{sub} via {r.choice(gateways)}")
            elif kind < 0.8:
                rt.routes.append(f"blackhole {sub}")
            else:
                rt.routes.append(f"unreachable {sub}")
        # Routes toward the DNAT public block (set when the firewall is generated) come later.

    def policy_rule(self, net: Network, rt: Router) -> None:
        r = self.rnd
        nbs = net.neighbors(rt.name)
        local = [z for z in net.zones if z.router == rt.name]
        pref = r.randint(100, 32000)
        sel = r.random()
        if sel < 0.4 and local:
            z = r.choice(local)
            znet = ipaddress.ip_network(z.subnet)
            p = znet if r.random() < 0.6 else self.subprefix(znet)
            match = f"from {p}"
        elif sel < 0.7:
            z = r.choice(net.zones)
            znet = ipaddress.ip_network(z.subnet)
            p = znet if r.random() < 0.6 else self.subprefix(znet)
            match = f"to {p}"
        elif local:
            match = f"iif {r.choice(local).ifname}"
        else:
            match = "from all"
        action = r.random()
        if action < 0.12:
            rt.rules.append(f"pref {pref} {match} {r.choice(['blackhole', 'unreachable', 'prohibit'])}")
            return
        rt.rules.append(f"pref {pref} {match} lookup {TABLE2}")
        for _ in range(r.randint(1, 2)):
            y = r.random()
            z = r.choice(net.zones)
            dst = r.choice(["default", z.subnet])
            if y < 0.5 and nbs:
                rt.routes.append(f"{dst} via {r.choice(nbs)[2]} table {TABLE2}")
            elif y < 0.75:
                rt.routes.append(f"blackhole {dst} table {TABLE2}")
            elif z.router == rt.name:
                rt.routes.append(f"{z.subnet} dev {z.ifname} table {TABLE2}")
            else:
                rt.routes.append(f"unreachable {dst} table {TABLE2}")

    # -- netfilter ---------------------------------------------------------------------
    def port_spec(self, rt: Router, services: list[str]) -> tuple[str, list]:
        """(proto, ports) where ports is a list of ints and (lo, hi) ranges."""
        r = self.rnd
        svc = r.choice(services) if services and r.random() < 0.6 else None
        proto = svc.split("/")[0] if svc else r.choice(["tcp", "udp"])
        ports: list = []
        for _ in range(r.choice([1, 1, 1, 2, 3])):
            if svc and not ports:
                ports.append(int(svc.split("/")[1]))
            elif r.random() < 0.3:
                lo = r.randint(1, 60000)
                ports.append((lo, lo + r.randint(1, 3000)))
            else:
                ports.append(r.choice([22, 23, 53, 80, 123, 161, 443, 445, 3389, 8080, r.randint(1, 65535)]))
        ports = _disjoint_ports(ports)
        for p in ports:
            rt.ports.extend(list(p) if isinstance(p, tuple) else [p])
        return proto, ports

    def prefix(self, net: Network, rt: Router) -> str:
        r = self.rnd
        z = r.choice(net.zones)
        znet = ipaddress.ip_network(z.subnet)
        x = r.random()
        if x < 0.5:
            p = znet
        elif x < 0.8:
            p = self.subprefix(znet, 32)
        elif x < 0.9:
            p = ipaddress.ip_network((int(ipaddress.ip_address(z.host)), 32))
        else:
            p = ipaddress.ip_network(
                (int(znet.network_address), max(8, znet.prefixlen - r.randint(1, 8))), strict=False
            )
        rt.prefixes.append(str(p))
        return str(p)

    def match(self, net: Network, rt: Router, hook: str, iptables: bool) -> dict:
        r = self.rnd
        ifs = [z.ifname for z in net.zones if z.router == rt.name] + [n[1] for n in net.neighbors(rt.name)]
        m: dict = {}
        if r.random() < 0.5 and ifs:
            m["iif"] = (r.sample(ifs, 1 if iptables else min(len(ifs), r.choice([1, 1, 2]))), r.random() < 0.15)
        if hook == "forward" and r.random() < 0.4 and ifs:
            m["oif"] = (r.sample(ifs, 1 if iptables else min(len(ifs), r.choice([1, 1, 2]))), r.random() < 0.15)
        for key in ("saddr", "daddr"):
            if r.random() < 0.35:
                n = 1 if iptables else r.choice([1, 1, 2])
                m[key] = (_disjoint([self.prefix(net, rt) for _ in range(n)]), r.random() < 0.2)
        x = r.random()
        services = rt.listeners if hook == "input" else [s for z in net.zones for s in z.listeners]
        if x < 0.5:
            proto, ports = self.port_spec(rt, services)
            if iptables and len(ports) > 1 and r.random() < 0.5:
                ports = ports[:1]
            m["proto"] = proto
            m["dport"] = (ports, r.random() < 0.12)
        elif x < 0.62:
            m["proto"] = r.choice(["tcp", "udp", "icmp"])
        elif x < 0.7:
            m["proto"] = "icmp"
            m["icmp"] = "echo-request"
        elif x < 0.73:
            m["proto"] = "gre"
        if r.random() < 0.12:
            m["ct"] = "new"
        if not iptables and r.random() < 0.05 and not m:
            pass
        return m

    def firewall(self, net: Network, rt: Router) -> None:
        r = self.rnd
        ipt = rt.firewall == "iptables"
        fwd_policy = r.choice(["accept", "drop", "drop"])
        in_policy = r.choice(["accept", "accept", "drop"])
        users = [f"u{i + 1}" for i in range(r.choice([0, 0, 1, 1, 2]))]
        chains: dict[str, list[dict]] = {"forward": [], "input": []}
        for u in users:
            chains[u] = []
        verdicts_base = ["accept", "accept", "drop", "reject"]

        def rule(hook: str, chain: str) -> dict:
            m = self.match(net, rt, hook, ipt)
            choices = list(verdicts_base)
            later = [u for u in users if chain == hook or users.index(u) > users.index(chain)]
            if later:
                choices += ["jump", "goto"]
            if chain in users:
                choices += ["return"]
            v = r.choice(choices)
            out = {"m": m, "v": v}
            if v in ("jump", "goto"):
                out["target"] = r.choice(later)
            return out

        for hook in ("forward", "input"):
            if r.random() < 0.7:
                chains[hook].append({"m": {"ct": "established,related"}, "v": "accept"})
            for _ in range(r.randint(1 if hook == "forward" else 0, 6 if hook == "forward" else 3)):
                chains[hook].append(rule(hook, hook))
        for u in users:
            hook = "forward"
            for _ in range(r.randint(1, 3)):
                chains[u].append(rule(hook, u))
        # Users chains must be reached: make sure one base rule jumps or goes to each.
        for u in users:
            if not any(x.get("target") == u for c in chains.values() for x in c):
                chains["forward"].insert(
                    r.randint(0, len(chains["forward"])),
                    {"m": self.match(net, rt, "forward", ipt), "v": r.choice(["jump", "goto"]), "target": u},
                )
        # NAT.
        pre: list[dict] = []
        post: list[dict] = []
        own = [a for rn, _i, a in net.router_addresses() if rn == rt.name]
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            z = r.choice(net.zones)
            to = z.host if r.random() < 0.7 else self.hosts(ipaddress.ip_network(z.subnet), 1)[0]
            if to in own:
                continue
            public = r.choice(own) if r.random() < 0.6 else str(PUBLIC_POOL[r.randint(1, 254)])
            proto = r.choice(["tcp", "udp"])
            listen = [int(s.split("/")[1]) for s in z.listeners if s.startswith(proto)]
            to_port = r.choice(listen) if listen and r.random() < 0.7 else r.randint(1, 65535)
            port = r.choice([to_port, r.randint(1024, 65535)])
            d = Dnat(public, proto, port, to, to_port)
            rt.dnat.append(d)
            rt.ports += [port, to_port]
            m: dict = {"daddr": ([f"{public}/32"], False), "proto": proto, "dport": ([port], False)}
            if r.random() < 0.3:
                ifs = [z.ifname for z in net.zones if z.router == rt.name] + [n[1] for n in net.neighbors(rt.name)]
                m["iif"] = ([r.choice(ifs)], False)
            pre.append({"m": m, "v": "dnat", "to": to, "to_port": to_port})
            if r.random() < 0.7:
                chains["forward"].insert(
                    1 if chains["forward"] and chains["forward"][0]["m"].get("ct") else 0,
                    {
                        "m": {"daddr": ([f"{to}/32"], False), "proto": proto, "dport": ([to_port], False)},
                        "v": "accept",
                    },
                )
        for _ in range(r.choice([0, 0, 1, 1, 2])):
            ifs = [n[1] for n in net.neighbors(rt.name)] + [z.ifname for z in net.zones if z.router == rt.name]
            oif = r.choice(ifs)
            m = {"oif": ([oif], False)}
            if r.random() < 0.5:
                m["saddr"] = ([r.choice(net.zones).subnet], False)
            if r.random() < 0.5:
                post.append({"m": m, "v": "masquerade"})
            else:
                addr = next((a for rn, i, a in net.router_addresses() if rn == rt.name and i == oif), own[0])
                post.append({"m": m, "v": "snat", "to": addr})
        second = None
        if not ipt and r.random() < 0.15:
            second = {"m": self.match(net, rt, "forward", False), "v": "drop"}
        if ipt:
            rt.ruleset = render_iptables(chains, fwd_policy, in_policy, users, pre, post)
        else:
            rt.ruleset = render_nft(chains, fwd_policy, in_policy, users, pre, post, second, r.choice(["inet", "ip"]))


def _disjoint(prefixes: list[str]) -> list[str]:
    """Prefixes of an nft set must not overlap: keep the first of overlapping ones."""
    out: list[ipaddress.IPv4Network] = []
    for p in map(ipaddress.ip_network, prefixes):
        if not any(p.overlaps(q) for q in out):
            out.append(p)
    return [str(p) for p in out]


def _disjoint_ports(ports: list) -> list:
    out: list = []
    for p in ports:
        lo, hi = p if isinstance(p, tuple) else (p, p)
        if not any(
            lo <= (q[1] if isinstance(q, tuple) else q) and (q[0] if isinstance(q, tuple) else q) <= hi for q in out
        ):
            out.append(p)
    return out


# -- rendering ---------------------------------------------------------------------------
def _ports_nft(ports: list) -> str:
    items = [f"{p[0]}-{p[1]}" if isinstance(p, tuple | list) else str(p) for p in ports]
    return items[0] if len(items) == 1 else "{ " + ", ".join(items) + " }"


def _set_nft(values: list[str], quote: bool = False) -> str:
    items = [f'"{v}"' if quote else v for v in values]
    return items[0] if len(items) == 1 else "{ " + ", ".join(items) + " }"


def nft_match(m: dict) -> str:
    parts = []
    if "ct" in m:
        parts.append(f"ct state {m['ct']}")
    for key, word in (("iif", "iifname"), ("oif", "oifname")):
        if key in m:
            vals, neg = m[key]
            parts.append(f"{word} {'!= ' if neg else ''}{_set_nft(vals, True)}")
    for key, word in (("saddr", "ip saddr"), ("daddr", "ip daddr")):
        if key in m:
            vals, neg = m[key]
            parts.append(f"{word} {'!= ' if neg else ''}{_set_nft(vals)}")
    proto = m.get("proto")
    if proto and "dport" in m:
        ports, neg = m["dport"]
        parts.append(f"{proto} dport {'!= ' if neg else ''}{_ports_nft(ports)}")
    elif proto == "icmp" and "icmp" in m:
        parts.append(f"icmp type {m['icmp']}")
    elif proto:
        parts.append(f"meta l4proto {proto}" if proto != "gre" else "ip protocol gre")
    return " ".join(parts)


def _nft_rule(x: dict) -> str:
    v = x["v"]
    verdict = {"jump": f"jump {x.get('target')}", "goto": f"goto {x.get('target')}"}.get(v, v)
    if v == "dnat":
        verdict = f"dnat to {x['to']}:{x['to_port']}"
    elif v == "snat":
        verdict = f"snat to {x['to']}"
    m = nft_match(x["m"])
    return f"{m} {verdict}".strip()


def render_nft(chains, fwd_policy, in_policy, users, pre, post, second, family) -> str:
    # An inet-family NAT statement needs the address family: "dnat ip to".
    lines = ["flush ruleset", f"table {family} fw {{"]
    for hook, policy in (("input", in_policy), ("forward", fwd_policy)):
        lines.append(f"\tchain {hook} {{")
        lines.append(f"\t\ttype filter hook {hook} priority filter; policy {policy};")
        lines += [f"\t\t{_nft_rule(x)}" for x in chains[hook]]
        lines.append("\t}")
    for u in users:
        lines.append(f"\tchain {u} {{")
        lines += [f"\t\t{_nft_rule(x)}" for x in chains[u]]
        lines.append("\t}")
    lines.append("}")
    if second:
        lines += [
            "table ip fw2 {",
            "\tchain forward {",
            "\t\ttype filter hook forward priority 10; policy accept;",
            f"\t\t{_nft_rule(second)}",
            "\t}",
            "}",
        ]
    if pre or post:
        lines.append("table ip nat {")
        lines.append("\tchain prerouting {")
        lines.append("\t\ttype nat hook prerouting priority dstnat; policy accept;")
        lines += [f"\t\t{_nft_rule(x)}" for x in pre]
        lines.append("\t}")
        lines.append("\tchain postrouting {")
        lines.append("\t\ttype nat hook postrouting priority srcnat; policy accept;")
        lines += [f"\t\t{_nft_rule(x)}" for x in post]
        lines.append("\t}")
        lines.append("}")
    return "\n".join(lines) + "\n"


def ipt_match(m: dict) -> str:
    parts = []
    for key, flag in (("iif", "-i"), ("oif", "-o"), ("saddr", "-s"), ("daddr", "-d")):
        if key in m:
            vals, neg = m[key]
            parts.append(f"{'! ' if neg else ''}{flag} {vals[0]}")
    proto = m.get("proto")
    if proto:
        parts.append(f"-p {proto}")
    if proto in ("tcp", "udp") and "dport" in m:
        ports, neg = m["dport"]
        items = [f"{p[0]}:{p[1]}" if isinstance(p, tuple | list) else str(p) for p in ports]
        bang = "! " if neg else ""
        if len(items) == 1:
            parts.append(f"-m {proto} {bang}--dport {items[0]}")
        else:
            parts.append(f"-m multiport {bang}--dports {','.join(items)}")
    elif proto == "icmp" and "icmp" in m:
        parts.append(f"-m icmp --icmp-type {m['icmp']}")
    if "ct" in m:
        parts.append(f"-m conntrack --ctstate {m['ct'].upper().replace(',', ',')}")
    return " ".join(parts)


def _ipt_rule(chain: str, x: dict) -> str:
    v = x["v"]
    target = {
        "accept": "-j ACCEPT",
        "drop": "-j DROP",
        "reject": "-j REJECT",
        "return": "-j RETURN",
        "jump": f"-j {x.get('target')}",
        "goto": f"-g {x.get('target')}",
        "masquerade": "-j MASQUERADE",
    }.get(v, "")
    if v == "dnat":
        target = f"-j DNAT --to-destination {x['to']}:{x['to_port']}"
    elif v == "snat":
        target = f"-j SNAT --to-source {x['to']}"
    m = ipt_match(x["m"])
    return f"-A {chain} {m} {target}".replace("  ", " ")


def render_iptables(chains, fwd_policy, in_policy, users, pre, post) -> str:
    lines = ["*filter", f":INPUT {in_policy.upper()} [0:0]", f":FORWARD {fwd_policy.upper()} [0:0]"]
    lines.append(":OUTPUT ACCEPT [0:0]")
    lines += [f":{u} - [0:0]" for u in users]
    for hook, name in (("input", "INPUT"), ("forward", "FORWARD")):
        lines += [_ipt_rule(name, x) for x in chains[hook]]
    for u in users:
        lines += [_ipt_rule(u, x) for x in chains[u]]
    lines.append("COMMIT")
    if pre or post:
        lines += ["*nat", ":PREROUTING ACCEPT [0:0]", ":INPUT ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]"]
        lines.append(":POSTROUTING ACCEPT [0:0]")
        lines += [_ipt_rule("PREROUTING", x) for x in pre]
        lines += [_ipt_rule("POSTROUTING", x) for x in post]
        lines.append("COMMIT")
    return "\n".join(lines) + "\n"


def _finish(gen: _Gen, net: Network) -> Network:
    """Routes toward DNAT public addresses that are not a router's own (other routers)."""
    owners = {a for _r, _i, a in net.router_addresses()}
    for rt in net.routers:
        for d in rt.dnat:
            if d.public in owners:
                continue
            for other in net.routers:
                if other.name == rt.name:
                    continue
                hop = gen.next_hop(net, other.name, rt.name)
                if hop and gen.rnd.random() < 0.8:
                    route = f"{d.public}/32 via {hop[1]}"
                    if route not in other.routes:
                        other.routes.append(route)
    for rt in net.routers:
        rt.routes = _unique_routes(rt.routes)
    return net


def _unique_routes(routes: list[str]) -> list[str]:
    """One route per (table, destination): the kernel refuses a second one."""
    seen, out = set(), []
    for route in routes:
        words = route.split()
        dst = words[1] if words[0] in ("blackhole", "unreachable", "prohibit") else words[0]
        dst = "0.0.0.0/0" if dst == "default" else str(ipaddress.ip_network(dst, strict=False))
        table = words[words.index("table") + 1] if "table" in words else "main"
        if (table, dst) not in seen:
            seen.add((table, dst))
            out.append(route)
    return out


def generate(seed: int) -> Network:
    g = _Gen(seed)
    return _finish(g, g.network())


if __name__ == "__main__":  # pragma: no cover - a look at one network
    import json
    import sys

    n = generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
    print(json.dumps(n.to_dict(), indent=1))
    for rt in n.routers:
        print(f"--- {rt.name} ({rt.firewall})\n{rt.ruleset}")
