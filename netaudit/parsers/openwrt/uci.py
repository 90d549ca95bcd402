"""The UCI reader: ``uci export``, ``uci show`` and concatenated ``/etc/config`` files.

Every form becomes the same list of :class:`Section` s (package, type, name, options
with the line each came from), so the converters never see the text form:

* ``uci export`` — ``package network`` then ``config interface 'lan'`` blocks of
  ``option key 'value'`` / ``list key 'value'`` lines (the main form);
* ``uci show`` — ``network.lan=interface``, ``network.lan.proto='static'``,
  ``network.@rule[0].src='wan'``, lists as ``key='a' 'b'`` on one line;
* ``/etc/config`` files concatenated, each preceded by a line naming it
  (``==> /etc/config/network <==`` as ``tail -n +1`` prints, ``### /etc/config/network``,
  or ``# /etc/config/network``): the file name is the package.

Words are read as libuci reads them (:func:`scan`): single or double quotes, ``'\\''``
for a quote inside single quotes, ``\\`` escapes outside single quotes, bare words, and
an unquoted ``#`` starts a comment that ends the line.  A line that fits none of the
forms is kept as unrecognized with its number; nothing raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netaudit.messages import Text
from netaudit.model import Src, from_values


class Opt:
    """One option value (or one list item) and where it was written.

    The line's :class:`Src` is built when asked (:attr:`src`): an export has one option
    per line and few are ever cited, so the reader keeps the file, number and text only."""

    __slots__ = ("file", "line", "text", "value")

    def __init__(self, value: str, file: str, line: int, text: str):
        self.value = value
        self.file = file
        self.line = line
        self.text = text

    @property
    def src(self) -> Src:
        return from_values(Src, (self.file, self.line, self.text))

    # compared and shown by value and line, as the dataclass ``Opt(value, src)`` was
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Opt) and (self.value, self.src) == (other.value, other.src)

    def __repr__(self) -> str:
        return f"Opt(value={self.value!r}, src={self.src!r})"


@dataclass
class Section:
    """One ``config TYPE 'name'`` section; ``name`` is ``@TYPE[i]`` when anonymous."""

    package: str
    type: str
    name: str
    src: Src
    anonymous: bool = False
    options: dict[str, Opt] = field(default_factory=dict)
    lists: dict[str, list[Opt]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def put(self, kw: str, key: str, opt: Opt) -> None:
        """An ``option`` or ``list`` line (``kw``) setting ``key``, as libuci applies it."""
        if kw == "list":
            self.lists.setdefault(key, []).append(opt)
        elif opt.value:
            self.options[key] = opt
        else:
            # libuci (uci_set): an option set to nothing is deleted, list or not
            # (``option src # visitors`` leaves no src)
            self.options.pop(key, None)
            self.lists.pop(key, None)

    def get(self, key: str, default: str | None = None) -> str | None:
        """The option's value (a list's values joined by spaces), marking it used."""
        self.used.add(key)
        opt = self.options.get(key)  # (one lookup: converters ask some 20,000 times)
        if opt is not None:
            return opt.value
        items = self.lists.get(key)
        if items is not None:
            return " ".join(o.value for o in items)
        return default

    def values(self, key: str) -> list[str]:
        """The values of an option or list, UCI's way: an option's value split on
        whitespace (``option network 'lan guest'``), a list item as it is (what
        :meth:`items` gives, without the lines)."""
        self.used.add(key)
        opt = self.options.get(key)
        out = opt.value.split() if opt is not None else []
        items = self.lists.get(key)
        if items:
            out += [o.value for o in items]
        return out

    def items(self, key: str) -> list[tuple[str, Src]]:
        """:meth:`values` with the line of each value."""
        self.used.add(key)
        out: list[tuple[str, Src]] = []
        if key in self.options:
            o = self.options[key]
            out += [(w, o.src) for w in o.value.split()]
        for o in self.lists.get(key, []):
            out.append((o.value, o.src))
        return out

    def line(self, key: str) -> Src:
        """The line where ``key`` was set (the section line when it was not)."""
        if key in self.options:
            return self.options[key].src
        if self.lists.get(key):
            return self.lists[key][0].src
        return self.src

    def consume_all(self) -> None:
        """Mark every option read (a section understood as a whole and irrelevant)."""
        self.used.update(self.options)
        self.used.update(self.lists)

    def has(self, key: str) -> bool:
        return key in self.options or key in self.lists

    def flag(self, key: str, default: bool = False) -> bool:
        """A UCI boolean (``1 yes on true enabled`` / ``0 no off false disabled``)."""
        v = self.get(key)
        if v is None:
            return default
        v = v.strip().lower()
        if v in ("1", "yes", "on", "true", "enabled"):
            return True
        if v in ("0", "no", "off", "false", "disabled"):
            return False
        return default

    def label(self) -> str:
        return f"{self.package}.{self.name}"


@dataclass
class UciText:
    """What the reader found: sections in order, and the lines it could not read."""

    sections: list[Section] = field(default_factory=list)
    unrecognized: list[Src] = field(default_factory=list)
    ignored: int = 0
    form: str = "export"  # export | show | files
    # the packages of the input (so "no firewall package" can be told from "empty")
    packages: list[str] = field(default_factory=list)
    # files of a concatenation that are not UCI (/etc/firewall.user …): path -> lines
    raw_files: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # the first ``config`` line met before any package was named (an /etc/config file
    # given alone has no ``package`` line: its file name is the package)
    no_package: Src | None = None
    # package -> its first line libuci cannot parse (an invalid command, a quote left
    # open, ``option`` before any ``config``): libuci rejects the whole file, so what the
    # package configures is not known (parser.unreadable_packages)
    broken: dict[str, Src] = field(default_factory=dict)

    # The sections by (package, type) and (package, None), built on the first :meth:`of`
    # (the converters ask some forty times; the reader only appends).
    _index: dict[tuple[str, str | None], list[Section]] = field(default_factory=dict, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)

    def of(self, package: str, type_: str | None = None) -> list[Section]:
        """The sections of ``package`` (of that type when given), in order."""
        if self._indexed != len(self.sections):
            self._index = {}
            for s in self.sections:
                self._index.setdefault((s.package, None), []).append(s)
                self._index.setdefault((s.package, s.type), []).append(s)
            self._indexed = len(self.sections)
        return list(self._index.get((package, type_), ()))


# A terminal transcript's own lines around the output it captured: the command that
# printed it (`uci export network`, after a shell prompt or not) and uci's error message
# for a package not on the router (`uci: Entry not found`).  Neither is configuration.
TRANSCRIPT = re.compile(r"^(?:\S+@\S+[#$]\s*)?uci(?:\s+-\S+)*\s+(?:export|show)(?:\s+[\w.@\[\]-]+)?$|^uci: ")
FILE_HEADER = re.compile(r"^(?:==>\s*(\S+)\s*<==|#{1,3}\s*(/etc/\S+))\s*$")
_SHOW = re.compile(r"^([A-Za-z0-9_-]+)\.(@[A-Za-z0-9_-]+\[-?\d+\]|[A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+))?=(.*)$")
_ANON = re.compile(r"^@([A-Za-z0-9_-]+)\[(-?\d+)\]$")
_WORD = re.compile(r"""'((?:[^']|'\\'')*)'|"((?:[^"\\]|\\.)*)"|(\S+)""")


