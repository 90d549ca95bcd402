"""The ``firewall`` package (fw4, OpenWrt 22.03+; fw3 builds the same chains) into the
model: ``Device.forward_filter`` and ``Device.input_filter``, masquerade, port
forwards.

The order is the one fw4's template writes (``templates/ruleset.uc``, ``fw4.uc``;
docs/vendors/openwrt.md, "Firewall"):

``forward`` chain — ``ct state established,related accept``; (``drop_invalid``) the
invalid drop; rules with ``src '*'`` and a ``dest``; then for each zone, in config
order, ``iifname <zone devices> jump forward_<zone>``; then the *defaults* forward
policy.  ``forward_<zone>`` holds, in order: the rules whose ``src`` is the zone and
that have a ``dest`` (config order), then the forwardings from the zone (each
``jump accept_to_<dest>``: accepted when leaving by the destination zone's devices),
then ``ct status dnat accept`` when the zone is the source of a port forward, then
``jump <zone forward policy>_to_<zone>`` — the zone's own ``forward`` option decides
only traffic that leaves by the *same* zone.  Anything else returns to ``forward``
and meets the defaults forward policy.  A rule with ``dest`` zone *D* jumps to
``<target>_to_<D>``, which acts only on packets leaving by *D*'s devices.

``input`` chain — established accept, invalid drop, rules with ``src '*'`` and no
``dest``, then ``input_<zone>``: the zone's input rules, ``ct status dnat accept``
(when the zone is the source of a port forward: to the router, or to one of its own
addresses given as ``dest_ip``), ``jump <zone input policy>_from_<zone>``; then the
defaults input policy.

``ct status dnat`` cannot be seen in a header: it is modelled by the forwarded
packets' image (the translated destination and port, from the zone's devices) — it can
only add reachability, never hide it.  REJECT and DROP are both a deny.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netaddr import AddrFormatError, IPAddress

from netaudit.messages import Text
from netaudit.model import Action, Filter, FilterLine, L2Mode, NatRule, RuntimeForward, Src
from netaudit.parsers.base import evolve, join_reasons
from netaudit.parsers.packet_sets import FIELD_INDEX, Cond, intersect_all, to_matches

from .facts import Forwarding
from .facts import Zone as ZoneFact
from .fw_conditions import Family, IpSet, addresses, rule_conds, split_neg
from .state import State
from .uci import Section

POLICIES = ("accept", "reject", "drop")


# Compared by identity: a rule's zone reference is a Zone or a marker string (``"*"``,
# ``"?"``), tested some 5,000 times a parse; field-by-field equality is never wanted.
@dataclass(eq=False)
class Zone:
    name: str
    sec: Section
    input: str
    output: str
    forward: str
    masq: bool
    devices: frozenset[str]
    ingress: list[Cond] = field(default_factory=list)  # packets entering from the zone
    egress: list[Cond] = field(default_factory=list)  # packets leaving into the zone
    # Images of the port forwards and redirections from it: fw4 accepts "ct status dnat"
    # in both the zone's forward and input chains, whatever each redirect's target.
    dnat: list[Cond] = field(default_factory=list)
    dnat_src: Src | None = None


@dataclass
class Line:
    action: str
    conds: list[Cond]
    src: Src
    name: str
    partial: str | None = None


_INIF, _OUTIF = FIELD_INDEX["inif"], FIELD_INDEX["outif"]
_NO_FIELDS = len(Cond._fields)  # None counted in a Cond that constrains nothing


def _within(zone: list[Cond], conds: list[Cond]) -> list[Cond]:
    """``intersect_all(zone, conds)``: a line's conditions within a zone's ingress or egress
    (:attr:`Zone.ingress`, :attr:`Zone.egress`).

    A zone of interfaces only (one ``Cond(inif=…)`` or ``Cond(outif=…)``: every zone
    without ``subnet``) and a line of one condition leaving that field open (nearly every
    rule) give the line's condition with the zone's interfaces set: what the field-by-field
    intersection gives for two conditions constraining different fields, without its
    Python loop over the fields (two such intersections a rule).  Anything else goes
    through :func:`intersect_all` (tests/parsers/openwrt/test_zone_conds.py compares them)."""
    if len(zone) == 1 and len(conds) == 1:
        z, c = zone[0], conds[0]
        if z.count(None) == _NO_FIELDS - 1:
            i = _INIF if z[_INIF] is not None else _OUTIF
            if z[i] is not None and c[i] is None:
                fields = list(c)
                fields[i] = z[i]
                return [Cond._make(fields)]
    return intersect_all(zone, conds)


def _policy(st: State, sec: Section | None, key: str, default: str) -> str:
    if sec is None:
        return default
    v = sec.get(key)
    if v is None:
        return default
    low = v.strip().lower()
    if low not in POLICIES:
        st.warn(sec.line(key), Text("input.openwrt.policy_unknown", value=repr(v), default=default))
        return default
    return low


def finish_firewall(st: State) -> None:
    """Zones, rules, forwardings, redirects → filters and NAT."""
    fw = st.text.of("firewall")
    if "firewall" not in st.text.packages and not fw:
        st.warn_file(Text("input.openwrt.no_firewall"))
        st.facts.firewall_present = False
        universe = st.l3_universe()
        for name in universe:
            itf = st.dev.interfaces[name]
            st.iface_partial(itf, Text("input.openwrt.no_firewall_package"), itf.source or Src(st.file, 1, ""))
        return
    st.facts.firewall_present = True
    defaults = next(iter(st.text.of("firewall", "defaults")), None)
    d_in = _policy(st, defaults, "input", "drop")
    d_out = _policy(st, defaults, "output", "drop")
    d_fwd = _policy(st, defaults, "forward", "drop")
    if defaults is not None:
        defaults.get("drop_invalid")
        defaults.get("syn_flood")
        defaults.get("synflood_protect")
    st.facts.defaults_input, st.facts.defaults_forward = d_in, d_fwd
    zones = _zones(st, d_in, d_out, d_fwd)
    ipsets = _ipsets(st)
    fwd_rules: dict[str, list[Line]] = {z: [] for z in zones}
    in_rules: dict[str, list[Line]] = {z: [] for z in zones}
    any_fwd: list[Line] = []
    any_in: list[Line] = []
    nat_partial: list[tuple[Text, Src]] = []
    for s in st.text.of("firewall", "rule"):
        _rule(st, s, zones, ipsets, fwd_rules, in_rules, any_fwd, any_in, nat_partial)
    for s in st.text.of("firewall", "forwarding"):
        _forwarding(st, s, zones, fwd_rules, any_fwd)
    for s in st.text.of("firewall", "redirect"):
        _redirect(st, s, zones, ipsets)
    for z in zones.values():
        if z.masq:
            _masquerade(st, z)
    _fullcone(st, defaults, zones, fwd_rules, any_fwd, d_fwd)
    partial_all = _includes(st)
    for reason, src in nat_partial:
        for nr in st.dev.nat_rules:
            nr.partial = join_reasons((nr.partial, reason))
        st.partial("firewall", reason, src)
    est_src = defaults.src if defaults is not None else Src(st.file, 1, "(fw4 built-in)")
    # forward: each line with the conditions it has in the chain (a zone's lines within
    # the zone's ingress; no copy of the line per zone)
    est = Line("accept", [Cond(est=True)], est_src, "fw4: established,related")
    flines = [(ln, ln.conds) for ln in (est, *any_fwd)]
    for z in zones.values():
        seq = list(fwd_rules[z.name])
        if z.dnat:
            seq.append(Line("accept", z.dnat, z.dnat_src or z.sec.src, f"fw4: port forwards from {z.name}"))
        seq.append(Line(z.forward, z.egress, z.sec.line("forward"), f"zone {z.name} forward policy"))
        for ln in seq:
            conds = _within(z.ingress, ln.conds)
            if conds:
                flines.append((ln, conds))
    _emit(st, "forward", flines, d_fwd, (defaults.line("forward") if defaults else None), partial_all)
    st.dev.forward_filter = "forward"
    # input
    est = Line("accept", [Cond(est=True)], est_src, "fw4: established,related")
    ilines = [(ln, ln.conds) for ln in (est, *any_in)]
    for z in zones.values():
        seq = list(in_rules[z.name])
        if z.dnat:
            seq.append(Line("accept", z.dnat, z.dnat_src or z.sec.src, f"fw4: port redirections from {z.name}"))
        seq.append(Line(z.input, [Cond()], z.sec.line("input"), f"zone {z.name} input policy"))
        for ln in seq:
            conds = _within(z.ingress, ln.conds)
            if conds:
                ilines.append((ln, conds))
    _emit(st, "input", ilines, d_in, (defaults.line("input") if defaults else None), partial_all)
    st.dev.input_filter = "input"


def _emit(
    st: State, chain: str, lines: list[tuple[Line, list[Cond]]], policy: str, psrc: Src | None, partial_all: str | None
) -> None:
    """The chain's filter: each line (with its conditions in the chain) as Matches."""
    flt = Filter(
        chain,
        kind="chain",
        default_action=Action.PERMIT if policy == "accept" else Action.DENY,
        source=psrc,
        default_text=Text("input.openwrt.default.fw4_policy", chain=chain, policy=policy.upper()),
    )
    for ln, conds in lines:
        # (one condition, nearly every line: its Matches as to_matches gives them, a new
        # list, without a comprehension's call per line)
        matches = to_matches(conds[0]) if len(conds) == 1 else [m for c in conds for m in to_matches(c)]
        if not matches:
            continue
        action = Action.PERMIT if ln.action == "accept" else Action.DENY
        flt.lines.append(FilterLine(action, matches, ln.src, name=ln.name, partial=ln.partial))
    if partial_all:
        flt.partial = partial_all
    st.dev.filters[chain] = flt


