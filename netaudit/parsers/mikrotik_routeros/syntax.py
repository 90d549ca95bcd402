"""RouterOS export syntax: logical lines, menu paths, commands and properties.

An ``/export`` (v6 or v7, plain, ``verbose`` or ``terse``) is a sequence of physical
lines.  A line ending in an (unescaped) backslash continues on the next line, whose
leading indentation is not part of the text: RouterOS wraps long commands at a fixed
width, even in the middle of a quoted value, so the pieces are concatenated as they
are.  A logical line is cited by its first physical line.

A logical line is one of

* a comment (``# …``) or a blank line;
* a menu header ``/ip firewall filter`` (or ``/ip/firewall/filter`` in v7), which
  makes that menu current for the lines that follow;
* a command in the current menu: ``add …``, ``set …``;
* a menu path followed by a command on one line (``/export terse``):
  ``/ip address add address=10.0.0.1/24 interface=ether2``;
* RouterOS scripting (``:local``, ``:if`` …) — never produced by ``/export``.

Command arguments are ``key=value`` pairs (values unquoted or ``"quoted"`` with
RouterOS escapes, including ``\\XX`` hex bytes for non-ASCII text), bare words and
``[ find … ]`` item selectors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count, repeat
from sys import intern as _intern
from typing import overload

# Command words that end a menu path.
COMMANDS = frozenset(
    {
        "add",
        "set",
        "remove",
        "move",
        "enable",
        "disable",
        "unset",
        "comment",
        "print",
        "export",
        "reset",
        "edit",
        "find",
        "get",
    }
)

# One argument: a [ … ] selector, key[=value] or a stray quoted string.
_TOKEN = re.compile(
    r"""
    \[(?P<br>[^\]]*)\]
  | (?P<key>[^\s="\[\]]+)(?:=(?P<val>(?:[^\s"]|"(?:[^"\\]|\\.)*")*))?
  | (?P<q>"(?:[^"\\]|\\.)*")
""",
    re.X | re.S,
)
# The same alternatives, each group telling by being non-empty whether it matched (for
# findall, which returns the groups without building a match object per argument):
# the whole selector, the key, "=" and the value, the quoted string.
_TOKENS = re.compile(
    r"""
    (\[[^\]]*\])
  | ([^\s="\[\]]+)(=(?:[^\s"]|"(?:[^"\\]|\\.)*")*)?
  | ("(?:[^"\\]|\\.)*")
""",
    re.X | re.S,
)

_HEX = frozenset("0123456789ABCDEFabcdef")
_SIMPLE_ESC = {
    '"': '"',
    "\\": "\\",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "$": "$",
    "?": "?",
    "_": " ",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}


def unquote(value: str) -> str:
    """Decode a RouterOS value: strip quotes, resolve escapes (``\\"``, ``\\\\``,
    ``\\C3\\A1`` hex bytes → UTF-8 text)."""
    if '"' not in value and "\\" not in value:
        return value
    out = bytearray()
    i, n = 0, len(value)
    while i < n:
        c = value[i]
        if c == '"':
            i += 1
            continue
        if c == "\\" and i + 1 < n:
            d = value[i + 1]
            if d in _HEX and i + 2 < n and value[i + 2] in _HEX:
                out.append(int(value[i + 1 : i + 3], 16))
                i += 3
                continue
            out.extend(_SIMPLE_ESC.get(d, d).encode())
            i += 2
            continue
        out.extend(c.encode())
        i += 1
    return out.decode("utf-8", errors="replace")


class Properties:
    """Reading a line's ``key=value`` properties (``props``, raw: undecoded values): a
    :class:`Command`'s, a firewall rule's (``records.FwRule``)."""

    __slots__ = ()  # (FwRule is slotted)
    props: dict[str, str]

    @overload
    def get(self, key: str, default: str) -> str: ...
    @overload
    def get(self, key: str, default: None = None) -> str | None: ...
    def get(self, key: str, default: str | None = None) -> str | None:
        """Decoded value of ``key``."""
        raw = self.props.get(key)
        return default if raw is None else unquote(raw)

    def has(self, key: str) -> bool:
        return key in self.props


@dataclass
class Command(Properties):
    """One command: the menu it applies to, its verb and its arguments."""

    path: tuple[str, ...]
    verb: str
    props: dict[str, str] = field(default_factory=dict)  # raw (undecoded) values
    words: list[str] = field(default_factory=list)  # bare words (item names, flags)
    find: dict[str, str] | None = None  # [ find k=v … ] selector

    @property
    def target(self) -> str | None:
        """The item a ``set`` names: its first bare word, or the selector's name.  A word
        ``!prop`` is no item: ``/export verbose`` writes a property that has no value so
        (``set [ find ] … !band … name=lte1``), and with a selector the item is the
        selector's."""
        if self.words and self.find is None and not self.words[0].startswith("!"):
            return unquote(self.words[0])
        if self.find:
            for k in ("name", "default-name"):
                if k in self.find:
                    return unquote(self.find[k])
        return None

    @property
    def selects_default(self) -> bool:
        """Whether the ``[ find default=yes ]`` selector names the built-in default item.
        RouterOS 7.10–7.12 export booleans as ``true``/``false`` (a real 7.11.2 export:
        ``/interface wireless security-profiles set [ find default=true ] …``,
        ``/snmp community set [ find default=true ] addresses=…``): the same item."""
        return self.find is not None and unquote(self.find.get("default", "")).lower() in ("yes", "true")


