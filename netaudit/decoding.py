"""Bytes to text, for every input file: BOMs (UTF-8/16/32) stripped, UTF-16 without a
BOM recognised, CRLF and lone CR made ``\n``, UTF-8 tried strictly, then Windows-1258
(Vietnamese Windows, composed to NFC) and Latin-1 with a warning naming the first bad
line; binary files told apart by the share of control bytes (docs/limits.md, "What is a
usable-input problem").  C-level ``bytes``/``str`` operations only: a 50 MB file
decodes without a per-line Python loop."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from .messages import Text

P_BINARY = Text("input.binary")  # "binary file, not a device configuration"


SNIFF = 8192  # bytes examined for binary detection
CONTROL_RATIO = 0.10  # share of control bytes (NULs included) in the first SNIFF
# bytes above which a file is binary (or a damaged config)
STRAY_NULS = 4  # up to this many NUL bytes in a text file: removed, warned;
# more: the file is damaged (a usable-input problem)

DETECT_HEAD = 1 << 20  # characters shown to detect(): enough for any header

# C0 control bytes that never occur in text (TAB, LF, VT, FF, CR and ESC do), plus DEL.
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 11, 12, 13, 27})) + b"\x7f"
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")

# File signatures of common binary formats found next to configs (diagrams, photos,
# office documents, archives): binary, and not a damaged configuration.
_MAGIC = (  # signature, catalogue key of the kind ("PNG image", …)
    (b"\x89PNG", "input.kind.png"),
    (b"\xff\xd8\xff", "input.kind.jpeg"),
    (b"GIF8", "input.kind.gif"),
    (b"PK\x03\x04", "input.kind.zip"),
    (b"\x1f\x8b", "input.kind.gzip"),
    (b"7z\xbc\xaf\x27\x1c", "input.kind.7z"),
    (b"Rar!", "input.kind.rar"),
    (b"\xd0\xcf\x11\xe0", "input.kind.office"),
    (b"\x7fELF", "input.kind.executable"),
    (b"MZ", "input.kind.executable"),
    (b"BZh", "input.kind.bzip2"),
    (b"\xfd7zXZ", "input.kind.xz"),
    (b"%PDF", "input.kind.pdf"),
)

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def at(where: str, what: str) -> str:
    """``"FILE[:LINE]: message"``: a :class:`Text` (input.at) when the message is one, so a
    report words it in its language; the English value is the same either way."""
    return Text("input.at", where=where, what=what) if isinstance(what, Text) else f"{where}: {what}"


@dataclass
class Decoded:
    text: str
    warnings: list[str]
    encoding: str
    binary: bool = False
    nuls: int = 0  # NUL bytes removed from the text
    nul_line: int = 0  # line of the first one


def line_of(data: bytes, pos: int) -> int:
    """1-based line number of byte offset ``pos`` (LF, CRLF and lone CR all end a line)."""
    prefix = data[:pos]
    n = prefix.count(b"\n")
    cr = prefix.count(b"\r")
    if cr:
        n += cr - prefix.count(b"\r\n")
    return n + 1


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def control_share(head: bytes) -> float:
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
    return all(unicodedata.category(ch) not in ("Cc", "Cn", "Co", "Cs") for ch in set(_NON_ASCII.findall(text)))


def decode(raw: bytes, display: str) -> Decoded:
    warnings: list[str] = []
    body, codec, label = raw, None, None
    for bom, name, lab in _BOMS:
        if raw.startswith(bom):
            body, codec, label = raw[len(bom) :], name, lab
            break

    if codec is None and b"\x00" in raw[:SNIFF]:
        codec = _guess_bomless_utf16(raw[:SNIFF])
        if codec is not None:
            label = "UTF-16"
            warnings.append(at(display, Text("input.utf16_no_bom", codec=codec.upper())))
        # else: 8-bit text with stray NULs, or binary: the share of control bytes decides

    if codec is not None and codec != "utf-8":  # UTF-16 / UTF-32
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as e:
            # Line of the bad unit: count newlines in what decodes before it.
            good = body[: e.start].decode(codec, errors="replace")
            line = normalise_newlines(good).count("\n") + 1
            text = body.decode(codec, errors="replace")
            warnings.append(at(display, Text("input.invalid_encoding", encoding=label, line=line)))
        head = text[:SNIFF]
        if "\x00" in head or (head and len(_CONTROL_CHARS.findall(head)) / len(head) > CONTROL_RATIO):
            return Decoded("", [], "binary", binary=True)
        return _cleaned(text, display, warnings, codec)

    # 8-bit paths: binary sniffing on the raw bytes.
    if control_share(body[:SNIFF]) > CONTROL_RATIO:
        return Decoded("", [], "binary", binary=True)
    try:
        text = body.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as e:
        line = line_of(body, e.start)
        try:
            text = body.decode("cp1258")
            if not _looks_like_text(text):
                raise UnicodeDecodeError("cp1258", b"", 0, 1, "not text")
            # cp1258 writes Vietnamese with combining tone marks: compose them.
            text = unicodedata.normalize("NFC", text)
            encoding, name = "cp1258", Text("input.encoding.cp1258")  # "Windows-1258 (Vietnamese)"
        except UnicodeDecodeError:
            text = body.decode("latin-1")
            encoding, name = "latin-1", "Latin-1"
        warnings.append(at(display, Text("input.not_utf8", line=line, encoding=name)))
    return _cleaned(text, display, warnings, encoding)


def _cleaned(text: str, display: str, warnings: list[str], encoding: str) -> Decoded:
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):  # a second BOM, or one inside UTF-16 text
        text = text[1:]
    nuls = line = 0
    if "\x00" in text:  # stray NULs: removed, the first line named
        nuls = text.count("\x00")
        line = text.count("\n", 0, text.index("\x00")) + 1
        text = text.replace("\x00", "")
        if nuls <= STRAY_NULS:
            warnings.append(at(display, Text("input.nul_removed", line=line)))
    return Decoded(text, warnings, encoding, nuls=nuls, nul_line=line)


def decode_config(raw: bytes, display: str) -> tuple[str, list[str]]:
    """Decode a configuration file's bytes to text; return ``(text, warnings)``.

    BOMs are stripped (UTF-16/32 BOMs select that encoding), newlines normalised to
    ``\\n``, UTF-8 tried strictly, then Windows-1258, then Latin-1, with a warning
    ``"FILE: not valid UTF-8 (line N); decoded as …"``.  Binary input decodes to
    ``""`` with a warning saying so (:func:`load_snapshot` skips such files).
    """
    d = decode(raw, display)
    if d.binary:
        return "", [at(display, P_BINARY)]
    return d.text, d.warnings


def magic(raw: bytes) -> Text | None:
    for sig, key in _MAGIC:
        if raw.startswith(sig):
            return Text(key)
    return None


def salvage(raw: bytes) -> str:
    """The head of a binary-looking file without its control bytes, as text (for detect())."""
    return normalise_newlines(raw[:DETECT_HEAD].translate(None, _CONTROL_BYTES).decode("utf-8", errors="replace"))


def first_control_line(raw: bytes) -> int:
    m = re.search(b"[" + re.escape(_CONTROL_BYTES) + b"]", raw)
    return line_of(raw, m.start()) if m else 1
