"""Source anti-spoofing: strict reverse-path filtering per gateway interface, or drops in
netaudit's chains on a host that routes by policy."""

from __future__ import annotations

import re

from netaddr import IPAddress, IPNetwork, IPSet

from ...model import Device
from ...parsers.linux.sections import split
from .. import Rendered
from ..addresses import behind, is_outside
from ..plan import AntiSpoof, DevicePlan
from .patch import Edits
from .rules import MAIN_TABLES, SYSCTL_FILE, SYSCTL_SAVED, TAG, Addr, Change, Rule, _safe, _set_addr
from .script import _header


def policy_routed(dev: Device) -> bool:
    """Whether the host routes by policy (``ip rule`` entries, routes in other tables):
    strict rp_filter checks the main lookup only and would drop the other paths' packets."""
    return bool(dev.policy_routes) or any(r.table not in MAIN_TABLES for r in dev.routes)


def _specific(dev: Device, name: str) -> IPSet:
    """Connected subnets of ``name`` and the prefixes a route more specific than a default
    route sends out of it."""
    itf = dev.interfaces.get(name)
    if itf is None:
        return IPSet()
    out = IPSet(a.cidr for a in itf.addresses)
    for r in dev.routes:
        if r.drop or r.prefix.prefixlen == 0 or r.table not in MAIN_TABLES:
            continue
        if r.interface == name or (
            r.next_hop is not None and any(IPAddress(r.next_hop) in a.cidr for a in itf.addresses)
        ):
            out.add(r.prefix.cidr)
    return out


def _legit_sources(plan: DevicePlan, dev: Device, a: AntiSpoof) -> tuple[IPSet, bool]:
    """(addresses, forged): the sources a packet arriving on the gateway may carry (the
    zone's, what is routed behind the interface, DHCP's 0.0.0.0) — or, on an interface a
    default route leaves by, the sources it may not (``forged``: routed behind another)."""
    legit = behind(dev, a.interface)
    if IPNetwork("0.0.0.0/0") in list(legit.iter_cidrs()):
        forged = IPSet()
        for name in dev.interfaces:
            if name not in (a.interface, "lo"):
                forged |= _specific(dev, name)
        return forged - _specific(dev, a.interface), True
    for b in plan.blocks:
        for z, nets in ((b.src_zone, b.src), (b.dst_zone, b.dst)):
            if z == a.zone and nets and not is_outside(nets):
                legit |= IPSet(nets)
    return legit | IPSet(["0.0.0.0/32"]), False


def _spoof_rules(plan: DevicePlan, dev: Device, ch: Change, chain: str, nft: bool) -> None:
    """The drops of forged sources, first in ``chain`` (forward and input alike)."""
    done: set[str] = set()
    for a in plan.antispoofs:
        if a.interface not in dev.interfaces or a.interface in done:
            continue
        done.add(a.interface)
        nets, forged = _legit_sources(plan, dev, a)
        if not nets:
            continue
        what = f"anti-spoofing: {a.zone} on {a.interface}"
        base = f"{TAG}_src_{_safe(a.interface)}" if not forged else f"{TAG}_spoof_{_safe(a.interface)}"
        if forged or nft:
            addr = _set_addr(ch, base, list(nets.iter_cidrs()), negate=not forged)
            ch.add(Rule(chain, "drop", iif=a.interface, src=addr, comment=what))
            continue
        # iptables: no negation of an address list — a chain returning the sources allowed
        sub = f"{TAG}_src_{_safe(a.interface)}"
        ch.add(Rule(chain, "jump", sub, iif=a.interface, comment=what))
        if sub not in ch.chains:
            ch.add(Rule(sub, "return", src=Addr(tuple(nets.iter_cidrs())), comment=f"{what}: allowed sources"))
            ch.add(Rule(sub, "drop", comment=f"{what}: forged source"))


def _sysctl_key(ifname: str) -> str:
    # sysctl writes the dots of an interface name as slashes (eth0.10 -> eth0/10)
    return f"net.ipv4.conf.{ifname.replace('.', '/')}.rp_filter"


