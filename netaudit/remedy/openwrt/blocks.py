"""Blocks of violating flows between firewall zones, and accepts the change leaves dead."""

from __future__ import annotations

from dataclasses import dataclass

from netaddr import IPNetwork, IPSet

from ...headerspace import service_match
from ...line_reachability import shadowed_lines
from ...model import (
    Action,
)
from ..addresses import behind, is_outside
from ..plan import Block
from .change import TAG, _match_options, safe_name
from .context import Ctx, Model

# --------------------------------------------------------------------------- blocks


@dataclass
class BlockSpec:
    block: Block
    src: list[str]  # firewall zones the packets come from ('*' when none)
    dest: str  # the firewall zone they leave by ('*' when several or none)
    src_ip: list[IPNetwork]
    dest_ip: list[IPNetwork]
    target: str
    device: str | None = None  # the ingress interface, when the source zone has several


def _spec(ctx: Ctx, b: Block) -> BlockSpec:
    """Where a block's rule goes in fw4 terms: zones, interface, addresses, target."""
    before = ctx.before
    dev = before.dev
    outside_zones = [z.name for z in before.zones.values() if z.outside]
    dst_huge = bool(b.dst) and is_outside(b.dst)
    if b.direction == "in":
        z = before.zone_of(b.interface)
        src = [z.name] if z is not None else ["*"]
    else:
        src = outside_zones or ["*"]
    if dst_huge:
        dest_names = outside_zones
    elif b.direction == "out":
        dz = before.zone_of(b.interface)
        dest_names = [dz.name] if dz is not None else []
    else:
        want = IPSet(b.dst)
        dest_names = [z.name for z in before.zones.values() if z.subnets & want]
    dest = dest_names[0] if len(dest_names) == 1 else "*"
    src_ip = list(b.src)
    zone = before.zone_of(b.interface) if b.direction == "in" else None
    # A firewall zone with several interfaces (lan + quantri): the rule names the one the
    # source zone's packets enter by, so it needs no source address a host could forge.
    device = b.interface if b.direction == "in" and (zone is None or len(zone.devices) > 1) else None
    if b.src and b.direction == "in" and behind(dev, b.interface) <= IPSet(b.src):
        src_ip = []  # only the source zone lives behind the interface: forged sources stopped too
    dest_ip = [] if dst_huge else list(b.dst)
    return BlockSpec(b, src, dest, src_ip, dest_ip, "DROP" if not b.src else "REJECT", device)


def _block_packets(ctx: Ctx, b: Block):
    """The packets a block stops (a source zone alone behind its interface: any source)."""
    hs = ctx.hs
    u = hs.true
    if b.src and not (b.direction == "in" and behind(ctx.before.dev, b.interface) <= IPSet(b.src)):
        u &= ctx.src_set(b.src)
    if b.dst:
        u &= ctx.dst_set(b.dst)
    for svc in b.allow:
        u &= ~hs.match(service_match(svc))
    return u


