"""Zone inference for ``netaudit init``: a draft site file from the names in the configs.

:func:`infer_site` drafts zones for a person to confirm; :func:`site_to_yaml` writes
the draft with the YAML library.  Every reference in a draft is one the placement
(:mod:`netaudit.zones.placement`) resolves.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import cast

from netaddr import IPNetwork, IPSet

from ..messages import Text
from ..model import Action, Device, IfKind, Interface, L2Mode
from ..topology import Topology, nat_exits
from .placement import svi_vid
from .site import Site, Zone

# Keywords per kind: ASCII-folded upper-case words, matched on whole words of a name
# (see _words) and never inside a word — LAN is not in VLAN, PLANNING or LANH.  Order
# matters: when one place matches several kinds the first wins.  Guest comes first
# because a guest network taken for staff would hide exactly the leak the audit looks
# for; the generic internal words come last.
_KEYWORDS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "guest",
        "guest",
        (
            "GUEST",
            "KHACH",
            "PUBLIC",
            "CONG CONG",
            "WIFI FREE",
            "FREE WIFI",
            "WIFI MIEN PHI",
            "NGUOI DAN",
            "VISITOR",
            "HOTSPOT",
            "HOT SPOT",  # MikroTik writes "HotSpot": split where the capital letters meet
            "BYOD",  # people's own devices: as untrusted as a visitor's
        ),
    ),
    (
        "management",
        "mgmt",
        (
            "MGMT",
            "MGT",
            "MANAGE",
            "MANAGEMENT",
            "QUAN TRI",
            # Not QUAN LY alone: a "phòng quản lý …" is a department of staff.
            "QUAN LY TB",
            "QUAN LY THIET BI",
            "QUAN LY MANG",
            "ADMIN",
            "OOB",
        ),
    ),
    ("database", "database", ("DB", "DATABASE", "CSDL", "CO SO DU LIEU")),
    # Not DC: in a commune office that is Địa chính (land registry), a staff department.
    # Not TTDL (trung tâm dữ liệu): "kết nối TTDL tỉnh" describes the WAN link to the
    # province's data centre, not servers behind the interface.
    ("server", "servers", ("SERVER", "SRV", "MAY CHU", "DATACENTER")),
    ("dmz", "dmz", ("DMZ",)),
    ("camera", "camera", ("CAMERA", "CCTV", "CAM", "GIAM SAT", "NVR", "DVR")),
    # The one-stop desk (bộ phận một cửa, also written "1 cửa"; formally "bộ phận tiếp
    # nhận và trả kết quả") and the public administrative service centre.
    (
        "kiosk",
        "kiosk",
        (
            "KIOSK",
            "MOT CUA",  # also "1 CUA" (read as MOT CUA by _words)
            "BPMC",
            "ONE STOP",
            "TTPVHCC",
            "HCC",
            "HANH CHINH CONG",
            "TIEP DAN",
            "TIEP NHAN",
            "TRA KET QUA",
        ),
    ),
    ("wan", "wan", ("TSLCD", "CPNET", "WAN CP", "TRUYEN SO LIEU", "CHUYEN DUNG")),
    (
        "external",
        "internet",
        ("INTERNET", "ISP", "NHA MANG", "VNPT", "VIETTEL", "FPT", "CMC", "SCTV", "MOBIFONE", "WAN", "OUTSIDE"),
    ),
    (
        "internal",
        "staff",
        (
            "STAFF",
            "NOI BO",
            "CAN BO",
            "CBCC",  # cán bộ công chức
            "CONG CHUC",
            "VIEN CHUC",
            "CCVC",  # công chức viên chức
            "NHAN VIEN",
            "USER",
            "LAN",
            "OFFICE",
            "VAN PHONG",
            "INSIDE",
            "INTERNAL",  # ASA `nameif Internal`
            "LANH DAO",
            "EMPLOYEE",
            "EMPLOYEES",
            "CORP",
            "CORPORATE",
            # Not VOIP, PRINTER, IOT: what devices sit there, not whom the segment serves —
            # the reviewer decides (and the audit names such a segment if a guest reaches it).
        ),
    ),
]
_KIND_ORDER = [kind for kind, _, _ in _KEYWORDS]
_ZONE_NAME = {kind: name for kind, name, _ in _KEYWORDS}
_KEYWORD_WORDS = [(kind, name, kw, tuple(kw.split())) for kind, name, kws in _KEYWORDS for kw in kws]
# Phrases that hold a keyword but mean something else, read as one word: "Cảm biến" is a
# sensor, not a camera; a public IP (IP công cộng) is the WAN's address, not a guest network.
_NOT_KEYWORDS = {
    ("CAM", "BIEN"): "CAMBIEN",
    ("PUBLIC", "IP"): "PUBLICIP",
    ("IP", "PUBLIC"): "PUBLICIP",
    ("IP", "CONG", "CONG"): "IPCONGCONG",
    # A DHCP server's name says what it is, not what the segment serves ("main-dhcp-server").
    ("DHCP", "SERVER"): "DHCPSERVER",
    ("DHCP", "SRV"): "DHCPSRV",
    ("DHCPD", "SERVER"): "DHCPSERVER",
}
# An SSID called "free" is the public one.
_SSID_GUEST = (("FREE",), ("MIEN", "PHI"))
# Words that may be glued into one token (WIFIKHACH, CONGCONG, CANBO): the keywords'
# words and the words met around them.  A token is split only when it is made of these
# words entirely, so VLAN (V + LAN), WLAN and PLANNING stay whole.
_VOCABULARY = frozenset(w for _, _, _, words in _KEYWORD_WORDS for w in words) | frozenset(
    {"VLAN", "VL", "WLAN", "WIFI", "LANH", "DAO", "FREE", "MIEN", "PHI", "ZONE", "NET", "MANG", "VUNG"}
    | {"DHCP", "DHCPD", "POOL"}
)

# Evidence strength: names people gave (interface and VLAN names, descriptions and
# comments, nameif, FortiGate zones, SSIDs, RouterOS interface lists, DHCP server and
# pool names) decide; structural hints (default route, NAT outside, FortiGate interface
# role) only where no name does; the label a FortiGate prints on a physical port (wan1,
# dmz, internal3: its name, which cannot be changed) only where nothing else says anything
# (docs/vendors/fortinet_fortios.md, "netaudit init").
_NAMED, _HINTED, _LABEL = 1, 2, 3
# Vendors whose physical interfaces keep the name printed on the chassis.
_FIXED_PORT_NAMES = {"fortinet_fortios"}
# FortiGate `set role`: what an administrator declared the interface to face.
_ROLE_KIND = {"wan": "external", "dmz": "dmz", "lan": "internal"}
# The kinds each role fits; a drafted kind outside them is a conflict the reviewer is told
# about (a LAN role covers every kind of local network, WAN the Internet and the
# government's private WAN, DMZ the published servers).
_ROLE_FITS = {
    "external": frozenset({"external", "wan"}),
    "internal": frozenset({"internal", "guest", "management", "database", "server", "camera", "kiosk", "wan"}),
    "dmz": frozenset({"dmz", "server", "database"}),
}


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in t if not unicodedata.combining(c)).upper()


def _words(text: str) -> list[str]:
    """The words of a name, ASCII-folded and upper-case.

    Split on anything not a letter or digit, between letters and digits, and where a
    lower-case letter meets an upper-case one (``VL10-CANBO`` → VL 10 CAN BO,
    ``WifiKhach`` → WIFI KHACH); a token made only of known words is split into them.
    """
    t = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", t)
    out: list[str] = []
    for tok in re.findall(r"[A-Z]+|[0-9]+", t.upper()):
        out.extend(_split_compound(tok))
    if "CUA" in out:  # "1 cửa" is "một cửa" written with the digit
        for i in range(len(out) - 1):
            if out[i] == "1" and out[i + 1] == "CUA":
                out[i] = "MOT"
    for phrase, word in _NOT_KEYWORDS.items():
        n = len(phrase)
        for i in range(len(out) - n, -1, -1):
            if tuple(out[i : i + n]) == phrase:
                out[i : i + n] = [word]
    return out


@functools.lru_cache(maxsize=4096)
def _split_compound(tok: str) -> tuple[str, ...]:
    """``tok`` as the fewest known words it is made of, or ``(tok,)``."""
    if tok in _VOCABULARY or tok.isdecimal() or len(tok) > 40:
        return (tok,)
    best: list[tuple[str, ...] | None] = [()] + [None] * len(tok)
    for end in range(1, len(tok) + 1):
        for start in range(max(0, end - 12), end):
            head = best[start]
            if head is not None and tok[start:end] in _VOCABULARY:
                cand = (*head, tok[start:end])
                known = best[end]
                if known is None or len(cand) < len(known):
                    best[end] = cand
    return best[-1] or (tok,)


def _has(words: list[str], kw: tuple[str, ...]) -> bool:
    """``kw`` occurs as consecutive whole words (the last one may take a plural S)."""
    n = len(kw)
    for i in range(len(words) - n + 1):
        if all(words[i + k] == w or (k == n - 1 and len(w) >= 3 and words[i + k] == w + "S") for k, w in enumerate(kw)):
            return True
    return False


# Names that say a kind only when they are the whole name: the security zones a Juniper SRX,
# an H3C or a Huawei firewall ships with.  As a word among others they say nothing
# ("no-trust", "all-trust" are an ASA's nameif for anything).
_WHOLE_NAMES: dict[tuple[str, ...], tuple[str, str, str]] = {
    ("TRUST",): ("internal", "staff", "TRUST"),
    ("UNTRUST",): ("external", "internet", "UNTRUST"),
}


def classify(*texts: str) -> tuple[str, str, str] | None:
    """(kind, zone name, matched words) for the first text with a recognised name."""
    for text in texts:
        if not text:
            continue
        words = _words(text)
        whole = _WHOLE_NAMES.get(tuple(words))
        if whole is not None:
            return whole
        present = set(words)
        for kind, name, kw, parts in _KEYWORD_WORDS:
            # A keyword's first word must be there (a one-word keyword maybe plural):
            # most keywords are out at one set lookup (zone inference of 400 interfaces).
            first = parts[0]
            if first not in present and not (len(parts) == 1 and len(first) >= 3 and first + "S" in present):
                continue
            if _has(words, parts):
                return kind, name, kw
    return None


def _classify_ssid(name: str) -> tuple[str, str, str] | None:
    hit = classify(name)
    if hit is None and any(_has(_words(name), kw) for kw in _SSID_GUEST):
        hit = ("guest", "guest", "FREE")
    return hit


@dataclass
class _Place:
    """A place hosts plug into, as a site file names it, and what the configs say of it."""

    device: str
    ref: tuple[str, str | int]  # ("vlans", 40) | ("attach", "ether5")
    domain: str
    rank: int  # reference preference: 0 VLAN, 1 L3 interface, 2 port
    label: str  # VLAN or interface name, for zone names
    subnets: list[IPNetwork] = field(default_factory=list)
    routed: list[IPNetwork] = field(default_factory=list)  # prefixes routed out of it
    hits: list[tuple[int, str, str]] = field(default_factory=list)  # (strength, kind, why)
    roles: list[tuple[str, str]] = field(default_factory=list)  # (kind, why) of FortiGate roles

    def add_subnets(self, nets) -> None:
        for n in nets:
            if n.cidr not in self.subnets:
                self.subnets.append(n.cidr)


class _Drafter:
    """Collects places and evidence device by device, then groups them into zones.

    Every reference is made from what the audit's placement resolves (topology
    ``vlan_domain`` / ``port_domain``), so the draft never names a VLAN or port the
    audit cannot find.
    """

    def __init__(self, topo: Topology):
        self.topo = topo
        self.places: dict[tuple[str, tuple], _Place] = {}
        self.notes: list[str] = []  # catalogue Texts (netaudit/catalogue/site.py, infer.*)
        # Names and roles of switch member ports, not used: (place, kind, port, switch, what).
        self.unused: list[tuple[_Place, str, str, str, Text]] = []

    # ------------------------------------------------------------------ places

    def _place(self, dev: str, ref: tuple, domain: str, rank: int, label: str) -> _Place:
        p = self.places.get((dev, ref))
        if p is None:
            p = self.places[(dev, ref)] = _Place(dev, ref, domain, rank, label)
        return p

    def _note(self, text: Text) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def _eligible(self, d: Device, itf: Interface) -> bool:
        """Whether hosts can sit behind ``itf`` as a zone of their own."""
        if itf.shutdown or itf.kind in (IfKind.LOOPBACK, IfKind.NULL):
            return False
        # A trunk, or a port that only carries VLAN interfaces (FortiGate port1 under
        # VL10-CANBO …, ASA Gi1/2 under Gi1/2.10 …): its VLANs are the zones, never the port.
        # A carrier with an address of its own, static or run-time (DHCP/PPPoE), also routes
        # its untagged segment: that segment is a place too.
        if itf.mode == L2Mode.TRUNK or (itf.name in self._carriers and not itf.addresses and not itf.dynamic_address):
            return False
        # On an ASA an interface without nameif passes no traffic (failover links, spare ports).
        if self._nameif and not itf.zone:
            return False
        return not _transit(self.topo, d.hostname, itf.name)

    def _vlan_places(self, d: Device, vid: int) -> list[_Place]:
        """Where the hosts of VLAN ``vid`` of ``d`` sit: its switch segment, else the
        VLAN interface / subinterface that terminates it."""
        did = self.topo.vlan_domain(d.hostname, vid)
        if did is not None:
            vlan = d.vlans.get(vid)
            return [self._place(d.hostname, ("vlans", vid), did, 0, (vlan.name if vlan else "") or f"vlan{vid}")]
        out: list[_Place] = []
        for itf in sorted(d.interfaces.values(), key=lambda i: i.name):
            if (
                itf.encapsulation_vlan == vid
                and itf.kind in (IfKind.VLAN, IfKind.SUBINTERFACE, IfKind.SVI)
                and self._eligible(d, itf)
            ):
                out.extend(self._interface_places(d, itf))
        return out

    def _interface_places(self, d: Device, itf: Interface) -> list[_Place]:
        """Where the hosts behind ``itf`` sit ([] when no reference to it resolves)."""
        host, topo = d.hostname, self.topo
        if itf.kind == IfKind.SVI:
            vid = svi_vid(itf)
            if vid is not None and topo.vlan_domain(host, vid) is not None:
                places = self._vlan_places(d, vid)
                for p in places:
                    p.add_subnets(itf.addresses)
                return places
        # A VLAN interface on a RouterOS bridge without VLAN filtering: RouterOS ignores the
        # ports' pvid, so the hosts meant for the VLAN sit on those ports, untagged.
        ports = [
            p for p in self._pvid_ports.get(itf.name, ()) if p in d.interfaces and self._eligible(d, d.interfaces[p])
        ]
        places = []
        for port in ports:
            did = topo.port_domain(host, port)
            if did is not None:
                p = self._place(host, ("attach", port), did, 2, port)
                p.add_subnets(itf.addresses)
                places.append(p)
        if places:
            return places
        did = topo.port_domain(host, itf.name)
        if did is None:
            return []
        p = self._place(host, ("attach", itf.name), did, 1 if itf.is_l3 else 2, _label(d, itf))
        p.add_subnets(itf.addresses)
        # What lies beyond it (a wan zone owns the networks routed there): the routes out
        # of it or through a next hop on its subnets, in route order.
        by_iface, hops = self._routes_by_exit
        beyond = set(by_iface.get(itf.name, ()))
        for a in itf.addresses:
            lo = bisect_left(hops, (a.first, -1))
            hi = bisect_right(hops, (a.last, len(d.routes)))
            beyond.update(k for _, k in hops[lo:hi])
        for k in sorted(beyond):
            r = d.routes[k]
            if r.prefix.prefixlen and not r.drop and r.prefix.cidr not in p.routed:
                p.routed.append(r.prefix.cidr)
        return [p]

    def _same(self, place: _Place) -> list[_Place]:
        """The other places in ``place``'s L2 domain."""
        return [q for q in self.places.values() if q.domain == place.domain and q is not place]

    def _evidence(self, places: list[_Place], strength: int, hit, why: str) -> None:
        """``why`` (a catalogue Text, or plain where it only quotes names) for ``places``."""
        kind, _, word = hit
        text = Text("infer.ev.word", why=why, word=word) if word else why
        if not places:
            self._note(Text("infer.note.unplaced", evidence=text))
        for p in places:
            if (strength, kind, text) not in p.hits:
                p.hits.append((strength, kind, text))

    def _unused(self, places: list[_Place], kind: str, port: str, switch: str, what: Text) -> None:
        """A switch port's name or role, set aside; told to the reviewer if it suggests
        another kind than the one drafted for the switch's segment."""
        self.unused.extend((p, kind, port, switch, what) for p in places)

    # ------------------------------------------------------------------ one device

    def device(self, d: Device) -> None:
        host = d.hostname
        self._nameif = any(i.security_level is not None for i in d.interfaces.values())
        self._carriers = {
            i.parent for i in d.interfaces.values() if i.parent and i.kind in (IfKind.VLAN, IfKind.SUBINTERFACE)
        }
        self._pvid_ports = _pvid_ports(d)
        # The device's routes by exit interface, and (next hop, index) sorted: looked up
        # per interface instead of a walk of every route for each one.
        by_iface: dict[str, list[int]] = {}
        for k, r in enumerate(d.routes):
            if r.interface is not None:
                by_iface.setdefault(r.interface, []).append(k)
        hops = sorted((r.next_hop, k) for k, r in enumerate(d.routes) if r.next_hop is not None)
        self._routes_by_exit = (by_iface, hops)
        for vif, ports in sorted(self._pvid_ports.items()):
            self._note(Text("infer.note.pvid_ignored", where=f"{host}:{vif}", ports=", ".join(ports)))
        # A FortiGate VDOM is named for what it serves (VDOM KHACH: the guest network).
        vdom = d.context
        eligible = [i for i in sorted(d.interfaces.values(), key=lambda i: i.name) if self._eligible(d, i)]
        lists: dict[str, list[str]] = defaultdict(list)
        for lst, members in d.interface_lists.items():
            for m in members:
                lists[m].append(lst)
        roles = d.interface_roles
        fixed_names = d.vendor in _FIXED_PORT_NAMES
        for itf in eligible:
            places = self._interface_places(d, itf)
            named: list[tuple[str, str]] = []
            own = (itf.name, f"{host}:{itf.name}")
            label = fixed_names and itf.kind == IfKind.PHYSICAL
            switch = itf.parent if label and itf.mode == L2Mode.BRIDGE_PORT and itf.parent in d.interfaces else None
            if switch is not None:
                # A port of a FortiGate hardware / software switch has no interface of its
                # own: its hosts are in the switch's segment.  Its chassis label and its role
                # say nothing of them (its alias and description still do).
                hit = classify(itf.name)
                if hit:
                    self._unused(places, hit[0], own[1], switch, Text("infer.what.name"))
                role = _ROLE_KIND.get(str(roles.get(itf.name, "")))
                if role:
                    self._unused(places, role, own[1], switch, Text("infer.what.role", role=roles[itf.name]))
            elif label:
                hit = classify(itf.name)
                if hit:
                    self._evidence(places, _LABEL, hit, Text("infer.ev.port_label", where=own[1]))
            else:
                named.append(own)
            if vdom and vdom.lower() != "root":
                named.append((vdom, Text("infer.ev.vdom", where=f"{host}:{itf.name}", vdom=vdom)))
            if itf.description:
                named.append((itf.description, f"{host}:{itf.name} '{itf.description}'"))
            named += [(n, Text("infer.ev.segment_name", where=f"{host}:{itf.name}", name=n)) for n in itf.segment_names]
            if itf.zone:
                named.append((itf.zone, f"{host}:{itf.name} {'nameif' if self._nameif else 'zone'} {itf.zone}"))
            named += [
                (lst, Text("infer.ev.interface_list", where=f"{host}:{itf.name}", list=lst))
                for lst in sorted(lists.get(itf.name, ()))
            ]
            for text, why in named:
                hit = classify(text)
                if hit:
                    self._evidence(places, _NAMED, hit, why)
            role = _ROLE_KIND.get(str(roles.get(itf.name, ""))) if switch is None else None
            if role:
                why = Text("infer.ev.role", where=f"{host}:{itf.name}", role=roles[itf.name])
                self._evidence(places, _HINTED, (role, _ZONE_NAME[role], ""), why)
                for p in places:
                    if (role, why) not in p.roles:
                        p.roles.append((role, why))
            if itf.nat_side == "outside":
                self._evidence(
                    places,
                    _HINTED,
                    ("external", "internet", ""),
                    Text("infer.ev.nat_outside", where=f"{host}:{itf.name}"),
                )
        for vid, vlan in sorted(d.vlans.items()):
            hit = classify(vlan.name) if vlan.name else None
            if hit:
                self._evidence(self._vlan_places(d, vid), _NAMED, hit, f"{host} vlan {vid} '{vlan.name}'")
        for ssid in d.ssids:
            places = self._vlan_places(d, ssid.vlan) if ssid.vlan else []
            ssid_itf = d.interfaces.get(ssid.interface or "")
            if not places and ssid_itf is not None and self._eligible(d, ssid_itf):
                places = self._interface_places(d, ssid_itf)
            hit = _classify_ssid(ssid.name)
            if hit:
                self._evidence(places, _NAMED, hit, f"{host} SSID '{ssid.name}'")
            if ssid.open_auth:
                # Anyone in range can join an SSID without a password: its hosts are guests.
                self._evidence(
                    places, _NAMED, ("guest", "guest", ""), Text("infer.ev.ssid_open", host=host, name=ssid.name)
                )
        # The interface a default route leaves through faces the Internet (a default
        # route toward another device of the snapshot is transit, not the exit).  Not on
        # a device that forwards nothing (RouterOS ip-forward=no, a switch): its default
        # route is the way its own management traffic leaves, toward the office's router.
        for r in d.routes if d.ip_routing else ():
            # (a policy-routing table's default route is the way out of the packets marked
            # for it only — a private link as often as an ISP's, as topology.exits reads it)
            if r.prefix.prefixlen == 0 and not r.drop and r.table is None:
                out = d.interfaces.get(r.interface or _iface_for(d, r.next_hop) or "")
                if out is not None and _holds_nothing(d, out):
                    continue  # a bridge with no port and no address: a blackhole, no exit
                if out is not None and out.out_of_band:
                    continue  # a management port: the management network's way out
                if out is not None and self._eligible(d, out):
                    self._evidence(
                        self._interface_places(d, out),
                        _HINTED,
                        ("external", "internet", ""),
                        Text("infer.ev.default_route", where=f"{host}:{out.name}"),
                    )

        # An interface a source NAT leaves by with its own address faces the Internet, as
        # NAT outside does (topology.nat_exits: not a tunnel, not a hairpin NAT).
        for ifn in nat_exits(d):
            out = d.interfaces[ifn]
            if self._eligible(d, out):
                self._evidence(
                    self._interface_places(d, out),
                    _HINTED,
                    ("external", "internet", ""),
                    Text("infer.ev.interface_nat", where=f"{host}:{out.name}"),
                )

    # ------------------------------------------------------------------ zones

    def _unhinted(self, p: _Place) -> Text:
        """Why a place is drafted for a person to decide: what its name and description
        say is nothing netaudit recognises."""
        where = f"{p.device}:{p.label}"
        itf = self.topo.devices[p.device].interfaces.get(str(p.ref[1])) if p.ref[0] == "attach" else None
        if itf is not None and itf.description:
            return Text("infer.unhinted.description", where=where, description=repr(itf.description))
        names = [n for n in ([itf.zone] if itf is not None and itf.zone else []) + (itf.segment_names if itf else [])]
        if names:  # an ASA's `nameif VOIP`, a pool's name: a name, just not one of a kind's words
            return Text("infer.unhinted.named", where=where, names=", ".join(repr(n) for n in names))
        return Text("infer.unhinted.none", where=where)

    def _kind(self, p: _Place) -> tuple[str, list[Text]]:
        """The kind drafted for ``p`` — that of its strongest evidence, first in kind
        order — and the notes for the reviewer it calls for.

        When a FortiGate role does not fit the kind the names give, a note names both,
        and the place is drafted external if the default route or NAT outside is there
        and either side says external — where the traffic leaves is a fact, the words
        are not (docs/vendors/fortinet_fortios.md, "netaudit init")."""
        best = min(h[0] for h in p.hits)
        pool = [h for h in p.hits if h[0] == best]
        kind = min((h[1] for h in pool), key=_KIND_ORDER.index)
        clash = [(rk, why) for rk, why in p.roles if kind not in _ROLE_FITS[rk]]
        if not clash:
            return kind, []
        roles = {why for _, why in p.roles}
        exits = [why for s, k, why in p.hits if s == _HINTED and k == "external" and why not in roles]
        chosen = kind
        named = {h[1] for h in pool}
        if best == _NAMED and exits and ("external" in named or clash[0][0] == "external"):
            chosen = "external"
        elif best == _NAMED and not exits:
            # The names disagree ('lan-Wi-Fi' aliased 'INTERNET', role lan, no traffic
            # leaving there): the role picks among the kinds they name.
            fitting = [k for k in named if all(k in _ROLE_FITS[rk] for rk, _ in p.roles)]
            if fitting:
                chosen = min(fitting, key=_KIND_ORDER.index)
        said = tuple(_bare(why, p.device) for s, k, why in p.hits if s == best and k == kind)
        if chosen == "external" and exits:
            because = Text("infer.because.exit", exits=tuple(_bare(why, p.device) for why in exits))
        elif chosen != kind:
            because = Text("infer.because.role_tiebreak")
        else:
            because = Text("infer.because.names" if best == _NAMED else "infer.because.order")
        notes = [
            Text(
                "infer.note.role_clash",
                device=p.device,
                role_why=_bare(why, p.device),
                role_kind=rk,
                said=said,
                kind=kind,
                chosen=chosen,
                because=because,
                label=p.label,
            )
            for rk, why in clash
        ]
        return chosen, notes

    def zones(self) -> list[Zone]:
        """One zone per kind and L2 domain (one external zone for every exit)."""
        groups: dict[tuple[str, str | None], list[_Place]] = {}
        self.unnamed: list[Zone] = []
        seen_domains: set[str] = set()
        for p in sorted(self.places.values(), key=lambda p: (p.device, p.rank, str(p.ref))):
            if not p.hits:
                # Nothing says what it serves (enp2s0, ether3): drafted for a person to decide,
                # never given a kind by guess — one per L2 domain with addresses.
                if p.subnets and p.domain not in seen_domains and not any(q.hits for q in self._same(p)):
                    seen_domains.add(p.domain)
                    name = f"zone-{_slug(p.label)}"
                    if any(u.name == name for u in self.unnamed):  # Ethernet0/2 on two routers
                        name = f"zone-{_slug(p.device)}-{_slug(p.label)}"
                    z = Zone(name, "internal", list(p.subnets))
                    if p.ref[0] == "vlans":
                        z.vlans.append((p.device, cast(int, p.ref[1])))
                    else:
                        z.attach.append((p.device, cast(str, p.ref[1])))
                    z.inferred_from.append(self._unhinted(p))
                    self.unnamed.append(z)
                continue
            kind, notes = self._kind(p)
            if kind != "external" and not p.subnets and not self.topo.domains[p.domain].l3:
                # Hosts there reach no router of the snapshot and own no address: a zone would
                # only yield unknown cells.  Typically an L2 switch whose uplink to the router
                # the configs cannot show.
                self._note(Text("infer.note.no_router", place=f"{p.device}:{p.label}", kind=kind))
                continue
            groups.setdefault((kind, None if kind == "external" else p.domain), []).append(p)
            for note in notes:
                self._note(note)
        drafted: dict[str, set[str]] = defaultdict(set)  # L2 domain -> kinds drafted there
        for (kind, _), places in groups.items():
            for p in places:
                drafted[p.domain].add(kind)
        for p, kind, port, switch, what in self.unused:
            there = drafted.get(p.domain, set())
            if kind not in there:
                self._note(
                    Text(
                        "infer.note.switch_port",
                        port=port,
                        switch=switch,
                        what=what,
                        kind=kind,
                        there=", ".join(sorted(there)) if there else Text("infer.no_zone"),
                    )
                )
        bases = [_ZONE_NAME[kind] for kind, _ in groups]
        zones: list[Zone] = []
        used: set[str] = set()
        domains_of: dict[str, list[str]] = {}
        devices_of: dict[str, set[str]] = defaultdict(set)
        for (kind, _), places in groups.items():
            devices_of[_ZONE_NAME[kind]].update(p.device for p in places)
        for (kind, _), places in groups.items():
            name = _ZONE_NAME[kind]
            if bases.count(name) > 1:
                # Several zones of one kind: told apart by VLAN / interface (and device).
                label = places[0].label if len(devices_of[name]) == 1 else f"{places[0].device}-{places[0].label}"
                name = f"{name}-{_slug(label)}"
            while name in used:
                name += "-2"
            used.add(name)
            z = Zone(name, kind)
            by_domain: dict[str, list[_Place]] = {}
            for p in places:
                by_domain.setdefault(p.domain, []).append(p)
            for ps in by_domain.values():
                best = min(p.rank for p in ps)
                for p in ps:
                    if p.rank == best:
                        # ref: ("vlans", vid) or ("attach", port)
                        if p.ref[0] == "vlans":
                            z.vlans.append((p.device, cast(int, p.ref[1])))
                        else:
                            z.attach.append((p.device, cast(str, p.ref[1])))
            for p in places:
                for _, k, why in p.hits:
                    text = why if k == kind else Text("infer.ev.also", why=why, kind=k)
                    if text not in z.inferred_from:
                        z.inferred_from.append(text)
                if kind != "external":
                    for net in p.subnets + (p.routed if kind == "wan" else []):
                        if net not in z.subnets:
                            z.subnets.append(net)
            domains_of[name] = list(by_domain)
            zones.append(z)
        shared: dict[str, list[str]] = defaultdict(list)
        for name, doms in domains_of.items():
            for did in doms:
                shared[did].append(name)
        for did, names in shared.items():
            if len(names) > 1:
                label = self.topo.domains[did].label or did
                self._note(Text("infer.note.shared_l2", zones=", ".join(sorted(names)), label=label))
        return sorted(zones, key=lambda z: z.name)


