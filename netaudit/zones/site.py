"""The site file: what a person declares about the network (``site.yaml``).

:func:`load_site` reads and validates it — errors name the file and line; unknown keys
are errors, with "did you mean"; a schema of types and ranges; no overlapping or
catch-all inside subnets, no IPv6 (docs/semantics.md, "Zone addresses"); size,
alias-expansion and zone-count limits (docs/limits.md, "Site file").
:func:`site_warnings` says what every report must carry about a site as a whole.
Nothing here looks at the configurations: references to devices, VLANs and interfaces
are checked against the topology by :func:`netaudit.zones.placement.check_references`.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

from netaddr import AddrFormatError, IPNetwork

from ..messages import Text, error_text
from ..model import InputError
from ..vocabulary import DEVICES_ZONE, KINDS, UNIT_TYPES, unit_is_placeholder


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
    # How its hosts are reached at its ``attach`` interfaces: "segment" (they sit on the
    # interface's L2 segment) or "tunnel" (behind the IPsec tunnels the interface
    # terminates: docs/semantics.md, "A zone behind a tunnel").
    via: str = "segment"
    # What reports call it in prose ("Phòng Một cửa"): text, or {"vi": …, "en": …}.
    title: str | dict[str, str] | None = None
    inferred_from: list[str] = field(default_factory=list)
    line: int | None = None
    # Line of each vlans/attach entry in the site file: ("vlans" | "attach", index) -> line.
    ref_lines: dict[tuple[str, int], int | None] = field(default_factory=dict)


@dataclass
class PolicyOverride:
    src: str
    dst: str
    allow: bool | None = None
    services: list[str] | None = None  # limited to these
    line: int | None = None


@dataclass
class Site:
    unit: str = ""
    level: int = 2
    unit_type: str | None = None  # commune | ward | ttpvhcc | department: compared with its model
    zones: list[Zone] = field(default_factory=list)
    policy: list[PolicyOverride] = field(default_factory=list)
    links: list[tuple[tuple[str, str], tuple[str, str]]] = field(default_factory=list)
    info: dict = field(default_factory=dict)  # address, inspected_by, … (shown on reports)
    file: str | None = None
    sha256: str | None = None  # of the site file's bytes as read (reports list it with the inputs)
    inferred: bool = False
    link_lines: list[int | None] = field(default_factory=list)  # site-file line of each links entry
    # Inference only: what the configs hint at that no zone could use (comments of the draft),
    # and the segments nothing names, drafted commented out for a person to give a kind.
    notes: list[str] = field(default_factory=list)
    undecided: list[Zone] = field(default_factory=list)

    def zone(self, name: str) -> Zone:
        for z in self.zones:
            if z.name == name:
                return z
        raise KeyError(name)


# --------------------------------------------------------------------------- loading

# Limits of a site file (docs/limits.md, "Site file").  A site file is a few kilobytes
# and a few hundred values; these stop a file that is something else (or an attack)
# before it costs memory or time.
SITE_MAX_BYTES = 1 << 20  # 1 MiB
SITE_MAX_VALUES = 100_000  # YAML values after alias expansion (*name)
SITE_MAX_DEPTH = 50  # nesting of lists and mappings
MAX_ZONES_ENV = "NETAUDIT_MAX_ZONES"
DEFAULT_MAX_ZONES = 200  # the matrix grows with the square of the zone count


def max_zones() -> int:
    """Zone limit of a site file: ``NETAUDIT_MAX_ZONES`` (a positive whole number) or
    :data:`DEFAULT_MAX_ZONES`; another value is an :class:`InputError` naming it."""
    raw = os.environ.get(MAX_ZONES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_ZONES
    if not re.fullmatch(r"[0-9]{1,9}", raw) or int(raw) < 1:
        raise InputError(Text("site.error.max_zones_env", var=MAX_ZONES_ENV, value=repr(raw)))
    return int(raw)


class _Map(dict):
    """A YAML mapping with ``key_lines``: key -> line of the key."""

    key_lines: dict


class _Seq(list):
    """A YAML sequence with ``lines``: the line of each item."""

    lines: list


# Keys a site file may hold.  Anything else is a typo that would otherwise be ignored
# silently (``polcy:`` drops every override, ``subnet:`` a zone's addresses).
SITE_KEYS = ("unit", "level", "zones", "policy", "links", "type")
# Free information shown on the reports (report/view.py cover and inventory).
INFO_KEYS = (
    "address",
    "inspected_by",
    "prepared_by",
    "inspection_date",
    "devices",
    # the record this report is attached to (docs/report.md, "The record")
    "doc_number",
    "record_number",
    "record_date",
)
ZONE_KEYS = ("kind", "title", "subnets", "vlans", "attach", "sources", "via")
# ``zones.*.via``: where a zone's hosts are, seen from its attach interfaces.
VIA = ("segment", "tunnel")
POLICY_KEYS = ("from", "to", "allow", "services")
# What ``zones:`` maps each name to, as the errors show it.
_ZONE_SHAPE = "{kind, subnets, vlans, attach}"
# site.yaml ``devices: {NAME: {type, location, purpose}}`` (the dossier's device list).
DEVICE_INFO_KEYS = ("type", "location", "purpose")
# The shortest prefix a zone other than ``external`` may own: anything shorter is a
# catch-all that would take the Internet's addresses (docs/semantics.md, "Zone addresses").
MIN_INSIDE_PREFIX = 8


def did_you_mean(word: str, candidates) -> str:
    """`` (did you mean 'x'?)`` with the closest candidates (a :class:`Text`, so that an
    error says it in the reader's language), or ``""``."""
    cands = sorted({str(c) for c in candidates})
    by_low: dict[str, str] = {}
    for c in cands:
        by_low.setdefault(c.lower(), c)
    import difflib  # only an error's suggestion needs it

    close = difflib.get_close_matches(str(word).lower(), list(by_low), n=3, cutoff=0.6)
    if not close:
        return ""
    names = [repr(by_low[c]) for c in close]
    return Text(f"site.did_you_mean.{len(names)}", **dict(zip("abc", names, strict=False)))


def _line_of(container, index: int, default: int | None) -> int | None:
    """Line of item ``index`` of a loaded list (``default`` for plain lists)."""
    lines = getattr(container, "lines", None)
    return lines[index] if lines and index < len(lines) else default


def key_line(mapping, key) -> int | None:
    """Line of ``key`` in a loaded mapping, else of the mapping (None for plain dicts)."""
    return getattr(mapping, "key_lines", {}).get(key, mapping.get("__line__"))


def check_keys(mapping: dict, allowed: tuple[str, ...], what: str, err) -> None:
    """InputError naming the first key of ``mapping`` that is not ``allowed``."""
    key_lines = getattr(mapping, "key_lines", {})
    for key in mapping:
        if key == "__line__" or key in allowed:
            continue
        err(
            Text(
                "site.error.unknown_key",
                key=_show(key),
                where=what,
                hint=did_you_mean(str(key), allowed),
                allowed=", ".join(allowed),
            ),
            key_lines.get(key, mapping.get("__line__")),
        )


def _show(value) -> str:
    """A value as an error message quotes it: its repr, without the loader's line marks, cut short."""
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != "__line__"}
    text = repr(
        value if not isinstance(value, (_Map, _Seq)) else (dict(value) if isinstance(value, dict) else list(value))
    )
    return text if len(text) <= 60 else text[:57] + "..."


