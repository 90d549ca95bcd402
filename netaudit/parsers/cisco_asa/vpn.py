"""Cisco ASA site-to-site IPsec: the static tunnels of an interface, and the decrypted
traffic that bypasses the access-lists.

Each static entry of a crypto map on an interface where IKE is enabled is a tunnel of
that interface (``model.IpsecTunnel``: what its crypto ACL encrypts, its mirror what may
come out), when every static entry is read whole (:meth:`VpnBuilder._static_tunnels`):
the zones behind it (site ``via: tunnel``) are then reached and heard from through it.

``sysopt connection permit-vpn`` — on by default, so a running-config shows only ``no
sysopt connection permit-vpn`` — lets packets that arrive decrypted from an IPsec tunnel
pass without the access-lists of their source and destination interfaces (inbound,
outbound, global) and so without the security-level rule; the ``vpn-filter`` of the
tunnel's group-policy still applies (docs/vendors/cisco_asa.md, "Site-to-site VPN").

Which packets may come out of a tunnel terminated on interface X (``crypto map NAME
interface X``): for each entry of that map, the mirror of what its crypto ACL (``crypto
map NAME SEQ match address ACL``) protects — source = the ACL's destination (the remote
network), destination = the ACL's source (the local one), ports swapped — read first
match: a ``deny`` line means "not protected by this entry".  An entry ``ipsec-isakmp
dynamic DYN`` stands for the entries of ``crypto dynamic-map DYN``; one of those without
``match address`` accepts whatever the peer proposes: any packet.  An entry counts where
IKE is enabled on X (``crypto ikev1|ikev2|isakmp enable X``) or it is ``ipsec-manual``.

A cleartext packet with the same addresses is not bypassed (the ASA drops it as IPsec
spoofing).  :meth:`VpnBuilder._finish_vpn` gives, per entry, lines that the forwarding
policy puts before the same-security gate, the access-lists and the level rule
(:mod:`.policy`; back out of X only with ``same-security-traffic permit intra-interface``),
and the outbound access-lists get in front of theirs.  They are exact for an entry that
is one of X's tunnels (``model.IpsecTunnel``: a static entry, every static entry of the
map read whole) whose crypto ACL names no ICMP type, TCP flag or connection state (its
mirror then exactly the tunnel's ``decrypts``) and no destination NAT may rewrite: the
engine sends through them only what comes decrypted out of that tunnel — a cleartext
packet with those addresses on X is already *maybe* there (:mod:`netaudit.reach.ipsec`),
whatever the line says; and the outbound access-lists' copies keep the source, unless
NAT runs before them.  Every other entry's lines are partial: *maybe* permitted, since
no tunnel the engine follows stands for its packets (a dynamic entry: remote access;
not read whole).  With a
``vpn-filter`` known for the entry, what it permits is a partial permit and what it
denies a partial deny (denied if it came from the tunnel, the access-lists decide
otherwise).  With ``no sysopt connection permit-vpn`` nothing changes: the access-lists
see the decrypted packets.

Kept conservative (more *maybe*, never a false "blocked"):

* the vpn-filter is used for a static entry only, when every ``set peer`` resolves —
  tunnel-group named by the peer (else ``DefaultL2LGroup``), its ``default-group-policy``
  (else ``DfltGrpPolicy``), its ``vpn-filter`` (else the one of ``DfltGrpPolicy``) — to
  the same fully understood ACL, and no destination NAT applies to the tunnel's
  packets; a dynamic entry (remote access, ``DefaultL2LGroup``: per-user and DAP
  filters) gets none;
* a destination NAT rule that may take the tunnel's packets on X (the crypto ACL names
  the addresses on the wire, the policy sees them untranslated) adds its real addresses;
* a crypto ACL line not fully understood counts, if a permit, as protecting what it may
  match, if a deny, as excluding nothing; an undefined crypto ACL protects any packet.
"""

from __future__ import annotations

from dataclasses import dataclass

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, IpsecTunnel, Match, Src
from netaudit.parsers.base import evolve
from netaudit.parsers.cisco_asa.state import AsaState, CryptoEntry
from netaudit.parsers.cisco_common import crypto_acl_problem, mirror_filter, mirrored
from netaudit.parsers.packet_sets import (
    ANY,
    Cond,
    from_match,
    intersect,
    intersect_all,
    negate,
    to_matches,
)

