"""Reading an export: every logical line to its menu handler, with the line accounting.

:mod:`.syntax` joins ``\\``-continued lines and splits each logical line into a menu
path (``ip firewall filter``), a verb (``add``/``set``) and properties.  Each menu has
a handler in :data:`HANDLERS` (``*_menus.py``); menus that cannot affect IPv4
forwarding or the management plane are listed in :data:`IGNORED_MENUS` (their lines
count as ignored, secrets in them are still collected); anything else is
unrecognized, with the 1-based number of the line it starts on.  Handlers only record
what the line says; everything is resolved once the whole export is read (:mod:`.parser`).
"""

from __future__ import annotations

import re

from netaudit.messages import Text
from netaudit.model import Src, from_values
from netaudit.secrets import key_material_lines

from . import interface_menus, ip_menus, management_menus
from .ip_menus import ADD_LINES, ADD_TEXTS
from .reasons import reason
from .state import CLEAR_KEYS, IGNORED, NotUnderstood, State
from .syntax import Command, logical_lines, parse_command, physical_lines, read_words, split_args

HANDLERS = {**interface_menus.HANDLERS, **ip_menus.HANDLERS, **management_menus.HANDLERS}

# Menus understood and irrelevant to IPv4 forwarding and exposure (prefixes).
IGNORED_MENUS = [
    ("system",), ("tool",), ("queue",), ("certificate",), ("file",), ("disk",), ("port",),
    ("lcd",), ("partitions",), ("console",), ("special-login",), ("mpls",), ("ipv6",),
    ("ppp",), ("radius",), ("user", "group"), ("user", "aaa"), ("user", "settings"),
    ("user", "ssh-keys"), ("user", "active"), ("routing",), ("caps-man",), ("container",),
    ("iot",), ("dude",), ("zerotier",), ("log",), ("password",),
    ("ip", "pool"), ("ip", "arp"), ("ip", "dns", "static"), ("ip", "dns", "adlist"),
    ("ip", "dns", "forwarders"),  # v7.17+: named upstream servers, who the router asks
    ("ip", "cloud"), ("ip", "traffic-flow"), ("ip", "accounting"), ("ip", "media"),
    ("ip", "tftp"), ("ip", "dhcp-server", "lease"),
    ("ip", "dhcp-server", "option"), ("ip", "dhcp-server", "config"),
    ("ip", "dhcp-server", "alert"), ("ip", "dhcp-server", "matcher"),
    ("ip", "dhcp-server", "vendor-class-id"),  # which pool a vendor class draws from
    ("lora",),  # the LoRa gateway's network servers
    ("user-manager",),  # v7 User Manager's database (its RADIUS server: /user-manager set, read)
    ("ip", "dhcp-client", "option"), ("ip", "firewall", "service-port"),
    ("ip", "firewall", "layer7-protocol"), ("ip", "firewall", "calea"),
    ("ip", "ipsec"), ("ip", "kid-control"), ("ip", "nat-pmp"), ("ip", "packing"),
    ("ip", "neighbor"), ("ip", "hotspot"), ("ip", "smb"), ("ip", "route", "cache"),
    ("ip", "vrf"), ("ip", "ssh"), ("ip", "tftp"),
    ("ip", "socks", "users"),  # SOCKS accounts (who may use it: /ip socks access, read)
    ("interface", "wireless"), ("interface", "wifi"),
    ("interface", "ethernet", "poe"), ("interface", "lte", "apn"), ("interface", "wireguard"),
    ("interface", "bridge", "mdb"), ("interface", "bridge", "host"), ("interface", "bridge", "msti"),
    ("interface", "bridge", "calea"), ("interface", "bridge", "mlag"),
    ("interface", "list"), ("interface", "ethernet", "switch"), ("interface", "pppoe-server"),
    ("interface", "ovpn-server"), ("interface", "l2tp-server"), ("interface", "sstp-server"),
    ("interface", "pptp-server"), ("interface", "vrrp"), ("interface", "bridge", "port-controller"),
    ("interface", "bridge", "port-extender"), ("interface", "dot1x"), ("interface", "macsec"),
    ("interface", "w60g"), ("interface", "60g"), ("snmp",),
    ("interface", "vxlan", "vteps"),  # the tunnel's remote endpoints: the vxlan itself is read
]  # fmt: skip
_IGNORED = frozenset(IGNORED_MENUS)


