"""FortiGate FortiOS full-configuration backups → one :class:`~netaudit.model.Device` per VDOM.

How it reads a backup
---------------------
:mod:`.tree` turns the nested ``config``/``edit``/``set``/``next``/``end`` text into a
tree with line numbers (quotes, escapes, multi-line values, ``append``/``select``,
``move``/``delete``/``clone``/``rename``, truncated files).  This module then dispatches
the sections listed in :mod:`.tables` to their readers (:mod:`.interfaces`, :mod:`.admin`,
:mod:`.routes`; objects and policies are collected for :mod:`.convert`); every other
section is ignored on purpose (cannot affect IPv4 forwarding or exposure), partial
(affects forwarding, not modelled) or unrecognized.  Each line of the file ends up
recognized / ignored / unrecognized.

VDOMs: a backup with ``config vdom`` + ``config global`` gives one Device per VDOM,
named ``hostname/vdom`` when there are several; interfaces belong to the VDOM of their
``set vdom``.  Without VDOMs the whole file is one Device named after ``set hostname``.

The FortiOS rules modelled: the package docstring (:mod:`netaudit.parsers.fortinet_fortios`).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Literal, cast

from netaudit.messages import Text
from netaudit.model import Device, Filter, ParseReport, ParseResult, Src
from netaudit.parsers.fortinet_fortios import VENDOR
from netaudit.parsers.fortinet_fortios import tables as T
from netaudit.parsers.fortinet_fortios.admin import AdminSections
from netaudit.parsers.fortinet_fortios.convert import build_vdom
from netaudit.parsers.fortinet_fortios.facts import FortiOSFacts
from netaudit.parsers.fortinet_fortios.interfaces import InterfaceSections
from netaudit.parsers.fortinet_fortios.routes import RoutingSections
from netaudit.parsers.fortinet_fortios.state import FORWARD_FILTER, Vdom, not_understood
from netaudit.parsers.fortinet_fortios.tree import (
    IGNORE,
    IGNORED,
    MODEL,
    PARTIAL,
    UNRECOGNIZED,
    Block,
    Node,
    Tree,
    build,
    finalize,
)
from netaudit.secrets import key_material_lines

# --------------------------------------------------------------------------- constants

# Keys whose value is a secret, anywhere in a backup.
_SECRET_SUFFIXES = ("-password", "-passwd", "-secret", "psksecret")
_SECRET_KEYS = frozenset(
    {
        "password",
        "passwd",
        "secret",
        "psksecret",
        "psksecret-remote",
        "passphrase",
        "key",
        "auth-pwd",
        "priv-pwd",
        "api-key",
        "sae-password",
        "ppk-secret",
        "private-key",
        "md5-key",
        "authentication-key",
        "key-string",
        "server-secret",
        "secondary-secret",
        "tertiary-secret",
        "radius-secret",
        "ldap-password",
        "keyword",
        "auth-password",
        "psk",
        "wep-key",
        "community",
        "mpsk-key",
        "passphrase-rotate",
        "pre-shared-key",
        "secondary-key",
        "tertiary-key",
        "groupid",
        "gdoi-key",
    }
)
_NOT_SECRET_VALUES = frozenset({"enc", "enable", "disable", "none", "default", "0", "", "*"})


# --------------------------------------------------------------------------- the parser


class _FortiParser(InterfaceSections, AdminSections, RoutingSections):
    """One backup: the sections dispatched to their readers, then one Device per VDOM."""

    def __init__(self, text: str, file: str):
        super().__init__(text, file)
        self.rep = ParseReport(file=file, vendor=VENDOR)

    # ------------------------------------------------------------------ main

    def run(self) -> ParseResult:
        tree = self.tree = build(self.text)
        self.lines = tree.lines
        self.rep.lines = len(tree.lines)
        if "-----BEGIN" in self.text:
            self.material = key_material_lines(self.lines)
        for w in tree.warnings:
            at = dict(w.fields)  # input.line: its line and its message
            what = cast(Text, at["what"])
            if at["line"] in self.material and what.key == "input.fortios.unknown_command":
                continue  # a PEM body line read as a command (a file cut inside a key)
            self.rep.warnings.append(Text("input.at", where=f"{self.file}:{at['line']}", what=what))
        self._scope(tree)
        root = tree.root
        vdom_blk = root.children.get("vdom")
        global_blk = root.children.get("global")
        global_sections: list[Block] = []
        vdom_sections: dict[str, list[Block]] = {}
        if vdom_blk is not None and (global_blk is not None or any(e.children for e in vdom_blk.entries.values())):
            self.vdom_mode = True
            vdom_blk.disp = MODEL
            if global_blk is not None:
                global_blk.disp = MODEL
                global_sections.extend(global_blk.children.values())
            for e in vdom_blk.entries.values():
                vdom_sections[e.name] = list(e.children.values())
            for blk in root.children.values():
                if blk is not vdom_blk and blk is not global_blk:
                    global_sections.append(blk)
        else:
            global_sections = list(root.children.values())
            vdom_sections["root"] = []
        # dispatch
        for name in vdom_sections:
            self.vdom(name)
        for blk in global_sections:
            self._classify(blk, None)
        for name, blocks in vdom_sections.items():
            for blk in blocks:
                self._classify(blk, name)
        self._run_global()
        if self.vdom_mode:
            for r in self.ifs.values():
                if r.vdom not in self.vdoms:
                    why = Text("input.fortios.vdom_undefined", name=r.name, vdom=repr(r.vdom))
                    self.rep.warnings.append(Text("input.at", where=f"{self.file}:{r.entry.edit_line}", what=why))
        for v in list(self.vdoms.values()):
            self._run_vdom(v)
        self._scan_secrets(root, tree.keys)
        finalize(tree)
        return self._result()

    def _scope(self, tree: Tree) -> None:
        """``#global_vdom=0:vd_name=X``: the backup of VDOM X alone (a VDOM administrator's
        backup, REST ``scope=vdom``).  The box-wide configuration is not in it, so what
        it sets (admin ports, administrators, SNMP, NTP) is not known: said once here,
        and the services that depend on it are partial (admin.py)."""
        if tree.header.get("global_vdom") != "0":
            return
        name = tree.header.get("vd_name") or "root"
        line = next((n for n, text in enumerate(tree.lines, 1) if text.lstrip().startswith("#global_vdom")), 0)
        self.vdom_scope = name
        self.vdom_scope_src = self.src(line) or Src(self.file, 0, f"#global_vdom=0:vd_name={name}")
        why = Text("input.fortios.single_vdom", name=name)
        self.rep.warnings.append(Text("input.at", where=f"{self.file}:{line}", what=why))

    def _classify(self, blk: Block, vdom: str | None) -> None:
        path = blk.path
        words = path.split()
        rule: tuple[str, str] | T.Partial | Literal["ignore"] | None = None  # (scope, handler), Partial or IGNORE
        for k in range(len(words), 0, -1):
            key = " ".join(words[:k])
            if key in T.HANDLERS:
                rule = T.HANDLERS[key]
                break
            if key in _PARTIAL:
                rule = T.Partial(_PARTIAL[key])
                break
            if key in _IGNORED:
                rule = T.IGNORE
                break
        if rule is None:
            why = Text("input.fortios.section_unrecognized", path=path)
            self.rep.warnings.append(Text("input.at", where=f"{self.file}:{blk.config_line}", what=why))
            return
        if rule == T.IGNORE:
            blk.disp = IGNORE
            return
        if isinstance(rule, T.Partial):
            blk.disp = PARTIAL
            if blk.entries or blk.settings or blk.children:
                self.partial(f"config {path}", rule.reason, self.src(blk.config_line))
            return
        scope, handler = rule
        if scope == "global":
            self.vdom("root")  # global sections exist even with no vdom block
            self.global_blocks.append((handler, blk))
        else:
            target = vdom if vdom is not None else "root"
            self.vdom(target).blocks.setdefault(handler, []).append(blk)

    def _call(self, handler: str, blk: Block, *args) -> None:
        blk.disp = MODEL
        try:
            getattr(self, handler)(blk, *args)
        except Exception as exc:  # never let odd content escape as a crash
            blk.disp = None
            why = Text("input.fortios.section_failed", path=blk.path, error=f"{type(exc).__name__}: {exc}")
            self.rep.warnings.append(Text("input.at", where=f"{self.file}:{blk.config_line}", what=why))
            self.partial(f"config {blk.path}", not_understood(type(exc).__name__), self.src(blk.config_line))

    # ------------------------------------------------------------------ global sections

    _GLOBAL_ORDER = (
        "h_global",
        "h_interfaces",
        "h_dedicated_mgmt",
        "h_virtual_switch",
        "h_admins",
        "h_snmp_sysinfo",
        "h_snmp_community",
        "h_snmp_user",
        "h_probe_response",
        "h_ftm_push",
        "h_ntp",
        "h_recognized",
    )

    def _run_global(self) -> None:
        """Box-wide sections first (hostname, ports, interfaces, admins, SNMP …)."""
        order = {h: i for i, h in enumerate(self._GLOBAL_ORDER)}
        for handler, blk in sorted(self.global_blocks, key=lambda hb: order.get(hb[0], 99)):
            self.global_seen.add(handler)
            self._call(handler, blk)
        # software switches and wireless VAPs may sit in a VDOM; they describe interfaces
        for v in self.vdoms.values():
            for blk in v.blocks.pop("h_switch_interface", []):
                self._call("h_switch_interface", blk)
            for blk in v.blocks.pop("h_vaps", []):
                self._call("h_vaps", blk)

    def h_recognized(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)

    def h_global(self, blk: Block) -> None:
        blk.ignore_prefixes = ("",)  # every other global setting: box-wide, not forwarding
        host = blk.first("hostname")
        if host and ("\n" in host or "\r" in host):
            # An unterminated quote swallowed the lines after it: not a name.
            src = self.set_src(blk, "hostname")
            where = f"{self.file}:{src.line if src else '?'}"
            self.rep.warnings.append(Text("input.at", where=where, what=Text("input.fortios.hostname_quote")))
            host = None
        if host:
            self.hostname = host
            self.host_src = self.set_src(blk, "hostname")
        for key, name in (
            ("admin-sport", "https"),
            ("admin-port", "http"),
            ("admin-ssh-port", "ssh"),
            ("admin-telnet-port", "telnet"),
        ):
            v = blk.first(key)
            if v is not None:
                if v.isdecimal() and 0 < int(v) < 65536:
                    self.ports[name] = int(v)
                else:
                    blk.mark(key, UNRECOGNIZED)
        if blk.low("admin-telnet", "enable") == "disable":
            self.admin_telnet = False
        for key in ("admin-https-redirect", "admintimeout", "timezone"):
            blk.get(key)

    # ------------------------------------------------------------------ sections for convert.py

    def h_security_policy(self, blk: Block, v: Vdom) -> None:
        if blk.entries:
            v.blocks.setdefault("_ngfw_policies", []).append(blk)
        for e in blk.entries.values():
            e.leftover(ignore_prefixes=("",))

    def h_central_snat(self, blk: Block, v: Vdom) -> None:
        for e in blk.entries.values():
            e.leftover(ignore_prefixes=("",))
        if blk.entries:
            why = Text("input.fortios.central_snat")
            self.partial("config firewall central-snat-map", why, self.src(blk.config_line))

    def h_objects(self, blk: Block, v: Vdom) -> None:
        """Collected; interpreted together by :mod:`.convert` (needs all objects)."""
        v.blocks.setdefault("_objects", []).append(blk)

    # ------------------------------------------------------------------ secrets

    def _scan_secrets(self, root: Block, keys: set[str]) -> None:
        """Every value set to a secret key (``keys``: every key the tree's settings have)."""
        # which keys are secrets, asked once per distinct key (a backup sets a few hundred
        # keys over tens of thousands of settings); none: no walk
        secret = {key for key in keys if key in _SECRET_KEYS or key.endswith(_SECRET_SUFFIXES)}
        if not secret:
            return
        stack: list[Node] = [root]
        while stack:
            node = stack.pop()
            for key, s in node.settings.items():
                if key in secret and s.values:
                    vals = s.values
                    if vals[0].upper() == "ENC" and len(vals) > 1:
                        vals = vals[1:]
                    for val in vals:
                        if val.lower() not in _NOT_SECRET_VALUES and len(val) >= 3:
                            self.secrets.add(val)
                            self.secret_on_lines(s.lines, val)
            stack.extend(node.children.values())
            if isinstance(node, Block):
                stack.extend(node.entries.values())
                stack.extend(node.deleted)

    # ------------------------------------------------------------------ result

    def _result(self) -> ParseResult:
        status = cast(Tree, self.tree).status  # built by parse()
        rep = self.rep
        # (lines count from 1; the bytes counted and searched in C, not line by line)
        ignored = status.count(IGNORED, 1)
        n = status.find(UNRECOGNIZED, 1)
        while n != -1:
            if n in self.material:
                ignored += 1  # key material is data: read, never configuration
            else:
                rep.unrecognized.append(Src(self.file, n, self.lines[n - 1].strip()))
            n = status.find(UNRECOGNIZED, n + 1)
        rep.ignored = ignored
        for n, part in self.material.items():
            if part:
                self.secret_lines.setdefault(n, set()).add(part)
        devices = [v.dev for v in self.vdoms.values() if v.dev is not None]
        for d in devices:
            d.secrets |= self.secrets
            d.secret_lines = self.secret_lines
        rep.devices = [d.hostname for d in devices]
        return ParseResult(devices=devices, report=rep)

    # ------------------------------------------------------------------ per VDOM

    def _device_name(self, vdom: str) -> str:
        base = self.hostname or _hostname_from_file(self.file)
        return f"{base}/{vdom}" if len(self.vdoms) > 1 else base

    def _run_vdom(self, v: Vdom) -> None:
        dev = Device(hostname=self._device_name(v.name), vendor=VENDOR, file=self.file, source=self.host_src)
        facts = dev.facts = FortiOSFacts()
        v.dev = dev
        hdr = cast(Tree, self.tree).header  # built by parse()
        ver = hdr.get("config-version", "")
        m = re.match(r"(\w+)-(\d+\.\d+\.\d+)-FW-build(\d+)", ver)
        if m:
            dev.os_version = f"{m.group(2)} build{m.group(3)}"
            facts.model = m.group(1)
        # a single-VDOM backup is one VDOM of a box in VDOM mode: the device is that VDOM
        dev.context = v.name if self.vdom_mode else (self.vdom_scope or "")
        facts.vdom_scope = self.vdom_scope
        for handler in (
            "h_settings",
            "h_zones",
            "h_sdwan",
            "h_dhcp_server",
            "h_dns_server",
            "h_dynamic_routing",
            "h_router_policy",
            "h_ipsec_phase1",
            "h_ipsec_phase2",
            "h_sslvpn",
            "h_l2tp",
            "h_pptp",
            "h_tunnel_ifaces",
            "h_wire_pair",
            "h_security_policy",
            "h_central_snat",
            "h_objects",
        ):
            for blk in list(v.blocks.get(handler, [])):
                self._call(handler, blk, v)
        self._build_interfaces(v)
        try:
            build_vdom(self, v)
        except Exception as exc:
            why = Text("input.fortios.policies_failed", vdom=v.name, error=f"{type(exc).__name__}: {exc}")
            self.rep.warnings.append(Text("input.at", where=self.file, what=why))
            failed = Text("input.fortios.policy_conversion_failed", error=type(exc).__name__)
            self.partial(f"vdom {v.name}", failed, None)
            for blk in v.blocks.get("_objects", []):
                if blk.disp == MODEL:
                    blk.disp = None
            unread = Text("input.fortios.policies_unread")
            dev.filters[FORWARD_FILTER] = Filter(FORWARD_FILTER, [], kind="policy", partial=unread)
            dev.forward_filter = FORWARD_FILTER
        _feasible_path(dev)


# --------------------------------------------------------------------------- helpers


def _feasible_path(dev: Device) -> None:
    """FortiOS's default reverse-path check passes a source that some route through the
    incoming interface covers.  Out of an interface a default route leaves by, every
    source is covered: no check there.  Elsewhere it lies between strict and loose
    (``Interface.urpf_unsure``, set with the interface)."""
    default_out = {r.interface for r in dev.routes if r.prefix.prefixlen == 0 and not r.drop}
    for itf in dev.interfaces.values():
        if itf.urpf and itf.urpf_unsure and itf.name in default_out:
            itf.urpf = itf.urpf_unsure = None
            itf.urpf_allow_default = False


_PARTIAL = dict(T.PARTIAL_SECTIONS)
_IGNORED = frozenset(T.IGNORED_SECTIONS)


def _hostname_from_file(file: str) -> str:
    name = PurePath(file).name
    for ext in (".conf", ".cfg", ".txt", ".backup"):
        if name.lower().endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name
