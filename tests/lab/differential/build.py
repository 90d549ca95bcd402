"""Build a generated :class:`~.generator.Network` for real: network namespaces, veth pairs,
addresses, routes, policy rules, sysctls, the netfilter ruleset, listeners.

Namespaces are ``nd-<tag>-<router>`` and ``nd-<tag>-<zone>`` with ``<tag>`` unique per
build, so parallel runs never collide; interface names live inside the namespaces (router
side: ``z1``… toward zones, ``t-r2``… toward routers; host side: ``eth0``).  Use it as a
context manager — the namespaces (and with them every veth) and the listener process are
removed on the way out, whatever happened::

    with Lab(generate(7)) as lab:
        ...
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid

from tests.lab.netns import sh, why_unavailable

from .generator import Network

# One process serves every listener of a network: it enters each namespace (setns), opens
# its sockets there, and answers (TCP: accept and close; UDP: read).
_LISTENER = r"""
import ctypes, json, os, selectors, socket, sys
libc = ctypes.CDLL(None, use_errno=True)
home = os.open("/proc/self/ns/net", os.O_RDONLY)
sel = selectors.DefaultSelector()
for ns, specs in json.loads(sys.argv[1]):
    fd = os.open(f"/run/netns/{ns}", os.O_RDONLY)
    if libc.setns(fd, 0x40000000):
        raise OSError(ctypes.get_errno(), "setns " + ns)
    os.close(fd)
    for spec in specs:
        proto, port = spec.split("/")
        if proto == "tcp":
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("0.0.0.0", int(port))); s.listen(64)
        else:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("0.0.0.0", int(port)))
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, proto)
libc.setns(home, 0x40000000)
print("ready", flush=True)
while True:
    for key, _ in sel.select():
        try:
            if key.data == "tcp":
                c, _ = key.fileobj.accept(); c.close()
            else:
                key.fileobj.recvfrom(4096)
        except OSError:
            pass