def ignored_menu(path: tuple[str, ...]) -> bool:
    return any(path[:n] in _IGNORED for n in range(len(path), 0, -1))


def _alias(path: tuple[str, ...]) -> tuple[str, ...]:
    if len(path) >= 2 and path[0] == "interface" and path[1] == "wifiwave2":
        return ("interface", "wifi", *path[2:])
    return path


def _menu_path(st: State, path: tuple[str, ...]) -> tuple[str, ...]:
    """The menu a line starting with ``/`` names, as the handlers know it (aliases
    resolved); noting a menu only RouterOS 7 has."""
    path = _alias(path)
    if path[:1] in _V7_MENUS or path[:2] in _V7_MENUS or path[:3] in _V7_MENUS:
        st.v7_menus = True
    return path


def read(st: State) -> None:
    """Every line of ``st.text`` into ``st`` (never raises on content), and their number
    into ``st.rep.lines``."""
    current: tuple[str, ...] | None = None
    menu: tuple[str, ...] = ()  # ``current`` as the handlers know it (_menu_path)
    add_line = None  # the reader of ``menu``'s add lines, if it has one (ADD_LINES)
    add_text = None  # the reader of its common add lines from their text (ADD_TEXTS)
    # Key material (a PEM block pasted into the export): data, never a command.
    material = key_material_lines(st.text.split("\n")) if "-----BEGIN" in st.text else {}
    lines = physical_lines(st.text)
    st.rep.lines = len(lines)  # (counted from the split the reading makes anyway)
    for lineno, nphys, text in logical_lines(st.text, lines):
        if material and lineno in material:
            st.ignored += nphys
            if material[lineno]:
                st.dev.secret_lines.setdefault(lineno, set()).add(material[lineno])
            continue
        if not text:
            st.ignored += nphys
            continue
        if text[0] == "#":
            st.ignored += nphys
            st.comment_line = (lineno, text)
            if lineno <= 12:
                _header_comment(st, text)
            continue
        src = from_values(Src, (st.file, lineno, text))
        if add_line is not None and text.startswith("add "):
            # A firewall rule or address-list entry, most lines of a big export: its
            # properties straight into the record (what parse_command and _dispatch do
            # for it, without the Command).
            if add_text is None or not add_text(st, text, src):
                _add_line(st, add_line, text[4:], src, nphys)
            continue
        if text[0] == "[" and _EXPORT_PROMPT.match(text):
            st.ignored += nphys  # the console's echo of the export command, not configuration
            asked = exported_menu(text)
            if asked is not None:
                st.exports.append((asked, src))
            continue
        if text[0] == ":":
            st.unrecognized(src)
            continue
        try:
            path, cmd = parse_command(text, current)
        except ValueError:
            st.unrecognized(src)
            continue
        if text[0] == "/":
            current = path
            path = menu = _menu_path(st, path)
            add_line = ADD_LINES.get(menu)
            add_text = ADD_TEXTS.get(menu)
        else:
            path = menu  # the lines of one menu share its path, looked at once
        if cmd is None:  # a menu header
            if path in HANDLERS or ignored_menu(path):
                st.ignored += nphys
            else:
                st.unrecognized(src)
            continue
        try:
            _dispatch(st, path, cmd, src, nphys)
        except Exception as exc:  # never let odd content crash the parse
            st.unrecognized(src)
            why = Text("input.line_not_understood", error=f"{type(exc).__name__}: {exc}")
            st.rep.warnings.append(Text("input.at", where=f"{st.file}:{lineno}", what=why))


# An export pasted with the terminal line that asked for it (``[admin@MikroTik] > /export``,
# v6 ``[admin@R1] /ip firewall> export terse``, one menu's ``/ip firewall filter export``),
# or the bare prompt after it.  Any other command at a prompt is followed by its output,
# not configuration: unrecognized.
_EXPORT_PROMPT = re.compile(r"\[[^\]]*\]\s*(?:/[^>]*)?>\s*(?:/?(?:[\w-]+[ /])*export(?:\s+[\w=./-]+)*)?\s*$")
_PROMPT_PARTS = re.compile(r"\[[^\]]*\]\s*(/[^>]*)?>\s*(.*?)\s*$")
_EXPORT_WORD = re.compile(r"(?:^|[ /])export\b")