def _put(props: dict[str, str], key: str, value: str, prefix: str) -> str:
    """Record ``key=value`` (a v7 ``.key`` abbreviation completed with ``prefix``); the
    prefix for the keys after it."""
    if key[0] == "." and prefix:
        key = prefix + key
    elif "." in key:
        prefix = key.rsplit(".", 1)[0]
    props[key] = value
    return prefix


def split_args(text: str) -> tuple[dict[str, str], list[str], dict[str, str] | None]:
    """``key=value`` pairs, bare words and the ``[ find … ]`` selector of a command tail."""
    if "[" not in text and "]" not in text and "\\" not in text:
        # (plain_words' own first answer read here: a call per line of a big export)
        words = text.split() if '"' not in text else plain_words(text)
        if words is not None:
            return read_words(words)
    return split_tokens(text)


def plain_words(text: str) -> list[str] | None:
    """The arguments of a tail without selector or escape, cut as :data:`_TOKENS` cuts
    them, without the regex (most lines of an export; a rule's ``comment="…"`` is the
    quote they hold): the blank-separated words, a quoted value kept whole with the
    ``key=`` it follows.  None where quotes stand elsewhere (:func:`split_tokens` reads
    those)."""
    if '"' not in text:
        return text.split()
    parts = text.split('"')  # odd places: the text inside quotes
    if not len(parts) % 2:
        return None  # a quote left open
    words = parts[0].split()
    for i in range(1, len(parts), 2):
        after = parts[i + 1]
        if not parts[i - 1].endswith("=") or (after and not after[0].isspace()):
            return None
        if not words[-1].lstrip("="):
            return None  # no key before the quote (a stray quoted string)
        words[-1] += f'"{parts[i]}"'  # the word that ends with "=" (the quote's key)
        words.extend(after.split())
    return words


# Keys whose values an export repeats on line after line (a rule's chain and action, its
# protocol, the interfaces and lists it names): read_words interns their values.
REPEATING_VALUES = frozenset(
    {
        "chain",
        "action",
        "protocol",
        "in-interface",
        "out-interface",
        "in-interface-list",
        "out-interface-list",
        "src-address-list",
        "dst-address-list",
        "connection-state",
        "disabled",
        "log",
        "interface",
        "list",
    }
)


# The words of REPEATING_VALUES' keys read so far, as (key, value), both interned: the
# same few words on line after line, split and interned once (at most 4,096 kept).
_REPEATED_WORDS: dict[str, tuple[str, str]] = {}


def read_words(words: list[str]) -> tuple[dict[str, str], list[str], None]:
    """Properties and bare words of :func:`plain_words`: up to the first "=" the key
    (leading "=" skipped), after it the raw value."""
    props: dict[str, str] = {}
    bare: list[str] = []
    prefix = ""  # v7 abbreviates "configuration.mode=ap .ssid=X" (= configuration.ssid)
    for word in words:
        got = _REPEATED_WORDS.get(word)
        if got is not None:  # (a word seen before: "action=accept", "protocol=tcp" …)
            props[got[0]] = got[1]
            continue
        key, eq, val = word.partition("=")
        if key and eq and "." not in key:  # key=value (most words): stored as it is
            # (the key interned: the export's few keys shared by its lines' property
            # dicts, not six new strings kept per rule of a big export — fewer objects
            # alive through the parse and freed after it; so are the values of the keys
            # whose values repeat from rule to rule, the others are mostly distinct)
            key = _intern(key)
            if key in REPEATING_VALUES:
                val = _intern(val)
                if len(_REPEATED_WORDS) >= 4096:
                    _REPEATED_WORDS.clear()  # (an export naming more: the latest kept)
                _REPEATED_WORDS[word] = (key, val)
            props[key] = val
            continue
        key, eq, val = word.lstrip("=").partition("=")
        if not key:
            continue
        if not eq:
            bare.append(key)
            continue
        if "." in key:  # a dotted or abbreviated v7 key (_put); else stored as it is
            prefix = _put(props, key, val, prefix)
        else:
            props[key] = val
    return props, bare, None


def split_tokens(text: str) -> tuple[dict[str, str], list[str], dict[str, str] | None]:
    """:func:`split_args` of any tail, by :data:`_TOKENS` (selectors, escapes, quotes)."""
    props: dict[str, str] = {}
    words: list[str] = []
    find = None
    prefix = ""
    for brk, key, eq, q in _TOKENS.findall(text):
        if brk:
            br = brk[1:-1]
            inner = br.split(None, 1)
            sel: dict[str, str] = {}
            if inner and inner[0] == "find":
                rest = inner[1] if len(inner) > 1 else ""
                p, w, _ = split_args(rest)
                sel = p
                for word in w:
                    if word != "where":
                        sel.setdefault(word, "yes")
            else:
                sel = {"?": br.strip()}
            find = sel
            continue
        if key:
            if not eq:
                words.append(key)
                continue
            prefix = _put(props, key, eq[1:], prefix)
            continue
        words.append(q)
    return props, words, find