def infer_site(devices: list[Device], topo: Topology) -> Site:
    """Draft zones from what the configs say, for a person to confirm (``netaudit init``).

    Every usable interface, VLAN and SSID is a place hosts may sit.  Its names —
    interface name, description / comment / alias, its DHCP server, pool and address names
    (``Interface.segment_names``), ASA nameif, FortiGate zone, VLAN
    name, SSID, RouterOS interface lists — are matched on whole words (:func:`classify`),
    Vietnamese ones with or without diacritics; structural hints (default route, NAT
    outside, FortiGate interface role) decide only where no name does, and a FortiGate
    physical port's chassis label only where nothing else speaks.  A FortiGate switch
    port's label and role are set aside (it has no interface of its own); a role that does
    not fit the names is drafted with a note (:meth:`_Drafter._kind`).  Trunks and ports
    that merely carry VLAN interfaces are
    never zones.  Places are grouped into one zone per kind and L2 domain (one external
    zone for all exits), written with references the audit's placement resolves: the
    VLAN segment, else the L3 interface, else the port.  Every zone records what it
    matched; hints that nothing could place, and zones sharing an L2 domain, are
    listed in ``Site.notes``.
    """
    drafter = _Drafter(topo)
    for d in sorted(devices, key=lambda d: d.hostname):
        drafter.device(d)
    site = Site(unit="", level=2, inferred=True)
    site.zones = drafter.zones()
    site.zones += _tunnel_zones(devices, site.zones)
    site.notes = drafter.notes
    site.undecided = drafter.unnamed
    return site