def _blocks(ctx: Ctx) -> None:
    """Forwardings that alone cause a leak deleted (when the model shows it is enough and
    loses nothing else); reject rules for the rest, the allowed services accepted first."""
    before, ch = ctx.before, ctx.ch
    specs = [_spec(ctx, b) for b in ctx.plan.blocks]
    groups: dict[tuple[str, str], list[BlockSpec]] = {}
    for sp in specs:
        one_zone = len(sp.src) == 1 and sp.src[0] in before.zones
        if sp.block.direction == "in" and not sp.block.allow and one_zone and sp.dest not in ("*", sp.src[0]):
            groups.setdefault((sp.src[0], sp.dest), []).append(sp)
    handled: set[int] = set()
    if before.defaults_forward() != "accept":
        for (zsrc, zdst), members in groups.items():
            fwds = [
                s
                for s in ctx.doc.sections("firewall", "forwarding")
                if s.flag("enabled", True)
                and s.get("src") == zsrc
                and s.get("dest") == zdst
                and (s.get("family") or "").lower() not in ("ipv6", "6")
            ]
            if not fwds:
                continue
            first = members[0].block
            why = f"forwarding {zsrc} -> {zdst} deleted: it alone let {first.src_zone} into {first.dst_zone}"
            for s in fwds:
                ch.deleted.append((s, why))
            if _deletion_is_enough(ctx, zsrc, zdst, members):
                handled |= {id(sp) for sp in members}
                names = [s.get("name") for s in fwds if s.get("name")]
                ctx.deleted_fwd.append(f"{zsrc} → {zdst}" + (f" ('{names[0]}')" if names else ""))
            else:
                ch.deleted = [(s, w) for s, w in ch.deleted if s not in fwds]
    for sp in specs:
        if id(sp) in handled:
            continue
        b = sp.block
        what = f"{b.src_zone} -> {b.dst_zone}"
        for src in sp.src:
            base = f"{safe_name(b.src_zone)}_{safe_name(b.dst_zone)}"
            where: list[tuple[str, list[str]]] = [("src", [src]), ("dest", [sp.dest])]
            if sp.device:
                where.append(("device", [sp.device]))
            if sp.src_ip:
                where.append(("src_ip", [str(n) for n in sp.src_ip]))
            if sp.dest_ip:
                where.append(("dest_ip", [str(n) for n in sp.dest_ip]))
            for svc in b.allow:
                m = service_match(svc)
                ch.add_rule(
                    f"{base}_{safe_name(svc)}",
                    [
                        ("name", [f"{TAG}: {what}: {svc} allowed by the policy"]),
                        *where,
                        *_match_options(m),
                        ("target", ["ACCEPT"]),
                    ],
                    f"{what}: {svc} still allowed (the policy allows it)",
                )
            ch.add_rule(
                base,
                [("name", [f"{TAG}: {what} blocked"]), *where, ("proto", ["all"]), ("target", [sp.target])],
                f"{what}: blocked ({sp.target}) before the rules that accept",
            )


def _deletion_is_enough(ctx: Ctx, zsrc: str, zdst: str, members: list[BlockSpec]) -> bool:
    """Whether deleting the forwardings (as ``ctx.ch`` stands) stops every blocked packet
    and loses no other flow from ``zsrc`` to ``zdst``."""
    hs, before = ctx.hs, ctx.before
    after, _ = ctx.trial()
    z, d = before.zones[zsrc], before.zones[zdst]
    for sp in members:
        pk = _block_packets(ctx, sp.block)
        for o in d.devices:
            if after.permits("forward", sp.block.interface, o, pk) != hs.false:
                return False
    for i in z.devices:
        blocked = hs.false
        for sp in members:
            if sp.block.interface == i:
                blocked |= _block_packets(ctx, sp.block)
        sources = ctx.src_set(list(behind(before.dev, i).iter_cidrs()))
        for o in d.devices:
            # what can really cross: from behind the one interface to behind the other
            real = sources & ctx.dst_set(list(behind(before.dev, o).iter_cidrs()))
            lost = before.permits("forward", i, o, real) & ~after.permits("forward", i, o, real)
            if lost & ~blocked != hs.false:
                return False
    return True


# --------------------------------------------------------------------------- dead accepts


def _dead_accepts(ctx: Ctx, after: Model, origin: list[int | None]) -> None:
    """Existing accept rules no packet reaches any more (the new rejects take all of
    them): disabled, so the re-audit finds no dead line and the intent stays readable."""
    hs = ctx.hs
    sections = {s.src.line: s for s in ctx.doc.sections("firewall", "rule")}
    was_dead: set[int] = set()
    for chain in ("forward", "input"):
        flt = ctx.before.dev.filters.get(chain)
        if flt is None:
            continue
        dead = {u.index for u in shadowed_lines(hs, flt)}
        for i, line in enumerate(flt.lines):
            if i in dead and line.source is not None:
                was_dead.add(line.source.line)
    for chain in ("forward", "input"):
        flt = after.dev.filters.get(chain)
        if flt is None:
            continue
        dead = {u.index for u in shadowed_lines(hs, flt)}
        by_section: dict[int, list[int]] = {}
        for i, line in enumerate(flt.lines):
            if line.source is None or not 0 < line.source.line <= len(origin):
                continue
            orig = origin[line.source.line - 1]
            if orig is not None and orig in sections:
                by_section.setdefault(orig, []).append(i)
        for orig, idxs in by_section.items():
            sec = sections[orig]
            if orig in was_dead or not all(i in dead for i in idxs):
                continue
            if any(flt.lines[i].action != Action.PERMIT for i in idxs):
                continue
            label = sec.get("name") or sec.name
            ctx.ch.set(
                sec, "enabled", "0", f"rule '{label}' accepts nothing any more (the new rules take it): disabled"
            )