def _disabled(s: Section) -> bool:
    """Whether a firewall section has ``enabled '0'``; if so every option of it is marked
    read: fw4 parses the section's options, then ignores it whole ("is disabled, ignoring
    section"), so none of them is a construct left unread."""
    if s.flag("enabled", True):
        return False
    s.consume_all()
    return True


# --------------------------------------------------------------------------- zones


def _zones(st: State, d_in: str, d_out: str, d_fwd: str) -> dict[str, Zone]:
    out: dict[str, Zone] = {}
    universe = st.l3_universe()
    for s in st.text.of("firewall", "zone"):
        name = s.get("name") or ""
        if not name:
            st.warn(s.src, Text("input.openwrt.zone_no_name"))
            continue
        if _disabled(s):
            continue
        fam = (s.get("family") or "").lower()
        devices: set[str] = set()
        excluded: set[str] = set()
        for n, src in s.items("network"):
            inv, n = split_neg(n)
            lg = st.logical.get(n)
            st.refs.append(("interface", n, src, lg is not None))
            if lg is None:
                st.warn(src, Text("input.openwrt.zone_network_undefined", zone=name, network=n))
                continue
            st.facts.zone_of_network.setdefault(n, name)
            (excluded if inv else devices).update(st.l3_names(n))
        for d, _src in s.items("device"):
            inv, d = split_neg(d)
            got = {x for x in st.dev.interfaces if x.startswith(d[:-1])} if d.endswith("+") else {d}
            (excluded if inv else devices).update(got)
        if excluded and not devices:
            devices = set(universe)
        devices -= excluded
        why: list[str] = []
        subnets = addresses(s.values("subnet"), {}, why, "subnet")
        for r in why:
            st.partial(f"zone {name}", r, s.line("subnet"))
        z = Zone(
            name,
            s,
            _policy(st, s, "input", d_in),
            _policy(st, s, "output", d_out),
            _policy(st, s, "forward", d_fwd),
            s.flag("masq"),
            frozenset(devices),
        )
        for key in ("extra", "extra_src", "extra_dest"):
            if s.has(key):
                s.get(key)
                st.partial(f"zone {name}", Text("input.openwrt.zone_extra", option=key), s.line(key))
        if fam in ("ipv6", "6"):
            out[name] = z  # exists for IPv6 only: matches no IPv4 packet
            continue
        if subnets == "v6":
            out[name] = z
            continue
        sub = subnets if isinstance(subnets, tuple) else None
        if devices or sub is not None:
            inif = frozenset(devices) if devices else None
            z.ingress = [Cond(inif=inif, src=sub)]
            z.egress = [Cond(outif=inif, dst=sub)]
        out[name] = z
        st.facts.zones.append(
            ZoneFact(
                name,
                s.values("network"),
                z.input,
                z.output,
                z.forward,
                z.masq,
                s.src,
                s.line("input") if s.has("input") else None,
            )
        )
        for key in (
            "mtu_fix",
            "log",
            "log_limit",
            "masq_allow_invalid",
            "auto_helper",
            "helper",
            "counter",
            "custom_chains",
            "conntrack",
            "masq6",
            "masq_src",
            "masq_dest",
        ):
            s.get(key)
    return out


