"""Zones: the site file (DESIGN §4), zone inference, and where each zone's hosts sit.

``load_site`` reads and validates ``site.yaml`` (errors name file and line; unknown
keys are errors); ``check_references`` holds its device, VLAN and interface names
against the snapshot; ``site_warnings`` says what every report must carry about it;
``infer_site`` drafts zones from the names in the configs — for a person to confirm
(``netaudit init``, written by ``site_to_yaml``); ``resolve`` places each zone in the
topology's L2 domains and computes the addresses it owns.
"""
from __future__ import annotations

import difflib
import functools
import os
import re
import stat
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml
from netaddr import AddrFormatError, IPNetwork, IPSet

from .messages import Text
from .model import Device, IfKind, InputError, Interface, L2Mode
from .safetext import clean, escape_char, one_line
from .topology import Topology

KINDS = ("guest", "internal", "server", "database", "management", "dmz",
         "external", "wan", "kiosk", "camera")
DEVICES_ZONE = "@devices"


@dataclass
class Zone:
    name: str
    kind: str
    subnets: list[IPNetwork] = field(default_factory=list)
    vlans: list[tuple[str, int]] = field(default_factory=list)
    attach: list[tuple[str, str]] = field(default_factory=list)
    # Source addresses its hosts use for the matrix: "own" (the addresses the zone owns;
    # "subnets" is the older name) or "any" (spoofing included).  docs/semantics.md
    sources: str = "own"
    inferred_from: list[str] = field(default_factory=list)
    line: int | None = None
    # Line of each vlans/attach entry in the site file: ("vlans" | "attach", index) -> line.
    ref_lines: dict[tuple[str, int], int] = field(default_factory=dict)


@dataclass
class PolicyOverride:
    src: str
    dst: str
    allow: bool | None = None
    services: list[str] | None = None       # limited to these
    line: int | None = None


@dataclass
class Site:
    unit: str = ""
    level: int = 2
    zones: list[Zone] = field(default_factory=list)
    policy: list[PolicyOverride] = field(default_factory=list)
    links: list[tuple[tuple[str, str], tuple[str, str]]] = field(default_factory=list)
    info: dict = field(default_factory=dict)    # address, inspected_by, … (shown on reports)
    file: str | None = None
    inferred: bool = False
    link_lines: list[int | None] = field(default_factory=list)   # site-file line of each links entry
    # Inference only: what the configs hint at that no zone could use (comments of the draft).
    notes: list[str] = field(default_factory=list)

    def zone(self, name: str) -> Zone:
        for z in self.zones:
            if z.name == name:
                return z
        raise KeyError(name)


# --------------------------------------------------------------------------- loading

# Limits of a site file (docs/limits.md, "Site file").  A site file is a few kilobytes
# and a few hundred values; these stop a file that is something else (or an attack)
# before it costs memory or time.
SITE_MAX_BYTES = 1 << 20              # 1 MiB
SITE_MAX_VALUES = 100_000             # YAML values after alias expansion (*name)
SITE_MAX_DEPTH = 50                   # nesting of lists and mappings
MAX_ZONES_ENV = "NETAUDIT_MAX_ZONES"
DEFAULT_MAX_ZONES = 200               # the matrix grows with the square of the zone count


def max_zones() -> int:
    """Zone limit of a site file: ``NETAUDIT_MAX_ZONES`` (a positive whole number) or
    :data:`DEFAULT_MAX_ZONES`; another value is an :class:`InputError` naming it."""
    raw = os.environ.get(MAX_ZONES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_ZONES
    if not re.fullmatch(r"[0-9]{1,9}", raw) or int(raw) < 1:
        raise InputError(f"{MAX_ZONES_ENV}={raw!r}: expected a positive whole number of zones")
    return int(raw)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers where things are: every mapping's line as ``__line__``,
    its keys' lines (:class:`_Map`) and its list items' lines (:class:`_Seq`).

    It also refuses what a site file never needs: a key given twice in one mapping
    (YAML keeps the last silently — a second ``zones:`` would drop the first), a date
    that does not exist (``2026-09-31``), and aliases that expand the document beyond
    :data:`SITE_MAX_VALUES` values (a few hundred bytes of ``&a [*b, *b, …]`` can
    otherwise stand for gigabytes)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.alias_lines: list[int] = []
        self.depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self.alias_lines.append(self.peek_event().start_mark.line + 1)
        self.depth += 1
        try:
            if self.depth > SITE_MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None, None, f"values nested more than {SITE_MAX_DEPTH} levels deep (a site file has "
                    "a few)", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def get_single_node(self):
        node = super().get_single_node()
        if node is not None and self.alias_lines:
            _check_expansion(node, self.alias_lines[0])
        return node


def _check_expansion(root, alias_line: int) -> None:
    """Count the values of the document as if every alias were written out (memoised
    over the node graph, iteratively); refuse more than SITE_MAX_VALUES, and cycles."""
    def children(node):
        if isinstance(node, yaml.SequenceNode):
            return node.value
        if isinstance(node, yaml.MappingNode):
            return [n for pair in node.value for n in pair]
        return []

    size: dict[int, int] = {}
    active: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            active.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children(node))
            if size[key] > SITE_MAX_VALUES:
                raise yaml.constructor.ConstructorError(
                    None, None, f"YAML aliases (*name) expand the site file beyond {SITE_MAX_VALUES:,} values; "
                    "a site file needs a few hundred — write the values out", _Mark(alias_line))
            continue
        if key in size:
            continue
        if key in active:
            raise yaml.constructor.ConstructorError(
                None, None, "a YAML alias refers to a value that contains it", _Mark(alias_line))
        active.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children(node) if id(c) not in size)


class _Mark:
    """A position for a YAML error raised after composition: just the line."""

    def __init__(self, line: int):
        self.line = line - 1


class _Map(dict):
    """A YAML mapping with ``key_lines``: key -> line of the key."""

    key_lines: dict


class _Seq(list):
    """A YAML sequence with ``lines``: the line of each item."""

    lines: list


_MERGE_TAG = "tag:yaml.org,2002:merge"


def _construct_mapping(loader, node, deep=False):
    first: dict = {}
    for k, _ in node.value:
        if isinstance(k, yaml.ScalarNode) and k.tag != _MERGE_TAG:
            if (k.tag, k.value) in first:
                raise yaml.constructor.ConstructorError(
                    None, None, f"{k.value!r} is given twice in one mapping (first on line "
                    f"{first[(k.tag, k.value)]}); YAML would keep only the last", k.start_mark)
            first[(k.tag, k.value)] = k.start_mark.line + 1
    mapping = _Map(yaml.SafeLoader.construct_mapping(loader, node, deep=True))
    mapping.key_lines = {loader.construct_object(k, deep=True): k.start_mark.line + 1 for k, _ in node.value}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node, deep=False):
    seq = _Seq(loader.construct_sequence(node, deep=True))
    seq.lines = [item.start_mark.line + 1 for item in node.value]
    return seq


def _construct_timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date", node.start_mark) from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