_SIMPLE_WORD = re.compile(r"(?:[^\s']|'[^']*')+")  # bare characters and single-quoted runs
# ``key 'value'``: a bare word, blanks, one single-quoted value, nothing special in either
# (nearly every line of an export)
_KEY_QUOTED = re.compile(r"""([^\s'"\\#;]+)\s+'([^'"\\#;]*)'""")
# ``option KEY 'VALUE'`` / ``list KEY 'VALUE'`` as a whole stripped line: the keyword, then
# what :data:`_KEY_QUOTED` reads (``\s`` is the whitespace ``str.split`` splits on)
_OPTION_QUOTED = re.compile(r"""(option|list)\s+([^\s'"\\#;]+)\s+'([^'"\\#;]*)'""")

# The input holds sections but names no package (an /etc/config file given alone: libuci
# takes the package from the file's name, which an input file's name is not): the form to
# give instead.  The parser warns with it; completeness.py makes it the input's problem.
NO_PACKAGE = Text("input.openwrt.no_package")
# Sections before the first ``package`` line of an input that names packages later.
BEFORE_PACKAGE = Text("input.openwrt.before_package")

# Why a line's words cannot be read as one UCI command (the second item of :func:`scan`).
OPEN = "open"  # a quote not closed, or a backslash at the end: the value goes on past the line
COMMANDS = "commands"  # an unquoted ';' followed by another command on the same line