def _zone_ref(st: State, zones: dict[str, Zone], s: Section, key: str) -> Zone | str | None:
    """A zone named by ``key``: the Zone, ``"*"``, None when absent, ``"?"`` when undefined."""
    v = s.get(key)
    if v is None:
        return None
    if v == "*":
        return "*"
    z = zones.get(v)
    st.refs.append(("zone", v, s.line(key), z is not None))
    if z is None:
        return "?"
    return z


def _ipsets(st: State) -> dict[str, IpSet]:
    """The firewall's ``ipset`` sections as fw4 loads them (``parse_ipset`` in
    firewall4's ``fw4.uc``), by their ``name`` option.  fw4 creates no set for a section
    without ``name``, disabled, or without a ``match`` type it reads, and then skips
    every rule naming it ("references unknown set"); its members are exact only for one
    address type (``ip``/``net``, a direction prefix or ``src``) of family IPv4 with
    ``list entry`` only: a ``loadfile``, a ``timeout`` (members expire, others are added)
    or dnsmasq filling the set from DNS answers (``ipset``/``nftset`` in the dhcp
    package) leave them to run time."""
    filled = _dnsmasq_sets(st)
    out: dict[str, IpSet] = {}
    for s in st.text.of("firewall", "ipset"):
        name = s.get("name")
        if _disabled(s):
            if name:
                out.setdefault(
                    name, IpSet(None, None, Text("input.openwrt.ipset_disabled", name=repr(name), then=_NOT_CREATED))
                )
            continue
        for key in ("storage", "maxelem", "comment", "counters", "reload_set", "hashsize"):
            s.get(key)
        if not name:  # fw4: "skipped due to invalid options"; no rule can name it
            s.consume_all()
            continue
        matches = s.values("match")
        types = [t for t in map(_ipset_type, matches) if t is not None]
        if not types or len(types) != len(matches):
            out[name] = IpSet(None, None, Text("input.openwrt.ipset_no_type", name=repr(name), then=_NOT_CREATED))
            continue
        direction, kind = types[0]
        family = (s.get("family") or "4").lower()
        entries = s.values("entry")
        dynamic = _filled_at_run_time(s, name in filled, bool(entries))
        if len(types) > 1 or kind not in ("ip", "net") or family not in ("4", "ipv4", "inet"):
            unmodelled = Text(
                "input.openwrt.ipset_unmodelled", name=repr(name), matches=" ".join(matches), family=family
            )
            out[name] = IpSet(None, direction, unmodelled)
            continue
        if dynamic is not None:
            out[name] = IpSet(None, direction, Text("input.at", where=f"ipset {name!r}", what=dynamic))
            continue
        why: list[str] = []
        r = addresses(entries, {}, why, Text("input.openwrt.what_ipset_entry"))
        if why or not isinstance(r, tuple):
            reason = join_reasons(why) or Text("input.openwrt.ipset_no_ipv4")
            out[name] = IpSet(None, direction, Text("input.at", where=f"ipset {name!r}", what=reason))
        else:
            out[name] = IpSet(r, direction, None)
    return out


