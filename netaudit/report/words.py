"""Words for ids in the report's prose: zones by their display names, ``@devices`` as
the devices' management plane, service syntax ("proto/0, proto/2-5 …") as words, vendor
defaults as sentences — shared by every report format (view, text, DOCX)."""

from __future__ import annotations

import re

from ..messages import t as _t
from ..vocabulary import DEVICES_ZONE
from . import cite_loc, cite_text

# Protocols other than ICMP, TCP and UDP: a service list naming all of them means "every other IP protocol".
_OTHER_PROTOCOLS = frozenset(range(256)) - {1, 6, 17}
_PROTO_RUN = re.compile(r"proto/\d+(?:-\d+)?(?:, proto/\d+(?:-\d+)?)*")
_DEVICES_IN_PROSE = re.compile(r"(?:\bvùng |\bzone )?" + re.escape(DEVICES_ZONE) + r"(?![\w-])")


def _proto_numbers(run: str) -> list[tuple[int, int]]:
    out = []
    for item in run.split(", "):
        lo, _, hi = item[len("proto/") :].partition("-")
        out.append((int(lo), int(hi or lo)))
    return out


def maybe_beyond(services: list[str], maybe: list[str]) -> list[str]:
    """The services of a cell's uncertain packets that its certain ones do not already name:
    the same service toward other addresses (an SRX's other interface, another host of the
    zone) adds nothing a reader of the service list needs ("udp/67 (+? udp/67)"); none when
    the certain ones are every service.  The JSON keeps both lists whole."""
    if "ip" in services:
        return []
    have = set(services)
    return [s for s in maybe if s not in have]


def services_words(text: str, lang: str) -> str:
    """A service list (``tcp/22, proto/0, proto/2-5 …`` or ``ip except tcp/80``) in words:
    ``ip`` is every service, a run of ``proto/N`` covering every protocol but ICMP, TCP and
    UDP is "every other IP protocol", other ``proto/N`` runs name the protocol numbers."""
    if not text:
        return text
    if text.strip() == "ip":
        return _t("svc.all", lang)

    def protos(m: re.Match) -> str:
        ranges = _proto_numbers(m.group(0))
        covered = {n for lo, hi in ranges for n in range(lo, hi + 1)}
        if covered >= _OTHER_PROTOCOLS:
            return _t("svc.other_protocols", lang)
        return _t("svc.protocols", lang, numbers=", ".join(f"{lo}" if lo == hi else f"{lo}-{hi}" for lo, hi in ranges))

    out = _PROTO_RUN.sub(protos, text)
    if out.startswith("ip except "):
        out = _t("svc.except", lang, services=out[len("ip except ") :])
    return out


def severity_label(severity: str, proven: bool, lang: str) -> str:
    """A finding's severity in words; one resting on what is not fully understood says it
    is not proven beside its severity, wherever the severity is printed (docs/report.md)."""
    label = _t(f"severity.{severity}", lang)
    return label if proven else _t("severity.unproven", lang, severity=label)


def zone_names(zones: list, lang: str) -> dict[str, str]:
    """The display name of every zone of the document, by id: its declared title
    (``zones[].title``, a text or {"vi", "en"}) or the name of its kind ("Vùng mạng nội
    bộ", "Internet" …); two zones with the same display name are told apart by their ids
    (“staff”).  Prose and headings use these; tables keep the id beside them."""
    names: dict[str, str] = {}
    for z in zones:
        if not isinstance(z, dict) or not isinstance(z.get("name"), str):
            continue
        title = z.get("title")
        if isinstance(title, dict):
            title = title.get(lang) or title.get("en")
        if not (isinstance(title, str) and title.strip()):
            try:
                title = _t(f"zone.name.{z.get('kind')}", lang)
            except KeyError:
                title = z["name"]
        names[z["name"]] = " ".join(title.split())
    count: dict[str, int] = {}
    for title in names.values():
        count[title] = count.get(title, 0) + 1
    return {
        n: _t("zone.name.with_id", lang, name=title, id=n) if count[title] > 1 and title != n else title
        for n, title in names.items()
    }


def zone_label(name: str, lang: str, names: dict[str, str] | None = None) -> str:
    """A zone as the reader sees it: the pseudo-zone of the devices' own services by its
    display name, a declared zone by its display name (:func:`zone_names`) or, without
    ``names``, by its id."""
    if name == DEVICES_ZONE:
        return _t("zone.devices", lang)
    return (names or {}).get(name, name)