DFLT_GROUP_POLICY = "DfltGrpPolicy"
DFLT_L2L_GROUP = "DefaultL2LGroup"
# Beyond this many conditions a set is not worth computing exactly: the crypto ACL's
# deny lines are then no longer subtracted (more packets maybe), a vpn-filter is not used.
MAX_CONDS = 512

# The partial reasons are catalogue texts (netaudit/catalogue/cisco_asa.py, input.asa.*):
# a report in Vietnamese says them in Vietnamese.
ON_DEFAULT = Text("input.asa.vpn_on_default")


@dataclass
class TunnelLines:
    """What may come out of one crypto map entry's tunnel on interface ``iface``: the
    packets (as the forwarding policy sees them) that bypass the access-lists, and those
    its vpn-filter drops — each partial, with its cited line and reason."""

    iface: str
    label: str  # "crypto map NAME SEQ"
    bypass: list[Cond]
    bypass_src: Src
    bypass_reason: Text
    denied: list[Cond]
    denied_src: Src | None = None
    denied_reason: Text | None = None
    # Only what comes decrypted out of one of the interface's model.IpsecTunnels meets
    # these lines: they are exact (see the module docstring).
    exact: bool = False
    on: Text = ON_DEFAULT  # where permit-vpn is on: by default, or the line


def _cond(m: Match) -> tuple[bool, Cond | None]:
    """(whether ``m`` has a Cond form, ``m`` as a Cond without its interfaces — None when
    it matches nothing)."""
    try:
        return True, from_match(evolve(m, in_ifaces=None, out_ifaces=None))
    except ValueError:
        return False, None


def permitted_conds(flt: Filter, exact: bool) -> list[Cond] | None:
    """The packets ``flt`` permits (first match, implicit deny) as a union of Conds.

    ``exact``: None when a line is not fully understood or the set grows too big.
    Otherwise a superset: a permit line not fully understood permits what it may match
    (any packet when its match has no Cond form), a deny line not fully understood
    excludes nothing, and past :data:`MAX_CONDS` the denies are no longer subtracted."""
    out: list[Cond] = []
    rest: list[Cond] | None = [ANY]  # what no earlier deny line takes; None: not tracked
    for line in flt.lines:
        conds: list[Cond] = []
        understood = line.partial is None
        for m in line.matches:
            expressible, c = _cond(m)
            if not expressible:
                understood = False
                conds = [ANY]
                break
            if c is not None:
                conds.append(c)
        if exact and not understood:
            return None
        if line.action == Action.PERMIT:
            for c in intersect_all(conds, rest) if rest is not None else conds:
                if c not in out:
                    out.append(c)
            if len(out) > MAX_CONDS:
                return None if exact else [ANY]
        elif understood and rest is not None:
            rest = complement(conds, rest)
            if rest is None and exact:
                return None
    return out


def complement(conds: list[Cond], within: list[Cond] | None = None) -> list[Cond] | None:
    """``within`` (every packet by default) minus the union ``conds``; None when it grows
    past :data:`MAX_CONDS` conditions on the way (so a long list of denies costs at most
    that, not the product of their complements)."""
    if len(conds) > MAX_CONDS // 4:
        return None
    acc = [ANY] if within is None else within
    for c in conds:
        acc = intersect_all(acc, negate(c, frozenset()))
        if len(acc) > MAX_CONDS:
            return None
        if not acc:
            break
    return acc


def mirror(c: Cond) -> Cond:
    """The packets coming back the other way: addresses and ports swapped (ICMP types
    left open: a reply's type differs)."""
    return Cond(src=c.dst, dst=c.src, proto=c.proto, sport=c.dport, dport=c.sport)


