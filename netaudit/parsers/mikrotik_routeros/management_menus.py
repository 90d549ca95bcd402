"""Reading the management-plane menus: ``/system identity``, ``/ip service``, DNS, DHCP
servers and relays, neighbor discovery, one-setting menus (``/ip settings``, proxy,
socks, SMB, UPnP, NTP server, bandwidth server), the SOCKS access list, SNMP, users,
the MAC server, SSH.

Handlers as in :mod:`.interface_menus`.
"""

from __future__ import annotations

import contextlib

from netaddr import AddrFormatError, IPNetwork

from netaudit.messages import Text
from netaudit.model import Src

from .facts import MacServerEntry
from .state import IGNORED, NotUnderstood, State
from .syntax import Command
from .values import removed_item, split_list, yes


def identity(st: State, cmd: Command, src: Src):
    name = cmd.get("name")
    if not name:
        return IGNORED
    st.dev.hostname = name
    st.dev.source = src


def service(st: State, cmd: Command, src: Src):
    if cmd.verb != "set":
        raise NotUnderstood
    name = cmd.target
    if not name:
        raise NotUnderstood
    s = st.services.setdefault(name, {})
    s.update(cmd.props)
    s["__src"] = src


def dns(st: State, cmd: Command, src: Src):
    if cmd.has("allow-remote-requests"):
        st.dns = {"allow": yes(cmd.get("allow-remote-requests")), "src": src}
        return None
    return IGNORED


def dhcp_server(st: State, cmd: Command, src: Src):
    """``/ip dhcp-server add interface=I``.  A server whose interface no longer exists
    (no ``interface=``, or a removed interface's id) serves nowhere (warned)."""
    if cmd.verb != "add":
        raise NotUnderstood
    if removed_item(cmd.get("interface")):
        why = Text("input.routeros.dhcp_server_gone", name=cmd.get("name", ""))
        st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))
        return None
    st.dhcp_servers.append((cmd, src))
    for lst in split_list(cmd.props.get("address-lists")):
        st.dynamic_lists.setdefault(lst, src)
    names = [n for n in (cmd.get("name"), cmd.get("address-pool"), cmd.get("comment")) if n and n != "static-only"]
    st.segment_names.setdefault(cmd.get("interface", ""), []).extend(names)


def dhcp_network(st: State, cmd: Command, src: Src):
    """``/ip dhcp-server network``: what it hands out decides nothing here; its comment
    names the segment ("Wifi khach"), a hint for ``netaudit init``."""
    if cmd.verb == "add" and cmd.get("address") and cmd.get("comment"):
        with contextlib.suppress(AddrFormatError, ValueError):
            st.dhcp_network_names.append((IPNetwork(cmd.get("address", "")), cmd.get("comment", "")))
    return IGNORED


def dhcp_relay(st: State, cmd: Command, src: Src):
    if cmd.verb != "add" or not cmd.get("interface"):
        raise NotUnderstood
    st.dhcp_relays.append((cmd, src))


def discovery(st: State, cmd: Command, src: Src):
    if cmd.path[-1] == "discovery-settings":
        lst = cmd.get("discover-interface-list")
        if lst is None:
            return IGNORED
        st.discovery = (lst, src)
        return None
    # v6 < 6.41: /ip neighbor discovery set ether1 discover=no
    name = st.set_target(cmd)
    if name is None or not cmd.has("discover"):
        return IGNORED
    st.discovery_old.append((name, yes(cmd.get("discover"), True), src))


def singleton(st: State, cmd: Command, src: Src):
    """Menus with one set of settings (``/ip settings``, ``/ip proxy`` …)."""
    key = " ".join(cmd.path)
    prev = st.singletons.get(key)
    if prev is not None:
        merged = Command(cmd.path, "set", {**prev[0].props, **cmd.props})
        st.singletons[key] = (merged, src)
    else:
        st.singletons[key] = (cmd, src)


def socks_access(st: State, cmd: Command, src: Src):
    """``/ip socks access``: the SOCKS proxy's access list, in order (turned into the
    service's client filter by :func:`.services.socks_acl`)."""
    if cmd.verb != "add":
        raise NotUnderstood
    st.access_rules.setdefault("ip socks", []).append((cmd, src))


def proxy_access(st: State, cmd: Command, src: Src):
    """``/ip proxy access``: the web proxy's access list, in order (turned into where the
    proxy may connect by :func:`.services.proxy_targets`)."""
    if cmd.verb != "add":
        raise NotUnderstood
    st.access_rules.setdefault("ip proxy", []).append((cmd, src))