# Where the engine's sentences name zones by id: after "vùng" / "zone" (and their guest and
# management forms), around an arrow ("guest → staff"), and as a whole list after a colon.
_ZONE_PREFIX = (
    r"\b(?P<pre>[Vv]ùng khách|[Vv]ùng quản trị|[Vv]ùng|[Gg]uest zone|[Mm]anagement zone|[Zz]one\(s\)|[Zz]ones?)"
)
_ZONE_BASE = {"vùng": re.compile(r"\bvùng\b", re.I), "zone": re.compile(r"\bzones?\b", re.I)}
_NOT_BEFORE = r"(?<![\w@/.:-])"
_NOT_AFTER = r"(?![\w@/-])"


def _zone_pattern(ids: list[str]) -> re.Pattern:
    one = "(?:" + "|".join(re.escape(n) for n in sorted(ids, key=len, reverse=True)) + ")"
    run = f"{one}(?:, {one})*"
    return re.compile(
        f"{_ZONE_PREFIX} (?P<prun>{run}){_NOT_AFTER}"
        f"|(?<=: )(?P<list>{run})(?=[.;)]| … \\(\\+\\d+\\)|$)"
        f"|{_NOT_BEFORE}(?P<src>{one})(?= → )"
        f"|(?<= → )(?P<dst>{one}){_NOT_AFTER}"
    )


def _after_prefix(pre: str, labels: list[str]) -> str:
    """Zone names after "vùng …" / "zone …": the prefix goes when the first name says it
    itself ("vùng mgmt" → "vùng quản trị", not "vùng Vùng quản trị"), in the prefix's case."""
    base = "vùng" if pre.lower().startswith("vùng") else "zone"
    first = labels[0]
    joined = "; " if any(", " in x for x in labels) else ", "
    if not _ZONE_BASE[base].search(first):
        return f"{pre} {joined.join(labels)}"
    word = first.split(" ", 1)[0]
    if pre[0].islower() and word.isalpha() and word[:1].isupper() and word[1:].islower():
        first = first[0].lower() + first[1:]
    elif pre[0].isupper():
        first = first[0].upper() + first[1:]
    return joined.join([first, *labels[1:]])


def zone_words(text: str, names: dict[str, str]) -> str:
    """``text`` with the zone ids the engine put in it replaced by the zones' display names."""
    ids = [n for n in names if n and names[n] != n]
    if not text or not ids:
        return text
    pattern = _zone_pattern(ids)
    one = re.compile("|".join(re.escape(n) for n in sorted(ids, key=len, reverse=True)))

    def labels(run: str) -> list[str]:
        out, rest = [], run
        while rest:
            m = one.match(rest)
            if m is None:  # cannot happen: the run is made of ids
                return [run]
            out.append(names[m.group(0)])
            rest = rest[m.end() :].removeprefix(", ")
        return out

    def sub(m: re.Match) -> str:
        if m.group("prun") is not None:
            return _after_prefix(m.group("pre"), labels(m.group("prun")))
        run = m.group("list") or m.group("src") or m.group("dst")
        items = labels(run)
        return ("; " if any(", " in x for x in items) else ", ").join(items)

    return pattern.sub(sub, text)


def prose(text: str, lang: str, names: dict[str, str] | None = None) -> str:
    """A sentence from the JSON document with internal ids and service syntax in words:
    ``@devices`` and, with ``names`` (:func:`zone_names`), the declared zones by their
    display names; ``(ip)`` / ``(ip except …)`` / ``proto/…`` runs in words."""
    if not text:
        return text
    out = zone_words(text, names) if names else text
    out = _DEVICES_IN_PROSE.sub(lambda m: _t("zone.devices", lang), out)
    out = re.sub(
        r"\((ip(?: except [^)]*)?|[^()]*proto/[^()]*)\)", lambda m: f"({services_words(m.group(1), lang)})", out
    )
    return _PROTO_RUN.sub(lambda m: services_words(m.group(0), lang), out)