_BARE_STOP = frozenset("'\"\\#;")  # the characters that end a run of bare characters
_BARE_WORD = re.compile(r"""[^\s'"\\#;]+""")  # a word of bare characters only


def scan(text: str) -> tuple[list[str], str | None]:
    """The words of a UCI line's arguments as libuci's ``parse_str`` reads them (openwrt/uci,
    file.c), and None or why the line cannot be read (:data:`OPEN`, :data:`COMMANDS`).

    Quoted and bare pieces that touch are one word (``'it'\\''s'``).  Outside quotes ``#``
    ends the word and the line — also in the middle of a bare word (``a#b`` is ``a``) or
    right after a quote — while inside quotes it is a character; ``\\`` takes the next
    character as it is, except inside single quotes.  An unquoted ``;`` ends the command:
    only a comment may follow it here (libuci would read a second command, which this
    reader does not split).
    """
    text = text.strip()
    one = _KEY_QUOTED.fullmatch(text)
    if one is not None:
        return [one[1], one[2]], None  # what the single-quote path below reads, in one match
    if _BARE_WORD.fullmatch(text):
        return [text], None  # one bare word (``config rule``): the loop reads it whole
    if '"' not in text and "\\" not in text and "#" not in text and ";" not in text and text.count("'") % 2 == 0:
        # Only single quotes, all closed (``option name 'x y'``, nearly every line): the
        # words the loop below reads, quoted runs glued to what touches them.
        return [w.replace("'", "") for w in _SIMPLE_WORD.findall(text)], None
    return scan_chars(text)


def scan_chars(text: str) -> tuple[list[str], str | None]:
    """:func:`scan` of a stripped line, character by character (its shortcuts give the
    same words: ``tests/parsers/openwrt/test_uci.py``)."""
    words: list[str] = []
    cur: list[str] = []  # the pieces of the word being read ([""] after ``''``: a word)
    pos, end = 0, len(text)
    while pos < end:
        ch = text[pos]
        if ch.isspace():
            if cur:
                words.append("".join(cur))
                cur = []
            pos += 1
        elif ch == "#":
            break  # a comment to the end of the line
        elif ch == ";":
            rest = text[pos + 1 :].lstrip()
            if rest and rest[0] != "#":
                return words, COMMANDS
            break
        elif ch == "'":
            close = text.find("'", pos + 1)
            if close < 0:
                return words, OPEN
            cur.append(text[pos + 1 : close])
            pos = close + 1
        elif ch == '"':
            i = pos + 1
            buf = []
            while i < end and text[i] != '"':
                if text[i] == "\\" and i + 1 < end:
                    i += 1
                buf.append(text[i])
                i += 1
            if i >= end:
                return words, OPEN
            cur.append("".join(buf))
            pos = i + 1
        elif ch == "\\":
            if pos + 1 >= end:
                return words, OPEN  # libuci joins the next line to this one
            cur.append(text[pos + 1])
            pos += 2
        else:
            j = pos + 1
            while j < end and not text[j].isspace() and text[j] not in _BARE_STOP:
                j += 1
            cur.append(text[pos:j])
            pos = j
    if cur:
        words.append("".join(cur))
    return words, None


