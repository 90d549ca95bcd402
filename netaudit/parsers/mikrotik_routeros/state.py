"""The parse state: the vendor records read from an export, the Device and ParseReport
being built, and the bookkeeping every step shares (interface records, renames,
unrecognized and partial constructs, secrets).

The menu handlers only record into a :class:`State`; the conversion steps read it and
build the model (:mod:`.parser` runs them in order).
"""

from __future__ import annotations

import re
from functools import lru_cache

from netaddr import IPNetwork

from netaudit.model import Device, IfKind, Interface, ParseReport, Src
from netaudit.parsers.base import join_reasons
from netaudit.parsers.mikrotik_routeros import VENDOR
from netaudit.parsers.packet_sets import Cond

from .facts import RouterOSFacts
from .records import (
    BridgePort,
    BridgeRecord,
    BridgeVlan,
    ChainIndex,
    FwRule,
    IfRecord,
    VlanIf,
    WirelessIf,
    guess_kind,
)
from .syntax import Command, unquote

# Property keys (last dotted component) whose values are secrets.
SECRET_KEYS = frozenset(
    {
        "password",
        "wpa-pre-shared-key",
        "wpa2-pre-shared-key",
        "passphrase",
        "secret",
        "ipsec-secret",
        "private-key",
        "preshared-key",
        "pre-shared-key",
        "authentication-password",
        "encryption-password",
        "static-key-0",
        "static-key-1",
        "static-key-2",
        "static-key-3",
        "static-sta-private-key",
        "tcp-md5-key",
        "auth-key",
        "authentication-key",
        "radius-mac-format-secret",
        "key",
        "psk",
        "trap-community",  # /snmp: the community the traps carry (v6, v5 verbose exports)
        # v7 User Manager: a RADIUS client's secret, a user's one-time-password token, the
        # PayPal and private web pages' passwords (help.mikrotik.com "User Manager": sensitive)
        "shared-secret",
        "otp-secret",
        "paypal-password",
        "web-private-password",
    }
)


@lru_cache(maxsize=1024)
def _secret_key(key: str) -> bool:
    """``key`` (``wpa2-pre-shared-key``, v7 ``security.passphrase``) names a secret
    (remembered: an export repeats a few dozen keys on every line)."""
    return key.rsplit(".", 1)[-1] in SECRET_KEYS


# Keys :meth:`State.scan_props` found naming no secret (whether one does depends on the
# key alone): a line whose keys are all here holds no secret by key, and is not looped
# over (a firewall rule's or an address-list entry's keys, on most lines of a big export).
# The reader tests a plain ``add`` line's keys against it before calling scan_props.
CLEAR_KEYS: set[str] = set()

_SECRET_HINT = re.compile(r"pass|secret|key|psk|community", re.IGNORECASE)
_NOT_SECRETS = frozenset({"yes", "no", "none", "auto", "default", "public", "private", '""'})
_NOT_LINE_SECRETS = frozenset({"yes", "no", "none", "auto", "default", '""', ""})

IGNORED = object()  # handler result: understood, no effect (the line counts as ignored)


class NotUnderstood(Exception):
    """A handler does not understand the command (the line is unrecognized)."""


