"""What one parse of a FortiOS backup collects, shared by the section readers and by the
conversion of each VDOM to the model.

* :class:`IfRec`, :class:`Vdom` — an interface of ``config system interface`` and a VDOM
  with the sections collected for it;
* :class:`ParseState` — the parser's state (lines, report, box-wide settings, the
  records) and its citation helpers; the section readers (:mod:`.interfaces`,
  :mod:`.admin`, :mod:`.routes`) and the parser (:mod:`.parser`) build on it;
* :class:`VdomState` — one VDOM's conversion in progress (its object tables, the filters
  being built); the converters (:mod:`.policy`, :mod:`.nat`, :mod:`.routes`,
  :mod:`.admin`) and :class:`~.convert.VdomBuilder` build on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from netaddr import IPNetwork

from netaudit.messages import Text
from netaudit.model import AddrMatch, Device, Filter, ParseReport, Reference, Src, from_values
from netaudit.parsers.fortinet_fortios.addresses import AddressBook
from netaudit.parsers.fortinet_fortios.facts import Admin, FortiOSFacts, SnmpCommunity
from netaudit.parsers.fortinet_fortios.services import ServiceBook
from netaudit.parsers.fortinet_fortios.tree import Block, Entry, Node, Tree


def interface_address(ifs: dict[str, IfRec], name: str) -> IPNetwork | None:
    """The first address of interface ``name`` among the records ``ifs`` (None: none)."""
    rec = ifs.get(name)
    return rec.addresses[0][0] if rec is not None and rec.addresses else None


# --------------------------------------------------------------------------- partial reasons

# Why a construct is only partly understood, as catalogue texts (a report words them in
# its language): those several modules give, written once here.
SERVICE_NEGATE = Text("input.fortios.service_negate")


def not_understood(error: str) -> Text:
    """A section or policy whose reading failed (``error``: what the exception says)."""
    return Text("input.fortios.not_understood", error=error)


def settings_unread(settings) -> Text:
    """The settings of a policy (``Setting``s with a ``key``) not understood."""
    return Text("input.fortios.settings_unread", keys=", ".join(s.key for s in settings))


# The box-wide sections the control plane reads, by their reader (parser._GLOBAL_ORDER).
GLOBAL_SECTIONS = {
    "h_global": "config system global",
    "h_admins": "config system admin",
    "h_snmp_sysinfo": "config system snmp sysinfo",
    "h_snmp_community": "config system snmp community",
    "h_probe_response": "config system probe-response",
    "h_ftm_push": "config system ftm-push",
    "h_ntp": "config system ntp",
}

FORWARD_FILTER = "firewall-policy"
# The routing table of a dedicated management interface (``set dedicated-to management``):
# FortiOS keeps it in a hidden VDOM of that name, apart from the forwarding VDOMs.
DEDICATED_VRF = "dmgmt-vdom"
INPUT_FILTER = "local-in"
IMPLICIT_DENY = Text("input.fortios.default.implicit_deny")
ANY = AddrMatch.any()


# --------------------------------------------------------------------------- records


@dataclass(eq=False)
class IfRec:
    name: str
    entry: Entry
    vdom: str = "root"
    typ: str = "physical"
    addresses: list = field(default_factory=list)  # [(IPNetwork, [access], Src|None)]
    access: list = field(default_factory=list)  # allowaccess of the primary address
    access_src: Src | None = None
    role: str | None = None
    parent: str | None = None
    vlanid: int | None = None
    members: list = field(default_factory=list)
    shutdown: bool = False
    mode: str = "static"
    partial: list = field(default_factory=list)
    description: str = ""
    vrf: str = "default"
    vrrp: list = field(default_factory=list)
    src_check: bool = True  # FortiOS's reverse-path check (set src-check disable turns it off)
    # Why traffic from the interface passes only once authenticated (captive portal,
    # 802.1X: ``security-mode``), or None.
    auth: str | None = None
    # ``set dedicated-to management`` (or ``config system dedicated-mgmt``): the line that
    # dedicates the interface to administrative access, out of the data plane.
    dedicated: Src | None = None
    dedicated_gateway: tuple[int, Src | None] | None = None  # dedicated-mgmt default-gateway
    dedicated_dhcp: Src | None = None  # dedicated-mgmt dhcp-server enable
    # ``set explicit-web-proxy`` / ``explicit-ftp-proxy`` enable (or a value not
    # understood): "web" / "ftp" -> (the line, why it is not known or None).
    explicit_proxy: dict = field(default_factory=dict)


@dataclass(eq=False)
class Vdom:
    name: str
    blocks: dict = field(default_factory=dict)  # path -> [Block]
    dev: Device | None = None
    zones: dict = field(default_factory=dict)  # zone -> (members, intrazone, Src, Src)
    sdwan: dict = field(default_factory=dict)  # sdwan zone -> [(iface, gw)]
    central_nat: bool = False
    opmode: str = "nat"
    strict_src_check: bool = False  # system settings: the best route back, not any route
    vips: dict = field(default_factory=dict)
    vipgrps: dict = field(default_factory=dict)
    pools: dict = field(default_factory=dict)
    schedules: set = field(default_factory=set)
    vip_users: dict = field(default_factory=dict)  # vip -> set of in ifaces | None


# --------------------------------------------------------------------------- the parser's state


class ParseState:
    """Everything read so far from one backup; the parser and its section readers share it."""

    rep: ParseReport  # the parser's report (it names the vendor)

    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file
        self.tree: Tree | None = None
        self.lines: list[str] = []
        self.hostname = ""
        self.host_src: Src | None = None
        self.ports = {"https": 443, "http": 80, "ssh": 22, "telnet": 23, "ftm": 4433, "probe-response": 8008}
        self.probe_udp = False
        self.admin_telnet = True
        self.ifs: dict[str, IfRec] = {}
        self.admins: list[Admin] = []
        self.snmp_communities: list[SnmpCommunity] = []
        self.snmp_users: list[dict] = []
        self.snmp_enabled = True
        self.ntp_ifaces: list[tuple[str, Src | None]] = []
        self.switch_members: dict[str, list[str]] = {}
        self.vaps: list[tuple[Entry, Block]] = []
        self.vdoms: dict[str, Vdom] = {}
        self.vdom_mode = False
        self.secrets: set[str] = set()
        self.secret_lines: dict[int, set[str]] = {}  # line → secret values on it
        self.material: dict[int, str] = {}  # key material lines (PEM bodies)
        self.global_blocks: list[tuple[str, Block]] = []
        self.global_seen: set[str] = set()  # handlers of the box-wide sections the file holds
        # A backup of one VDOM (``#global_vdom=0:vd_name=X``): X, and the header line.
        self.vdom_scope: str | None = None
        self.vdom_scope_src: Src | None = None

    def src(self, line: int | None) -> Src | None:
        if not line:
            return None
        text = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
        return from_values(Src, (self.file, line, text))

    def set_src(self, node: Node, key: str) -> Src | None:
        return self.src(node.line(key))

    def scope_gap(self, *handlers: str) -> list[str]:
        """The box-wide sections (of ``handlers``) a single-VDOM backup lacks: what they
        set is not known, and FortiOS' defaults are no evidence of it.  Empty for a full
        backup, where an absent section means the defaults."""
        if self.vdom_scope is None:
            return []
        return [GLOBAL_SECTIONS[h] for h in handlers if h not in self.global_seen]

    def partial(self, construct: str, reason: str, src: Src | None) -> None:
        self.rep.add_partial(construct, reason, src or Src(self.file, 0, ""))

    def vdom(self, name: str) -> Vdom:
        v = self.vdoms.get(name)
        if v is None:
            v = self.vdoms[name] = Vdom(name)
        return v

    def secret_on_lines(self, lines, value: str) -> None:
        """Record ``value`` as a secret of the lines it stands on (each line's piece of a
        multi-line value; PEM markers are not secrets)."""
        pieces = [p.strip() for p in value.split("\n")] if "\n" in value else [value]
        pieces = [p for p in pieces if p and not p.startswith("-----") and not p.endswith("-----")]
        for ln in lines:
            text = self.lines[ln - 1] if 0 < ln <= len(self.lines) else ""
            for p in pieces:
                if p in text:
                    self.secret_lines.setdefault(ln, set()).add(p)


# --------------------------------------------------------------------------- one VDOM's conversion


class VdomState:
    """One VDOM's conversion to the model in progress (``p`` is the parser's state)."""

    addr: AddressBook
    svc: ServiceBook
    filter: Filter  # the forward filter (policy.py)
    owner_hosts: dict[str, tuple]  # interface → its own addresses (admin.py)

    def __init__(self, p: ParseState, v: Vdom):
        self.p = p
        self.v = v
        self.dev = cast(Device, v.dev)  # made by the parser (_run_vdom)
        self.facts = cast(FortiOSFacts, self.dev.facts)
        self.objs: dict[str, list[Block]] = {}
        for blk in v.blocks.get("_objects", []):
            self.objs.setdefault(_family(blk.path), []).append(blk)
        self.all_ifaces = frozenset(self.dev.interfaces)
        # interface → why its traffic passes the accept policies only once authenticated
        self.auth_ifaces: dict[str, str] = {
            n: rec.auth for n in self.dev.interfaces if (rec := p.ifs.get(n)) is not None and rec.auth
        }
        # An SSID's own captive portal (`config wireless-controller vap` `set security
        # captive-portal`, tunnel mode): the same condition on its VAP interface.
        for e, _blk in p.vaps:
            if (
                e.name in self.dev.interfaces
                and e.name not in self.auth_ifaces
                and e.low("security") == "captive-portal"
                and e.low("local-bridging", "disable") != "enable"
            ):
                groups = e.get("selected-usergroups") or []
                exempt = e.get("security-exempt-list") or []
                self.auth_ifaces[e.name] = Text(
                    "input.fortios.vap_captive_portal",
                    name=e.name,
                    ssid=e.first("ssid") or e.name,
                    groups=Text("input.fortios.auth_groups", names=", ".join(groups)) if groups else "",
                    exempt=Text("input.fortios.auth_exempt", names=", ".join(exempt)) if exempt else "",
                )
        self.line_vips: dict[int, list] = {}
        self.nat_lines: list = []
        self.match_vip: set[int] = set()

    def src(self, line):
        return self.p.src(line)

    def entries(self, family: str) -> list[Entry]:
        out: list[Entry] = []
        seen: dict[str, int] = {}
        for blk in self.objs.get(family, []):
            for e in blk.entries.values():
                if e.name in seen:  # repeated block: later edit of the same entry
                    out[seen[e.name]] = e
                else:
                    seen[e.name] = len(out)
                    out.append(e)
        return out

    def block_of(self, family: str) -> Block | None:
        blks = self.objs.get(family)
        return blks[0] if blks else None

    def iface_addr(self, name: str) -> IPNetwork | None:
        return interface_address(self.p.ifs, name)

    def ref(self, kind: str, name: str, src: Src | None) -> None:
        self.dev.references.append(Reference(kind, name, src or Src(self.p.file, 0, ""), False))

    def expand(self, names: list[str] | None, src: Src | None, allow_any=True):
        """srcintf/dstintf names → interface set (None = any)."""
        return self._expand(names, lambda: src, allow_any)

    def expand_setting(self, e: Node, key: str) -> frozenset[str] | None:
        """:meth:`expand` of the names an entry sets (``srcintf``, ``intf`` …), cited at
        that setting's line (built only for an interface that is not defined)."""
        return self._expand(e.get(key), lambda: self.p.set_src(e, key))

    def _expand(self, names: list[str] | None, cite: Callable[[], Src | None], allow_any=True):
        v = self.v
        out: set[str] = set()
        for n in names or []:
            if n == "any" and allow_any:
                return None
            if n in v.zones:
                out.update(v.zones[n][0])
            elif n in v.sdwan:
                out.update(i for i, _, _ in v.sdwan[n])
            elif n in self.dev.interfaces:
                out.add(n)
            else:
                if n not in self.p.ifs:
                    self.ref("interface", n, cite())
                out.add(n)
        return frozenset(out)


def _family(path: str) -> str:
    words = path.split()
    if len(words) >= 3 and words[0] == "firewall" and words[1] in ("service", "schedule"):
        return " ".join(words[:3])
    return " ".join(words[:2])