def split_values(text: str) -> list[str] | None:
    """The words of a UCI value part (:func:`scan`); None when the line cannot be read as
    one command (a quote not closed, a second command after ``;``)."""
    words, problem = scan(text)
    return None if problem else words


def detect_form(text: str) -> str:
    """``export``, ``show`` or ``files`` by the first lines that say which."""
    for raw in text.split("\n", 400)[:400]:
        line = raw.strip()
        if not line:
            continue
        if FILE_HEADER.match(line):
            return "files"
        if line.startswith(("package ", "config ")):
            return "export"
        if _SHOW.match(line):
            return "show"
    return "export"


def read(text: str, file: str) -> UciText:
    """Read the whole input (any of the three forms) into sections."""
    out = UciText(form=detect_form(text))
    if out.form == "show":
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        _read_show(lines, file, out)
    else:
        _read_export(text, file, out)
    return out


# One line of an export, in one match: the three forms nearly every line has, read whole —
# ``option KEY 'VALUE'`` / ``list KEY 'VALUE'`` (groups 1-4: the stripped line, keyword,
# key, value), ``config TYPE`` / ``config TYPE 'name'`` (groups 5-7: the stripped line,
# type, name) and a blank line (group 8, empty) — or any other line (no group set: read
# by the general path).  Blanks around a whole-line form are spaces and tabs only; a line
# with any other whitespace (``\r``) takes the general path, which strips it.  Each match
# ends at its line's newline, so the matches are the lines ``text.split("\n")`` gives (the
# text ending with a newline).
_EXPORT_LINE = re.compile(
    r"""[ \t]*(?:((option|list)[ \t]+([^\s'"\\#;]+)[ \t]+'([^'"\\#;\n]*)')"""
    r"""|(config[ \t]+([^\s'"\\#;]+)(?:[ \t]+'([^'"\\#;\n]*)')?)|())[ \t]*\n|.*\n"""
)