# fw4 creates no such set, so it skips the rules naming it; a service may still register
# a set of that name at run time (procd firewall data): the rule is not ignored here.
_NOT_CREATED = Text("input.openwrt.ipset_not_created")


def _filled_at_run_time(s: Section, by_dnsmasq: bool, has_entries: bool) -> Text | None:
    """Why an ipset's members are not its ``list entry`` lines, or None when they are."""
    timeout = (s.get("timeout") or "").strip()
    if s.get("loadfile"):
        return Text("input.openwrt.ipset_loadfile")
    if timeout.isdecimal():
        return Text("input.openwrt.ipset_timeout")
    if by_dnsmasq:
        return Text("input.openwrt.ipset_dnsmasq")
    if not has_entries:
        return Text("input.openwrt.ipset_no_entry")
    return None


def _ipset_type(value: str) -> tuple[str, str] | None:
    """fw4's ``parse_ipsettype``: ``src_net`` → (src, net); ``dest_ip``/``dst_ip`` →
    (dst, ip); a type without direction is a source match; None when not a type."""
    d, sep, kind = value.lower().partition("_")
    if not sep or d not in ("src", "dst", "dest"):
        d, kind = "src", value.lower()
    if kind not in ("ip", "port", "mac", "net", "set"):
        return None
    return ("src" if d == "src" else "dst"), kind


