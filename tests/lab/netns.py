"""The probe lab: the network of tests/lab/office (lab-rt.cfg + site.yaml) built from network
namespaces, for tests that send real packets (tests/live/test_probe_lab.py).

Namespaces ``na-<tag>-guest``, ``-staff``, ``-srv``, ``-mgmt`` (one host each) and the
router ``na-<tag>-rtr`` (ip_forward=1, nftables :data:`RULES`), one veth pair per zone (this
kernel has no 802.1Q: one veth per VLAN).  ``<tag>`` is unique per lab so parallel runs
do not collide.  Listeners are python3 sockets: TCP 80, 443, 22 and UDP 53 on the server,
TCP 22 on the router (all addresses), TCP 445 on the staff host, TCP 8080 on the server
(reachable only when a test injects a rule the config does not have).

    guest 10.77.40.23 ─ 10.77.40.1 ┐
    staff 10.77.10.5  ─ 10.77.10.1 ├ na-rtr
    srv   10.77.20.10 ─ 10.77.20.1 │
    mgmt  10.77.99.10 ─ 10.77.99.1 ┘
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field

HOSTS = {  # zone -> (namespace suffix, router-side name, host address, router address)
    "guest": ("guest", "r-guest", "10.77.40.23", "10.77.40.1"),
    "staff": ("staff", "r-staff", "10.77.10.5", "10.77.10.1"),
    "servers": ("srv", "r-srv", "10.77.20.10", "10.77.20.1"),
    "mgmt": ("mgmt", "r-mgmt", "10.77.99.10", "10.77.99.1"),
}

# What ACL-GUEST-IN / ACL-STAFF-IN / ACL-SERVERS-IN of lab-rt.cfg say, statefully.
# guest → staff is rejected with ICMP admin-prohibited (so the probe sees "prohibited" at
# the router); guest → servers / mgmt is dropped silently (no_answer).
RULES = """
table inet lab {
  chain input {
    type filter hook input priority 0; policy accept;
    ct state established,related accept
    iifname "r-guest" ip daddr 10.77.40.1 icmp type echo-request accept
    iifname "r-guest" drop
    iifname { "r-staff", "r-srv" } drop
  }
  chain forward {
    type filter hook forward priority 0; policy drop;
    ct state established,related accept
    iifname "r-mgmt" accept
    iifname "r-staff" oifname "r-srv" tcp dport { 80, 443 } accept
    iifname "r-guest" oifname "r-staff" reject with icmp type admin-prohibited
    iifname "r-guest" drop
  }
}
"""

_LISTENER = r"""
import socket, sys, threading
def tcp(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("0.0.0.0", port)); s.listen(64)
    while True:
        c, _ = s.accept(); c.close()
def udp(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("0.0.0.0", port))
    while True:
        data, peer = s.recvfrom(4096); s.sendto(data[:2] + b"\x81\x80" + data[4:], peer)
for spec in sys.argv[1:]:
    proto, port = spec.split("/")
    threading.Thread(target=tcp if proto == "tcp" else udp, args=(int(port),), daemon=True).start()
print("ready", flush=True)
threading.Event().wait()
"""

LISTENERS = {"servers": ["tcp/80", "tcp/443", "tcp/22", "tcp/8080", "udp/53"], "staff": ["tcp/445"]}
ROUTER_LISTENERS = ["tcp/22"]


def why_unavailable(what: str, tools: tuple[str, ...], prefix: str) -> str | None:
    """Why network-namespace tests (``what``) cannot run here — not root, a tool missing,
    namespaces refused — or None.  ``prefix`` names the throw-away namespace tried."""
    if os.geteuid() != 0:
        return f"{what} needs root (network namespaces, raw sockets)"
    for tool in tools:
        if not shutil.which(tool):
            return f"{what} needs {tool} (Debian iproute2 / nftables / iptables: make sysdeps)"
    name = f"{prefix}-chk-{uuid.uuid4().hex[:6]}"
    r = subprocess.run(["ip", "netns", "add", name], capture_output=True, text=True)
    if r.returncode:
        return f"network namespaces unavailable: {r.stderr.strip()}"
    subprocess.run(["ip", "netns", "del", name], capture_output=True)
    return None


def available() -> str | None:
    """Why the lab cannot run here, or None."""
    return why_unavailable("the probe lab", ("ip", "nft"), "na")


def sh(*args: str, check: bool = True, input: str | None = None) -> subprocess.CompletedProcess:
    """Run a command; RuntimeError with its output (and the input it was given) on failure."""
    r = subprocess.run(list(args), capture_output=True, text=True, input=input)
    if check and r.returncode:
        raise RuntimeError(f"{' '.join(args)}: {(r.stderr or r.stdout).strip()}\n{input or ''}".rstrip())
    return r


@dataclass
class Lab:
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:6])
    procs: list[subprocess.Popen] = field(default_factory=list)
    made: list[str] = field(default_factory=list)

    def ns(self, zone: str) -> str:
        return f"na-{self.tag}-{HOSTS[zone][0] if zone in HOSTS else zone}"

    @property
    def router(self) -> str:
        return f"na-{self.tag}-rtr"

    def exec(self, zone: str, *cmd: str, check: bool = True, **kw) -> subprocess.CompletedProcess:
        return sh("ip", "netns", "exec", self.ns(zone), *cmd, check=check, **kw)

    def nft(self, *rule: str) -> None:
        sh("ip", "netns", "exec", self.router, "nft", *rule)

    def build(self) -> Lab:
        sh("ip", "netns", "add", self.router)
        self.made.append(self.router)
        sh("ip", "-n", self.router, "link", "set", "lo", "up")
        sh("ip", "netns", "exec", self.router, "sysctl", "-qw", "net.ipv4.ip_forward=1")
        # Linux rate-limits ICMP errors per destination (about 1/s after a burst of 6): off in
        # the lab, so every rejected probe gets its admin-prohibited (real routers do limit them).
        sh("ip", "netns", "exec", self.router, "sysctl", "-qw", "net.ipv4.icmp_ratelimit=0")
        for zone, (_suffix, rname, host, gw) in HOSTS.items():
            ns = self.ns(zone)
            sh("ip", "netns", "add", ns)
            self.made.append(ns)
            sh("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", rname, "netns", self.router)
            sh("ip", "-n", ns, "addr", "add", f"{host}/24", "dev", "eth0")
            sh("ip", "-n", self.router, "addr", "add", f"{gw}/24", "dev", rname)
            for n, dev in ((ns, "eth0"), (ns, "lo"), (self.router, rname)):
                sh("ip", "-n", n, "link", "set", dev, "up")
            sh("ip", "-n", ns, "route", "add", "default", "via", gw)
        sh("ip", "netns", "exec", self.router, "nft", "-f", "-", input=RULES)
        for zone, specs in LISTENERS.items():
            self._listen(self.ns(zone), specs)
        self._listen(self.router, ROUTER_LISTENERS)
        return self

    def _listen(self, ns: str, specs: list[str]) -> None:
        p = subprocess.Popen(
            ["ip", "netns", "exec", ns, sys.executable, "-c", _LISTENER, *specs],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.procs.append(p)
        assert p.stdout is not None
        if p.stdout.readline().strip() != "ready":
            raise RuntimeError(f"listener {specs} in {ns} did not start")

    def teardown(self) -> None:
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
        for ns in reversed(self.made):
            sh("ip", "netns", "del", ns, check=False)
        self.made.clear()


def build_lab() -> Lab:
    lab = Lab()
    try:
        lab.build()
    except BaseException:
        lab.teardown()
        raise
    time.sleep(0.1)
    return lab
