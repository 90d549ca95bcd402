"""Wireless networks and the router's own services (dropbear, uhttpd, snmpd) in a change set."""

from __future__ import annotations

from netaddr import IPSet

from ...parsers.openwrt.uci import Section
from .change import OPEN_ENCRYPTION, _restrict_key
from .context import Ctx

# --------------------------------------------------------------------------- wireless


def _wireless(ctx: Ctx) -> None:
    """An open SSID on a network that is not the guest network moves to it; every open
    SSID gets ``isolate '1'`` (clients of the access point do not reach each other)."""
    doc = ctx.doc
    radios = {s.name: s for s in doc.sections("wireless", "wifi-device")}

    def on(s: Section) -> bool:
        radio = radios.get(s.get("device") or "")
        return not s.flag("disabled") and not (radio is not None and radio.flag("disabled"))

    def is_open(s: Section) -> bool:
        return (s.get("encryption") or "none").lower().split("+")[0] in OPEN_ENCRYPTION

    aps = [s for s in doc.sections("wireless", "wifi-iface") if (s.get("mode") or "ap").lower() == "ap" and on(s)]
    by_net: dict[str, list[Section]] = {}
    for s in aps:
        nets = s.values("network")
        if nets:
            by_net.setdefault(nets[0], []).append(s)
    mgmt = IPSet(ctx.mgmt)
    zone_of = ctx.before.st.facts.zone_of_network
    guest_nets = []
    for net, ssids in by_net.items():
        if not all(is_open(s) for s in ssids):
            continue
        carries = IPSet(a.cidr for n in ctx.before.st.l3_names(net) for a in ctx.before.dev.interfaces[n].addresses)
        if carries & mgmt:
            continue
        guest_nets.append(net)
    if len(guest_nets) == 1:
        guest = guest_nets[0]
        for s in aps:
            nets = s.values("network")
            if not is_open(s) or not nets or nets[0] == guest:
                continue
            if zone_of.get(nets[0]) is not None and zone_of.get(nets[0]) == zone_of.get(guest):
                continue
            ssid = s.get("ssid") or s.name
            ctx.ch.set(s, "network", guest, f"open SSID '{ssid}' moved from network {nets[0]} to the guest network")
            ctx.moved_ssids.append(f"{ssid} ({nets[0]} → {guest})")
    for s in aps:
        if is_open(s) and not s.flag("isolate"):
            ssid = s.get("ssid") or s.name
            ctx.ch.set(s, "isolate", "1", f"open SSID '{ssid}': client isolation")


# --------------------------------------------------------------------------- services


def _mgmt_binding(ctx: Ctx) -> tuple[str, str] | None:
    """The one static logical interface holding the management subnet(s), and its
    address: what dropbear and uhttpd are bound to."""
    if not ctx.mgmt:
        return None
    mgmt = IPSet(ctx.mgmt)
    found = []
    for name, lg in ctx.before.st.logical.items():
        if lg.disabled or lg.proto != "static" or lg.l3 is None:
            continue
        for a in ctx.before.dev.interfaces[lg.l3].addresses:
            if a.ip in mgmt:
                found.append((name, str(a.ip)))
                break
    return found[0] if len(found) == 1 else None


def _services(ctx: Ctx) -> None:
    """What each restricted service's own configuration can say (the firewall does the rest)."""
    doc, ch = ctx.doc, ctx.ch
    ctx.bind = _mgmt_binding(ctx)
    for r in ctx.plan.restricts:
        if r.service == "http" and not r.allow_from:
            for s in doc.sections("uhttpd", "uhttpd"):
                if s.has("listen_http"):
                    ch.set(s, "listen_http", None, "LuCI over cleartext HTTP off (HTTPS only)")
                    ctx.off.add(_restrict_key(r))
        elif r.service == "https" and r.allow_from and ctx.bind is not None:
            lname, addr = ctx.bind
            for s in doc.sections("uhttpd", "uhttpd"):
                ports = sorted(
                    {v.rpartition(":")[2] for v in s.values("listen_https") if v.rpartition(":")[2].isdecimal()}
                )
                want = [f"{addr}:{p}" for p in ports]
                if want and s.values("listen_https") != want:
                    ch.set(
                        s, "listen_https", want, f"LuCI (HTTPS) listens on the management interface {lname} only", True
                    )
        elif r.service == "ssh" and r.allow_from and ctx.bind is not None:
            lname, _ = ctx.bind
            for s in doc.sections("dropbear", "dropbear"):
                if s.flag("enable", True) and s.get("Interface") != lname:
                    ch.set(s, "Interface", lname, f"SSH (dropbear) listens on the management interface {lname} only")
        elif r.service == "snmp":
            if not r.allow_from:
                for s in doc.sections("snmpd", "snmpd"):
                    ch.set(s, "enabled", "0", "SNMP agent off")
                    ctx.off.add(_restrict_key(r))
            elif len(r.allow_from) == 1:
                for s in doc.sections("snmpd", "com2sec"):
                    # only the communities open to everyone (a localhost one stays as it is)
                    if (s.get("source") or "default") in ("default", "0.0.0.0/0", "any"):
                        ch.set(s, "source", str(r.allow_from[0]), "SNMP community answers the management subnet only")