# Keys a site file may hold.  Anything else is a typo that would otherwise be ignored
# silently (``polcy:`` drops every override, ``subnet:`` a zone's addresses).
SITE_KEYS = ("unit", "level", "zones", "policy", "links")
# Free information shown on the reports (report/view.py cover and inventory).
INFO_KEYS = ("address", "inspected_by", "prepared_by", "inspection_date", "devices")
ZONE_KEYS = ("kind", "subnets", "vlans", "attach", "sources")
POLICY_KEYS = ("from", "to", "allow", "services")
# site.yaml ``devices: {NAME: {type, location, purpose}}`` (the dossier's device list).
DEVICE_INFO_KEYS = ("type", "location", "purpose")
# The shortest prefix a zone other than ``external`` may own: anything shorter is a
# catch-all that would take the Internet's addresses (docs/semantics.md, "Zone addresses").
MIN_INSIDE_PREFIX = 8
# What ``netaudit init`` writes for the unit: a site still saying so is a draft.
UNIT_PLACEHOLDER = "TODO: tên đơn vị / unit name"


def unit_is_placeholder(unit: str) -> bool:
    """True for the unit a draft from ``netaudit init`` leaves to fill in (``TODO…``)."""
    return str(unit or "").strip().upper().startswith("TODO")


def did_you_mean(word: str, candidates) -> str:
    """`` (did you mean 'x'?)`` with the closest candidates, or ``""``."""
    cands = sorted({str(c) for c in candidates})
    by_low: dict[str, str] = {}
    for c in cands:
        by_low.setdefault(c.lower(), c)
    close = difflib.get_close_matches(str(word).lower(), list(by_low), n=3, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(repr(by_low[c]) for c in close) + "?)"


def _line_of(container, index: int, default: int | None) -> int | None:
    """Line of item ``index`` of a loaded list (``default`` for plain lists)."""
    lines = getattr(container, "lines", None)
    return lines[index] if lines and index < len(lines) else default


def _key_line(mapping, key) -> int | None:
    """Line of ``key`` in a loaded mapping, else of the mapping (None for plain dicts)."""
    return getattr(mapping, "key_lines", {}).get(key, mapping.get("__line__"))


def _check_keys(mapping: dict, allowed: tuple[str, ...], what: str, err) -> None:
    """InputError naming the first key of ``mapping`` that is not ``allowed``."""
    key_lines = getattr(mapping, "key_lines", {})
    for key in mapping:
        if key == "__line__" or key in allowed:
            continue
        err(f"unknown key {_show(key)} in {what}{did_you_mean(str(key), allowed)}; allowed: {', '.join(allowed)}",
            key_lines.get(key, mapping.get("__line__")))


def _show(value) -> str:
    """A value as an error message quotes it: its repr, without the loader's line marks, cut short."""
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != "__line__"}
    text = repr(value if not isinstance(value, (_Map, _Seq)) else
                (dict(value) if isinstance(value, dict) else list(value)))
    return text if len(text) <= 60 else text[:57] + "..."


def _what(value) -> str:
    """What a YAML value is, in words, for a type error."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"true/false ({value})".lower()
    if isinstance(value, (int, float)):
        return f"the number {_show(value)}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (date, datetime)):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    return f"a {type(value).__name__}"


def _text(value, what: str, err, line) -> str:
    """A text field (None = empty)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        err(f"{what} must be text, not {_what(value)}; put it in quotes", line)
    return value


def _list(value, what: str, example: str, err, line) -> list:
    """A list field (None = empty); a single value is an error that shows the list form."""
    if value is None:
        return []
    if not isinstance(value, list):
        err(f"{what} must be a list, e.g. {example}", line)
    return value


def _dev_item(text, what: str, err) -> tuple[str, str]:
    if not isinstance(text, str):
        err(f"{what} entry {_show(text)} must be DEVICE:{'VLAN-ID' if what == 'vlans' else 'INTERFACE'} "
            "(text, in quotes)")
    s = text
    # A VLAN id never holds a colon, so a device name may (RouterOS identities are free text).
    dev, sep, rest = s.rpartition(":") if what == "vlans" else s.partition(":")
    if not sep or not dev or not rest:
        err(f"{what} entry {s!r} must be DEVICE:{'VLAN-ID' if what == 'vlans' else 'INTERFACE'}")
    return dev, rest


def _subnet(value, zone: str, kind: str, err, line) -> IPNetwork:
    """A zone's subnet: IPv4 A.B.C.D/N (or an address); IPv6 and catch-alls refused."""
    if not isinstance(value, str):
        err(f"zone {zone!r}: bad subnet {_show(value)}: expected an IPv4 prefix A.B.C.D/N, in quotes", line)
    try:
        net = IPNetwork(value.strip())
    except (AddrFormatError, ValueError, TypeError):
        err(f"zone {zone!r}: bad subnet {value!r}: expected an IPv4 prefix A.B.C.D/N", line)
    if net.version != 4:
        err(f"zone {zone!r}: subnet {value!r}: IPv6 is not modelled yet (netaudit models IPv4 only); "
            "remove it", line)
    net = net.cidr
    if kind != "external" and net.prefixlen < MIN_INSIDE_PREFIX:
        every = "every address" if net.prefixlen == 0 else f"{net.size:,} addresses"
        err(f"zone {zone!r}: subnet {net} would own {every}: only an external zone may own every "
            f"address no other zone owns (a zone of kind {kind!r} needs a prefix of /{MIN_INSIDE_PREFIX} "
            "or longer); remove subnets: or make the zone kind: external", line)
    return net


def _date(value, what: str, err, line) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        err(f"{what} must be a date YYYY-MM-DD, without a time", line)
    if isinstance(value, date):
        return
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*", value):
        try:
            date.fromisoformat(value.strip())
            return
        except ValueError:
            err(f"{what}: {value!r} is not a real date", line)
    err(f"{what} must be a date YYYY-MM-DD, not {_what(value)}", line)


def _level(value, err, line) -> int:
    """``level``: a whole number 1..5 (a quoted one too); never true/false, a fraction or .inf."""
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,3}\s*", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        err(f"level must be a whole number 1..5, not {_what(value)}", line)
    if not 1 <= value <= 5:
        err(f"level must be 1..5, not {_show(value)}", line)
    return value


