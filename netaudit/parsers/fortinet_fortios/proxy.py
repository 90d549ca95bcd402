"""FortiOS explicit proxies of one VDOM → relay services (``MgmtService.relay``).

The explicit web proxy (``config web-proxy explicit``: HTTP/HTTPS, FTP over HTTP, SOCKS,
the PAC file) and the explicit FTP proxy (``config ftp-proxy explicit``) listen on the
addresses of the interfaces with ``set explicit-web-proxy enable`` /
``set explicit-ftp-proxy enable`` when their ``status`` is ``enable``, and open
connections themselves for the clients the proxy policies (``config firewall
proxy-policy``, FortiOS 5.2/5.4 ``explicit-proxy-policy``) accept — through the
FortiGate's own output, not the firewall policies.  The engine takes what reaches such
a service as *maybe* reaching every zone (docs/semantics.md, "Proxies on a device").

The client restriction is a superset of the clients admitted: the union of the
``srcaddr`` arriving on the ``srcintf`` of the accept policies (deny policies, users,
groups and schedules can only admit fewer); none when ``sec-default-action accept``, when
an accept policy admits any source on any interface, and for SOCKS.  Where the proxy connects for them is a
superset the same way: per accept policy, its sources to its ``dstaddr`` out of its
``dstintf`` (``MgmtService.relay_to``; anywhere under ``sec-default-action accept`` and
for SOCKS).  The TCP port itself answers every client
(a refused client gets the proxy's deny page), so a restricted proxy is two services of
one name: the listener, and the relay with the clients' ACL.  What cannot be read (a
status or port value, ``incoming-ip``) makes the service partial, never absent.
See docs/vendors/fortinet_fortios.md, "Explicit proxies".
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from netaudit.messages import Text
from netaudit.model import PROTO_TCP, Action, FilterLine, Match, MgmtService, PortRange, Src
from netaudit.parsers.base import join_reasons
from netaudit.parsers.fortinet_fortios.admin import ControlPlane
from netaudit.parsers.fortinet_fortios.tree import IGNORE, Block

# FortiOS defaults (CLI reference, config web-proxy explicit / config ftp-proxy explicit):
# http-incoming-port 8080; https-, ftp-, socks- and pac-file-server-port 0 = "use the
# same as HTTP"; the FTP proxy's incoming-port 21.
WEB_DEFAULT_PORT = "8080"
FTP_DEFAULT_PORT = "21"

# proxy-policy ``set proxy`` values: the explicit web proxy (6.x/7.x, 5.2/5.4 "web"),
# the explicit FTP proxy.
WEB_POLICY_KINDS = ("explicit-web", "web")
FTP_POLICY_KINDS = ("ftp",)

_PORT = re.compile(r"^(\d{1,5})(?:-(\d{1,5}))?$")


class ProxyPolicy(NamedTuple):
    """An enabled explicit-proxy policy that may admit clients, as far as it narrows who
    and where: its sources, destinations and destination interfaces (None: any)."""

    kind: str | None  # ``set proxy``
    src: tuple | None
    src_negate: bool
    in_ifaces: frozenset[str] | None  # ``srcintf``: where the clients' sessions arrive
    dst: tuple | None
    dst_negate: bool
    out_ifaces: frozenset[str] | None
    at: Src  # its ``edit`` line
    name: str
    # The proxy connects to the target itself: ``action accept`` without a forwarding
    # server (``redirect`` answers with a page, ``isolate`` and ``webproxy-forward-server``
    # connect to another server, which may be anywhere).
    direct: bool = True


class ExplicitProxies(ControlPlane):
    """The explicit web and FTP proxies of one VDOM as relay services (run after
    :meth:`ControlPlane._services`, which fills ``owner_hosts``)."""

    def _proxy_services(self) -> None:
        """Read the proxy settings and policies; add the listeners and relays."""
        policies = self._proxy_policies()
        web = self.block_of("web-proxy explicit")
        if web is not None:
            self._web_proxy(web, policies)
        ftp = self.block_of("ftp-proxy explicit")
        if ftp is not None:
            self._ftp_proxy(ftp, policies)

    # ------------------------------------------------------------------ settings

    def _web_proxy(self, blk: Block, policies: list[ProxyPolicy]) -> None:
        on, why = _status(blk)
        if on:
            http, why_http = _ports(blk, "http-incoming-port", WEB_DEFAULT_PORT, False)
            https, why_https = _ports(blk, "https-incoming-port", "0", http)
            parts = [http, https]
            reasons = [r for r in (why, why_http, why_https) if r]
            if blk.low("ftp-over-http", "disable") == "enable":
                ftp, why_ftp = _ports(blk, "ftp-incoming-port", "0", http)
                parts.append(ftp)
                reasons += [why_ftp] if why_ftp else []
            web_ports = _union(parts)
            reasons += _incoming_ip(blk)
            clients = self._clients(policies, WEB_POLICY_KINDS, blk)
            targets = self._targets(policies, WEB_POLICY_KINDS, blk)
            src = self.p.set_src(blk, "status") or self.src(blk.config_line)
            self._listen("web", "explicit-web", web_ports, clients, reasons, src, targets=targets)
            if blk.low("socks", "disable") == "enable":
                socks, why_socks = _ports(blk, "socks-incoming-port", "0", http)
                r = [r for r in (why, why_socks) if r] + _incoming_ip(blk)
                # Which proxy policies SOCKS sessions match is not documented: every client.
                self._listen("web", "socks", socks, None, r, self.p.set_src(blk, "socks") or src)
            if blk.low("pac-file-server-status", "disable") == "enable":
                pac, why_pac = _ports(blk, "pac-file-server-port", "0", http)
                extra = None if pac is None else [x for x in pac if web_ports is None or x not in web_ports]
                if extra is None or extra:
                    # The PAC file server answers; it opens nothing onward: no relay.
                    r = [r for r in (why, why_pac) if r]
                    pac_src = self.p.set_src(blk, "pac-file-server-status")
                    self._listen("web", "web-proxy-pac", extra, None, r, pac_src, relay=False)
        blk.ignore_prefixes = ("",)
        for child in blk.children.values():
            child.disp = IGNORE  # pac-policy: which PAC file a client gets

    def _ftp_proxy(self, blk: Block, policies: list[ProxyPolicy]) -> None:
        on, why = _status(blk)
        if on:
            ports, why_ports = _ports(blk, "incoming-port", FTP_DEFAULT_PORT, False)
            reasons = [r for r in (why, why_ports) if r] + _incoming_ip(blk)
            clients = self._clients(policies, FTP_POLICY_KINDS, blk)
            targets = self._targets(policies, FTP_POLICY_KINDS, blk)
            src = self.p.set_src(blk, "status") or self.src(blk.config_line)
            self._listen("ftp", "explicit-ftp", ports, clients, reasons, src, targets=targets)
        blk.ignore_prefixes = ("",)
        for child in blk.children.values():
            child.disp = IGNORE

    # ------------------------------------------------------------------ policies

    def _proxy_policies(self) -> list[ProxyPolicy]:
        """The enabled explicit-proxy policies of the VDOM that may admit clients (both
        section names; addresses resolved once, undefined names recorded once); a policy
        of another proxy type is left as a coverage note."""
        out: list[ProxyPolicy] = []
        for family in ("firewall proxy-policy", "firewall explicit-proxy-policy"):
            label = family.split()[1]
            for e in self.entries(family):
                kind = e.low("proxy")
                if kind is not None and kind not in WEB_POLICY_KINDS + FTP_POLICY_KINDS:
                    why = Text("input.fortios.proxy_policy_kind", kind=kind)
                    self.p.partial(f"{family} {e.name}", why, self.src(e.edit_line))
                elif e.low("status", "enable") != "disable" and e.low("action", "deny") != "deny":
                    # a deny policy only refuses; any other action may admit
                    neg = e.low("srcaddr-negate", "disable") == "enable"
                    pats, neg, _, _ = self._addr_side(e, "srcaddr", neg, False)
                    dneg = e.low("dstaddr-negate", "disable") == "enable"
                    dst, dneg, unread, vips = self._addr_side(e, "dstaddr", dneg, True)
                    if unread or vips:  # a name not resolved, a VIP: any destination (a superset)
                        dst, dneg = None, False
                    ins = self.expand_setting(e, "srcintf") if e.get("srcintf") else None
                    outs = self.expand_setting(e, "dstintf") if e.get("dstintf") else None
                    at = self.src(e.edit_line)
                    direct = e.low("action") == "accept" and not e.get("webproxy-forward-server")
                    name = f"{label} {e.name}"
                    out.append(ProxyPolicy(kind, pats, neg, ins, dst, dneg, outs, at, name, direct))
                e.leftover(ignore_prefixes=("",))
                for c in e.children.values():
                    c.disp = IGNORE
        return out

    def _clients(self, policies: list[ProxyPolicy], kinds: tuple[str, ...], blk: Block) -> list[ProxyPolicy] | None:
        """The accept policies whose sources (on their ``srcintf``) the proxy may admit,
        or None for every client: a superset of what the proxy policies of ``kinds``
        accept."""
        if blk.low("sec-default-action", "deny") != "deny":
            return None  # "accept": a session no proxy policy matches is accepted
        out = _of_kind(policies, kinds)
        if any(p.src is None and not p.src_negate and p.in_ifaces is None for p in out):
            return None  # srcaddr "all" (none, not readable) on any interface: every client
        return out

    def _targets(self, policies: list[ProxyPolicy], kinds: tuple[str, ...], blk: Block) -> list[FilterLine] | None:
        """Where the proxy may connect for its clients (the lines of ``MgmtService.relay_to``),
        or None for anywhere: per accept policy of ``kinds``, its sources to its
        destinations out of its ``dstintf`` — a superset (deny policies, ``srcintf``,
        users, groups, schedules and services can only let it connect to fewer).  A
        policy that sends its sessions to another server (``isolate``, a forwarding
        server) or whose action is not read: anywhere."""
        if blk.low("sec-default-action", "deny") != "deny":
            return None  # a session no proxy policy matches is accepted: anywhere
        if not all(p.direct for p in _of_kind(policies, kinds)):
            return None  # it may connect to an isolator or forwarding server: anywhere
        lines = []
        for p in _of_kind(policies, kinds):
            m = Match(src=p.src, src_negate=p.src_negate, dst=p.dst, dst_negate=p.dst_negate, out_ifaces=p.out_ifaces)
            lines.append(FilterLine(Action.PERMIT, [m], p.at, name=p.name))
        return lines

    # ------------------------------------------------------------------ services

    def _listen(
        self,
        kind: str,
        name: str,
        ports: list[tuple[int, int]] | None,
        clients: list[ProxyPolicy] | None,
        reasons: list[Text],
        src: Src | None,
        relay: bool = True,
        targets: list[FilterLine] | None = None,
    ) -> None:
        """The proxy ``name`` on every live interface with ``explicit-<kind>-proxy
        enable``, on ``ports`` (None: any TCP port): a relay (with the clients' ACL when
        restricted, connecting where ``targets`` permit when known) and, when restricted,
        the listener every client reaches."""
        p, dev = self.p, self.dev
        ranges = () if ports is None else tuple(PortRange(a, b) for a, b in sorted(set(ports)))
        relay_to: str | None = None
        for ifn, hosts in self.owner_hosts.items():
            rec = p.ifs.get(ifn)
            on = rec.explicit_proxy.get(kind) if rec is not None else None
            if on is None or (not hosts and not dev.interfaces[ifn].dynamic_address):
                continue
            if_src, if_why = on
            why = join_reasons([*reasons, if_why]) or None
            own = self._own_dst(ifn, hosts)
            at = if_src or src or Src(p.file, 0, "")
            listener = self._acl(f"{name} {ifn}", [FilterLine(Action.PERMIT, [Match(**own)], at)], at)
            if relay and targets is not None and relay_to is None:
                relay_to = self._acl(f"{name} targets", targets, targets[0].source if targets else at)
                flt = dev.filters[relay_to]
                # A union of the accept policies, not lines FortiOS matches in order.
                flt.kind, flt.default_text = "synthesized", Text("input.fortios.default.proxy_destination")
            if clients is None or not relay:
                dev.services.append(
                    MgmtService(
                        name, PROTO_TCP, ranges, acl=listener, source=src, partial=why, relay=relay, relay_to=relay_to
                    )
                )
            else:
                lines = []
                for c in clients:
                    m = Match(src=c.src, src_negate=c.src_negate, in_ifaces=c.in_ifaces, **own)
                    lines.append(FilterLine(Action.PERMIT, [m], c.at or at, name=c.name))
                admitted = self._acl(f"{name} {ifn} clients", lines, at)
                flt = dev.filters[admitted]
                # The union of the accept policies' sources, not lines FortiOS matches in
                # order: no shadowed-line analysis on it.
                flt.kind, flt.default_text = "synthesized", Text("input.fortios.default.proxy_client")
                dev.services.append(MgmtService(name, PROTO_TCP, ranges, acl=listener, source=src, partial=why))
                dev.services.append(
                    MgmtService(
                        name, PROTO_TCP, ranges, acl=admitted, source=src, partial=why, relay=True, relay_to=relay_to
                    )
                )
            if why:
                p.partial(f"{name} proxy on {ifn}", why, at)


# --------------------------------------------------------------------------- helpers


def _of_kind(policies: list[ProxyPolicy], kinds: tuple[str, ...]) -> list[ProxyPolicy]:
    """The policies for a proxy of ``kinds`` (a policy without ``set proxy``: any)."""
    return [pol for pol in policies if pol.kind is None or pol.kind in kinds]


def _status(blk: Block) -> tuple[bool, Text | None]:
    """(may the proxy run, why it is not known)."""
    value = blk.low("status", "disable")
    if value == "disable":
        return False, None
    if value == "enable":
        return True, None
    return True, Text("input.fortios.proxy_status_unread", value=value)


def _ports(
    blk: Block, key: str, default: str, same: list[tuple[int, int]] | Literal[False] | None
) -> tuple[list[tuple[int, int]] | None, Text | None]:
    """The TCP port ranges of ``key`` (``0`` = the HTTP ports ``same``, False for the HTTP
    ports themselves; None = any TCP port), and why they are not known."""
    values = blk.get(key) or [default]
    out: list[tuple[int, int]] = []
    for v in (w for value in values for w in value.split(",")):
        m = _PORT.match(v.strip())
        lo = int(m.group(1)) if m else -1
        hi = int(m.group(2)) if m and m.group(2) else lo
        if m and lo == hi == 0 and same is not False:
            if same is None:
                return None, None  # the HTTP ports are not known: said for them
            out.extend(same)
        elif m and 0 < lo <= hi <= 65535:
            out.append((lo, hi))
        else:
            return None, Text("input.fortios.proxy_ports_unread", setting=key, values=" ".join(values))
    return out, None


def _union(parts: list[list[tuple[int, int]] | None]) -> list[tuple[int, int]] | None:
    """The ports of every part; None (any port) when one of them is."""
    out: list[tuple[int, int]] = []
    for part in parts:
        if part is None:
            return None
        out += part
    return out


def _incoming_ip(blk: Block) -> list[Text]:
    """``incoming-ip``: the proxy takes sessions on that one address only, which is not
    modelled (it listens on every address of its interfaces here): partial."""
    ip = blk.first("incoming-ip")
    if ip is None or ip == "0.0.0.0":
        return []
    return [Text("input.fortios.proxy_incoming_ip", ip=ip)]
