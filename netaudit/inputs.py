"""Reading inputs safely and building a snapshot.

This is the only module that touches the user's input files.  It turns a list of
paths (folders and/or single files) into a :class:`Snapshot`: the parsed devices,
one :class:`~netaudit.model.ParseReport` per parsed file, and an
:class:`InputFile` record for *every* file considered (with its SHA-256, so a
report can prove what it was computed from), including the files it had to skip
and why.

Principles
----------
* User input never produces a traceback.  A bad file is skipped with a one-line
  ``problem``; only "nothing usable at all" or "path does not exist" raises
  :class:`~netaudit.model.InputError`.
* Bytes are decoded here, once: BOMs (UTF-8, UTF-16, UTF-32) stripped, CRLF and
  lone CR normalised to ``\\n``, UTF-8 tried strictly, then Windows-1258
  (Vietnamese Windows) and Latin-1 as fallbacks with a warning naming the first
  bad line.  Parsers receive clean ``str``.
* Linear time: files are hashed while read in chunks; decoding and newline
  normalisation use C-level ``bytes``/``str`` operations only, so a 50 MB config
  loads without a per-line Python loop here.
* A parser that raises is a bug, but it must not lose the other files: the
  exception is recorded on that file ("parser error: …") and loading continues.
* Routing-state files (``show ip route`` and the like) are attached to their
  device after all configs are parsed.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from . import parsers
from .model import Device, InputError, ParseReport, ParseResult

__all__ = ["InputFile", "Snapshot", "decode_config", "load_snapshot", "InputError"]

# --------------------------------------------------------------------------- constants

CHUNK = 1 << 20                 # read/hash block size
SNIFF = 8192                    # bytes examined for binary detection
MAX_BYTES = 1 << 30             # refuse files above 1 GiB (a config never is)
DETECT_HEAD = 1 << 20           # characters shown to detect(): enough for any header
CLAIM = 50                      # minimum detect() score to claim a file
CONTROL_RATIO = 0.10            # share of control bytes above which a file is binary

KIND_CONFIG, KIND_STATE, KIND_SKIPPED = "config", "state", "skipped"

P_BINARY = "binary file, not a device configuration"
P_EMPTY = "empty file"
P_UNRECOGNIZED = "unrecognized format: not a known device configuration or state file"

_SKIP_NAMES = {"site.yaml", "site.yml", "expected.yaml", "expected.yml"}
_SITE_NAMES = {"site.yaml", "site.yml"}
_SKIP_SUFFIXES = (".md", ".json", ".html", ".htm", ".pdf", ".sarif")
_SKIP_PREFIXES = ("readme", "license", "licence")

# File names that announce routing state: *_route.txt, *_routes.txt, *show_ip_route*.
_STATE_NAME = re.compile(r"(?:[_-]routes?\.txt$|show[_-]ip[_-]route)", re.IGNORECASE)
# Suffixes stripped from a state file name to guess its device.
_STATE_STEM = re.compile(r"(?:[_-]?show[_-]ip[_-]routes?|[_-]ip[_-]routes?|[_-]routes?|[_-]rib)$",
                         re.IGNORECASE)
_CONFIG_STEM = re.compile(r"[_-](?:running[_-]|startup[_-])?config$", re.IGNORECASE)

# C0 control bytes that never occur in text (TAB, LF, VT, FF, CR and ESC do), plus DEL.
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 11, 12, 13, 27})) + b"\x7f"
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_NON_SPACE = re.compile(r"\S")

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


# --------------------------------------------------------------------------- data


@dataclass
class InputFile:
    path: str            # display path (relative to the folder given, or as given)
    sha256: str          # of the raw bytes
    kind: str            # "config" | "state" | "skipped"
    vendor: str | None   # parser VENDOR, or state kind for state files
    devices: list[str] = field(default_factory=list)
    lines: int = 0
    unrecognized: int = 0
    problem: str | None = None   # one-line human message when skipped or degraded

    def as_dict(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "kind": self.kind,
                "vendor": self.vendor, "devices": list(self.devices), "lines": self.lines,
                "unrecognized": self.unrecognized, "problem": self.problem}


@dataclass
class Snapshot:
    devices: list[Device] = field(default_factory=list)
    reports: list[ParseReport] = field(default_factory=list)    # one per parsed file
    inputs: list[InputFile] = field(default_factory=list)       # every file, by path
    warnings: list[str] = field(default_factory=list)           # "FILE[:LINE]: message"
    root: Path | None = None                                    # folder, when one was given
    site_file: Path | None = None                               # site.yaml next to the configs

    def device(self, hostname: str) -> Device:
        low = hostname.lower()
        for d in self.devices:
            if d.hostname.lower() == low:
                return d
        raise KeyError(hostname)

    @property
    def skipped(self) -> list[InputFile]:
        return [f for f in self.inputs if f.kind == KIND_SKIPPED]


# --------------------------------------------------------------------------- decoding


@dataclass
class _Decoded:
    text: str
    warnings: list[str]
    encoding: str
    binary: bool = False


def _line_of(data: bytes, pos: int) -> int:
    """1-based line number of byte offset ``pos`` (LF, CRLF and lone CR all end a line)."""
    prefix = data[:pos]
    n = prefix.count(b"\n")
    cr = prefix.count(b"\r")
    if cr:
        n += cr - prefix.count(b"\r\n")
    return n + 1


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _control_share(head: bytes) -> float:
    if not head:
        return 0.0
    return (len(head) - len(head.translate(None, _CONTROL_BYTES))) / len(head)


def _guess_bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    z_even, z_odd = even.count(0), odd.count(0)
    if z_odd > 0.4 * len(odd) and z_even <= 0.02 * len(even):
        return "utf-16-le"
    if z_even > 0.4 * len(even) and z_odd <= 0.02 * len(odd):
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    """No control characters or unassigned code points among the non-ASCII characters."""
    for ch in set(_NON_ASCII.findall(text)):
        if unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"):
            return False
    return True


def _decode(raw: bytes, display: str) -> _Decoded:
    warnings: list[str] = []
    body, codec, label = raw, None, None
    for bom, name, lab in _BOMS:
        if raw.startswith(bom):
            body, codec, label = raw[len(bom):], name, lab
            break

    if codec is None and b"\x00" in raw[:SNIFF]:
        codec = _guess_bomless_utf16(raw[:SNIFF])
        if codec is None:
            return _Decoded("", [], "binary", binary=True)
        label = "UTF-16"
        warnings.append(f"{display}: UTF-16 text without byte-order mark; decoded as {codec.upper()}")

    if codec is not None and codec != "utf-8":            # UTF-16 / UTF-32
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as e:
            # Line of the bad unit: count newlines in what decodes before it.
            good = body[:e.start].decode(codec, errors="replace")
            line = _normalise_newlines(good).count("\n") + 1
            text = body.decode(codec, errors="replace")
            warnings.append(f"{display}: not valid {label} (line {line}); undecodable bytes replaced")
        head = text[:SNIFF]
        if "\x00" in head or (head and len(_CONTROL_CHARS.findall(head)) / len(head) > CONTROL_RATIO):
            return _Decoded("", [], "binary", binary=True)
        return _Decoded(_clean(text, display, warnings), warnings, codec)

    # 8-bit paths: binary sniffing on the raw bytes.
    if _control_share(body[:SNIFF]) > CONTROL_RATIO:
        return _Decoded("", [], "binary", binary=True)
    try:
        text = body.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as e:
        line = _line_of(body, e.start)
        try:
            text = body.decode("cp1258")
            if not _looks_like_text(text):
                raise UnicodeDecodeError("cp1258", b"", 0, 1, "not text")
            # cp1258 writes Vietnamese with combining tone marks: compose them.
            text = unicodedata.normalize("NFC", text)
            encoding, name = "cp1258", "Windows-1258 (Vietnamese)"
        except UnicodeDecodeError:
            text = body.decode("latin-1")
            encoding, name = "latin-1", "Latin-1"
        warnings.append(f"{display}: not valid UTF-8 (line {line}); decoded as {name}")
    return _Decoded(_clean(text, display, warnings), warnings, encoding)


def _clean(text: str, display: str, warnings: list[str]) -> str:
    text = _normalise_newlines(text)
    if text.startswith("\ufeff"):          # a second BOM, or one inside UTF-16 text
        text = text[1:]
    if "\x00" in text:                     # stray NULs after the sniffed head
        line = text.count("\n", 0, text.index("\x00")) + 1
        text = text.replace("\x00", "")
        warnings.append(f"{display}: NUL bytes removed (first at line {line})")
    return text


def decode_config(raw: bytes, display: str) -> tuple[str, list[str]]:
    """Decode a configuration file's bytes to text; return ``(text, warnings)``.

    BOMs are stripped (UTF-16/32 BOMs select that encoding), newlines normalised to
    ``\\n``, UTF-8 tried strictly, then Windows-1258, then Latin-1, with a warning
    ``"FILE: not valid UTF-8 (line N); decoded as …"``.  Binary input decodes to
    ``""`` with a warning saying so (:func:`load_snapshot` skips such files).
    """
    d = _decode(raw, display)
    if d.binary:
        return "", [f"{display}: {P_BINARY}"]
    return d.text, d.warnings


# --------------------------------------------------------------------------- reading


def _read(path: Path) -> tuple[bytes, str]:
    """Read a file in chunks, hashing as we go.  Returns (bytes, sha256 hex)."""
    h = hashlib.sha256()
    chunks: list[bytes] = []
    with open(path, "rb") as f:
        while True:
            block = f.read(CHUNK)
            if not block:
                break
            h.update(block)
            chunks.append(block)
    return b"".join(chunks), h.hexdigest()


def _hash_only(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def _skip_by_name(name: str) -> bool:
    low = name.lower()
    return (low.startswith(".") or low in _SKIP_NAMES or low.endswith(_SKIP_SUFFIXES)
            or low.startswith(_SKIP_PREFIXES))


def _walk(folder: Path) -> tuple[Path | None, list[tuple[Path, str]], list[tuple[str, str]]]:
    """Files under ``folder`` (sorted, recursive, filtered) with display paths.

    Returns (site file at the top level or None, [(path, display)], [(folder, error)]).
    """
    site = None
    for name in sorted(_SITE_NAMES, reverse=True):      # site.yaml before site.yml
        cand = folder / name
        if cand.is_file():
            site = cand
            break
    found: list[tuple[Path, str]] = []
    errors: list[tuple[str, str]] = []

    def onerror(err: OSError) -> None:
        where = Path(err.filename) if err.filename else folder
        try:
            shown = where.relative_to(folder).as_posix() or str(folder)
        except ValueError:
            shown = str(where)
        errors.append((shown, err.strerror or _one_line(err)))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if _skip_by_name(name):
                continue
            p = Path(dirpath) / name
            found.append((p, p.relative_to(folder).as_posix()))
    return site, found, errors


# --------------------------------------------------------------------------- registry access


class _Registry:
    """Parser modules for one load, isolating import and detect() failures."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.vendors = self._modules(parsers.vendor_parsers, parsers.VENDOR_MODULES)
        self.states = self._modules(parsers.state_parsers, parsers.STATE_MODULES)
        self._reported: set[str] = set()

    def _modules(self, loader, names) -> list[ModuleType]:
        try:
            return list(loader())
        except Exception:   # one broken module: load the others one by one
            mods = []
            for name in list(names):
                try:
                    mods.append(parsers._load(name))
                except Exception as e:  # noqa: BLE001 - recorded, never fatal
                    self.warnings.append(f"parser module {name} unavailable: {_one_line(e)}")
            return mods

    def _score(self, mod: ModuleType, head: str) -> int:
        try:
            return int(mod.detect(head))
        except Exception as e:  # noqa: BLE001 - a detect() bug must not stop the load
            name = getattr(mod, "__name__", str(mod))
            if name not in self._reported:
                self._reported.add(name)
                self.warnings.append(f"parser module {name}: detect() failed: {_one_line(e)}")
            return 0

    def detect_vendor(self, head: str) -> tuple[ModuleType | None, int]:
        best: tuple[ModuleType | None, int] = (None, 0)
        for mod in self.vendors:
            s = self._score(mod, head)
            if s > best[1]:
                best = (mod, s)
        return best

    def detect_state(self, head: str) -> tuple[ModuleType | None, int]:
        best: tuple[ModuleType | None, int] = (None, 0)
        for mod in self.states:
            s = self._score(mod, head)
            if s > best[1]:
                best = (mod, s)
        return best