def load_site(path: str | Path) -> Site:
    """Parse and validate a site file; raise InputError naming file and line."""
    path = Path(path)
    display = str(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise InputError("site file is not a regular file", display)
        if st.st_size > SITE_MAX_BYTES:
            raise InputError(f"site file is {st.st_size:,} bytes, more than the limit of {SITE_MAX_BYTES:,} "
                             "bytes (a site file is a few kilobytes): is this the right file?", display)
        with open(path, "rb") as f:
            raw = f.read(SITE_MAX_BYTES + 1)
    except OSError as e:
        raise InputError(f"cannot read site file: {e.strerror}", display) from None
    if len(raw) > SITE_MAX_BYTES:
        raise InputError(f"site file is more than the limit of {SITE_MAX_BYTES:,} bytes "
                         "(a site file is a few kilobytes): is this the right file?", display)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise InputError("site file is not UTF-8 text", display, line) from None
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + 1 if isinstance(e.position, int) else None
        ch = chr(e.character) if isinstance(e.character, int) else str(e.character)
        raise InputError(f"character {escape_char(ch)} (U+{ord(ch[:1] or ' '):04X}) is not allowed in a "
                         "YAML file; remove it, or write it as an escape inside double quotes",
                         display, line) from None
    except (yaml.constructor.ConstructorError, yaml.composer.ComposerError) as e:
        mark = e.problem_mark
        raise InputError(one_line(e.problem), display, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise InputError(f"invalid YAML: {one_line(getattr(e, 'problem', None) or e)}", display, line) from None
    except RecursionError:
        raise InputError("site file nested too deeply (a site file has a few levels)", display) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("site file must be a mapping with unit, level, zones", display, 1)
    return site_from_dict(data, display)


def site_from_dict(data: dict, display: str = "site.yaml") -> Site:
    """Validate a site (as loaded by :func:`load_site`, or a plain dict) against the
    site-file schema; InputError naming the file and, when known, the line."""
    def err(msg: str, line=None):
        raise InputError(msg, display, line)

    if not isinstance(data, dict):
        err("site file must be a mapping with unit, level, zones", 1)
    site = Site(file=display)
    top = data.get("__line__")
    _check_keys(data, SITE_KEYS + INFO_KEYS, "the site file", err)
    site.unit = _text(data.get("unit"), "unit", err, _key_line(data, "unit"))
    site.level = _level(data.get("level", 2), err, _key_line(data, "level"))
    for key in ("address", "inspected_by", "prepared_by"):
        _text(data.get(key), key, err, _key_line(data, key))
    _date(data.get("inspection_date"), "inspection_date", err, _key_line(data, "inspection_date"))
    _check_devices(data.get("devices"), err, _key_line(data, "devices"))
    site.info = {k: v for k, v in data.items()
                 if k not in ("unit", "level", "zones", "policy", "links", "__line__")}
    zones = data.get("zones")
    names_in = [k for k in zones if k != "__line__"] if isinstance(zones, dict) else []
    if not names_in:
        err("zones: must map zone names to {kind, subnets, vlans, attach}", _key_line(data, "zones") or top)
    limit = max_zones()
    if len(names_in) > limit:
        err(f"{len(names_in):,} zones, more than the limit of {limit} (every zone is audited against every "
            f"other: time and memory grow with the square); set {MAX_ZONES_ENV} to raise it",
            _key_line(data, "zones"))
    subnet_lines: list[tuple[IPNetwork, str, str, int | None]] = []
    for name in names_in:
        spec = zones[name]
        name_line = _key_line(zones, name)
        if not isinstance(name, str) or not name.strip():
            err(f"zone name {_show(name)} must be text (put it in quotes)", name_line)
        if name == DEVICES_ZONE:
            err(f"zone name {DEVICES_ZONE!r} is reserved for the devices themselves", name_line)
        if not isinstance(spec, dict):
            err(f"zone {name!r} must be a mapping", name_line)
        line = spec.get("__line__", name_line)
        _check_keys(spec, ZONE_KEYS, f"zone {name!r}", err)
        lists = {}
        for key in ("subnets", "vlans", "attach"):
            lists[key] = _list(spec.get(key), f"zone {name!r}: {key}",
                               f"{key}: [{_show(spec[key]) if spec.get(key) is not None else ''}]",
                               err, _key_line(spec, key) or line)
        kind_raw = spec.get("kind", "")
        kind = kind_raw.lower() if isinstance(kind_raw, str) else ""
        if kind not in KINDS:
            err(f"zone {name!r}: kind must be one of {', '.join(KINDS)}", _key_line(spec, "kind") or line)
        z = Zone(name, kind, line=line)
        subnets = lists["subnets"]
        for i, s in enumerate(subnets):
            at = _line_of(subnets, i, _key_line(spec, "subnets") or line)
            net = _subnet(s, name, kind, err, at)
            z.ref_lines[("subnets", len(z.subnets))] = at
            z.subnets.append(net)
            subnet_lines.append((net, name, kind, at))
        vlans = lists["vlans"]
        for i, v in enumerate(vlans):
            at = _line_of(vlans, i, line)
            dev, vid = _dev_item(v, "vlans", lambda m, at=at, zn=name: err(f"zone {zn!r}: {m}", at))
            if not re.fullmatch(r"[0-9]{1,4}", vid) or not 1 <= int(vid) <= 4094:
                err(f"zone {name!r}: VLAN id in {v!r} must be 1..4094", at)
            z.ref_lines[("vlans", len(z.vlans))] = at
            z.vlans.append((dev, int(vid)))
        attach = lists["attach"]
        for i, a in enumerate(attach):
            at = _line_of(attach, i, line)
            z.ref_lines[("attach", len(z.attach))] = at
            z.attach.append(_dev_item(a, "attach", lambda m, at=at, zn=name: err(f"zone {zn!r}: {m}", at)))
        src = spec.get("sources", "own")
        if src not in ("own", "any", "subnets"):
            err(f"zone {name!r}: sources must be 'own' or 'any'", _key_line(spec, "sources") or line)
        z.sources = "own" if src == "subnets" else src
        if not (z.subnets or z.vlans or z.attach) and kind != "external":
            err(f"zone {name!r} needs at least one of subnets, vlans, attach", line)
        site.zones.append(z)
    _check_overlaps(subnet_lines, err)
    names = {z.name for z in site.zones} | {DEVICES_ZONE}
    policy = _list(data.get("policy"), "policy", "policy: [{from: guest, to: staff, allow: false}]",
                   err, _key_line(data, "policy"))
    for i, p in enumerate(policy):
        line = p.get("__line__") if isinstance(p, dict) else _line_of(policy, i, _key_line(data, "policy"))
        if not isinstance(p, dict) or "from" not in p or "to" not in p:
            err("policy entries need from: and to:", line)
        _check_keys(p, POLICY_KEYS, "a policy entry", err)
        for key in ("from", "to"):
            if not isinstance(p[key], str):
                err(f"policy {key}: must be one zone name, not {_what(p[key])}", _key_line(p, key))
            if p[key] not in names:
                err(f"policy {key}: unknown zone {p[key]!r}{did_you_mean(str(p[key]), names)}", line)
        allow = p.get("allow")
        if allow is not None and not isinstance(allow, bool):
            err(f"policy allow: must be true or false, not {_what(allow)}", _key_line(p, "allow"))
        services = p.get("services")
        if services is not None:
            services = _list(services, "policy services", "services: [tcp/80, tcp/443]", err,
                             _key_line(p, "services"))
            from .headerspace import service_match
            for j, s in enumerate(services):
                at = _line_of(services, j, line)
                if not isinstance(s, str):
                    err(f"policy services: {_show(s)} is not a service like tcp/80, udp/53, icmp/8 or ip", at)
                try:
                    service_match(s)
                except ValueError as e:
                    err(str(e), at)
        site.policy.append(PolicyOverride(p["from"], p["to"], allow,
                                          [str(s) for s in services] if services is not None else None, line))
    links = _list(data.get("links"), "links", 'links: [["CORE:Gi1/0/24", "RT:Gi0/1"]]', err,
                  _key_line(data, "links"))
    for i, item in enumerate(links):
        at = _line_of(links, i, _key_line(data, "links"))
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            err("links entries are pairs: [DEV:IF, DEV:IF]", at)
        a = _dev_item(item[0], "links", lambda m, at=at: err(m, at))
        b = _dev_item(item[1], "links", lambda m, at=at: err(m, at))
        site.links.append((a, b))
        site.link_lines.append(at)
    return site


def _check_devices(devices, err, line) -> None:
    """``devices: {NAME: {type, location, purpose}}``: texts for the dossier's device list."""
    if devices is None:
        return
    if not isinstance(devices, dict):
        err("devices must map device names to {type, location, purpose}", line)
    for name, info in devices.items():
        if name == "__line__":
            continue
        at = _key_line(devices, name)
        if not isinstance(name, str):
            err(f"devices: device name {_show(name)} must be text (put it in quotes)", at)
        if info is None:
            continue
        if not isinstance(info, dict):
            err(f"devices: {name!r} must be a mapping of {', '.join(DEVICE_INFO_KEYS)}", at)
        _check_keys(info, DEVICE_INFO_KEYS, f"devices: {name!r}", err)
        for key in DEVICE_INFO_KEYS:
            _text(info.get(key), f"devices: {name!r}: {key}", err, _key_line(info, key))


def _check_overlaps(subnets: list[tuple[IPNetwork, str, str, int | None]], err) -> None:
    """No address may belong to two zones (docs/semantics.md, "Zone addresses").

    Two CIDR blocks either nest or are disjoint, so one sweep in address order with a
    stack of the blocks that contain the current one finds every overlap between zones
    (O(n log n), whatever the number of subnets)."""
    order = sorted(subnets, key=lambda s: (s[0].first, -s[0].last))
    stack: list[tuple[IPNetwork, str, str, int | None]] = []
    for cur in order:
        net = cur[0]
        while stack and stack[-1][0].last < net.first:
            stack.pop()
        if stack and stack[-1][1] != cur[1]:
            outer = stack[-1]
            hint = ""
            if "external" in (outer[2], cur[2]):
                ext = outer[1] if outer[2] == "external" else cur[1]
                hint = (f"; an external zone needs no subnets: without them {ext!r} owns every address "
                        "no other zone owns")
            where = f" (line {outer[3]})" if outer[3] else ""
            err(f"zone {cur[1]!r}: subnet {net} overlaps subnet {outer[0]} of zone {outer[1]!r}{where}: "
                "an address belongs to one zone, or the matrix would count the same hosts in both; "
                f"split the larger subnet or merge the zones{hint}", cur[3])
        stack.append(cur)


# --------------------------------------------------------------------------- inference

# Keywords per kind: ASCII-folded upper-case words, matched on whole words of a name
# (see _words) and never inside a word — LAN is not in VLAN, PLANNING or LANH.  Order
# matters: when one place matches several kinds the first wins.  Guest comes first
# because a guest network taken for staff would hide exactly the leak the audit looks
# for; the generic internal words come last.
_KEYWORDS: list[tuple[str, str, tuple[str, ...]]] = [
    ("guest", "guest", ("GUEST", "KHACH", "PUBLIC", "CONG CONG", "WIFI FREE", "FREE WIFI", "NGUOI DAN",
                        "VISITOR", "HOTSPOT")),
    ("management", "mgmt", ("MGMT", "MANAGE", "MANAGEMENT", "QUAN TRI", "QUAN LY TB", "ADMIN", "OOB")),
    ("database", "database", ("DB", "DATABASE", "CSDL", "CO SO DU LIEU")),
    # Not DC: in a commune office that is Địa chính (land registry), a staff department.
    ("server", "servers", ("SERVER", "SRV", "MAY CHU", "DATACENTER")),
    ("dmz", "dmz", ("DMZ",)),
    ("camera", "camera", ("CAMERA", "CCTV", "CAM", "GIAM SAT", "NVR")),
    ("kiosk", "kiosk", ("KIOSK", "MOT CUA", "ONE STOP", "TTPVHCC", "HCC", "TIEP DAN")),
    ("wan", "wan", ("TSLCD", "CPNET", "WAN CP", "TRUYEN SO LIEU", "CHUYEN DUNG")),
    ("external", "internet", ("INTERNET", "ISP", "VNPT", "VIETTEL", "FPT", "WAN", "OUTSIDE")),
    ("internal", "staff", ("STAFF", "NOI BO", "CAN BO", "USER", "LAN", "OFFICE", "VAN PHONG", "CONG CHUC",
                           "INSIDE", "LANH DAO")),
]
_KIND_ORDER = [kind for kind, _, _ in _KEYWORDS]
_ZONE_NAME = {kind: name for kind, name, _ in _KEYWORDS}
_KEYWORD_WORDS = [(kind, name, kw, tuple(kw.split())) for kind, name, kws in _KEYWORDS for kw in kws]
# Phrases that hold a keyword but mean something else, read as one word: "Cảm biến" is a
# sensor, not a camera; a public IP (IP công cộng) is the WAN's address, not a guest network.
_NOT_KEYWORDS = {("CAM", "BIEN"): "CAMBIEN", ("PUBLIC", "IP"): "PUBLICIP", ("IP", "PUBLIC"): "PUBLICIP",
                 ("IP", "CONG", "CONG"): "IPCONGCONG"}
# An SSID called "free" is the public one.
_SSID_GUEST = (("FREE",), ("MIEN", "PHI"))
# Words that may be glued into one token (WIFIKHACH, CONGCONG, CANBO): the keywords'
# words and the words met around them.  A token is split only when it is made of these
# words entirely, so VLAN (V + LAN), WLAN and PLANNING stay whole.
_VOCABULARY = frozenset(w for _, _, _, words in _KEYWORD_WORDS for w in words) | frozenset(
    {"VLAN", "VL", "WLAN", "WIFI", "LANH", "DAO", "FREE", "MIEN", "PHI", "ZONE", "NET", "MANG", "VUNG"})

# Evidence strength: names people gave (interface and VLAN names, descriptions and
# comments, nameif, FortiGate zones, SSIDs, RouterOS interface lists) decide; structural
# hints (default route, NAT outside, FortiGate interface role) only where no name does.
_NAMED, _HINTED = 1, 2
# FortiGate `set role`: what an administrator declared the interface to face.
_ROLE_KIND = {"wan": "external", "dmz": "dmz", "lan": "internal"}


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in t if not unicodedata.combining(c)).upper()


def _words(text: str) -> list[str]:
    """The words of a name, ASCII-folded and upper-case.

    Split on anything not a letter or digit, between letters and digits, and where a
    lower-case letter meets an upper-case one (``VL10-CANBO`` → VL 10 CAN BO,
    ``WifiKhach`` → WIFI KHACH); a token made only of known words is split into them.
    """
    t = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", t)
    out: list[str] = []
    for tok in re.findall(r"[A-Z]+|[0-9]+", t.upper()):
        out.extend(_split_compound(tok))
    for phrase, word in _NOT_KEYWORDS.items():
        n = len(phrase)
        for i in range(len(out) - n, -1, -1):
            if tuple(out[i:i + n]) == phrase:
                out[i:i + n] = [word]
    return out


@functools.lru_cache(maxsize=4096)
def _split_compound(tok: str) -> tuple[str, ...]:
    """``tok`` as the fewest known words it is made of, or ``(tok,)``."""
    if tok in _VOCABULARY or tok.isdigit() or len(tok) > 40:
        return (tok,)
    best: list[tuple[str, ...] | None] = [()] + [None] * len(tok)
    for end in range(1, len(tok) + 1):
        for start in range(max(0, end - 12), end):
            head = best[start]
            if head is not None and tok[start:end] in _VOCABULARY:
                cand = head + (tok[start:end],)
                if best[end] is None or len(cand) < len(best[end]):
                    best[end] = cand
    return best[-1] or (tok,)


def _has(words: list[str], kw: tuple[str, ...]) -> bool:
    """``kw`` occurs as consecutive whole words (the last one may take a plural S)."""
    n = len(kw)
    for i in range(len(words) - n + 1):
        if all(words[i + k] == w or (k == n - 1 and len(w) >= 3 and words[i + k] == w + "S")
               for k, w in enumerate(kw)):
            return True
    return False


def classify(*texts: str) -> tuple[str, str, str] | None:
    """(kind, zone name, matched words) for the first text with a recognised name."""
    for text in texts:
        if not text:
            continue
        words = _words(text)
        for kind, name, kw, parts in _KEYWORD_WORDS:
            if _has(words, parts):
                return kind, name, kw
    return None


def _classify_ssid(name: str) -> tuple[str, str, str] | None:
    hit = classify(name)
    if hit is None and any(_has(_words(name), kw) for kw in _SSID_GUEST):
        hit = ("guest", "guest", "FREE")
    return hit


@dataclass
class _Place:
    """A place hosts plug into, as a site file names it, and what the configs say of it."""

    device: str
    ref: tuple[str, str | int]          # ("vlans", 40) | ("attach", "ether5")
    domain: str
    rank: int                           # reference preference: 0 VLAN, 1 L3 interface, 2 port
    label: str                          # VLAN or interface name, for zone names
    subnets: list[IPNetwork] = field(default_factory=list)
    routed: list[IPNetwork] = field(default_factory=list)      # prefixes routed out of it
    hits: list[tuple[int, str, str]] = field(default_factory=list)   # (strength, kind, why)

    def add_subnets(self, nets) -> None:
        for n in nets:
            if n.cidr not in self.subnets:
                self.subnets.append(n.cidr)


class _Drafter:
    """Collects places and evidence device by device, then groups them into zones.

    Every reference is made from what the audit's placement resolves (topology
    ``vlan_domain`` / ``port_domain``), so the draft never names a VLAN or port the
    audit cannot find.
    """

    def __init__(self, topo: Topology):
        self.topo = topo
        self.places: dict[tuple[str, tuple], _Place] = {}
        self.notes: list[str] = []

    # ------------------------------------------------------------------ places

    def _place(self, dev: str, ref: tuple, domain: str, rank: int, label: str) -> _Place:
        p = self.places.get((dev, ref))
        if p is None:
            p = self.places[(dev, ref)] = _Place(dev, ref, domain, rank, label)
        return p

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def _eligible(self, d: Device, itf: Interface) -> bool:
        """Whether hosts can sit behind ``itf`` as a zone of their own."""
        if itf.shutdown or itf.kind in (IfKind.LOOPBACK, IfKind.NULL):
            return False
        # A trunk, or a port that only carries VLAN interfaces (FortiGate port1 under
        # VL10-CANBO …, ASA Gi1/2 under Gi1/2.10 …): its VLANs are the zones, never the port.
        if itf.mode == L2Mode.TRUNK or (itf.name in self._carriers and not itf.addresses):
            return False
        # On an ASA an interface without nameif passes no traffic (failover links, spare ports).
        if self._nameif and not itf.zone:
            return False
        return not _transit(self.topo, d.hostname, itf.name)

    def _vlan_places(self, d: Device, vid: int) -> list[_Place]:
        """Where the hosts of VLAN ``vid`` of ``d`` sit: its switch segment, else the
        VLAN interface / subinterface that terminates it."""
        did = self.topo.vlan_domain(d.hostname, vid)
        if did is not None:
            vlan = d.vlans.get(vid)
            return [self._place(d.hostname, ("vlans", vid), did, 0, (vlan.name if vlan else "") or f"vlan{vid}")]
        out: list[_Place] = []
        for itf in sorted(d.interfaces.values(), key=lambda i: i.name):
            if itf.encapsulation_vlan == vid and itf.kind in (IfKind.VLAN, IfKind.SUBINTERFACE, IfKind.SVI) \
                    and self._eligible(d, itf):
                out.extend(self._interface_places(d, itf))
        return out

    def _interface_places(self, d: Device, itf: Interface) -> list[_Place]:
        """Where the hosts behind ``itf`` sit ([] when no reference to it resolves)."""
        host, topo = d.hostname, self.topo
        if itf.kind == IfKind.SVI:
            vid = _svi_vid(itf)
            if vid is not None and topo.vlan_domain(host, vid) is not None:
                places = self._vlan_places(d, vid)
                for p in places:
                    p.add_subnets(itf.addresses)
                return places
        # A VLAN interface on a RouterOS bridge without VLAN filtering: RouterOS ignores the
        # ports' pvid, so the hosts meant for the VLAN sit on those ports, untagged.
        ports = [p for p in self._pvid_ports.get(itf.name, ())
                 if p in d.interfaces and self._eligible(d, d.interfaces[p])]
        places = []
        for port in ports:
            did = topo.port_domain(host, port)
            if did is not None:
                p = self._place(host, ("attach", port), did, 2, port)
                p.add_subnets(itf.addresses)
                places.append(p)
        if places:
            return places
        did = topo.port_domain(host, itf.name)
        if did is None:
            return []
        p = self._place(host, ("attach", itf.name), did, 1 if itf.is_l3 else 2, _label(d, itf))
        p.add_subnets(itf.addresses)
        for r in d.routes:      # what lies beyond it (a wan zone owns the networks routed there)
            beyond = r.interface == itf.name or (
                r.next_hop is not None and any(a.first <= r.next_hop <= a.last for a in itf.addresses))
            if r.prefix.prefixlen and not r.drop and beyond and r.prefix.cidr not in p.routed:
                p.routed.append(r.prefix.cidr)
        return [p]

    def _evidence(self, places: list[_Place], strength: int, hit, why: str) -> None:
        kind, _, word = hit
        text = f"{why} ~ {word}" if word else why
        if not places:
            self._note(f"{text}: not placed (no VLAN segment, address or port the audit can attach to)")
        for p in places:
            if (strength, kind, text) not in p.hits:
                p.hits.append((strength, kind, text))

    # ------------------------------------------------------------------ one device

    def device(self, d: Device) -> None:
        host = d.hostname
        self._nameif = any(i.security_level is not None for i in d.interfaces.values())
        self._carriers = {i.parent for i in d.interfaces.values()
                          if i.parent and i.kind in (IfKind.VLAN, IfKind.SUBINTERFACE)}
        self._pvid_ports = _pvid_ports(d)
        for vif, ports in sorted(self._pvid_ports.items()):
            self._note(f"{host}:{vif} is a VLAN interface on a bridge without VLAN filtering: RouterOS "
                              f"ignores the pvid of {', '.join(ports)}, whose hosts sit untagged in the bridge's "
                              "domain; zones meant for that VLAN are placed on those ports")
        # A FortiGate VDOM is named for what it serves (VDOM KHACH: the guest network).
        vdom = str(d.facts.get("vdom") or "") if d.facts.get("vdom_mode") else ""
        eligible = [i for i in sorted(d.interfaces.values(), key=lambda i: i.name) if self._eligible(d, i)]
        lists: dict[str, list[str]] = defaultdict(list)
        for lst, members in (d.facts.get("interface_lists") or {}).items():
            for m in members:
                lists[m].append(lst)
        roles = d.facts.get("interface_roles") or {}
        for itf in eligible:
            places = self._interface_places(d, itf)
            named = [(itf.name, f"{host}:{itf.name}")]
            if vdom and vdom.lower() != "root":
                named.append((vdom, f"{host}:{itf.name} in VDOM {vdom}"))
            if itf.description:
                named.append((itf.description, f"{host}:{itf.name} '{itf.description}'"))
            if itf.zone:
                named.append((itf.zone, f"{host}:{itf.name} {'nameif' if self._nameif else 'zone'} {itf.zone}"))
            named += [(lst, f"{host}:{itf.name} in interface list {lst}") for lst in sorted(lists.get(itf.name, ()))]
            for text, why in named:
                hit = classify(text)
                if hit:
                    self._evidence(places, _NAMED, hit, why)
            role = _ROLE_KIND.get(str(roles.get(itf.name, "")))
            if role:
                self._evidence(places, _HINTED, (role, _ZONE_NAME[role], ""), f"{host}:{itf.name} role {roles[itf.name]}")
            if itf.nat_side == "outside":
                self._evidence(places, _HINTED, ("external", "internet", ""), f"{host}:{itf.name} is NAT outside")
        for vid, vlan in sorted(d.vlans.items()):
            hit = classify(vlan.name) if vlan.name else None
            if hit:
                self._evidence(self._vlan_places(d, vid), _NAMED, hit, f"{host} vlan {vid} '{vlan.name}'")
        for ssid in d.ssids:
            places = self._vlan_places(d, ssid.vlan) if ssid.vlan else []
            itf = d.interfaces.get(ssid.interface or "")
            if not places and itf is not None and self._eligible(d, itf):
                places = self._interface_places(d, itf)
            hit = _classify_ssid(ssid.name)
            if hit:
                self._evidence(places, _NAMED, hit, f"{host} SSID '{ssid.name}'")
            if ssid.open_auth:
                # Anyone in range can join an SSID without a password: its hosts are guests.
                self._evidence(places, _NAMED, ("guest", "guest", ""), f"{host} SSID '{ssid.name}' is open (no password)")
        # The interface a default route leaves through faces the Internet (a default
        # route toward another device of the snapshot is transit, not the exit).
        for r in d.routes:
            if r.prefix.prefixlen == 0 and not r.drop:
                out = d.interfaces.get(r.interface or _iface_for(d, r.next_hop) or "")
                if out is not None and self._eligible(d, out):
                    self._evidence(self._interface_places(d, out), _HINTED, ("external", "internet", ""),
                                   f"{host}:{out.name} carries the default route")

    # ------------------------------------------------------------------ zones

    def zones(self) -> list[Zone]:
        """One zone per kind and L2 domain (one external zone for every exit)."""
        groups: dict[tuple[str, str | None], list[_Place]] = {}
        for p in sorted(self.places.values(), key=lambda p: (p.device, p.rank, str(p.ref))):
            if not p.hits:
                continue
            pool = [h for h in p.hits if h[0] == _NAMED] or p.hits
            kind = min((h[1] for h in pool), key=_KIND_ORDER.index)
            if kind != "external" and not p.subnets and not self.topo.domains[p.domain].l3:
                # Hosts there reach no router of the snapshot and own no address: a zone would
                # only yield unknown cells.  Typically an L2 switch whose uplink to the router
                # the configs cannot show.
                self._note(f"{p.device}:{p.label} ({kind}) has no router interface or address in its L2 "
                           "domain: not drafted (declare links: to the router if it is cabled to one)")
                continue
            groups.setdefault((kind, None if kind == "external" else p.domain), []).append(p)
        bases = [_ZONE_NAME[kind] for kind, _ in groups]
        zones: list[Zone] = []
        used: set[str] = set()
        domains_of: dict[str, list[str]] = {}
        devices_of: dict[str, set[str]] = defaultdict(set)
        for (kind, _), places in groups.items():
            devices_of[_ZONE_NAME[kind]].update(p.device for p in places)
        for (kind, _), places in groups.items():
            name = _ZONE_NAME[kind]
            if bases.count(name) > 1:
                # Several zones of one kind: told apart by VLAN / interface (and device).
                label = places[0].label if len(devices_of[name]) == 1 else f"{places[0].device}-{places[0].label}"
                name = f"{name}-{_slug(label)}"
            while name in used:
                name += "-2"
            used.add(name)
            z = Zone(name, kind)
            by_domain: dict[str, list[_Place]] = {}
            for p in places:
                by_domain.setdefault(p.domain, []).append(p)
            for ps in by_domain.values():
                best = min(p.rank for p in ps)
                for p in ps:
                    if p.rank == best:
                        (z.vlans if p.ref[0] == "vlans" else z.attach).append((p.device, p.ref[1]))
            for p in places:
                for _, k, why in p.hits:
                    text = why if k == kind else f"{why} (also suggests {k})"
                    if text not in z.inferred_from:
                        z.inferred_from.append(text)
                if kind != "external":
                    for net in p.subnets + (p.routed if kind == "wan" else []):
                        if net not in z.subnets:
                            z.subnets.append(net)
            domains_of[name] = list(by_domain)
            zones.append(z)
        shared: dict[str, list[str]] = defaultdict(list)
        for name, doms in domains_of.items():
            for did in doms:
                shared[did].append(name)
        for did, names in shared.items():
            if len(names) > 1:
                label = self.topo.domains[did].label or did
                self._note(f"zones {', '.join(sorted(names))} share one L2 domain ({label}): their hosts "
                                  "reach each other without passing a router or firewall")
        return sorted(zones, key=lambda z: z.name)


def infer_site(devices: list[Device], topo: Topology) -> Site:
    """Draft zones from what the configs say, for a person to confirm (``netaudit init``).

    Every usable interface, VLAN and SSID is a place hosts may sit.  Its names —
    interface name, description / comment / alias, ASA nameif, FortiGate zone, VLAN
    name, SSID, RouterOS interface lists — are matched on whole words (:func:`classify`);
    structural hints (default route, NAT outside, FortiGate interface role) decide
    only where no name does.  Trunks and ports that merely carry VLAN interfaces are
    never zones.  Places are grouped into one zone per kind and L2 domain (one external
    zone for all exits), written with references the audit's placement resolves: the
    VLAN segment, else the L3 interface, else the port.  Every zone records what it
    matched; hints that nothing could place, and zones sharing an L2 domain, are
    listed in ``Site.notes``.
    """
    drafter = _Drafter(topo)
    for d in sorted(devices, key=lambda d: d.hostname):
        drafter.device(d)
    site = Site(unit="", level=2, inferred=True)
    site.zones = drafter.zones()
    site.notes = drafter.notes
    return site


def _svi_vid(itf: Interface) -> int | None:
    digits = "".join(c for c in itf.name if c.isdigit())
    if itf.encapsulation_vlan:
        return itf.encapsulation_vlan
    return int(digits) if digits and itf.name.lower().startswith("vlan") else None


def _pvid_ports(d: Device) -> dict[str, list[str]]:
    """RouterOS bridges without VLAN filtering: VLAN interface -> the bridge ports whose
    (ignored) pvid is its VLAN, i.e. where the hosts meant for that VLAN plug in."""
    out: dict[str, list[str]] = {}
    for bridge in d.facts.get("bridges_no_vlan_filtering") or []:
        by_vid: dict[int, list[str]] = defaultdict(list)
        for p in bridge.get("pvids", []):
            by_vid[p["pvid"]].append(p["port"])
        for v in bridge.get("vlan_interfaces", []):
            if by_vid.get(v["vlan"]):
                out[v["interface"]] = sorted(by_vid[v["vlan"]])
    return out


def _label(d: Device, itf: Interface) -> str:
    """What to call the place behind ``itf``: its own name, unless that is a hardware
    name of a VLAN subinterface (Gi0/0/1.40), then the VLAN's name."""
    vid = itf.encapsulation_vlan
    if vid and re.fullmatch(r"[A-Za-z-]*[0-9/.:]+", itf.name):
        vlan = d.vlans.get(vid)
        return (vlan.name if vlan else "") or f"vlan{vid}"
    return itf.name


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(label).lower()).strip("-") or "zone"