def _tunnel_zones(devices: list[Device], drafted: list[Zone]) -> list[Zone]:
    """A draft zone per static IPsec tunnel (an IOS crypto map entry read whole): the
    networks its crypto ACL sends into the tunnel, behind the interface (``via: tunnel``,
    docs/semantics.md, "A zone behind a tunnel"), kind ``wan`` — a unit's site-to-site
    VPN leads to the province's network, which the reviewer confirms.  Left out when the
    remote side is not a set of prefixes (``any``, a wildcard) or meets a drafted zone."""
    taken = IPSet(n for z in drafted for n in z.subnets)
    names = {z.name for z in drafted}
    out: list[Zone] = []
    for d in sorted(devices, key=lambda d: d.hostname):
        for itf in sorted(d.interfaces.values(), key=lambda i: i.name):
            if itf.shutdown:
                continue
            for tunnel in itf.ipsec_tunnels:
                remote = _remote_networks(d, tunnel.encrypts)
                if not remote or any(n.prefixlen < 8 for n in remote) or IPSet(remote) & taken:
                    continue
                name = f"vpn-{_slug(tunnel.peers[0] if tunnel.peers else tunnel.label)}"
                while name in names:
                    name += "-2"
                names.add(name)
                taken |= IPSet(remote)
                z = Zone(name, "wan", subnets=remote, attach=[(d.hostname, itf.name)], via="tunnel")
                z.inferred_from.append(
                    Text(
                        "infer.ev.ipsec_tunnel",
                        where=f"{d.hostname}:{itf.name}",
                        entry=tunnel.label or "crypto map",
                        peers=", ".join(tunnel.peers) or "?",
                        acl=tunnel.encrypts,
                    )
                )
                out.append(z)
    return out