def _dnsmasq_sets(st: State) -> set[str]:
    """Names of the sets dnsmasq fills from DNS answers: ``list ipset '/dom/set1,set2'``
    and ``list nftset '/dom/4#inet#fw4#set'`` of a dnsmasq section, ``config ipset``
    sections of the dhcp package (``list name``)."""
    out: set[str] = set()
    for s in st.text.of("dhcp", "dnsmasq"):
        for v in s.values("ipset") + s.values("nftset"):
            for spec in v.rsplit("/", 1)[-1].split(","):
                out.add(spec.rsplit("#", 1)[-1].strip())
    for s in st.text.of("dhcp", "ipset"):
        out.update(s.values("name"))
    return out


# --------------------------------------------------------------------------- rules


def _rule(st, s, zones, ipsets, fwd_rules, in_rules, any_fwd, any_in, nat_partial) -> None:
    if _disabled(s):
        return
    name = s.get("name") or s.name
    target = (s.get("target") or "").lower()
    src = _zone_ref(st, zones, s, "src")
    dest = _zone_ref(st, zones, s, "dest")
    if src == "?" or dest == "?":
        st.warn(s.src, Text("input.openwrt.rule_zone_undefined", name=name))
        s.consume_all()  # skipped whole: its options are read, none is listed unrecognized
        return
    s.get("device")
    s.get("direction")
    if target in ("mark", "dscp", "helper"):
        for key in ("set_mark", "set_xmark", "set_dscp", "set_helper"):
            s.get(key)
        if target != "helper":
            st.facts.mark_rules.append(s.src)
        return  # mangle / helper: no verdict (rules matching marks are partial)
    try:
        conds, why = rule_conds(s, ipsets)
    except Family:
        s.consume_all()  # an IPv6 rule: understood, nothing for IPv4
        return
    if target == "notrack":
        nat_partial.append((Text("input.openwrt.notrack", name=name), s.src))
        return
    if target not in POLICIES:
        if target:
            st.warn(s.line("target"), Text("input.openwrt.rule_target_unknown", name=name, target=target))
        return  # no verdict: fw4 writes the rule without one (a counter)
    if src is None:
        return  # output rule: traffic the router sends, not modelled
    partial = join_reasons(why) or None
    dev_opt = s.get("device")
    if dev_opt:
        one = frozenset({dev_opt})
        out_dir = (s.get("direction") or "").lower() in ("out", "egress")
        conds = intersect_all(conds, [Cond(outif=one) if out_dir else Cond(inif=one)])
    if isinstance(dest, Zone):
        # (an egress is one condition or none: the order intersect_all(conds, egress) gives)
        conds = _within(dest.egress, conds)
    ln = Line(target, conds, s.src, f"rule {name}", partial)
    if src == "*":
        (any_fwd if dest is not None else any_in).append(ln)
    elif isinstance(src, Zone):
        (fwd_rules if dest is not None else in_rules)[src.name].append(ln)
    if partial:
        st.partial(f"firewall rule {name}", partial, s.src)