def _what(value) -> Text:
    """What a YAML value is, in words, for a type error."""
    if value is None:
        return Text("site.what.empty")
    if isinstance(value, bool):
        return Text("site.what.bool", value=str(value).lower())
    if isinstance(value, (int, float)):
        return Text("site.what.number", value=_show(value))
    if isinstance(value, dict):
        return Text("site.what.mapping")
    if isinstance(value, list):
        return Text("site.what.list")
    if isinstance(value, (date, datetime)):
        return Text("site.what.date", value=value.isoformat())
    if isinstance(value, str):
        return Text("site.what.text", value=_show(value))
    return Text("site.what.other", type=type(value).__name__)


def _text(value, what: str, err, line) -> str:
    """A text field (None = empty)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        err(Text("site.error.not_text", what=what, value=_what(value)), line)
    return value


def _list(value, what: str, example: str, err, line) -> list:
    """A list field (None = empty); a single value is an error that shows the list form."""
    if value is None:
        return []
    if not isinstance(value, list):
        err(Text("site.error.not_list", what=what, example=example), line)
    return value


def _dev_item(text, what: str, err) -> tuple[str, str]:
    form = f"DEVICE:{'VLAN-ID' if what == 'vlans' else 'INTERFACE'}"
    if not isinstance(text, str):
        err(Text("site.error.entry_not_text", what=what, value=_show(text), form=form))
    s = text
    # A VLAN id never holds a colon, so a device name may (RouterOS identities are free text).
    dev, sep, rest = s.rpartition(":") if what == "vlans" else s.partition(":")
    if not sep or not dev or not rest:
        err(Text("site.error.entry_form", what=what, value=repr(s), form=form))
    return dev, rest


def _subnet(value, zone: str, kind: str, err, line) -> IPNetwork:
    """A zone's subnet: IPv4 A.B.C.D/N (or an address); IPv6 and catch-alls refused."""
    if not isinstance(value, str):
        err(_in_zone(zone, Text("site.error.subnet_not_text", value=_show(value))), line)
    try:
        net = IPNetwork(value.strip())
    except (AddrFormatError, ValueError, TypeError):
        err(_in_zone(zone, Text("site.error.subnet_bad", value=repr(value))), line)
    if net.version != 4:
        err(_in_zone(zone, Text("site.error.subnet_ipv6", value=repr(value))), line)
    net = net.cidr
    if kind != "external" and net.prefixlen < MIN_INSIDE_PREFIX:
        every = Text("site.every_address") if net.prefixlen == 0 else Text("site.n_addresses", n=f"{net.size:,}")
        problem = Text(
            "site.error.subnet_catch_all", subnet=str(net), every=every, kind=repr(kind), prefix=MIN_INSIDE_PREFIX
        )
        err(_in_zone(zone, problem), line)
    return net