def _remote_networks(d: Device, acl: str) -> list[IPNetwork]:
    """The destinations of the permit lines of ``acl`` as prefixes ([] when one is not a
    prefix, or the ACL is missing or not read whole)."""
    flt = d.filters.get(acl)
    if flt is None or flt.partial:
        return []
    out: list[IPNetwork] = []
    for line in flt.lines:
        if line.action != Action.PERMIT:
            continue
        if line.partial:
            return []
        for m in line.matches:
            if m.dst is None or m.dst_negate:
                return []
            for a in m.dst:
                net = a.network
                if net is None:  # not a prefix
                    return []
                if net not in out:
                    out.append(net)
    return out


def _pvid_ports(d: Device) -> dict[str, list[str]]:
    """RouterOS bridges without VLAN filtering: VLAN interface -> the bridge ports whose
    (ignored) pvid is its VLAN, i.e. where the hosts meant for that VLAN plug in."""
    out: dict[str, list[str]] = {}
    for bridge in d.unfiltered_bridges:
        by_vid: dict[int, list[str]] = defaultdict(list)
        for p in bridge.pvids:
            by_vid[p.vlans[0]].append(p.name)
        for v in bridge.vlan_interfaces:
            if by_vid.get(v.vlans[0]):
                out[v.name] = sorted(by_vid[v.vlans[0]])
    return out