def _forwarding(st, s, zones, fwd_rules, any_fwd) -> None:
    if _disabled(s):
        return
    src = _zone_ref(st, zones, s, "src")
    dest = _zone_ref(st, zones, s, "dest")
    s.get("name")
    if src in (None, "?") or dest in (None, "?"):
        st.warn(s.src, Text("input.openwrt.forwarding_zones"))
        s.consume_all()
        return
    fam = (s.get("family") or "").lower()
    if fam in ("ipv6", "6"):
        return
    conds = dest.egress if isinstance(dest, Zone) else [Cond()]
    sname = src.name if isinstance(src, Zone) else "any"
    dname = dest.name if isinstance(dest, Zone) else "any"
    ln = Line("accept", conds, s.src, f"forwarding {sname} -> {dname}")
    if isinstance(src, Zone):
        fwd_rules[src.name].append(ln)
    else:
        any_fwd.append(ln)
    st.facts.forwardings.append(Forwarding(sname, dname, s.src))


# --------------------------------------------------------------------------- NAT


def _redirect(st: State, s: Section, zones: dict[str, Zone], ipsets: dict) -> None:
    if _disabled(s):
        return
    name = s.get("name") or s.name
    target = (s.get("target") or "dnat").lower()
    src = _zone_ref(st, zones, s, "src")
    dest = _zone_ref(st, zones, s, "dest")
    for key in ("reflection", "reflection_src", "reflection_zone"):
        s.get(key)
    try:
        if target == "snat":
            conds, why = rule_conds(s, ipsets, dport_key="dest_port")
        else:
            conds, why = rule_conds(s, ipsets, dport_key="src_dport", dip_key="src_dip")
    except Family:
        s.consume_all()
        return
    dev = st.dev
    if target == "snat":
        if not isinstance(dest, Zone):
            st.warn(s.src, Text("input.openwrt.snat_no_dest", name=name))
            return
        to_ip = _host(s.get("src_dip"))
        if to_ip is None:
            st.warn(s.src, Text("input.openwrt.snat_no_src_dip", name=name))
            return
        partial = join_reasons(why) or None
        if partial:  # listed as the DNAT redirects are (below)
            st.partial(f"redirect {name}", partial, s.src)
        for c in intersect_all(conds, dest.egress):
            for m in to_matches(c):
                dev.nat_rules.append(
                    NatRule(
                        "source",
                        match=evolve(m, in_ifaces=None, out_ifaces=None),
                        to_ip=to_ip,
                        out_ifaces=c.outif,
                        source=s.src,
                        partial=partial,
                    )
                )
        return
    if not isinstance(src, Zone):
        st.warn(s.src, Text("input.openwrt.dnat_no_src", name=name))
        return
    raddr = s.get("dest_ip")
    rport_v = s.get("dest_port") or s.get("src_dport")
    to_ip = _host(raddr)
    if raddr and to_ip is None:
        st.warn(s.line("dest_ip"), Text("input.openwrt.dest_ip_unread", name=name, value=repr(raddr)))
        return
    to_port = None
    if rport_v:
        lo, sep, hi = rport_v.replace(":", "-").partition("-")
        if lo.isdecimal():
            to_port = int(lo)
            top = int(hi) if sep and hi.isdecimal() else to_port
            if top != to_port:
                if s.get("dest_port") is None or _ports_within(conds, to_port, top):
                    # The kernel keeps a destination port already in the DNAT range
                    # (nf_nat_get_unique_tuple): no rewrite (src_dport '5070-5079' with
                    # dest_port '5070-5079', or no dest_port at all).
                    to_port = None
                else:
                    # A port outside the range becomes the range's first free port.
                    why.append(Text("input.openwrt.port_range_first", range=rport_v))
    partial = join_reasons(why) or None
    if partial:
        st.partial(f"redirect {name}", partial, s.src)
    if s.flag("reflection", True) and s.values("reflection_zone"):
        others = [z for z in s.values("reflection_zone") if not (isinstance(dest, Zone) and z == dest.name)]
        if others:
            reflection = Text("input.openwrt.reflection_zones", zones=str(others))
            st.partial(f"redirect {name}", reflection, s.line("reflection_zone"))
    src.dnat_src = src.dnat_src or s.src
    for c in intersect_all(src.ingress, conds):
        inifs = c.inif
        if to_ip is None:
            # redirect to the router itself: the address of the interface it came in by
            for i in sorted(inifs or st.l3_universe()):
                itf = dev.interfaces.get(i)
                if itf is None or not itf.addresses:
                    continue
                a = int(itf.addresses[0].ip)
                cc = c._replace(inif=frozenset({i}))
                for m in to_matches(cc):
                    dev.nat_rules.append(
                        NatRule(
                            "destination",
                            match=evolve(m, in_ifaces=None, out_ifaces=None),
                            to_ip=a,
                            to_port=to_port,
                            in_ifaces=frozenset({i}),
                            source=s.src,
                            partial=partial,
                        )
                    )
                img = cc._replace(dst=((a, a),), est=None)
                if to_port is not None:
                    img = img._replace(dport=((to_port, to_port),))
                src.dnat.append(img)
            continue
        for m in to_matches(c):
            dev.nat_rules.append(
                NatRule(
                    "destination",
                    match=evolve(m, in_ifaces=None, out_ifaces=None),
                    to_ip=to_ip,
                    to_port=to_port,
                    in_ifaces=inifs,
                    source=s.src,
                    partial=partial,
                )
            )
        img = c._replace(dst=((to_ip, to_ip),), est=None)
        if to_port is not None:
            img = img._replace(dport=((to_port, to_port),))
        src.dnat.append(img)


