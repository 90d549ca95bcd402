"""One VDOM's collected sections → its Device: the conversion to the model.

Run by the parser for each VDOM once every section is read and the VDOM's interfaces are
built: objects (addresses, services, VIPs, pools, schedules), then the forward policies
(:mod:`.policy`), NAT (:mod:`.nat`), static routes (:mod:`.routes`), the services
(:mod:`.admin`), the explicit proxies (:mod:`.proxy`), the ``local-in`` filter
(:mod:`.admin`), and the SSIDs of the wireless VAPs.
"""

from __future__ import annotations

from functools import partial

from netaudit.model import Ssid
from netaudit.parsers.fortinet_fortios.addresses import ADDRESS_IGNORED, ADDRESS_PREFIXES, ADDRGRP_IGNORED, AddressBook
from netaudit.parsers.fortinet_fortios.nat import IPPOOL_IGNORED, VIP_IGNORED, NatRules, parse_pool, parse_vip
from netaudit.parsers.fortinet_fortios.proxy import ExplicitProxies
from netaudit.parsers.fortinet_fortios.routes import StaticRoutes
from netaudit.parsers.fortinet_fortios.services import SERVICE_GROUP_IGNORED, SERVICE_IGNORED, ServiceBook
from netaudit.parsers.fortinet_fortios.state import ParseState, Vdom, interface_address
from netaudit.parsers.fortinet_fortios.tree import IGNORE, MODEL, Block


def build_vdom(p: ParseState, v: Vdom) -> None:
    """Fill ``v.dev`` from the collected sections of VDOM ``v`` (``p`` is the parser)."""
    VdomBuilder(p, v).run()


class VdomBuilder(ExplicitProxies, NatRules, StaticRoutes):
    """The conversion of one VDOM, in order (each step reads what the earlier ones built)."""

    def run(self) -> None:
        # The book looks interface addresses up in the records, not through this builder:
        # a bound method kept in the book it holds would be a reference cycle, holding
        # the whole parse until the cyclic collector runs (parses run with it paused).
        self.addr = AddressBook(
            _merged(self.objs.get("firewall address")),
            _merged(self.objs.get("firewall addrgrp")),
            partial(interface_address, self.p.ifs),
            _merged(self.objs.get("system external-resource")),
        )
        self.svc = ServiceBook(
            _merged(self.objs.get("firewall service custom")), _merged(self.objs.get("firewall service group"))
        )
        self._objects()
        self._policies()
        self._nat()
        self._routes()
        self._services()
        self._proxy_services()
        self._input_filter()
        self._ssids()

    def _objects(self) -> None:
        v = self.v
        for e in self.entries("firewall address"):
            self.addr.resolve(e.name)
            e.leftover(ADDRESS_IGNORED, ADDRESS_PREFIXES)
            for c in e.children.values():
                c.disp = IGNORE
        for e in self.entries("system external-resource"):
            e.get("type"), e.get("resource")
            e.leftover(ignore_prefixes=("",))  # refresh rate, credentials, comments …
            for c in e.children.values():
                c.disp = IGNORE
        for e in self.entries("firewall addrgrp"):
            self.addr.resolve(e.name)
            e.leftover(ADDRGRP_IGNORED)
            for c in e.children.values():
                c.disp = IGNORE
        for e in self.entries("firewall service custom"):
            self.svc.resolve(e.name)
            e.leftover(SERVICE_IGNORED)
        for e in self.entries("firewall service group"):
            self.svc.resolve(e.name)
            e.leftover(SERVICE_GROUP_IGNORED)
        for e in self.entries("firewall vip"):
            vip = parse_vip(e, self.iface_addr)
            v.vips[e.name] = vip
            e.leftover(VIP_IGNORED, ("http", "ssl-", "monitor", "gslb"))
            for c in e.children.values():
                c.disp = MODEL if c.path == "realservers" else IGNORE
                for re_ in c.entries.values():
                    re_.leftover(ignore_prefixes=("",))
        for e in self.entries("firewall vipgrp"):
            v.vipgrps[e.name] = list(e.get("member") or [])
            e.leftover(frozenset({"interface", "comments", "comment", "color", "uuid"}))
        for e in self.entries("firewall ippool"):
            v.pools[e.name] = parse_pool(e)
            e.leftover(IPPOOL_IGNORED)
        for fam in ("firewall schedule recurring", "firewall schedule onetime", "firewall schedule group"):
            for e in self.entries(fam):
                v.schedules.add(e.name)
                e.leftover(ignore_prefixes=("",))
        for fam, blks in self.objs.items():
            if fam.startswith("firewall schedule") and fam not in (
                "firewall schedule recurring",
                "firewall schedule onetime",
                "firewall schedule group",
            ):
                for b in blks:
                    b.disp = None

    def _ssids(self) -> None:
        p, dev = self.p, self.dev
        for e, _blk in p.vaps:
            rec = p.ifs.get(e.name)
            if p.vdom_mode:
                owner = rec.vdom if rec is not None else "root"
                if owner != self.v.name and not (owner not in p.vdoms and self.v.name == "root"):
                    continue
            ssid = e.first("ssid") or e.name
            security = e.low("security", "wpa2-only-personal") or ""
            local = e.low("local-bridging", "disable") == "enable"
            vid = e.first("vlanid")
            vlan = int(vid) if vid and vid.isdecimal() and int(vid) > 0 else None
            iface = e.name if (e.name in dev.interfaces and not local) else None
            dev.ssids.append(
                Ssid(
                    name=ssid,
                    interface=iface,
                    vlan=vlan,
                    open_auth=security in ("open", "captive-portal"),
                    source=p.set_src(e, "ssid") or self.src(e.edit_line),
                )
            )
            e.leftover(ignore_prefixes=("",))
            for c in e.children.values():
                c.disp = IGNORE


# --------------------------------------------------------------------------- helpers


def _merged(blocks: list[Block] | None) -> Block | None:
    """One view over repeated blocks of one family (later edits win)."""
    if not blocks:
        return None
    if len(blocks) == 1:
        return blocks[0]
    view = Block(blocks[0].path, blocks[0].config_line)
    for b in blocks:
        view.entries.update(b.entries)
        view.renamed.update(b.renamed)
    return view