def _label(d: Device, itf: Interface) -> str:
    """What to call the place behind ``itf``: its own name, unless that is a hardware
    name of a VLAN subinterface (Gi0/0/1.40), then the VLAN's name."""
    vid = itf.encapsulation_vlan
    if vid and re.fullmatch(r"[A-Za-z-]*[0-9/.:]+", itf.name):
        vlan = d.vlans.get(vid)
        return (vlan.name if vlan else "") or f"vlan{vid}"
    return itf.name


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(label).lower()).strip("-") or "zone"


def _transit(topo: Topology, dev: str, ifname: str) -> bool:
    """A routed link to another device of the snapshot: infrastructure, not a zone (a
    segment whose routers share an HSRP/VRRP gateway is the hosts', not a link)."""
    did = topo.l3_domain(dev, ifname)
    return did is not None and any(other != dev for other, _ in topo.domains[did].l3) and not topo.shared_gateway(did)


def _iface_for(d: Device, nh: int | None) -> str | None:
    if nh is None:
        return None
    for itf in d.l3_interfaces():
        for a in itf.addresses:
            if a.first <= nh <= a.last:
                return itf.name
    return None


def _bare(why: str, device: str) -> str:
    """Evidence ``why`` without its device's name in front (a note that names the device
    once): a Text's ``where`` field, else the text's own prefix."""
    host = f"{device}:"
    if isinstance(why, Text):  # the place is its "where", or inside the evidence it wraps
        fields = dict(why.fields)
        for name in ("where", "why"):
            inner = fields.get(name)
            if isinstance(inner, str):
                stripped = _bare(inner, device)
                if stripped is not inner:
                    return Text(why.key, **{**fields, name: stripped})
        return why
    return why[len(host) :] if why.startswith(host) else why


def _holds_nothing(d: Device, itf: Interface) -> bool:
    """A bridge without a port or an address (RouterOS's "loopback" bridge, the gateway of
    an emergency default route at distance 254): nothing lies behind it."""
    return (
        itf.kind == IfKind.BRIDGE
        and not itf.addresses
        and not itf.dynamic_address
        and not any(i.parent == itf.name for i in d.interfaces.values())
    )