# A filter's default action is cited with its sentence in both languages (``text_text``,
# docs/report.md).  An older JSON document has only the English: the sentences reports
# worded before are recognised here and worded from the same catalogue entries; any other
# is shown as it is.  (So is the note the IOS parser appended to an access-group line naming
# an ACL that is not there, _ANNOTATED: now a catalogue text too, ``input.commented_line``.)
_DEFAULTS = [
    (
        re.compile(r"^no rule matched, RouterOS accepts \(implicit accept of the chain\)$"),
        "input.routeros.default.accept",
    ),
    (re.compile(r"^implicit deny \(policy 0\)$"), "input.fortios.default.implicit_deny"),
    (re.compile(r"^implicit deny at end of list$"), "filter.default.end_of_list"),
    (
        re.compile(
            r"^no rule matched: the (?P<hook>\S+) policy \((?P<policy>[^)]*)\) of (?P<table>[^/\s]+)/(?P<chain>\S+)$"
        ),
        "input.linux.default.policy",
    ),
    (
        re.compile(r"^no rule matched: the fw4 defaults (?P<chain>\S+) policy (?P<policy>\S+)$"),
        "input.openwrt.default.fw4_policy",
    ),
    (re.compile(r"^not an address of this interface, or source not allowed$"), "input.fortios.default.allowaccess"),
    (re.compile(r"^implicit deny \(no access rule or security level permits it\)$"), "input.asa.default.policy"),
    (re.compile(r"^ACL (?P<acl>\S+) is not defined: IOS permits every packet$"), "input.ios.default.acl_undefined"),
    (re.compile(r"^ACL (?P<acl>\S+) has no entries: IOS permits every packet$"), "input.ios.default.acl_empty"),
]
# A configuration line the parser annotated (an access-group naming an ACL that is not
# there) in an older document: the line as written, then the note in the reader's language.
_ANNOTATED = [
    (
        re.compile(r"^(?P<line>.+?)  ! ACL (?P<acl>\S+) is not defined: IOS permits every packet$"),
        "input.ios.default.acl_undefined",
    ),
    (
        re.compile(r"^(?P<line>.+?)  ! ACL (?P<acl>\S+) has no entries: IOS permits every packet$"),
        "input.ios.default.acl_empty",
    ),
]
_CITED_DEFAULT = re.compile(r"^(?:(?P<filter>[^:\s][^:]*): )?(?P<body>.+?)(?: \((?P<action>permit|deny)\))?$")


def default_words(text: str, lang: str) -> str | None:
    """An English default action (of an older JSON document) or annotated line in the
    reader's language, or None when ``text`` is not one it knows."""
    for rx, key in _ANNOTATED:
        a = rx.match(text or "")
        if a:
            return f"{a.group('line').strip()} — {_t(key, lang, acl=a.group('acl'))}"
    m = _CITED_DEFAULT.match(text or "")
    if m is None:
        return None
    for rx, key in _DEFAULTS:
        d = rx.match(m.group("body"))
        if d:
            out = _t(key, lang, **d.groupdict())
            if m.group("action"):
                out += f" ({_t('filter.action.' + m.group('action'), lang)})"
            return f"{m.group('filter')}: {out}" if m.group("filter") else out
    return None


def cite_view(cite: dict, lang: str) -> dict:
    """A citation for templates: ``loc`` (file:line, or file (default)), ``text``, and
    ``default`` when it cites what netaudit wrote — a filter's default action, a note on a
    line — rather than a configuration line as written (its text is then in the reader's
    language)."""
    if isinstance(cite.get("text_text"), dict):
        return {"loc": cite_loc(cite, lang), "text": cite_text(cite, lang), "default": True}
    text = cite.get("text", "")
    words = default_words(text, lang)
    return {"loc": cite_loc(cite, lang), "text": words if words is not None else text, "default": words is not None}


# Colours of zone kinds (diagram, legend, matrix headers).
KIND_COLORS = {
    "guest": "#f9a825",
    "internal": "#64b5f6",
    "server": "#9575cd",
    "database": "#5e35b1",
    "management": "#4db6ac",
    "dmz": "#fff176",
    "external": "#bdbdbd",
    "wan": "#a1887f",
    "kiosk": "#81c784",
    "camera": "#f48fb1",
    "devices": "#90a4ae",
}
NO_KIND_COLOR = "#e0e0e0"


def kind_label(lang: str, kind: str) -> str:
    """A zone kind in words ("Mạng Wi-Fi khách"), the kind id where the catalogue has none."""
    try:
        return _t(f"kind.{kind}", lang)
    except KeyError:
        return kind


# The legal references are Vietnamese documents cited in Vietnamese (their titles are what
# an inspector looks up); an English report words their structure and notes in English.
_REFERENCE_WORDS = (  # phrases first, then the words they contain
    ("(tham khảo)", "(for reference)"),
    ("(số mục suy luận)", "(clause number inferred)"),
    ("(phân vùng mạng)", "(network zoning)"),
    ("(bảo vệ thiết bị hệ thống, ", "(protection of system devices, "),
    ("(kiểm tra cấu hình, tăng cường bảo mật thiết bị)", "(configuration check, device hardening)"),
    ("nhóm Quản lý hạ tầng mạng", "group Network infrastructure management"),
    ("Nghị định", "Decree"),
    ("Phụ lục", "Appendix"),
    ("Điều", "Article"),
    ("Mục", "Section"),
    ("mục", "clause"),
)


def reference_words(text: str, lang: str) -> str:
    """A legal reference as a report in ``lang`` shows it (English: its structure and
    notes in English, the documents' numbers and titles as they are)."""
    if lang != "en" or not text:
        return text
    for vi, en in _REFERENCE_WORDS:
        text = text.replace(vi, en)
    return text