def _date(value, what: str, err, line) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        err(Text("site.error.date_time", what=what), line)
    if isinstance(value, date):
        return
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*", value):
        try:
            date.fromisoformat(value.strip())
            return
        except ValueError:
            err(Text("site.error.date_unreal", what=f"{what}: ", value=repr(value)), line)
    err(Text("site.error.date_type", what=what, value=_what(value)), line)


def _level(value, err, line) -> int:
    """``level``: a whole number 1..5 (a quoted one too); never true/false, a fraction or .inf."""
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,3}\s*", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        err(Text("site.error.level_type", value=_what(value)), line)
    if not 1 <= value <= 5:
        err(Text("site.error.level_range", value=_show(value)), line)
    return value


def load_site(path: str | Path) -> Site:
    """Parse and validate a site file; raise InputError naming file and line."""
    digest: list[str] = []
    data = read_yaml(path, Text("site.noun.site_file"), "unit, level, zones", digest)
    site = site_from_dict(data, str(path))
    site.sha256 = digest[0] if digest else None
    return site


def read_yaml(path: str | Path, what: Text, expected: str, digest: list[str] | None = None) -> dict:
    """A small YAML file (a site or blueprint intent file) as a mapping whose mappings and
    lists know their lines (:func:`key_line`); InputError naming the file and line for
    every reading problem (size, encoding, characters, syntax, not a mapping of ``expected``).
    ``what`` names the file in the errors (a catalogue Text: they are worded in --lang).
    ``digest``, when given, receives the SHA-256 of the very bytes that were parsed."""
    path = Path(path)
    display = str(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise InputError(Text("site.error.not_regular", what=what), display)
        if st.st_size > SITE_MAX_BYTES:
            raise InputError(
                Text("site.error.too_big", what=what, size=f"{st.st_size:,}", limit=f"{SITE_MAX_BYTES:,}"), display
            )
        with open(path, "rb") as f:
            raw = f.read(SITE_MAX_BYTES + 1)
    except OSError as e:
        raise InputError(Text("site.error.cannot_read", what=what, error=str(e.strerror)), display) from None
    if len(raw) > SITE_MAX_BYTES:
        raise InputError(Text("site.error.too_big_read", what=what, limit=f"{SITE_MAX_BYTES:,}"), display)
    if digest is not None:
        digest.append(hashlib.sha256(raw).hexdigest())
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line: int | None = raw[: e.start].count(b"\n") + 1
        raise InputError(Text("site.error.not_utf8", what=what), display, line) from None
    # PyYAML and the line-keeping loader are imported here, at the first file read: an
    # audit without a site or intent file never loads them (docs/performance.md).
    from .yaml_lines import parse

    data = parse(text, display, what)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(Text("site.error.not_mapping", what=what, expected=expected), display, 1)
    return data


def site_from_dict(data: dict, display: str = "site.yaml") -> Site:
    """Validate a site (as loaded by :func:`load_site`, or a plain dict) against the
    site-file schema; InputError naming the file and, when known, the line."""

    def err(msg: str, line: int | None = None) -> NoReturn:  # msg: a catalogue Text
        raise InputError(msg, display, line)

    if not isinstance(data, dict):
        err(Text("site.error.not_mapping", what=Text("site.noun.site_file"), expected="unit, level, zones"), 1)
    site = Site(file=display)
    top = data.get("__line__")
    check_keys(data, SITE_KEYS + INFO_KEYS, Text("site.in.site_file"), err)
    site.unit = _text(data.get("unit"), "unit", err, key_line(data, "unit"))
    site.level = _level(data.get("level", 2), err, key_line(data, "level"))
    if data.get("type") is not None:
        if data["type"] not in UNIT_TYPES:
            err(
                Text("site.error.one_of", what="type", choices=", ".join(UNIT_TYPES), value=_show(data["type"])),
                key_line(data, "type"),
            )
        site.unit_type = str(data["type"])
    for key in ("address", "inspected_by", "prepared_by", "doc_number", "record_number"):
        _text(data.get(key), key, err, key_line(data, key))
    for key in ("inspection_date", "record_date"):
        _date(data.get(key), key, err, key_line(data, key))
    _check_devices(data.get("devices"), err, key_line(data, "devices"))
    site.info = {
        k: v for k, v in data.items() if k not in ("unit", "level", "zones", "policy", "links", "type", "__line__")
    }
    zones_raw = data.get("zones")
    zones: dict = zones_raw if isinstance(zones_raw, dict) else {}
    names_in = [k for k in zones if k != "__line__"]
    if not names_in and isinstance(zones_raw, dict):
        # `netaudit init` writes `zones: {}` when it recognised nothing in the configs
        err(Text("site.error.no_zones", shape=_ZONE_SHAPE), key_line(data, "zones") or top)
    elif not names_in:
        err(Text("site.error.zones_not_mapping", shape=_ZONE_SHAPE), key_line(data, "zones") or top)
    limit = max_zones()
    if len(names_in) > limit:
        err(
            Text("site.error.too_many_zones", count=f"{len(names_in):,}", limit=limit, var=MAX_ZONES_ENV),
            key_line(data, "zones"),
        )
    subnet_lines: list[tuple[IPNetwork, str, str, int | None]] = []
    seen_names: dict[str, int | None] = {}
    for raw_name in names_in:
        spec = zones[raw_name]
        name_line = key_line(zones, raw_name)
        if not isinstance(raw_name, str) or not raw_name.strip():
            err(Text("site.error.zone_name_not_text", name=_show(raw_name)), name_line)
        # Vietnamese typed on one machine and another may be composed or not (NFC / NFD):
        # the same name on screen is the same zone.
        name = zone_name(raw_name)
        if name in seen_names:
            err(Text("site.error.zone_twice", zone=repr(name), line=str(seen_names[name])), name_line)
        seen_names[name] = name_line
        if name == DEVICES_ZONE:
            err(Text("site.error.zone_reserved", zone=repr(DEVICES_ZONE)), name_line)
        if not isinstance(spec, dict):
            err(Text("site.error.zone_not_mapping", zone=repr(name)), name_line)
        line = spec.get("__line__", name_line)
        check_keys(spec, ZONE_KEYS, Text("site.in.zone", zone=repr(name)), err)
        lists = {}
        for key in ("subnets", "vlans", "attach"):
            lists[key] = _list(
                spec.get(key),
                _in_zone(name, key),
                f"{key}: [{_show(spec[key]) if spec.get(key) is not None else ''}]",
                err,
                key_line(spec, key) or line,
            )
        kind_raw = spec.get("kind", "")
        kind = kind_raw.lower() if isinstance(kind_raw, str) else ""
        if kind not in KINDS:
            err(_in_zone(name, Text("site.error.kind", choices=", ".join(KINDS))), key_line(spec, "kind") or line)
        z = Zone(name, kind, line=line)
        z.title = _title(spec.get("title"), name, err, key_line(spec, "title") or line)
        subnets = lists["subnets"]
        for i, s in enumerate(subnets):
            at = _line_of(subnets, i, key_line(spec, "subnets") or line)
            net = _subnet(s, name, kind, err, at)
            z.ref_lines[("subnets", len(z.subnets))] = at
            z.subnets.append(net)
            subnet_lines.append((net, name, kind, at))
        vlans = lists["vlans"]
        for i, v in enumerate(vlans):
            at = _line_of(vlans, i, line)
            dev, vid = _dev_item(v, "vlans", lambda m, at=at, zn=name: err(_in_zone(zn, m), at))
            if not re.fullmatch(r"[0-9]{1,4}", vid) or not 1 <= int(vid) <= 4094:
                err(_in_zone(name, Text("site.error.vlan_id", value=repr(v))), at)
            z.ref_lines[("vlans", len(z.vlans))] = at
            z.vlans.append((dev, int(vid)))
        attach = lists["attach"]
        for i, a in enumerate(attach):
            at = _line_of(attach, i, line)
            z.ref_lines[("attach", len(z.attach))] = at
            z.attach.append(_dev_item(a, "attach", lambda m, at=at, zn=name: err(_in_zone(zn, m), at)))
        src = spec.get("sources", "own")
        if src not in ("own", "any", "subnets"):
            err(_in_zone(name, Text("site.error.sources")), key_line(spec, "sources") or line)
        z.sources = "own" if src == "subnets" else src
        z.via = _via(spec, z, err, line)
        if not (z.subnets or z.vlans or z.attach) and kind != "external":
            err(Text("site.error.zone_empty", zone=repr(name)), line)
        site.zones.append(z)
    _check_overlaps(subnet_lines, err)
    names = {z.name for z in site.zones} | {DEVICES_ZONE}
    policy = _list(
        data.get("policy"), "policy", "policy: [{from: guest, to: staff, allow: false}]", err, key_line(data, "policy")
    )
    answers: dict[tuple, tuple] = {}  # (from, to, services) -> (allow, line)
    for i, p in enumerate(policy):
        line = p.get("__line__") if isinstance(p, dict) else _line_of(policy, i, key_line(data, "policy"))
        if not isinstance(p, dict) or "from" not in p or "to" not in p:
            err(Text("site.error.policy_from_to"), line)
        check_keys(p, POLICY_KEYS, Text("site.in.policy_entry"), err)
        for key in ("from", "to"):
            if not isinstance(p[key], str):
                err(Text("site.error.policy_zone_type", key=key, value=_what(p[key])), key_line(p, key))
            p[key] = zone_name(p[key])
            if p[key] not in names:
                hint = did_you_mean(str(p[key]), names)
                err(Text("site.error.policy_unknown_zone", key=key, zone=repr(p[key]), hint=hint), line)
        allow = p.get("allow")
        if allow is not None and not isinstance(allow, bool):
            err(Text("site.error.policy_allow", value=_what(allow)), key_line(p, "allow"))
        services = p.get("services")
        if services is not None:
            services = _list(services, "policy services", "services: [tcp/80, tcp/443]", err, key_line(p, "services"))
            from ..headerspace import service_match

            for j, s in enumerate(services):
                at = _line_of(services, j, line)
                if not isinstance(s, str):
                    err(Text("site.error.service_type", value=_show(s)), at)
                try:
                    service_match(s)
                except ValueError as e:
                    err(error_text(e), at)
        said = (p["from"], p["to"], tuple(sorted(str(s) for s in services)) if services is not None else None)
        if said in answers and answers[said][0] != allow:
            err(
                Text(
                    "site.error.policy_conflict",
                    src=p["from"],
                    dst=p["to"],
                    allow=str(allow).lower(),
                    other=str(answers[said][0]).lower(),
                    line=str(answers[said][1]),
                ),
                line,
            )
        answers[said] = (allow, line)
        site.policy.append(
            PolicyOverride(
                p["from"], p["to"], allow, [str(s) for s in services] if services is not None else None, line
            )
        )
    links = _list(data.get("links"), "links", 'links: [["CORE:Gi1/0/24", "RT:Gi0/1"]]', err, key_line(data, "links"))
    for i, item in enumerate(links):
        at = _line_of(links, i, key_line(data, "links"))
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            err(Text("site.error.links_pair"), at)
        a = _dev_item(item[0], "links", lambda m, at=at: err(m, at))
        b = _dev_item(item[1], "links", lambda m, at=at: err(m, at))
        site.links.append((a, b))
        site.link_lines.append(at)
    return site


def _via(spec: dict, z: Zone, err, line) -> str:
    """``via:`` of a zone: ``segment`` (default) or ``tunnel`` — its hosts behind the IPsec
    tunnels of its ``attach`` interfaces, which needs ``attach:`` and ``subnets:`` (what is
    behind a tunnel is known only from them) and no ``vlans:``."""
    via = spec.get("via", "segment")
    at = key_line(spec, "via") or line
    if not isinstance(via, str) or via.lower() not in VIA:
        err(_in_zone(z.name, Text("site.error.via", value=_what(via), hint=did_you_mean(str(via), VIA))), at)
    via = via.lower()
    if via == "tunnel":
        if not z.attach:
            err(_in_zone(z.name, Text("site.error.tunnel_attach")), at)
        if not z.subnets:
            err(_in_zone(z.name, Text("site.error.tunnel_subnets")), at)
        if z.vlans:
            err(_in_zone(z.name, Text("site.error.tunnel_vlans")), at)
    return via


def _check_devices(devices, err, line) -> None:
    """``devices: {NAME: {type, location, purpose}}``: texts for the dossier's device list."""
    if devices is None:
        return
    if not isinstance(devices, dict):
        err(Text("site.error.devices_not_mapping", shape="{type, location, purpose}"), line)
    for name, info in devices.items():
        if name == "__line__":
            continue
        at = key_line(devices, name)
        if not isinstance(name, str):
            err(Text("site.error.device_name_not_text", name=_show(name)), at)
        if info is None:
            continue
        if not isinstance(info, dict):
            err(Text("site.error.device_not_mapping", device=repr(name), keys=", ".join(DEVICE_INFO_KEYS)), at)
        check_keys(info, DEVICE_INFO_KEYS, f"devices: {name!r}", err)
        for key in DEVICE_INFO_KEYS:
            _text(info.get(key), f"devices: {name!r}: {key}", err, key_line(info, key))


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
            hint: str = ""
            if "external" in (outer[2], cur[2]):
                ext = outer[1] if outer[2] == "external" else cur[1]
                hint = Text("site.error.overlap_external", zone=repr(ext))
            where = Text("site.at_line", line=outer[3]) if outer[3] else ""
            overlap = Text(
                "site.error.overlap", subnet=str(net), other=str(outer[0]), zone=repr(outer[1]), where=where, hint=hint
            )
            err(_in_zone(cur[1], overlap), cur[3])
        stack.append(cur)


def zone_name(name: str) -> str:
    """A zone name as compared: Unicode NFC, the form most keyboards type (macOS and some
    editors write Vietnamese decomposed, the same on screen)."""
    return unicodedata.normalize("NFC", name)


def site_warnings(site: Site) -> list[Text]:
    """What about the site as a whole every report must say loudly (catalogue Texts)."""
    out: list[Text] = []
    if unit_is_placeholder(site.unit):
        out.append(Text("site.unit_todo", file=site.file or "site.yaml"))
    if not any(z.kind == "guest" for z in site.zones):
        out.append(Text("site.no_guest"))
    if not any(z.kind == "external" for z in site.zones):
        out.append(Text("site.no_external"))
    # One VLAN or port in two zones puts them on one segment, their hosts together
    # (two subnets on one VLAN may mean it; a copy-paste slip too): said, not refused.
    claimed: dict[tuple, list[str]] = {}
    for z in site.zones:
        for dev, vid in z.vlans:
            claimed.setdefault(("vlan", dev, str(vid)), []).append(z.name)
        if z.via == "tunnel":  # behind the interface's tunnels, not on its segment
            continue
        for dev, ifn in z.attach:
            claimed.setdefault(("attach", dev, ifn), []).append(z.name)
    for (what, dev, at), names in claimed.items():
        if len(set(names)) > 1:
            out.append(Text(f"site.shared_{what}", place=f"{dev}:{at}", zones=", ".join(dict.fromkeys(names))))
    return out


def _title(value, zone: str, err, line) -> str | dict[str, str] | None:
    """A zone's ``title:``: text, or a mapping of ``vi`` / ``en`` to text."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    if isinstance(value, dict):
        langs = {k: v for k, v in value.items() if k != "__line__"}
        if langs and set(langs) <= {"vi", "en"} and all(isinstance(v, str) and v.strip() for v in langs.values()):
            return {k: " ".join(v.split()) for k, v in langs.items()}
    err(_in_zone(zone, Text("site.error.title")), line)
    return None


def _in_zone(zone: str, problem: str) -> Text:
    """``zone 'NAME': problem`` — an error (or a key) of one zone."""
    return Text("site.error.zone", zone=repr(zone), problem=problem)