def exported_menu(prompt: str) -> str | None:
    """The menu an export prompt asked for (``/ip firewall filter``, v7 ``/interface``,
    v6 ``[admin@R1] /ip firewall> export``), ``''`` for the whole configuration
    (``/export`` at the root), None for a bare prompt."""
    m = _PROMPT_PARTS.match(prompt)
    if m is None or not m.group(2):
        return None
    cmd = m.group(2)
    head = _EXPORT_WORD.split(cmd, maxsplit=1)[0]
    words = [w for w in re.split(r"[ /]+", head) if w]
    if not cmd.startswith("/"):  # relative to the prompt's menu
        words = [w for w in re.split(r"[ /]+", m.group(1) or "") if w] + words
    return "/" + " ".join(words) if words else ""


# Menus only RouterOS 7 has: an export without its header comment is v7 when it has them
# (its defaults then: bridge ports filter ingress, docs/vendors/mikrotik_routeros.md).
# v6 has none of WireGuard, /ip vrf (it had /ip route vrf), routing ids, IS-IS, containers,
# BGP connections and templates (it had instances and peers), OSPF/RIP templates.
_V7_MENUS = frozenset(
    {
        ("interface", "wifi"),
        ("interface", "wifiwave2"),
        ("interface", "wireguard"),
        ("routing", "table"),
        ("routing", "id"),
        ("routing", "isis"),
        ("ip", "vrf"),
        ("container",),
        ("routing", "bgp", "connection"),
        ("routing", "bgp", "template"),
        ("routing", "ospf", "interface-template"),
        ("routing", "rip", "interface-template"),
    }
)


# The header without its date (``# RouterOS 6.48.3``: exports kept under version control
# with the changing date line cut down): the version alone, nothing else on the line.
_BARE_VERSION = re.compile(r"#\s*RouterOS (\d+)\.(\d+)((?:\.\d+)*(?:(?:rc|beta)\d+)?)\s*$")


def _header_comment(st: State, text: str) -> None:
    m = re.search(r"by RouterOS (\d+)\.(\d+)(\S*)", text) or _BARE_VERSION.match(text)
    if m:
        st.major = int(m.group(1))
        st.dev.os_version = f"{m.group(1)}.{m.group(2)}{m.group(3)}"
        return
    m = re.match(r"#\s*model\s*=\s*(.+)$", text)
    if m:
        st.facts.model = m.group(1).strip()


def _add_line(st: State, add_line, tail: str, src: Src, nphys: int) -> None:
    """``add …`` in a menu of :data:`.ip_menus.ADD_LINES` (``tail``: the line after
    ``add``): what :func:`read` and :func:`_dispatch` do with the line's Command (secrets,
    the handler, the line accounting), on its properties alone."""
    if "[" not in tail and "]" not in tail and "\\" not in tail and '"' not in tail:
        # (split_args' own first reading, without its call: most lines of a big export)
        props = read_words(tail.split())[0]
    else:
        try:
            props = split_args(tail)[0]  # bare words and selectors: unused
        except ValueError:
            st.unrecognized(src)
            return
    try:
        if not props.keys() <= CLEAR_KEYS:  # (scan_props' own first test, without its call)
            st.scan_props(props, src)
        if add_line(st, props, src) is IGNORED:
            st.ignored += nphys
    except NotUnderstood:
        st.unrecognized(src)
    except Exception as exc:  # never let odd content crash the parse
        st.unrecognized(src)
        why = Text("input.line_not_understood", error=f"{type(exc).__name__}: {exc}")
        st.rep.warnings.append(Text("input.at", where=f"{st.file}:{src.line}", what=why))


def _dispatch(st: State, path: tuple[str, ...], cmd: Command, src: Src, nphys: int) -> None:
    if cmd.props:
        st.scan_secrets(cmd, src)
    handler = HANDLERS.get(path)
    if handler is None:
        if ignored_menu(path) and cmd.verb in ("add", "set"):
            st.ignored += nphys
            return
        st.unrecognized(src)
        return
    # A pasted script removing the factory admin account.
    if cmd.verb == "remove" and path == ("user",) and management_menus.remove_user(st, cmd):
        return
    if cmd.verb not in ("add", "set"):
        st.unrecognized(src)
        if path[:2] == ("ip", "firewall") and len(path) == 3 and path[2] in st.rules:
            st.fw_partial.setdefault(path[2], []).append(
                (reason("input.routeros.fw_command", verb=cmd.verb, table=path[2]), src)
            )
        return
    try:
        res = handler(st, cmd, src)
    except NotUnderstood:
        st.unrecognized(src)
        return
    if res is IGNORED:
        st.ignored += nphys