def _transit(topo: Topology, dev: str, ifname: str) -> bool:
    """A routed link to another device of the snapshot: infrastructure, not a zone."""
    did = topo.l3_domain(dev, ifname)
    return did is not None and any(other != dev for other, _ in topo.domains[did].l3)


def _iface_for(d: Device, nh: int | None) -> str | None:
    if nh is None:
        return None
    for itf in d.l3_interfaces():
        for a in itf.addresses:
            if a.first <= nh <= a.last:
                return itf.name
    return None


def _comment(text: str, indent: int = 0) -> str:
    # A control character is not allowed anywhere in YAML, comments included: made visible.
    return " " * indent + "# " + clean(" ".join(str(text).split()), keep="")


def _dump(data: dict, indent: int = 0, flow_lists: bool = False) -> list[str]:
    """``data`` as YAML lines (lists of plain values in [a, b] style with ``flow_lists``)."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096,
                          default_flow_style=None if flow_lists else False)
    return [" " * indent + line for line in text.splitlines()]


def site_to_yaml(site: Site) -> str:
    """Render a (usually inferred) site as a commented YAML draft for review.

    Values are written by the YAML library, so any name — quotes, colons, ``#``,
    leading dashes, Vietnamese — loads back exactly; what each zone was inferred from
    is kept as comment lines above it.
    """
    lines = ["# netaudit site file — DRAFT inferred from names in the configs; review every zone.",
             "# Bản nháp: rà soát từng vùng mạng, ghi tên đơn vị và cấp độ trước khi kiểm tra."]
    lines += _dump({"unit": site.unit or UNIT_PLACEHOLDER})
    lines += _dump({"level": site.level})
    lines[-1] += "    # cấp độ 1..5: TODO confirm"
    for note in site.notes:
        lines.append(_comment(f"note: {note}"))
    if not site.zones:
        lines += ["zones:", "  {}   # nothing recognised: add zones by hand (DESIGN §4)"]
    else:
        lines.append("zones:")
    for z in site.zones:
        for why in z.inferred_from:
            lines.append(_comment(f"inferred from: {why}", 2))
        spec: dict = {"kind": z.kind}
        if z.subnets:
            spec["subnets"] = [str(s) for s in z.subnets]
        if z.vlans:
            spec["vlans"] = [f"{d}:{v}" for d, v in z.vlans]
        if z.attach:
            spec["attach"] = [f"{d}:{i}" for d, i in z.attach]
        lines += _dump({z.name: spec}, 2, flow_lists=True)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- references


def _device_for(topo: Topology, dev: str, what: str, err, line) -> Device:
    d = topo.devices.get(dev)
    if d is None:
        err(f"{what}: no device {dev!r} in the snapshot{did_you_mean(dev, topo.devices)}", line)
    return d


def _interface_exists(d: Device, ifn: str) -> bool:
    return ifn in d.interfaces or _canonical(ifn, d) in d.interfaces


def _missing_interface(d: Device, ifn: str, what: str, err, line) -> None:
    hint = did_you_mean(ifn, d.interfaces)
    full = _canonical(ifn, d)
    named = sorted(i.name for i in d.interfaces.values() if i.zone and i.zone.lower() == ifn.lower())
    if full in d.interfaces:
        hint = f" (write the full name {full!r})"
    elif named:
        # People name ASA interfaces by nameif and FortiGate ones by zone; the site file wants the interface.
        label = "nameif" if any(i.security_level is not None for i in d.interfaces.values()) else "zone"
        hint = f" ({ifn!r} is the {label} of {', '.join(named)}: name the interface)"
    err(f"{what}: no interface {ifn!r} on {d.hostname}{hint}", line)


def check_references(site: Site, topo: Topology) -> None:
    """Every device, VLAN and interface a site file names must exist in the snapshot.

    A typo there would otherwise not fail: the zone is just not placed and its cells
    turn "unknown", or a link goes missing.  Raises InputError naming the file, the
    entry's line and the closest names.  A reference that exists but carries no
    traffic (a shut port, a VLAN no port uses) stays a placement problem of the zone.
    An ``attach`` entry whose device name holds a colon is re-split here, against the
    devices of the snapshot.
    """
    def err(msg: str, line):
        raise InputError(msg, site.file, line)

    for z in site.zones:
        for i, (dev, vid) in enumerate(z.vlans):
            line = z.ref_lines.get(("vlans", i), z.line)
            what = f"zone {z.name!r}: vlans entry '{dev}:{vid}'"
            d = _device_for(topo, dev, what, err, line)
            if topo.vlan_domain(dev, vid) is not None:
                continue
            terminating = sorted(itf.name for itf in d.interfaces.values() if itf.encapsulation_vlan == vid
                                 and itf.kind in (IfKind.VLAN, IfKind.SUBINTERFACE))
            if terminating:
                refs = ", ".join(f'"{dev}:{n}"' for n in terminating)
                err(f"{what}: VLAN {vid} is not a switch VLAN on {dev} but the VLAN interface "
                    f"{', '.join(terminating)}: write attach: [{refs}]", line)
            known = set(d.vlans) | {_svi_vid(itf) for itf in d.interfaces.values() if itf.kind == IfKind.SVI}
            if vid not in known:
                err(f"{what}: no VLAN {vid} on {dev}"
                    f"{did_you_mean(f'{dev}:{vid}', [f'{dev}:{v}' for v in known if v])}", line)
        for i, (dev, ifn) in enumerate(z.attach):
            line = z.ref_lines.get(("attach", i), z.line)
            if dev not in topo.devices:
                dev, ifn = _resplit(topo, dev, ifn)
                z.attach[i] = (dev, ifn)
            what = f"zone {z.name!r}: attach entry '{dev}:{ifn}'"
            d = _device_for(topo, dev, what, err, line)
            if not _interface_exists(d, ifn):
                _missing_interface(d, ifn, what, err, line)
    for i, pair in enumerate(site.links):
        line = site.link_lines[i] if i < len(site.link_lines) else None
        for dev, ifn in pair:
            what = f"links entry '{dev}:{ifn}'"
            d = _device_for(topo, dev, what, err, line)
            if ifn not in d.interfaces:
                _missing_interface(d, ifn, what, err, line)


def _resplit(topo: Topology, dev: str, ifn: str) -> tuple[str, str]:
    """``DEV:IF`` split at the colon that names a device of the snapshot, if one does."""
    whole = f"{dev}:{ifn}"
    for k, ch in enumerate(whole):
        if ch == ":" and whole[:k] in topo.devices and whole[k + 1:]:
            return whole[:k], whole[k + 1:]
    return dev, ifn


def site_warnings(site: Site) -> list[Text]:
    """What about the site as a whole every report must say loudly (catalogue Texts)."""
    out: list[Text] = []
    if unit_is_placeholder(site.unit):
        out.append(Text("site.unit_todo", file=site.file or "site.yaml"))
    if not any(z.kind == "guest" for z in site.zones):
        out.append(Text("site.no_guest"))
    return out


# --------------------------------------------------------------------------- placement


@dataclass
class PlacedZone:
    """A zone with the L2 domains its hosts sit in and the addresses it owns."""

    zone: Zone
    domains: list[str]
    owned: IPSet
    problems: list[Text] = field(default_factory=list)     # English as str; .render(lang) / .both()
    # Where an external zone without attach: was attached automatically, and why.
    attached: list[Text] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.zone.name

    @property
    def kind(self) -> str:
        return self.zone.kind


def resolve(site: Site, topo: Topology) -> tuple[list[PlacedZone], IPSet, list[str]]:
    """Place zones in domains; return (placed zones, all device addresses, warnings)."""
    warnings: list[str] = []
    device_addrs = IPSet()
    for d in topo.devices.values():
        for itf in d.interfaces.values():
            if not itf.shutdown:
                for a in itf.owns():
                    device_addrs.add(a.ip)
    placed: list[PlacedZone] = []
    for z in site.zones:
        doms: list[str] = []
        problems: list[Text] = []
        for dev, vid in z.vlans:
            did = topo.vlan_domain(dev, vid)
            if did is None:
                problems.append(Text("problem.vlan_missing", device=dev, vlan=vid))
            elif did not in doms:
                doms.append(did)
        for dev, ifn in z.attach:
            d = topo.devices.get(dev)
            name = ifn
            if d is not None and ifn not in d.interfaces:
                name = _canonical(ifn, d)
            did = topo.port_domain(dev, name) if d is not None else None
            if did is None:
                problems.append(Text("problem.attach_missing", device=dev, interface=ifn))
            elif did not in doms:
                doms.append(did)
        if z.subnets and not z.vlans and not z.attach:
            spans = [(s.first, s.last) for s in z.subnets]
            for dev, d in topo.devices.items():
                for itf in d.l3_interfaces():
                    # Overlap of two CIDR blocks = one contains the other.
                    if any(a.first <= hi and lo <= a.last for a in itf.addresses for lo, hi in spans):
                        did = topo.l3_domain(dev, itf.name)
                        if did is not None and did not in doms:
                            doms.append(did)
            if not doms:
                problems.append(Text("problem.no_interface"))
        owned = IPSet(z.subnets)
        if not z.subnets and z.kind not in ("external",):
            for did in doms:
                for dev, ifn in topo.domains[did].l3:
                    for a in topo.interface(dev, ifn).addresses:
                        owned.add(a.cidr)
        placed.append(PlacedZone(z, sorted(doms, key=lambda x: int(x[1:])), owned, problems))
        warnings.extend(f"zone {z.name}: {p}" for p in problems)
    _attach_external(placed, topo, warnings)
    # A zone without subnets of kind external owns every address no other zone owns.
    claimed = IPSet()
    for pz in placed:
        if pz.zone.subnets or pz.kind != "external":
            claimed |= pz.owned
    for pz in placed:
        if pz.kind == "external" and not pz.zone.subnets:
            pz.owned = IPSet(["0.0.0.0/0"]) - claimed
    return placed, device_addrs, warnings


def _attach_external(placed: list[PlacedZone], topo: Topology, warnings: list[str]) -> None:
    """Attach ``external`` zones declared with no subnets, vlans or attach at the
    snapshot's exits (topology.exits), except segments another zone already holds."""
    from .topology import exits
    auto = [pz for pz in placed if pz.kind == "external"
            and not (pz.zone.subnets or pz.zone.vlans or pz.zone.attach)]
    if not auto:
        return
    held = {did for pz in placed if pz not in auto for did in pz.domains}
    found = exits(topo)
    for pz in auto:
        for ex in found:
            did = topo.l3_domain(ex.device, ex.interface) or topo.port_domain(ex.device, ex.interface)
            if did is None or did in held:
                continue
            if did not in pz.domains:
                pz.domains.append(did)
            where = f"{ex.source.file}:{ex.source.line}" if ex.source else ""
            pz.attached.append(Text(f"attach.{ex.why}", device=ex.device, interface=ex.interface, where=where))
        pz.domains.sort(key=lambda x: int(x[1:]))
        if not pz.domains:
            pz.problems.append(Text("problem.no_exit"))
            warnings.append(f"zone {pz.name}: {Text('problem.no_exit')}")


def _canonical(ifn: str, d: Device) -> str:
    try:
        from netutils.interface import canonical_interface_name
        name = canonical_interface_name(ifn)
    except Exception:  # netutils raises on names it does not know; keep the user's text
        name = ifn
    if name in d.interfaces:
        return name
    low = {k.lower(): k for k in d.interfaces}
    return low.get(ifn.lower(), name)