_PATH_WORD = re.compile(r"[a-z0-9][a-z0-9_.-]*$")


def parse_command(text: str, current: tuple[str, ...] | None):
    """(path, command or None) for one logical line that is not a comment.

    ``path`` is the menu the line names (or ``current``); ``command`` is None for a
    bare menu header.  Raises ValueError for a line that is neither.
    """
    if text.startswith("/"):
        parts = text.split()
        first = parts[0].strip("/")
        path = [p for p in first.split("/") if p]
        i = 1
        while i < len(parts) and parts[i] not in COMMANDS and _PATH_WORD.match(parts[i]) and "=" not in parts[i]:
            path.append(parts[i])
            i += 1
        if len(path) > 1 and path[-1] in COMMANDS and (i >= len(parts) or parts[i] not in COMMANDS):
            # v7 console syntax: the verb as the path's last segment (/ip/address/add …)
            verb = path.pop()
            tail = text.split(None, i)[i] if len(parts) > i else ""
            props, words, find = split_args(tail)
            return tuple(path), Command(tuple(path), verb, props, words, find)
        if i >= len(parts):
            return tuple(path), None
        verb = parts[i]
        if verb not in COMMANDS:
            raise ValueError(f"not a command: {verb}")
        # the tail is everything after the verb word, as written (keeps quoting)
        tail = text.split(None, i + 1)[i + 1] if len(parts) > i + 1 else ""
        props, words, find = split_args(tail)
        return tuple(path), Command(tuple(path), verb, props, words, find)
    if current is None:
        raise ValueError("command outside of any menu")
    head, _, tail = text.partition(" ")
    if head not in COMMANDS:
        raise ValueError(f"not a command: {head}")
    props, words, find = split_args(tail)
    return current, Command(current, head, props, words, find)


# A terse export may write the next menu's header onto the end of a line whose last value
# is quoted (Defm/mikrobackups, RouterOS 7.15: ``… out-interface="wan A"/ip firewall nat``):
# a quoted value ends at its quote, the menu path starts a line of its own.
_GLUED_MENU = re.compile(r'(?<=")(/[a-z][a-z0-9-]*(?:[ /][a-z][a-z0-9-]*)*)$')


def physical_lines(text: str) -> list[str]:
    """``text`` split at its newlines, without the empty piece after a final newline: its
    physical lines (a last line without its newline counts), which the reader counts
    from this split (``ParseReport.lines``) without a second pass over the text."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def logical_lines(text: str, lines: list[str] | None = None) -> Iterator[tuple[int, int, str]]:
    """(first line number, number of physical lines, joined text) for each logical line
    of ``text`` (1-based line numbers; trailing whitespace removed): backslash
    continuations joined; a menu header glued after a closing quote is a logical line of
    its own (0 physical lines).  ``lines``: :func:`physical_lines` of ``text``, when the
    caller has split it already."""
    if lines is None:
        lines = physical_lines(text)
    # (a text without a quote has no '"/': the quote looked for first, by memchr — the
    # two-character search walks the whole text, 1.7 ms of a 20,000-rule export's)
    if "\\" not in text and ('"' not in text or '"/' not in text):
        # No line continues and none has a header glued to it: each physical line is a
        # logical one, stripped — what _joined_lines yields for it, without a generator
        # resumed per line (a terse export, a generated one: 0.2 µs of each line's 3).
        return zip(count(1), repeat(1), map(str.strip, lines))
    return _joined_lines(lines)


def _joined_lines(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """:func:`logical_lines` of the text whose lines are ``lines`` (a last empty one
    left out).  (One generator: a line of a big export passed through a second one
    costs a resume each.)"""
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i].strip()
        start = i
        i += 1
        if line.endswith("\\"):  # (the stripped line ends so whenever the raw one does)
            raw = lines[start].rstrip("\r")
            if raw.endswith("\\") and (raw[-2:-1] != "\\" or _continues(raw)):  # (one backslash: it does)
                parts = [raw[:-1]]
                while i < n:
                    nxt = lines[i].rstrip("\r").lstrip()
                    i += 1
                    if nxt.endswith("\\") and (nxt[-2:-1] != "\\" or _continues(nxt)):
                        parts.append(nxt[:-1])
                        continue
                    parts.append(nxt)
                    break
                line = "".join(parts).strip()
        if '"/' in line:
            glued = _GLUED_MENU.search(line)
            if glued is not None and line.count('"') % 2 == 0:
                yield start + 1, i - start, line[: glued.start()].rstrip()
                yield start + 1, 0, glued.group(1)
                continue
        yield start + 1, i - start, line


def _continues(line: str) -> bool:
    """A trailing backslash continues the line unless it is itself escaped."""
    k = len(line) - len(line.rstrip("\\"))
    return k % 2 == 1