def _one_line(e: BaseException) -> str:
    msg = " ".join(str(e).split())
    text = f"{type(e).__name__}: {msg}" if msg else type(e).__name__
    return text if len(text) <= 200 else text[:197] + "..."


# --------------------------------------------------------------------------- loading


@dataclass
class _Pending:
    """A state file waiting for its device."""

    entry: InputFile
    module: ModuleType
    result: object          # StateResult(device_hint, routes, report)


def _prefixed(display: str, msg: str) -> str:
    msg = " ".join(str(msg).split())
    return msg if msg.startswith(display + ":") else f"{display}: {msg}"


def _config_stem(display: str) -> str:
    return _CONFIG_STEM.sub("", Path(display).stem).lower()


def _state_stem(display: str) -> str:
    return _STATE_STEM.sub("", Path(display).stem).lower()


def load_snapshot(paths: list[str | Path] | str | Path) -> Snapshot:
    """Load every configuration and state file under ``paths`` into a :class:`Snapshot`.

    Raises :class:`InputError` when a path does not exist or when no device at all
    could be parsed (the message lists each file's reason).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("no input path given")

    snap = Snapshot()
    entries: list[tuple[Path, str]] = []
    for p in paths:
        if not p.exists():
            raise InputError("no such file or directory", file=str(p))
        if p.is_dir():
            prefix = "" if len(paths) == 1 else p.as_posix().rstrip("/") + "/"
            site, files, errors = _walk(p)
            if snap.root is None:
                snap.root = p
            if snap.site_file is None and site is not None:
                snap.site_file = site
            entries.extend((f, prefix + rel) for f, rel in files)
            for shown, err in errors:
                shown = prefix + shown if prefix else shown
                snap.inputs.append(InputFile(shown, "", KIND_SKIPPED, None,
                                             problem=f"cannot read folder: {err}"))
                snap.warnings.append(f"{shown}: cannot read folder: {err}")
        elif p.name.lower() in _SITE_NAMES:
            snap.site_file = snap.site_file or p
        else:
            entries.append((p, str(p)))

    # The same file given twice (folder + file, or a symlink) is read once.
    seen: set[str] = set()
    unique: list[tuple[Path, str]] = []
    for real, display in entries:
        try:
            key = str(real.resolve())
        except OSError:
            key = str(real)
        if key not in seen:
            seen.add(key)
            unique.append((real, display))

    reg = _Registry()
    pending: list[_Pending] = []
    parsed: list[tuple[InputFile, list[Device]]] = []
    for real, display in sorted(unique, key=lambda e: e[1]):
        _load_one(real, display, reg, snap, parsed, pending)

    _dedupe_hostnames(snap, parsed)
    _attach_states(snap, parsed, pending)

    snap.inputs.sort(key=lambda f: f.path)
    snap.warnings = reg.warnings + snap.warnings
    if not snap.devices:
        where = ", ".join(str(p) for p in paths)
        reasons = [f"{f.path}: {f.problem}" for f in snap.inputs if f.problem]
        if not snap.inputs:
            reasons = ["no input files found"]
        elif not reasons:
            reasons = ["no device found in any file"]
        if len(reasons) > 8:
            reasons = reasons[:8] + [f"and {len(reasons) - 8} more"]
        reasons += reg.warnings          # e.g. a parser module that failed to import
        raise InputError(f"no usable device configuration in {where}: " + "; ".join(reasons))
    return snap


def _skip(snap: Snapshot, display: str, sha: str, problem: str, *, vendor: str | None = None,
          lines: int = 0, warn: bool = False) -> None:
    snap.inputs.append(InputFile(display, sha, KIND_SKIPPED, vendor, [], lines, 0, problem))
    if warn:
        snap.warnings.append(f"{display}: {problem}")


def _load_one(real: Path, display: str, reg: _Registry, snap: Snapshot,
              parsed: list[tuple[InputFile, list[Device]]], pending: list[_Pending]) -> None:
    # --- read -------------------------------------------------------------------
    try:
        st = real.stat()
        if not stat.S_ISREG(st.st_mode):
            _skip(snap, display, "", "not a regular file", warn=True)
            return
        if st.st_size > MAX_BYTES:
            _skip(snap, display, _hash_only(real),
                  f"file too large ({st.st_size // (1 << 20)} MiB), not a device configuration",
                  warn=True)
            return
        raw, sha = _read(real)
    except OSError as e:
        _skip(snap, display, "", f"cannot read: {e.strerror or _one_line(e)}", warn=True)
        return

    # --- decode -----------------------------------------------------------------
    if not raw.strip():
        _skip(snap, display, sha, P_EMPTY)
        return
    dec = _decode(raw, display)
    if dec.binary:
        _skip(snap, display, sha, P_BINARY)
        return
    text = dec.text
    if not _NON_SPACE.search(text):
        _skip(snap, display, sha, P_EMPTY)
        return
    degraded = dec.warnings[0].split(": ", 1)[1] if dec.warnings else None

    # --- classify ---------------------------------------------------------------
    head = text[:DETECT_HEAD]
    named_state = bool(_STATE_NAME.search(Path(display).name))
    smod, sscore = reg.detect_state(head)
    vmod, vscore = (None, 0) if named_state else reg.detect_vendor(head)
    if named_state:
        if smod is None and reg.states:
            smod = reg.states[0]          # the name says so; let the parser judge
        kind = KIND_STATE if smod is not None else None
    elif vmod is not None and vscore >= CLAIM and vscore >= sscore:
        kind = KIND_CONFIG
    elif smod is not None and sscore >= CLAIM:
        kind = KIND_STATE
    else:
        kind = None
    if kind is None:
        platform = parsers.looks_like(head)
        problem = P_UNRECOGNIZED + (f"; looks like {platform}, which netaudit does not support"
                                    if platform else "")
        _skip(snap, display, sha, problem, lines=text.count("\n") + (not text.endswith("\n")))
        snap.warnings.extend(dec.warnings)
        return

    snap.warnings.extend(dec.warnings)
    if kind == KIND_STATE:
        _parse_state(smod, text, display, sha, degraded, snap, pending)
    else:
        _parse_config(vmod, text, display, sha, degraded, snap, parsed)


def _parse_config(mod: ModuleType, text: str, display: str, sha: str, degraded: str | None,
                  snap: Snapshot, parsed: list[tuple[InputFile, list[Device]]]) -> None:
    vendor = getattr(mod, "VENDOR", None)
    try:
        result = mod.parse(text, display)
        if not isinstance(result, ParseResult):
            raise TypeError(f"parse() returned {type(result).__name__}, not ParseResult")
    except Exception as e:  # noqa: BLE001 - a parser bug must not lose the other files
        problem = f"parser error: {_one_line(e)}"
        _skip(snap, display, sha, problem, vendor=vendor, warn=True)
        return
    report = result.report
    report.sha256 = report.sha256 or sha
    report.file = report.file or display
    # Another platform's dialect, or mostly unread lines: say so, and make its verdicts
    # unknown rather than proven from the part that happened to look familiar.
    try:
        parsers.assess(result, text)
    except Exception as e:  # noqa: BLE001 - the check must not lose the file
        report.warnings.append(f"parse assessment failed: {_one_line(e)}")
    devices = [d for d in result.devices if isinstance(d, Device)]
    for d in devices:
        if not d.hostname:
            d.hostname = Path(display).stem
            snap.warnings.append(f"{display}: no hostname in the configuration; "
                                 f"device named {d.hostname!r} after the file")
        d.file = d.file or display
    report.devices = [d.hostname for d in devices]
    problem = degraded or (_prefixed(display, report.warnings[0]).split(": ", 1)[1]
                           if report.warnings else None)
    if not devices:
        problem = "no device found in the file"
        snap.warnings.append(f"{display}: {problem}")
    snap.warnings.extend(_prefixed(display, w) for w in report.warnings)
    entry = InputFile(display, sha, KIND_CONFIG, vendor, [d.hostname for d in devices],
                      report.lines, len(report.unrecognized), problem)
    snap.inputs.append(entry)
    snap.reports.append(report)
    snap.devices.extend(devices)
    parsed.append((entry, devices))


def _parse_state(mod: ModuleType, text: str, display: str, sha: str, degraded: str | None,
                 snap: Snapshot, pending: list[_Pending]) -> None:
    kind = getattr(mod, "STATE_KIND", None)
    try:
        result = mod.parse_state(text, display)
        _ = result.routes, result.report     # shape check
    except Exception as e:  # noqa: BLE001
        _skip(snap, display, sha, f"parser error: {_one_line(e)}", vendor=kind, warn=True)
        return
    report = result.report
    lines = unrec = 0
    if isinstance(report, ParseReport):
        report.sha256 = report.sha256 or sha
        report.file = report.file or display
        lines, unrec = report.lines, len(report.unrecognized)
    entry = InputFile(display, sha, KIND_STATE, kind, [], lines, unrec, degraded)
    pending.append(_Pending(entry, mod, result))


def _dedupe_hostnames(snap: Snapshot, parsed: list[tuple[InputFile, list[Device]]]) -> None:
    """Rename later devices whose hostname is already taken to ``HOST@file``."""
    owner: dict[str, str] = {}         # lower-case hostname -> display path of first owner
    taken: set[str] = {d.hostname.lower() for d in snap.devices}
    for entry, devices in parsed:
        for d in devices:
            key = d.hostname.lower()
            if key not in owner:
                owner[key] = entry.path
                continue
            new = f"{d.hostname}@{entry.path}"
            n = 2
            while new.lower() in taken or new.lower() in owner:
                new = f"{d.hostname}@{entry.path}#{n}"
                n += 1
            snap.warnings.append(
                f"{entry.path}: hostname {d.hostname!r} already used by {owner[key]}; "
                f"this device is renamed {new!r}")
            old = d.hostname
            d.hostname = new
            owner[new.lower()] = entry.path
            taken.add(new.lower())
            entry.devices = [new if h == old else h for h in entry.devices]
            for r in snap.reports:
                if r.file == entry.path:
                    r.devices = [new if h == old else h for h in r.devices]


def _attach_states(snap: Snapshot, parsed: list[tuple[InputFile, list[Device]]],
                   pending: list[_Pending]) -> None:
    by_host = {d.hostname.lower(): d for d in snap.devices}
    by_stem: dict[str, Device] = {}
    for entry, devices in parsed:
        if len(devices) == 1:
            by_stem.setdefault(_config_stem(entry.path), devices[0])
    for p in pending:
        entry = p.entry
        hint = getattr(p.result, "device_hint", None)
        candidates = [h for h in (hint, _state_stem(entry.path)) if h]
        device = None
        for c in candidates:
            c = str(c).strip().lower()
            device = by_host.get(c) or by_stem.get(c) or by_stem.get(_CONFIG_STEM.sub("", c))
            if device is not None:
                break
        if device is None:
            what = f"device {hint!r}" if hint else "its device"
            entry.kind = KIND_SKIPPED
            entry.problem = (f"routing state for {what} matches no device configuration "
                             f"in the snapshot (by hostname or config file name)")
            snap.inputs.append(entry)
            snap.warnings.append(f"{entry.path}: {entry.problem}")
            continue
        routes = list(getattr(p.result, "routes", []) or [])
        device.routes.extend(routes)
        device.facts["routing_state"] = entry.path
        entry.devices = [device.hostname]
        report = p.result.report
        if isinstance(report, ParseReport):
            report.devices = [device.hostname]
            snap.reports.append(report)
            snap.warnings.extend(_prefixed(entry.path, w) for w in report.warnings)
        snap.inputs.append(entry)