class VpnBuilder(AsaState):
    """:meth:`_finish_vpn` (run by :meth:`.convert.ModelBuilder.finish`, after NAT and
    before the policy)."""

    vpn_tunnels: list[TunnelLines]

    def _finish_vpn(self) -> None:
        self.vpn_tunnels = []
        on, _ = self.permit_vpn
        ike = {nameif for kind, nameif, _src in self.vpn_listen if kind == "ike"}
        for nameif, (name, bsrc) in self.crypto_binds.items():
            real = self.nameif_to_if.get(nameif)
            if real is None:
                self.ref("nameif", nameif, bsrc)
                continue
            entries = sorted((e for (m, _s), e in self.crypto_entries.items() if m == name), key=lambda e: e.seq)
            # Without `crypto ikev1|ikev2|isakmp enable NAMEIF` no SA is negotiated
            # there (an ASDM default map left over brings up no tunnel); manual keys need none.
            live = [e for e in entries if nameif in ike or e.manual]
            self.dev.interfaces[real].ipsec_tunnels = self._static_tunnels(live)
            if not on:
                continue  # the access-lists see the decrypted packets: nothing to add
            for e in live:
                self._entry(real, e)

    def _static_tunnels(self, entries: list[CryptoEntry]) -> list[IpsecTunnel]:
        """The static site-to-site tunnels of an interface's live crypto map entries
        (``model.IpsecTunnel``: what each encrypts and what may come out of it, for the
        zones behind it, site ``via: tunnel``), in sequence order — none unless every
        static entry is read whole: a peer, and a crypto ACL whose every line is
        understood and protects no GRE.  A dynamic entry (remote access) brings other
        peers' packets, which the bypass lines keep *maybe*; it is not a tunnel of a
        zone behind the interface."""
        static: list[tuple[CryptoEntry, Filter]] = []
        for e in entries:
            if e.dynamic is not None:
                continue
            flt = self.dev.filters.get(e.acl) if e.acl is not None else None
            if flt is None or not e.peers or crypto_acl_problem(flt.name, flt) is not None:
                return []
            static.append((e, flt))
        tunnels: list[IpsecTunnel] = []
        for e, flt in static:
            decrypts = f"crypto-map-{e.map}-{e.seq}-decrypts"
            self.dev.filters[decrypts] = mirror_filter(decrypts, flt, e.acl_src or e.src)
            label = f"crypto map {e.map} {e.seq}"
            peers = list(e.peers)
            tunnels.append(IpsecTunnel(encrypts=flt.name, decrypts=decrypts, peers=peers, source=e.src, label=label))
        return tunnels

    def _finish_l2tp(self) -> None:
        """Where the ASA answers L2TP over IPsec (docs/vendors/cisco_asa.md, "L2TP over
        IPsec"): a nameif whose bound crypto map has an ``ipsec-isakmp dynamic`` entry and
        IKEv1 enabled (L2TP over IPsec is IKEv1 only).  Certain when a dynamic entry offers
        a transform set in transport mode and a ``vpn-tunnel-protocol`` line names
        ``l2tp-ipsec``; partial when only one of the two is in the configuration; none
        when neither (an IKEv1 remote-access map of another kind)."""
        self.l2tp_listen = {}
        for nameif, (name, _bsrc) in self.crypto_binds.items():
            if nameif not in self.ikev1_enabled:
                continue
            entries = [e for (m, _s), e in sorted(self.crypto_entries.items()) if m == name and e.dynamic]
            if not entries:
                continue
            dynamic = {e.dynamic for e in entries}
            offered = [
                (ts, d.transforms_src)
                for (m, _s), d in sorted(self.crypto_dynamic.items())
                if m in dynamic and d.transforms_src is not None
                for ts in d.transforms
                if ts in self.transport_sets
            ]
            protocol = self.l2tp_protocol[0] if self.l2tp_protocol else None
            if protocol is None and not offered:
                continue
            if protocol is not None and offered:
                self.l2tp_listen[nameif] = (protocol, None)
            elif protocol is not None:
                self.l2tp_listen[nameif] = (protocol, Text("input.asa.l2tp_no_transport", map=name))
            else:
                ts, src = offered[0]
                assert src is not None
                self.l2tp_listen[nameif] = (src, Text("input.asa.l2tp_no_protocol", map=name, ts=ts))

    def _entry(self, real: str, e: CryptoEntry) -> None:
        label = f"crypto map {e.map} {e.seq}"
        if e.dynamic is not None:
            dyn = sorted((d for (m, _s), d in self.crypto_dynamic.items() if m == e.dynamic), key=lambda d: d.seq)
            src = e.dynamic_src or e.src
            if not dyn:  # the dynamic map names nothing we read: any peer, any traffic
                self._tunnel(real, label, [ANY], src, None)
            for d in dyn:
                conds = self._protected(d.acl) if d.acl is not None else [ANY]
                self._tunnel(real, f"{label} (crypto dynamic-map {d.map} {d.seq})", conds, d.acl_src or src, None)
            return
        if e.acl is None:
            return  # an entry without `match address` is incomplete: the ASA brings up no SA for it
        self._tunnel(real, label, self._protected(e.acl), e.acl_src or e.src, e)

    def _protected(self, acl: str) -> list[Cond]:
        """The packets coming out of a tunnel whose crypto ACL is ``acl``: the mirror of
        what it protects (any when it is not an extended ACL we read)."""
        flt = self.dev.filters.get(acl)
        if flt is None:
            return [ANY]
        got = permitted_conds(flt, exact=False)
        assert got is not None  # a superset is always given
        out: list[Cond] = []
        for c in got:
            m = mirror(c)
            if m not in out:
                out.append(m)
        return out

    def _tunnel(self, real: str, label: str, conds: list[Cond], src: Src, entry: CryptoEntry | None) -> None:
        if not conds:
            return  # the ACL protects nothing (IPv6 lines only, say)
        conds, natted = self._after_dnat(real, conds)
        flt = None if entry is None or natted else self._vpn_filter(entry)
        allowed, denied = conds, []
        if flt is not None:
            permits = permitted_conds(self.dev.filters[flt[0]], exact=True)
            rest = complement(permits) if permits is not None else None
            if permits is not None and rest is not None:
                allowed = intersect_all(conds, permits)
                denied = intersect_all(conds, rest)
            else:
                flt = None
        on_src = self.permit_vpn[1]
        on = ON_DEFAULT if on_src is None else Text("input.asa.vpn_on_line", line=on_src.line)
        why = Text(
            "input.asa.vpn_bypass",
            on=on,
            filter=Text("input.asa.vpn_no_filter")
            if flt is None
            else Text("input.asa.vpn_filter_permits", acl=flt[0], gp=flt[2]),
        )
        tl = TunnelLines(real, label, allowed, src, why, denied, exact=self._exact_tunnel(real, entry, natted), on=on)
        if flt is not None and denied:
            assert entry is not None
            tl.denied_src = flt[1]
            tl.denied_reason = Text("input.asa.vpn_filter_denies", acl=flt[0], gp=flt[2], map=entry.map, seq=entry.seq)
        self.vpn_tunnels.append(tl)
        if tl.exact:
            return
        if allowed:
            self.rep.add_partial(label, why, src)
        if tl.denied_src is not None and tl.denied_reason is not None:
            self.rep.add_partial(label, tl.denied_reason, tl.denied_src)

    def _exact_tunnel(self, real: str, entry: CryptoEntry | None, natted: bool) -> bool:
        """Whether the bypass lines of ``entry`` on ``real`` meet only what comes decrypted
        out of one of the interface's tunnels (module docstring): a static entry whose
        crypto ACL's mirror is exact, on an interface whose static entries are its
        ``ipsec_tunnels``, no destination NAT on the way."""
        if entry is None or entry.dynamic is not None or natted or entry.acl is None:
            return False
        if not any(t.encrypts == entry.acl for t in self.dev.interfaces[real].ipsec_tunnels):
            return False
        flt = self.dev.filters[entry.acl]
        return not any(mirrored(m)[1] for line in flt.lines for m in line.matches) and (
            permitted_conds(flt, exact=True) is not None
        )

    def _after_dnat(self, real: str, conds: list[Cond]) -> tuple[list[Cond], bool]:
        """``conds`` (addresses on the wire) with what the destination NAT rules entering
        ``real`` may make of them (the policy sees untranslated packets), and whether
        any may apply."""
        extra: list[Cond] = []
        for r in self.dev.nat_rules:
            if r.kind != "destination" or (r.in_ifaces is not None and real not in r.in_ifaces):
                continue
            if r.to_ip is None and r.to_port is None and not r.partial:
                continue  # identity: the packet is kept
            expressible, rc = _cond(r.match)
            if expressible and rc is None:
                continue
            for c in conds:
                hit = c if rc is None else intersect(c, rc)
                if hit is None:
                    continue
                dst = None if r.to_ip is None else ((r.to_ip, r.to_ip),)
                dport = hit.dport
                if r.to_port is not None:
                    dport = ((r.to_port, r.to_port),)
                elif r.partial:
                    dport = None
                new = hit._replace(dst=dst if r.to_ip is not None or r.partial else hit.dst, dport=dport)
                if new not in conds and new not in extra:
                    extra.append(new)
        if len(conds) + len(extra) > MAX_CONDS:
            return [ANY], True
        return conds + extra, bool(extra)

    def _vpn_filter(self, e: CryptoEntry) -> tuple[str, Src, str] | None:
        """(ACL, its ``vpn-filter`` line, group-policy) that every peer of the static
        entry ``e`` resolves to, or None (no peer, a peer without one, different ones,
        a group-policy whose attributes come from a server, an ACL not defined)."""
        found: set[tuple[str, Src, str]] = set()
        for peer in e.peers:
            tg = peer if peer in self.tunnel_groups else DFLT_L2L_GROUP
            gp = self.tg_policies[tg][0] if tg in self.tg_policies else DFLT_GROUP_POLICY
            if gp in self.gp_external:
                return None
            got = self.gp_filters.get(gp)
            if got is None and gp != DFLT_GROUP_POLICY:
                got = self.gp_filters.get(DFLT_GROUP_POLICY)  # attributes not set are inherited
            if got is None or got[0] is None:
                return None
            found.add((got[0], got[1], gp))
        if len({acl for acl, _, _ in found}) != 1:
            return None
        acl, fsrc, gp = sorted(found, key=lambda t: (t[2], t[1].line))[0]
        flt = self.dev.filters.get(acl)
        if flt is None or flt.kind == "synthesized":
            return None
        return acl, fsrc, gp

    # ------------------------------------------------------------------ into the policy

    def _vpn_policy_lines(self, named: list[str]) -> list[FilterLine]:
        """The forwarding policy's lines for the tunnels (before the access-lists and
        the level rule, after management-only and `no forward interface`): each
        tunnel's packets toward every other transit interface — and back out of its own
        only with ``same-security-traffic permit intra-interface`` (hairpinning)."""
        lines: list[FilterLine] = []
        for t in self.vpn_tunnels:
            if t.iface not in named:
                continue  # management-only: no transit at all
            outs = frozenset(n for n in named if n != t.iface or self.same_intra is not None)
            if not outs:
                continue
            me = frozenset({t.iface})
            if t.denied and t.denied_src is not None:
                ms = _matches(t.denied, me, outs)
                if ms:
                    why = None if t.exact else t.denied_reason
                    lines.append(FilterLine(Action.DENY, ms, t.denied_src, _name(t, "vpn-filter"), why))
            # Whether the same-security gate stops what comes decrypted is not documented:
            # toward an interface of the tunnel's own level (without inter-interface) the
            # line stays partial, exact or not.
            own = self.levels.get(t.iface, (None, None))[0]
            gated = frozenset(
                n for n in outs if n != t.iface and self.same_inter is None and self.levels.get(n, (-1, None))[0] == own
            )
            for part, exact in ((outs - gated, t.exact), (gated, False)):
                ms = _matches(t.bypass, me, part) if part else []
                if ms:
                    why = None if exact else t.bypass_reason
                    lines.append(FilterLine(Action.PERMIT, ms, t.bypass_src, _name(t, "permit-vpn", exact), why))
        return lines

    def _vpn_out_filters(self, named: list[str]) -> None:
        """An outbound access-list is bypassed too: an interface's ``filter_out``
        becomes a synthesized filter (``asa-out-<interface>``) with the tunnels' partial
        permits before the access-list's own lines (cited as they are)."""
        dev = self.dev
        for y in named:
            itf = dev.interfaces[y]
            acl = itf.filter_out
            if acl is None or acl not in dev.filters:
                continue
            extra: list[FilterLine] = []
            for t in self.vpn_tunnels:
                if t.iface not in named or (t.iface == y and self.same_intra is None):
                    continue
                conds, exact = t.bypass, t.exact
                if dev.snat_before_out_filter:  # the out ACL sees the translated source
                    conds, exact = [c._replace(src=None) for c in conds], False
                ms = _matches(conds, frozenset({t.iface}), frozenset({y}))
                if ms:
                    why = None if exact else t.bypass_reason
                    extra.append(FilterLine(Action.PERMIT, ms, t.bypass_src, _name(t, "permit-vpn", exact), why))
            if not extra:
                continue
            base = dev.filters[acl]
            name = f"asa-out-{y}"
            dev.filters[name] = Filter(
                name=name,
                lines=extra + list(base.lines),
                default_action=base.default_action,
                kind="synthesized",
                source=base.source,
                default_text=base.default_text,
            )
            itf.filter_out = name


def _name(t: TunnelLines, what: str, exact: bool | None = None) -> str:
    """A tunnel line's name: what decides it, where the line is exact (a reader of the
    witness sees why the access-lists did not)."""
    if not (t.exact if exact is None else exact):
        return t.label
    if what == "vpn-filter":
        return f"{t.label}: decrypted, dropped by the vpn-filter"
    return f"{t.label}: decrypted, past the access-lists ({t.on})"


def _matches(conds: list[Cond], ins: frozenset[str], outs: frozenset[str]) -> list[Match]:
    out: list[Match] = []
    for c in conds:
        out.extend(to_matches(c._replace(inif=ins, outif=outs)))
    return out