"""


def available() -> str | None:
    """Why the differential lab cannot run here, or None."""
    return why_unavailable("the differential test", ("ip", "nft", "iptables-restore", "iptables-save", "unshare"), "nd")


class Lab:
    def __init__(self, net: Network, tag: str | None = None) -> None:
        self.net = net
        self.tag = tag or uuid.uuid4().hex[:6]
        self.made: list[str] = []
        self.proc: subprocess.Popen | None = None
        self.macs: dict[tuple[str, str], str] = {}  # (namespace, ifname) -> MAC

    def ns(self, name: str) -> str:
        """Namespace of a router (``r1``) or of a zone's host (``z1``)."""
        return f"nd-{self.tag}-{name}"

    def exec(self, name: str, *cmd: str, check: bool = True, input: str | None = None) -> subprocess.CompletedProcess:
        return sh("ip", "netns", "exec", self.ns(name), *cmd, check=check, input=input)

    def batch(self, name: str, lines: list[str]) -> None:
        if lines:
            sh("ip", "-n", self.ns(name), "-batch", "-", input="\n".join(lines) + "\n")

    def __enter__(self) -> Lab:
        try:
            self.build()
        except BaseException:
            self.teardown()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.teardown()

    def build(self) -> None:
        net = self.net
        for name in [r.name for r in net.routers] + [z.name for z in net.zones]:
            sh("ip", "netns", "add", self.ns(name))
            self.made.append(self.ns(name))
        for rt in net.routers:
            # Interfaces take conf/default at creation: 0 everywhere, so that the effective
            # reverse-path filter is conf/all, the value the dump shows.
            self.exec(rt.name, "sysctl", "-qw", "net.ipv4.conf.default.rp_filter=0")
        cmds: dict[str, list[str]] = {n: ["link set lo up"] for n in [r.name for r in net.routers]}
        for z in net.zones:
            cmds[z.name] = ["link set lo up"]
        for lk in net.links:
            plen = lk.prefix
            cmds[lk.a].append(f"link add {lk.a_if} type veth peer name {lk.b_if} netns {self.ns(lk.b)}")
            cmds[lk.a] += [f"addr add {lk.a_addr}/{plen} dev {lk.a_if}", f"link set {lk.a_if} up"]
        for z in net.zones:
            plen = z.subnet.split("/")[1]
            cmds[z.name].append(f"link add eth0 type veth peer name {z.ifname} netns {self.ns(z.router)}")
            cmds[z.name] += [f"addr add {z.host}/{plen} dev eth0", "link set eth0 up"]
        # Order: link creation first (peers appear in the other namespaces).
        for name, lines in cmds.items():
            self.batch(name, lines)
        for lk in net.links:
            self.batch(lk.b, [f"addr add {lk.b_addr}/{lk.prefix} dev {lk.b_if}", f"link set {lk.b_if} up"])
        for z in net.zones:
            plen = z.subnet.split("/")[1]
            self.batch(z.router, [f"addr add {z.gw}/{plen} dev {z.ifname}", f"link set {z.ifname} up"])
            self.batch(z.name, [f"route add default via {z.gw}"])
        for rt in net.routers:
            ifs = [z.ifname for z in net.zones if z.router == rt.name] + [n[1] for n in net.neighbors(rt.name)]
            sysctls = [f"net.ipv4.conf.{i}.rp_filter=0" for i in ifs]
            sysctls += [f"net.ipv4.conf.all.rp_filter={rt.rp_filter}", "net.ipv4.ip_forward=1"]
            sysctls += ["net.ipv4.icmp_ratelimit=0"]
            self.exec(rt.name, "sysctl", "-qw", *sysctls)
            self.batch(rt.name, [f"route add {r}" for r in rt.routes] + [f"rule add {r}" for r in rt.rules])
            if rt.firewall == "nft":
                self.exec(rt.name, "nft", "-f", "-", input=rt.ruleset)
            else:
                self.exec(rt.name, "iptables-restore", input=rt.ruleset)
        for z in net.zones:
            self.exec(z.name, "sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.eth0.rp_filter=0")
        self.listen()
        self.read_macs()
        self.wait_carrier()

    def listen(self) -> None:
        spec = [[self.ns(z.name), z.listeners] for z in self.net.zones]
        spec += [[self.ns(r.name), r.listeners] for r in self.net.routers]
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _LISTENER, json.dumps(spec)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "ready":
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise RuntimeError(f"listeners did not start: {err}")

    def read_macs(self) -> None:
        for name in [r.name for r in self.net.routers] + [z.name for z in self.net.zones]:
            out = sh("ip", "-n", self.ns(name), "-j", "link", "show").stdout
            for link in json.loads(out):
                self.macs[(name, link["ifname"])] = link.get("address", "")

    def wait_carrier(self, timeout: float = 10.0) -> None:
        """Wait until every veth has its carrier.  The kernel reports a veth's carrier
        through its link watch, deferred by up to a second: a dump taken at once showed a
        zone interface ``NO-CARRIER`` and the first probes out of it were lost (seed 267,
        under load), a harness error read as netaudit's."""
        names = [r.name for r in self.net.routers] + [z.name for z in self.net.zones]
        deadline = time.monotonic() + timeout
        while True:
            down = [
                f"{name}:{link['ifname']}"
                for name in names
                for link in json.loads(sh("ip", "-n", self.ns(name), "-j", "link", "show").stdout)
                if link["ifname"] != "lo" and "NO-CARRIER" in link.get("flags", [])
            ]
            if not down:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"no carrier after {timeout} s: {', '.join(down)}")
            time.sleep(0.05)

    def teardown(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(timeout=10)
            for f in (self.proc.stdout, self.proc.stderr):
                if f:
                    f.close()
            self.proc = None
        for ns in reversed(self.made):
            sh("ip", "netns", "del", ns, check=False)
        self.made.clear()