class State:
    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file
        self.dev = Device(hostname="", vendor=VENDOR, file=file)
        self.facts = RouterOSFacts()
        self.dev.facts = self.facts
        self.rep = ParseReport(file=file, vendor=VENDOR)
        self.ignored = 0
        self.major: int | None = None
        self.v7_menus = False  # a menu only RouterOS 7 has (/interface wifi, /routing table)
        self.comment_line: tuple[int, str] | None = None  # the last comment line read
        # ---- read from the export (menu handlers)
        self.ifs: dict[str, IfRecord] = {}
        self.renames: dict[str, str] = {}  # default-name -> current name
        self.bridges: dict[str, BridgeRecord] = {}
        self.bports: list[BridgePort] = []
        self.bvlans: list[BridgeVlan] = []
        self.vlan_ifs: dict[str, VlanIf] = {}
        self.bonds: dict[str, tuple[list[str], Src]] = {}
        self.lists: dict[str, dict] = {}  # name -> {include, exclude, src}
        self.list_members: list[tuple[str, str, Src]] = []
        self.wl: dict[str, WirelessIf] = {}
        self.wsec: dict[str, dict[str, str]] = {}  # legacy security profiles
        self.wifi_profiles: dict[tuple[str, str], dict[str, str]] = {}
        self.addrs: list[tuple[str, IPNetwork, Src]] = []
        # (interface, remote end, line): a /32 address whose `network=` names the other end
        self.ptp_peers: list[tuple[str, int, Src]] = []
        self.routes: list[tuple[Command, Src]] = []
        self.vrfs: dict[str, tuple[list[str], Src]] = {}
        self.tables: set[str] = {"main"}
        self.rules: dict[str, list[FwRule]] = {"filter": [], "nat": [], "mangle": [], "raw": []}
        self.fw_partial: dict[str, list[tuple[str, Src]]] = {}
        self.addr_entries: dict[str, list[tuple[str, Src]]] = {}
        self.dynamic_lists: dict[str, Src] = {}
        self.expiring_lists: dict[str, Src] = {}  # lists with an entry that has a timeout
        self.services: dict[str, dict] = {}
        self.dns: dict = {}
        self.dhcp_servers: list[tuple[Command, Src]] = []
        # interface -> names its segment is given elsewhere (address comment, DHCP server,
        # pool); DHCP networks' comments by subnet (Interface.segment_names)
        self.segment_names: dict[str, list[str]] = {}
        self.dhcp_network_names: list[tuple[IPNetwork, str]] = []
        self.dhcp_relays: list[tuple[Command, Src]] = []
        self.dhcp_clients: list[tuple[Command, Src]] = []
        self.dyn_clients: list[tuple[str, Command, Src]] = []
        self.zerotier_off: set[str] = set()  # ZeroTier instances set disabled=yes
        self.snmp: dict = {}
        self.snmp_communities: list[dict] = []
        self.singletons: dict[str, tuple[Command, Src]] = {}  # menu -> last set
        self.vpn_servers: dict[str, tuple[Command, Src]] = {}
        self.wireguard: list[tuple[str, int, Src]] = []
        # (vxlan, bridge, bridge-pvid or None, line): a VXLAN's own `bridge=` (v7.18+)
        self.vxlan_ports: list[tuple[str, str, int | None, Src]] = []
        self.upnp_ifs: list[tuple[str, str, Src]] = []
        # /ip socks access: menu ("ip socks") -> its rules in order
        self.access_rules: dict[str, list[tuple[Command, Src]]] = {}
        self.routing_rules: list[tuple[Command, Src]] = []
        self.table_fib: set[str] = {"main"}  # v7 tables with the fib flag
        self.tables_declared: set[str] = {"main"}
        self.bridge_settings: dict[str, tuple[bool, Src]] = {}
        self.bridge_l2fw: list[tuple[Command, Src, str]] = []
        # /interface ethernet switch port-isolation: (port, forwarding-override ports, line)
        self.port_isolation: list[tuple[str, list[str], Src]] = []
        self.lte_apn: dict[str, dict[str, str]] = {}
        self.users: list[dict] = []
        self.discovery: tuple[str, Src] | None = None  # discover-interface-list
        self.discovery_old: list[tuple[str, bool, Src]] = []
        self.conntrack: tuple[str, Src] | None = None
        self.refs: list[tuple[str, str, Src, bool]] = []
        # the menus the export prompts pasted in the file asked for ('' = the whole
        # configuration, /export at the root)
        self.exports: list[tuple[str, Src]] = []
        # (target, reason, source); a target is an interface or list name, "@bridges"
        # (every bridge), "@bridge=NAME" (a bridge and its VLAN interfaces),
        # "@port=NAME" (the L3 interfaces a port's frames reach) or "@switch" (every
        # L3 interface: switch-chip configuration naming no known port).
        self.partial_ifaces: list[tuple[str, str, Src]] = []
        self.vrrp: dict[str, tuple[str, Src]] = {}
        # HotSpot (/ip hotspot …): servers, server profiles (name -> properties), user
        # profiles' firewall chains (profile, incoming-|outgoing-filter, chain, line),
        # IP bindings
        self.hotspots: list[tuple[Command, Src]] = []
        self.hotspot_profiles: dict[str, dict[str, str]] = {}
        self.hotspot_user_chains: list[tuple[str, str, str, Src]] = []
        self.hotspot_bindings: list[tuple[Command, Src]] = []
        self.has_ipsec = False
        # PPP (/ppp profile, secret, aaa): profile name -> (the interface list its
        # interfaces join, the line saying so); enabled secrets' (profile, service, line);
        # the line that turns RADIUS on
        self.ppp_profiles: dict[str, tuple[str, Src]] = {}
        self.ppp_secrets: list[tuple[str, str, Src]] = []
        self.ppp_radius: Src | None = None
        self.detect_internet: tuple[dict[str, str], Src] | None = None  # /interface detect-internet
        # ---- derived during the conversion (parser.finish), in this order
        self.list_static: dict[str, set[str]] = {}  # interface list -> static members
        self.dynamic_ifaces_possible = False  # PPP/VPN servers create interfaces at run time
        # interface list -> the interfaces RouterOS may add to it at run time (lists.RuntimeMembers)
        self.list_runtime: dict[str, list] = {}
        self.use_ip_firewall = False
        self.universe: frozenset[str] = frozenset()  # every interface name
        self.policy_tables: dict[str, list[Src]] = {}
        self.alists: dict[str, tuple[tuple, str | None]] = {}  # address list -> (ranges, why partial)
        self.own: tuple = ()  # the router's own addresses (ranges)
        self.dnat_image: list[Cond] = []  # headers a destination-NATed packet can have
        self.dnat_uncertain: list[str] = []
        # every header a packet can leave DNAT with (dnat_image with the whole
        # to-addresses / to-ports ranges), unless the rewrite itself is not read
        # (dnat_unbounded: a value not understood, an action not read)
        self.dnat_bound: list[Cond] = []
        self.dnat_unbounded: list[str] = []
        self.untracked_possible = False
        self.cond_cache: dict[tuple, tuple] = {}
        self.list_cache: dict[str, tuple] = {}
        self.value_cache: dict[str, dict[str, tuple]] = {}  # conditions.value_ranges
        self.iface_list_cache: dict[str, tuple] = {}  # conditions.iface_field
        self.iface_cache: dict[str, tuple] = {}  # conditions.iface_field
        self.match_cache: dict[str, dict[str, tuple]] = {}  # conditions.rule_match
        self.nat_cache: dict[str, dict[str, tuple]] = {}  # conditions.nat_reading
        self.filter_matches: dict[int, object] = {}  # firewall.guarded_line: rule index -> Match
        # each firewall table's rules by chain …, kept by ip_menus.add_rule (flatten.rule_index)
        self.chains: dict[str, ChainIndex] = {t: ChainIndex() for t in self.rules}

    # ------------------------------------------------------------------ recording

    def unrecognized(self, src: Src) -> None:
        self.rep.unrecognized.append(src)

    def partial(self, construct: str, reason: str, src: Src) -> None:
        self.rep.add_partial(construct, reason, src)

    def iface_partial(self, itf: Interface, reason: str, src: Src | None) -> None:
        """Mark a model interface partial (once per reason), citing ``src``."""
        if itf.partial and reason in itf.partial:
            return
        itf.partial = join_reasons((itf.partial, reason))
        if src is not None:
            self.partial(f"interface {itf.name}", reason, src)

    def add_secret(self, value: str | None, src: Src | None = None, raw: str | None = None) -> None:
        """A literal secret; with ``src``, also a secret of that line by grammar position
        (then even ``public``: it is the community there), as written (``raw``) and decoded."""
        if src is not None and value and value.lower() not in _NOT_LINE_SECRETS:
            on_line = self.dev.secret_lines.setdefault(src.line, set())
            on_line.add(value)
            if raw:
                on_line.add(raw.strip('"'))
        if not value or len(value) < 3 or value.lower() in _NOT_SECRETS:
            return
        self.dev.secrets.add(value)

    def scan_secrets(self, cmd: Command, src: Src | None = None) -> None:
        """The secrets a command's properties hold (:meth:`scan_props`), and an SNMP
        community's name."""
        self.scan_props(cmd.props, src)
        if cmd.path[-2:] == ("snmp", "community") and src is not None:
            # the community is its name: name=X, and the item a `set X …` names
            if "name" in cmd.props:
                self.add_secret(unquote(cmd.props["name"]), src, cmd.props["name"])
            if cmd.verb == "set" and cmd.words:
                self.add_secret(unquote(cmd.words[0]), src, cmd.words[0])

    def scan_props(self, props: dict[str, str], src: Src | None = None) -> None:
        """The secrets among a line's properties (raw values)."""
        if props.keys() <= CLEAR_KEYS:
            return  # (every key one this loop found naming no secret: a subset test in C)
        for k, raw in props.items():
            if k in SECRET_KEYS or ("." in k and _secret_key(k)):  # a v7 key: its last part
                self.add_secret(unquote(raw), src, raw)
            elif len(CLEAR_KEYS) < 4096:
                CLEAR_KEYS.add(k)

    # ------------------------------------------------------------------ interface records

    def iface(self, name: str, kind: IfKind | None = None, src: Src | None = None) -> IfRecord:
        """The interface record named ``name`` (created on first mention)."""
        rec = self.ifs.get(name)
        if rec is None:
            rec = self.ifs[name] = IfRecord(name, kind or guess_kind(name), src, guessed=kind is None)
        else:
            if kind is not None and rec.guessed:
                rec.kind, rec.guessed = kind, False
            if src is not None and rec.src is None:
                rec.src = src
        return rec

    def current(self, name: str) -> str:
        """The current name of the interface whose default name is ``name``."""
        return self.renames.get(name, name)

    def set_target(self, cmd: Command) -> str | None:
        """The interface a ``set`` line configures (by current or default name)."""
        if cmd.find and "default-name" in cmd.find:
            return self.current(unquote(cmd.find["default-name"]))
        return cmd.target

    def set_rename(self, cmd: Command) -> tuple[str | None, str, str]:
        """A ``set`` line on an interface: (its default name if it was found by one,
        its current name, its name after the line); a rename is recorded and the
        interface record moved to the new name."""
        default = unquote(cmd.find["default-name"]) if cmd.find and "default-name" in cmd.find else None
        cur = self.set_target(cmd)
        if cur is None:
            raise NotUnderstood
        name = cmd.get("name") or cur
        if default is not None:
            self.renames[default] = name
        if name != cur and cur in self.ifs:
            rec = self.ifs.pop(cur)
            rec.name = name
            self.ifs[name] = rec
        return default, cur, name