def upnp_interface(st: State, cmd: Command, src: Src):
    if cmd.verb != "add" or not cmd.get("interface"):
        raise NotUnderstood
    if yes(cmd.get("disabled")):
        return IGNORED
    st.upnp_ifs.append((cmd.get("interface", ""), cmd.get("type", "internal"), src))


def snmp(st: State, cmd: Command, src: Src):
    st.snmp.update(cmd.props)
    st.snmp["__src"] = src


def snmp_community(st: State, cmd: Command, src: Src):
    default = cmd.selects_default
    name = cmd.get("name") or (cmd.target if not default else None)
    entry = next(
        (c for c in st.snmp_communities if (default and c.get("__default")) or (name and c.get("__name") == name)),
        None,
    )
    if entry is None:
        entry = {"__default": default}
        st.snmp_communities.append(entry)
    entry.update(cmd.props)
    entry["__name"] = name or entry.get("__name") or ("public" if default else "")
    entry["__src"] = src
    entry["__added"] = cmd.verb == "add"


def user(st: State, cmd: Command, src: Src):
    default_admin = cmd.find is not None and cmd.find.get("name") == "admin"
    name = cmd.get("name") if cmd.verb == "add" else (cmd.target or cmd.get("name"))
    if not name:
        raise NotUnderstood
    st.users.append(
        {
            "name": name,
            "password": cmd.has("password") and bool(cmd.get("password")),
            "renamed_from_admin": default_admin and cmd.get("name") not in (None, "admin"),
            "source": src,
        }
    )


def remove_user(st: State, cmd: Command) -> bool:
    """``/user remove admin`` or ``remove [ find name=admin ]`` (a script, not an export:
    an export never lists users): the named account no longer exists.  False when the
    command names no account this way."""
    name = (cmd.find or {}).get("name") if cmd.find else cmd.target
    if not name or cmd.props:
        return False
    st.users = [u for u in st.users if u["name"] != name]
    return True


def mac_server(st: State, cmd: Command, src: Src):
    kind = cmd.path[-1] if cmd.path[-1] != "mac-server" else "mac-telnet"
    if kind == "ping":
        return IGNORED
    entries = st.facts.mac_server
    if cmd.verb == "add":  # v6 < 6.41: per-interface entries
        iface = cmd.get("interface", "all")
        entries.setdefault(kind, []).append(
            MacServerEntry(interface=iface, disabled=yes(cmd.get("disabled")), source=src)
        )
        return None
    lst = cmd.get("allowed-interface-list")
    if lst is None:
        if cmd.selects_default and cmd.has("disabled"):
            entries.setdefault(kind, []).append(
                MacServerEntry(interface="all", disabled=yes(cmd.get("disabled")), source=src)
            )
            return None
        return IGNORED
    entries[kind] = [MacServerEntry(interface_list=lst, source=src)]


def ssh(st: State, cmd: Command, src: Src):
    # strong-crypto: understood (the line counts as recognized); no check needs its value
    return None if cmd.has("strong-crypto") else IGNORED


HANDLERS = {
    ("system", "identity"): identity,
    ("ip", "service"): service,
    ("ip", "dns"): dns,
    ("ip", "dhcp-server"): dhcp_server,
    ("ip", "dhcp-server", "network"): dhcp_network,
    ("ip", "dhcp-relay"): dhcp_relay,
    ("ip", "neighbor", "discovery-settings"): discovery,
    ("ip", "neighbor", "discovery"): discovery,
    ("ip", "settings"): singleton,
    ("ip", "proxy"): singleton,
    ("ip", "proxy", "access"): proxy_access,
    ("ip", "socks"): singleton,
    ("ip", "socks", "access"): socks_access,
    ("ip", "smb"): singleton,
    ("ip", "upnp"): singleton,
    ("ip", "upnp", "interfaces"): upnp_interface,
    ("ip", "ssh"): ssh,
    ("system", "ntp", "server"): singleton,
    ("tool", "bandwidth-server"): singleton,
    ("user-manager",): singleton,
    ("radius", "incoming"): singleton,
    ("tool", "mac-server"): mac_server,
    ("tool", "mac-server", "mac-winbox"): mac_server,
    ("tool", "mac-server", "ping"): mac_server,
    ("snmp",): snmp,
    ("snmp", "community"): snmp_community,
    ("user",): user,
}
