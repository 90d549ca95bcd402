"""Linux settings only the Linux checks read (:mod:`netaudit.checks.linux`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from netaudit.model import Src, VendorFacts


@dataclass
class Listener:
    """One listening socket of ``ss -Htlnup`` (``process``: its ``users:((…))`` column, if shown)."""

    proto: str  # tcp | udp
    address: str  # 0.0.0.0, *, [::], 10.0.10.1, 127.0.0.1 …
    port: int
    process: str
    source: Src
    interface: str | None = None  # ``addr%dev``: bound to one device

    @property
    def all_addresses(self) -> bool:
        """Listening on every IPv4 address of the box (wildcard or dual-stack ``[::]``)."""
        return self.address in ("0.0.0.0", "*", "[::]", "::", "[::ffff:0.0.0.0]")


@dataclass
class HookPolicy:
    """One base chain as the checks read it: hook, policy and how many rules decide."""

    hook: str
    family: str
    table: str
    chain: str
    policy: str
    rules: int
    source: Src | None


@dataclass
class LinuxFacts(VendorFacts):
    ip_forward: str | None = None  # "0" | "1" | None (not in the dump)
    ip_forward_source: Src | None = None
    rp_filter_all: str | None = None
    rp_filter_source: Src | None = None
    # None: no ``ss`` section — the device's own services are unknown.
    listeners: list[Listener] | None = None
    base_chains: list[HookPolicy] = field(default_factory=list)
    firewall_read: bool = False  # an nft or iptables section was read
    sections: list[str] = field(default_factory=list)  # the commands found, in order
    dynamic_addresses: list[str] = field(default_factory=list)  # interfaces with a DHCP lease
    iptables_nft_tables: list[str] = field(default_factory=list)  # nft tables iptables-nft manages
    vlan_ports: list[str] = field(default_factory=list)  # VLAN-aware bridge ports (not modelled)