def _read_export(text: str, file: str, out: UciText) -> None:
    package = ""
    sec: Section | None = None
    counters: dict[tuple[str, str], int] = {}
    raw_body: list[tuple[int, str]] | None = None
    if text and text[-1] != "\n":
        text += "\n"  # the last line, unterminated, is a line too (as split gives it)
    for n, m in enumerate(_EXPORT_LINE.finditer(text), 1):
        line, kw, key, value, cline, type_, name, blank = m.groups()
        if kw is not None and sec is not None:
            # ``option KEY 'VALUE'`` in a section: what the general path below reads from
            # it (:data:`_OPTION_QUOTED` of the stripped line), without stripping it.
            if value and kw == "option":
                sec.options[key] = Opt(value, file, n, line)  # what put does, written out
            else:
                sec.put(kw, key, Opt(value, file, n, line))
            continue
        if type_ is not None and package and raw_body is None:
            # ``config TYPE 'name'`` in a package: what the general path's ``config``
            # branch reads (:func:`split_values` gives ``[TYPE]`` or ``[TYPE, name]``).
            src = from_values(Src, (file, n, cline))
            i = counters.get((package, type_), 0)
            counters[(package, type_)] = i + 1
            if name is not None:
                sec = Section(package, type_, name, src)
            else:
                sec = Section(package, type_, f"@{type_}[{i}]", src, anonymous=True)
            out.sections.append(sec)
            continue
        if blank is not None and raw_body is None:
            continue  # a blank line (the general path skips it too)
        raw = m[0][:-1]
        line = raw.strip()
        if sec is not None:
            # ``option KEY 'VALUE'`` in a section with other blanks around it (``\r``),
            # read in one match (the words the general path below reads:
            # :data:`_KEY_QUOTED` of :func:`scan`).
            one = _OPTION_QUOTED.fullmatch(line)
            if one is not None:
                kw, key, value = one.groups()
                if value and kw == "option":
                    sec.options[key] = Opt(value, file, n, line)  # what put does, written out
                else:
                    sec.put(kw, key, Opt(value, file, n, line))
                continue
        head = FILE_HEADER.match(line) if line and line[0] in "=#" else None
        if head:
            path = head.group(1) or head.group(2)
            sec = None
            out.ignored += 1
            if "/config/" not in path:
                # a file that is not UCI (firewall.user): kept as text for the includes
                raw_body = out.raw_files.setdefault(path, [])
                continue
            raw_body = None
            package = path.rstrip("/").rsplit("/", 1)[-1]
            if package not in out.packages:
                out.packages.append(package)
            continue
        if raw_body is not None:
            raw_body.append((n, raw))
            if line and not line.startswith("#"):
                out.unrecognized.append(Src(file, n, line))  # custom rules: not read
            elif line:
                out.ignored += 1
            continue
        if not line:
            continue
        if line.startswith("#"):
            out.ignored += 1
            continue
        src = from_values(Src, (file, n, line))
        words = line.split(None, 1)
        kw = words[0]
        rest = words[1] if len(words) > 1 else ""
        if kw == "package":
            vals = split_values(rest)
            if not vals:
                out.unrecognized.append(src)
                continue
            package = vals[0]
            if package not in out.packages:
                out.packages.append(package)
            sec = None
            out.ignored += 1
            continue
        if kw == "config":
            vals = split_values(rest)
            if not vals or len(vals) > 2 or not package:
                if not package and out.no_package is None:
                    out.no_package = src
                if package:
                    out.broken.setdefault(package, src)
                out.unrecognized.append(src)
                sec = None
                continue
            type_ = vals[0]
            i = counters.get((package, type_), 0)
            counters[(package, type_)] = i + 1
            if len(vals) == 2:
                sec = Section(package, type_, vals[1], src)
            else:
                sec = Section(package, type_, f"@{type_}[{i}]", src, anonymous=True)
            out.sections.append(sec)
            continue
        if kw in ("option", "list") and sec is not None:
            vals = split_values(rest)
            if vals is None or len(vals) < 1:
                out.broken.setdefault(package, src)
                out.unrecognized.append(src)
                continue
            value = " ".join(vals[1:]) if len(vals) > 2 else (vals[1] if len(vals) == 2 else "")
            sec.put(kw, vals[0], Opt(value, file, n, line))
            continue
        if line.endswith(("#", "$", ">")) and ("@" in line or line.startswith("root")):
            out.ignored += 1  # a captured shell prompt (root@OpenWrt:~#)
            continue
        if line.startswith(("uci", "root@")) and TRANSCRIPT.match(line):
            out.ignored += 1
            continue
        # libuci stops at a line that is no command ("invalid command"): the options after
        # it belong to no section read here (not to the one before it).
        if package:
            out.broken.setdefault(package, src)
        sec = None
        out.unrecognized.append(src)


def _read_show(lines: list[str], file: str, out: UciText) -> None:
    by_key: dict[tuple[str, str], Section] = {}
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#") or (line.endswith(("#", "$")) and "@" in line and "=" not in line):
            out.ignored += 1
            continue
        src = from_values(Src, (file, n, line))
        m = _SHOW.match(line)
        if not m:
            out.unrecognized.append(src)
            continue
        package, sname, key, rhs = m.groups()
        vals = split_values(rhs)
        if vals is None:
            out.unrecognized.append(src)
            continue
        if package not in out.packages:
            out.packages.append(package)
        anon = _ANON.match(sname)
        if key is None:
            # network.lan=interface: a section
            if len(vals) != 1:
                out.unrecognized.append(src)
                continue
            sec = Section(package, vals[0], sname, src, anonymous=bool(anon))
            by_key[(package, sname)] = sec
            out.sections.append(sec)
            continue
        found = by_key.get((package, sname))
        if found is None:
            out.unrecognized.append(src)
            continue
        sec = found
        # ``uci show`` writes a list as several quoted words, an option as one.
        if len(vals) > 1 or (rhs.strip().count("'") > 2):
            sec.lists[key] = [Opt(v, file, n, line) for v in vals]
        else:
            sec.options[key] = Opt(vals[0] if vals else "", file, n, line)