def _ports_within(conds: list[Cond], lo: int, hi: int) -> bool:
    """Whether every packet of ``conds`` has its destination port in ``lo``..``hi``."""
    return bool(conds) and all(c.dport is not None and all(lo <= a and b <= hi for a, b in c.dport) for c in conds)


def _host(value: str | None) -> int | None:
    """An IPv4 host address (``a.b.c.d`` or ``a.b.c.d/32``), else None."""
    if not value:
        return None
    try:
        a = IPAddress(value.split("/")[0])
    except (AddrFormatError, ValueError):
        return None
    return int(a) if a.version == 4 else None


def _masquerade(st: State, z: Zone) -> None:
    """``masq '1'``: source NAT to the address of the zone's device it leaves by."""
    s = z.sec
    why: list[str] = []
    msrc = addresses(s.values("masq_src"), {}, why, "masq_src")
    mdst = addresses(s.values("masq_dest"), {}, why, "masq_dest")
    partial = join_reasons(why) or None
    base = Cond(src=msrc if isinstance(msrc, tuple) else None, dst=mdst if isinstance(mdst, tuple) else None)
    outs = sorted(d for d in z.devices if d in st.dev.interfaces and st.dev.interfaces[d].mode == L2Mode.ROUTED)
    if not outs:
        st.partial(f"zone {z.name}", Text("input.openwrt.masq_no_devices"), s.line("masq"))
        return
    for o in outs:
        for m in to_matches(base):
            st.dev.nat_rules.append(
                NatRule(
                    "source", match=m, to_interface=o, out_ifaces=frozenset({o}), source=s.line("masq"), partial=partial
                )
            )