def _with_rp_filter(got: Rendered, plan: DevicePlan, device: Device) -> Rendered:
    """``got`` with strict rp_filter on the plan's anti-spoofing interfaces: the commands,
    their persistence, the rollback and the dump's sysctl section patched."""
    text = got.patched
    _, sections = split(text)
    sec = next((x for x in sections if x.kind == "sysctl"), None)
    values: dict[str, tuple[str, int]] = {}
    for no, raw in sec.lines if sec is not None else []:
        key, sep, value = raw.strip().partition("=")
        if sep and key.strip():
            values[key.strip()] = (value.strip(), no)

    def val(key: str) -> int | None:
        v = values.get(key)
        return int(v[0]) if v is not None and v[0].isdecimal() else None

    allv = val("net.ipv4.conf.all.rp_filter")
    targets: list[str] = []
    strict_already: list[str] = []
    for a in plan.antispoofs:
        if a.interface not in device.interfaces or a.interface in targets + strict_already:
            continue
        own = val(_sysctl_key(a.interface))
        if own is not None and max(own, allv or 0) == 1:
            strict_already.append(a.interface)
        else:
            targets.append(a.interface)
    notes = list(got.notes)
    if strict_already:
        where = ", ".join(strict_already)
        notes.append(
            {
                "vi": f"{where}: rp_filter đã ở chế độ chặt (1); địa chỉ giả mạo vẫn lọt là địa chỉ được định tuyến "
                "ngược về chính cổng đó (mạng phía sau cổng) — rp_filter không chặn được, cần lọc theo nguồn ở thiết "
                "bị phía sau.",
                "en": f"{where}: rp_filter is already strict (1); the forged addresses that still pass are routed back "
                "out of that very interface (networks behind it) — rp_filter cannot stop them, a source filter on the "
                "device behind it can.",
            }
        )
    if not targets:
        return Rendered(got.change_set, got.patched, got.rollback, notes)
    new: dict[str, str] = {}
    loosen: dict[str, str] = {}  # written first: no interface loses its loose check meanwhile
    if allv == 2:
        for name in device.interfaces:
            key = _sysctl_key(name)
            if name in targets or name == "lo":
                continue
            own = val(key)
            if own is None or own < 2:
                loosen[key] = "2"
        dflt = val("net.ipv4.conf.default.rp_filter")
        if dflt is None or dflt < 2:
            loosen["net.ipv4.conf.default.rp_filter"] = "2"
    for name in targets:
        new[_sysctl_key(name)] = "1"
    last = {"net.ipv4.conf.all.rp_filter": "0"} if allv == 2 else {}
    order = {**loosen, **new, **last}
    keys = list(order)
    where = ", ".join(targets)
    script = (
        got.change_set.rstrip("\n").split("\n")
        if got.change_set.startswith("#!")
        else [
            *_header(device, "sysctl"),
            *[ln for ln in got.change_set.rstrip("\n").split("\n") if ln and "nothing to" not in ln],
        ]
    )
    script += [
        f"# anti-spoofing: strict reverse-path filter (rp_filter = 1) on {where}",
        "#   the kernel uses the larger of conf.all and conf.<if> (2 = loose wins over 1)",
        f"sysctl {' '.join(keys)} > {SYSCTL_SAVED}",
    ]
    if allv is None:
        script += [
            'if [ "$(sysctl -n net.ipv4.conf.all.rp_filter)" = 2 ]; then',
            '    echo "netaudit: net.ipv4.conf.all.rp_filter is 2 here, not in the dump: collect again" >&2',
            "    exit 1",
            "fi",
        ]
    script += [f"sysctl -w {k}={v}" for k, v in order.items()]
    script += [
        f"cat > {SYSCTL_FILE} <<'EOF'",
        f"# netaudit: strict reverse-path filter on {where} (anti-spoofing)",
        *[f"{k} = {v}" for k, v in order.items()],
        "EOF",
    ]
    rollback = (
        got.rollback.rstrip("\n").split("\n")
        if got.rollback.startswith("#!")
        else [
            "#!/bin/sh",
            f"# netaudit rollback for {device.hostname}",
            *[ln for ln in got.rollback.rstrip("\n").split("\n") if ln and "nothing to" not in ln],
        ]
    )
    rollback += ["# rp_filter: the values before the change", f"rm -f {SYSCTL_FILE}"]
    for k in reversed(keys):
        old = values.get(k)
        if old is not None:
            rollback.append(f"sysctl -w {k}={old[0]}")
        else:
            rollback.append(f"sysctl -w \"$(grep -F '{k} =' {SYSCTL_SAVED} | tr -d ' ')\"")
    ed = Edits(text)
    added: list[str] = []
    for k, v in order.items():
        if k in values:
            no = values[k][1]
            ed.replace[no] = re.sub(r"=.*$", f"= {v}", ed.lines[no - 1], count=1)
        else:
            added.append(f"{k} = {v}")
    if added:
        if sec is not None:
            at = max([no for no, raw in sec.lines if raw.strip()] or [sec.header_line])
            ed.after.setdefault(at, []).extend(added)
        else:
            ed.after.setdefault(len(ed.lines), []).extend(["### sysctl -a -r '\\.rp_filter$'", *added])
    notes.append(
        {
            "vi": f"Chống giả mạo địa chỉ nguồn: rp_filter = 1 (uRPF chặt) trên {where}, lưu vĩnh viễn trong "
            f"{SYSCTL_FILE}; gói có địa chỉ nguồn không được định tuyến ngược ra đúng cổng nhận bị loại. Nhân Linux "
            "dùng giá trị lớn hơn giữa conf.all và conf.<cổng>"
            + (", nên conf.all chuyển từ 2 về 0 và các cổng khác giữ 2 (lỏng) bằng giá trị riêng" if allv == 2 else "")
            + ". Kiểm tra: `sysctl -a -r rp_filter`, `nstat -az TcpExtIPReversePathFilter`.",
            "en": f"Source anti-spoofing: rp_filter = 1 (strict uRPF) on {where}, persisted in {SYSCTL_FILE}; a "
            "packet whose source is not routed back out of the interface it came in by is dropped. The kernel uses "
            "the larger of conf.all and conf.<if>"
            + (
                ", so conf.all goes from 2 to 0 and the other interfaces keep 2 (loose) by a value of their own"
                if allv == 2
                else ""
            )
            + ". Check: `sysctl -a -r rp_filter`, `nstat -az TcpExtIPReversePathFilter`.",
        }
    )
    return Rendered("\n".join(script) + "\n", ed.render(), "\n".join(rollback) + "\n", notes)