def _fullcone(st: State, defaults: Section | None, zones: dict[str, Zone], fwd_rules, any_fwd, d_fwd: str) -> None:
    """Full-cone NAT (ImmortalWrt/LEDE firewall: ``fullcone '1'`` in ``defaults``, or a
    zone's ``fullcone4``/``fullcone``), on the zones with ``masq``: once an inside host
    has sent a packet out, the zone's port it was mapped to takes packets from any host
    and translates them back to it — port forwards inside hosts open at run time, as
    UPnP's (``Device.runtime_forwards``: maybe delivered, never "blocked").  Inside: the
    zones whose traffic may leave by the masquerading zone (an accepting forwarding or
    rule toward it, or every zone when the defaults forward policy accepts)."""
    on = defaults is not None and defaults.flag("fullcone", False)
    routed = {n for n, i in st.dev.interfaces.items() if i.mode == L2Mode.ROUTED}
    for z in zones.values():
        own = z.sec.flag("fullcone4", False) or z.sec.flag("fullcone", False)
        z.sec.get("fullcone6")  # IPv6: not modelled
        if not z.masq or not (on or own) or not z.egress:
            continue  # (no egress: an IPv6-only zone, or one without devices)
        outs = sorted(d for d in z.devices if d in routed)
        inside: set[str] = set()
        for x in zones.values():
            if x is z:
                continue
            lines = [ln for ln in (*fwd_rules[x.name], *any_fwd) if ln.action == "accept"]
            if d_fwd == "accept" or any(intersect_all(z.egress, ln.conds) for ln in lines):
                inside |= x.devices
        if d_fwd == "accept":
            inside |= routed  # interfaces in no zone are forwarded by the defaults policy
        to = sorted(inside & routed - z.devices)
        src = defaults.line("fullcone") if on and defaults is not None else z.sec.src
        for o in outs:
            st.dev.runtime_forwards.append(RuntimeForward(o, to, "full-cone NAT", src))


# The include the miniupnpd package installs (fw3): it creates the MINIUPNPD chains and
# jumps to them from the external zone's forward and prerouting chains, empty until the
# daemon adds a forward for a host that asked — what `Device.runtime_forwards` models
# while upnpd runs (services._miniupnpd), nothing when it does not.
MINIUPNPD_INCLUDE = "/usr/share/miniupnpd/firewall.include"


def _includes(st: State) -> str | None:
    """``config include``: custom nftables/iptables the export does not hold."""
    reasons: list[str] = []
    for s in st.text.of("firewall", "include"):
        if _disabled(s):
            continue
        path = s.get("path") or ""
        for key in ("type", "family", "reload", "position", "chain", "fw4_compatible"):
            s.get(key)
        if path == MINIUPNPD_INCLUDE:
            continue  # the daemon's own chains: its run-time port forwards (services._miniupnpd)
        body = st.text.raw_files.get(path)
        if body is not None and all(not t.strip() or t.strip().startswith("#") for _, t in body):
            continue  # the included file is in the input and holds nothing but comments
        reason = (
            Text("input.openwrt.include_script", path=path)
            if body is not None
            else Text("input.openwrt.include_missing", path=path or s.name)
        )
        st.partial("firewall include", reason, s.src)
        reasons.append(reason)
    return join_reasons(reasons) or None
