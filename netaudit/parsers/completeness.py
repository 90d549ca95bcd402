"""Is a configuration file complete?  Signs that a file was cut short, per vendor.

A truncated file is still parsed (what is there is evidence), but the audit must say
so loudly and must not pass: the lines that were cut off may be the ones that close
the leak.  Each vendor module exposes ``incomplete(text, result)`` (see
:mod:`netaudit.parsers`), built from the helpers here; :mod:`netaudit.inputs` turns its
answer into a usable-input problem.  Every check looks at the end of the file only
(C-level searches), so it costs nothing next to the parse.

What marks a complete file
--------------------------
* **Cisco IOS / IOS-XE** ``show running-config`` ends with ``end``.  After it may come
  blank lines, ``!`` comments and a prompt (``Router#``), and after a prompt anything
  (the output of the next command in a captured session).  Required only when the
  file shows the header of an export (``version 15.2``, ``Building configuration…``,
  ``Current configuration :``, ``! Last configuration change``, ``! device:`` of EOS):
  a cut always keeps the head, while a hand-written snippet without ``end`` is not an
  export.  NX-OS (no ``end``) and the other platforms :func:`netaudit.parsers.looks_like`
  names are not checked (they are already reported as unsupported).
* **Cisco ASA** ``show running-config`` starts with ``: Saved`` and ends with ``: end``
  (``Cryptochecksum:`` just before it when the output came from ``more
  system:running-config``); ``:`` lines are comments.  Required when the ``: Saved``
  (or ``: Serial Number:`` / ``: Hardware:``) header is there.
* **RouterOS** ``/export`` has no end marker, but an export RouterOS stopped before its
  end says so in its last line, ``#interrupted``; otherwise a cut is seen in the last command: a
  trailing ``\\`` continuation with nothing after it, an unterminated quote, an
  unfinished ``[ find … ]``, a menu header with no command under it, ``add``/``set``
  with no property (not a bare ``add`` line in the menus whose entries are all defaults,
  :data:`_ROS_BARE_ADD`), ``key=`` with no value, a bare word after ``key=value`` arguments,
  a line that is not a command, or — without a final newline, which a pasted export
  may lack — a last line the parser did not recognize or whose last value looks cut
  (it ends in ``-./,``, or begins a longer name used earlier without occurring whole).
  A cut exactly between two complete commands, or inside a value that looks complete,
  leaves a valid export and cannot be seen.
* **FortiOS**: every ``config`` closed by its ``end`` (:mod:`fortios_tree` checks the
  balance while building the tree), the last line is that ``end`` (a captured ``FGT #``
  prompt after it is ignored), and a backup FortiOS wrote (``#config-version=`` header)
  has ``config system interface`` and ``config firewall policy`` (or
  ``security-policy``): a cut between two top-level sections is otherwise invisible, and
  one before the policies would make everything look blocked — compliant.
"""

from __future__ import annotations

import re
from collections import deque

from netaudit.lazy_re import lazy_compile
from netaudit.messages import Text
from netaudit.parsers.markers import Marker, marker

# The last lines of a file examined for a cut (a logical line longer than this is
# not cut-checked beyond its last part).
TAIL = 1 << 18

# "truncated" opens every message (in English; "bị cắt cụt" in Vietnamese), so a reader
# (and a test) can find them.  The messages are catalogue Texts (messages.py, input.*):
# their value is the English sentence, a report renders them in its language.
TRUNCATED = "truncated"

_PROMPT = lazy_compile(r"^[\w.\-:/()@]+[#>]")  # Router#  ciscoasa(config)#  R1>
_FGT_PROMPT = lazy_compile(r"^[\w.\-]+(?: \([\w.\-]+\))? [#$]")  # FGT-01 #   FGT-01 (root) $
_ROS_PROMPT = lazy_compile(r"^\[[^\]\n]*\]\s*(?:/[^\n]*)?>")  # [admin@MikroTik] >


def _line_no(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _last_line(text: str) -> tuple[int, str]:
    """(1-based number, stripped text) of the last non-blank line; (0, "") if none."""
    end = len(text.rstrip())
    if not end:
        return 0, ""
    start = text.rfind("\n", 0, end) + 1
    return _line_no(text, start), text[start:end].strip()


def _show(line: str, width: int = 60) -> str:
    return line if len(line) <= width else line[: width - 3] + "..."


# The parsers' own signs of an incomplete file (a warning in their report, which
# ``incomplete()`` passes on): the English sentence -> its catalogue key and fields.
_KNOWN = (
    (
        lazy_compile(r"banner never closed; the rest of the file was treated as banner text"),
        "input.banner_never_closed",
    ),
    (
        lazy_compile(
            r"truncated: the file ends inside 'config (?P<paths>.*)' \(opened at line (?P<opened>\d+); "
            r"missing 'end'\): what was read so far is used"
        ),
        "input.fortios.open_config",
    ),
    (
        lazy_compile(
            r"nesting deeper than (?P<depth>\d+) levels of 'config' blocks: not a configuration as "
            r"FortiOS writes it \(damaged or generated file\?\); what was read is used"
        ),
        "input.fortios.too_deep",
    ),
    (
        lazy_compile(r"resolution failed \((?P<error>.*)\); the model of this device is incomplete", re.DOTALL),
        "input.asa.resolution_failed",
    ),
)


def known(message: str) -> str:
    """A parser's warning about an incomplete file as a catalogue :class:`Text` (the same
    English value, worded in the report's language too); any other message as it is."""
    if isinstance(message, Text):
        return message
    for rx, key in _KNOWN:
        m = rx.fullmatch(message)
        if m:
            out = Text(key, **m.groupdict())
            return out if out == message else message
    return message


# --------------------------------------------------------------------------- Cisco


def cisco_end(
    text: str,
    *,
    header: Marker,
    end: Marker,
    comment: str,
    end_word: str,
    trailer: re.Pattern | None = None,
    start: Marker | None = None,
) -> tuple[int, Text] | None:
    """``(line, message)`` when an export (``header`` found) does not end with its
    ``end`` line (``end``) followed only by a trailer, or holds a second configuration
    after that line (``start``, default ``header``: how a configuration begins); None when
    complete (or not an export).  ``comment``: the characters that open a comment line;
    ``trailer``: other lines the device prints after its end line."""
    if not header.search(text, 0, 1 << 16):
        return None
    first = end.search(text)
    again = (start or header).search(text, first.end()) if first is not None else None
    if first is not None and again is not None:
        # A terminal log holding two captures (`show run` twice, or running then startup
        # configuration): the parser would read both as one device.
        n = _line_no(text, again.start())
        return n, Text("input.second_config", end=end_word, line=n, first=_line_no(text, first.start()))
    tail = deque(end.finditer(text), maxlen=1)  # C-level scan; keeps the last match
    last = tail[0] if tail else None
    if last is None:
        n, line = _last_line(text)
        return n, Text("input.truncated.no_end", end=end_word, line=n, text=repr(_show(line)))
    pos = last.end()
    for raw in text[pos : pos + TAIL].split("\n"):
        s = raw.strip()
        if not s or s[0] in comment or s == "[OK]":  # "[OK]": what `write memory`/`write terminal` print last
            continue
        if s.startswith("```"):  # the closing fence of a configuration pasted into Markdown
            continue
        if trailer is not None and trailer.match(s):
            continue
        if _PROMPT.match(s):
            return None  # a prompt: what follows is another command's output
        n = _line_no(text, last.start())
        return n, Text("input.truncated.after_end", end=end_word, line=n)
    return None


IOS_HEADER = marker(
    r"^(?:version \d+\.\d+\s*$|Building configuration|Current configuration\s*:|"
    r"! ?Last configuration change|! ?NVRAM config last updated|! device: )",
)
IOS_END = marker(r"^end[ \t]*$")
# `show running-config` begins `: Saved` (`: saved` in some captures).
ASA_HEADER = marker(r"^: (?:[Ss]aved\s*$|Serial Number:|Hardware:)")
# How an ASA configuration begins (another one after `: end`: two captures in one log).
ASA_START = marker(r"^(?:: (?:[Ss]aved\s*$|Serial Number:|Hardware:)|ASA Version \d)")
ASA_END = marker(r"^(?::[ \t]*)?end[ \t]*$")


def ios(text: str, warnings: list[str]) -> tuple[int, str] | None:
    from netaudit.parsers import looks_like

    for w in warnings:  # the parser's own sign: a banner never closed swallowed the rest
        m = re.match(r"^[^\n]*?:(\d+): (banner never closed.*)$", w)
        if m:
            return int(m.group(1)), known(m.group(2))
    if looks_like(text) is not None:  # NX-OS has no final 'end'; others are reported anyway
        return None
    return cisco_end(text, header=IOS_HEADER, end=IOS_END, comment="!", end_word="end")


# --------------------------------------------------------------------------- Huawei VRP

VRP_HEADER = marker(r"^(?:!Software Version |!Last configuration was |\[V\d{3}R\d{3}\w*\]|[ \t]?sysname \S)")
VRP_END = marker(r"^return[ \t]*$")
# After `return`: the next prompt of a terminal capture (`<HN-SW01>`, `[HN-SW01]`).
_VRP_TRAILER = lazy_compile(r"(?:<[^<>\s]+>|\[[~*]?[^\[\]\s]+\]).*")


def vrp(text: str) -> tuple[int, Text] | None:
    """A VRP ``display current-configuration`` (or saved ``vrpcfg.cfg``) ends with
    ``return``: without it the file was cut short."""
    return cisco_end(text, header=VRP_HEADER, end=VRP_END, comment="#!", end_word="return", trailer=_VRP_TRAILER)


# ASA 8.x `show running-config` prints the ASDM lines after `: end`.
_ASA_TRAILER = lazy_compile(r"(?:no )?asdm (?:image|history|location)\b")


def asa(text: str) -> tuple[int, Text] | None:
    return cisco_end(
        text, header=ASA_HEADER, end=ASA_END, comment="!:", end_word=": end", trailer=_ASA_TRAILER, start=ASA_START
    )


# --------------------------------------------------------------------------- FortiOS


_FGT_HEADER = marker(r"^#config-version=")
_FGT_POLICY = marker(r"^[ \t]*config firewall (?:policy|security-policy)[ \t]*$")
_FGT_INTERFACE = marker(r"^[ \t]*config system interface[ \t]*$")


def fortios_last(text: str) -> tuple[int, Text] | None:
    """Every block closed (the builder checked) but the file does not end with ``end``
    (cut in the line after a top-level ``end``: ``config sys``), or a backup FortiOS
    wrote (``#config-version=`` header) without the sections every FortiGate in use has:
    cut between two top-level sections, before them."""
    found = _fortios_last_line(text)
    header = _FGT_HEADER.search(text, 0, 4096)
    if found is not None or not header:
        return found
    line = text[header.start() : text.find("\n", header.start()) % (len(text) + 1)]
    vdom = re.search(r":vdom=([^:\s]*)", line)
    whole_unit = vdom is None or vdom.group(1) in ("0", "1")  # not a one-VDOM backup
    needed = [(_FGT_POLICY, "config firewall policy", "input.fortios.no_policy")]
    if whole_unit:
        needed.insert(0, (_FGT_INTERFACE, "config system interface", "input.fortios.no_interface"))
    for rx, what, why in needed:
        if not rx.search(text):
            n, _ = _last_line(text)
            return n, Text("input.truncated.fortios_section", section=what, why=Text(why), line=n)
    return None


def _fortios_last_line(text: str) -> tuple[int, Text] | None:
    end = len(text)
    while True:
        n, line = _last_line(text[:end]) if end < len(text) else _last_line(text)
        if not n or line == "end" or line.startswith("#"):
            return None
        if not _FGT_PROMPT.match(line):
            break
        end = text.rfind("\n", 0, len(text[:end].rstrip()))  # a captured prompt: look above it
        if end < 0:
            return None
    return n, Text("input.truncated.no_end", end="end", line=n, text=repr(_show(line)))


# --------------------------------------------------------------------------- RouterOS

_ESCAPE = lazy_compile(r"\\.", re.S)
_QUOTED = lazy_compile(r'"[^"]*"')
_ARG = lazy_compile(r'(?:[^\s"\[\]]|"[^"]*")+')


def _continues(line: str) -> bool:
    k = len(line) - len(line.rstrip("\\"))
    return k % 2 == 1


def routeros(text: str, unrecognized_lines: set[int]) -> tuple[int, Text] | None:
    """``(line, message)`` when the last command of an export is visibly incomplete."""
    from netaudit.parsers.mikrotik_routeros.syntax import parse_command

    start = max(0, len(text) - TAIL)
    if start:
        start = text.find("\n", start) + 1 or len(text)
    base = _line_no(text, start)
    lines = text[start:].split("\n")
    final_newline = text.endswith("\n")
    if final_newline:
        lines.pop()
    k = len(lines) - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    while k >= 0 and _ROS_PROMPT.match(lines[k].strip()):  # a pasted terminal prompt
        final_newline = True  # the command before it was complete
        k -= 1
        while k >= 0 and not lines[k].strip():
            k -= 1
    if k < 0:
        return None
    last = lines[k].rstrip()
    if last.strip().lower() == "#interrupted":
        # RouterOS's own mark of an export stopped before its end (a real 6.47 export
        # ends so, after a complete NAT rule: no routes, services or identity follow).
        n = base + k
        return n, Text("input.truncated.ros_interrupted", line=n)
    if _continues(last):
        n = base + k
        return n, Text("input.truncated.ros_continued", line=n)
    first = k
    while first > 0 and _continues(lines[first - 1].rstrip()):
        first -= 1
    if first == 0 and start and _continues(text[text.rfind("\n", 0, start - 1) + 1 : start - 1].rstrip()):
        return None  # a command longer than TAIL: its start is not in view
    n = base + first
    parts = [lines[first].rstrip()[:-1] if first < k else lines[first].rstrip()]
    for j in range(first + 1, k + 1):
        piece = lines[j].rstrip().lstrip()
        parts.append(piece[:-1] if j < k else piece)
    cmd = "".join(parts).strip()
    if not cmd or cmd[0] in "#:":
        return None

    def cut(why: str, **fields) -> tuple[int, Text]:
        return n, Text("input.truncated.ros_last", why=Text(why, **fields), line=n, text=repr(_show(cmd)))

    plain = _ESCAPE.sub("", cmd)
    if plain.count('"') % 2:
        return cut("input.ros.quote_open")
    unquoted = _QUOTED.sub("", plain)
    if unquoted.count("[") != unquoted.count("]"):
        return cut("input.ros.selector_open")
    try:
        path, command = parse_command(cmd, ("-",))
    except ValueError:
        return cut("input.ros.not_command")
    if command is None:
        return cut("input.ros.empty_menu", menu=" ".join(path))
    if command.verb in ("add", "set") and not command.props:
        bare_entry = command.verb == "add" and _ros_menu(text, start, lines, first, path)
        if bare_entry not in _ROS_BARE_ADD:
            return cut("input.ros.no_property", verb=command.verb)
    args = _ARG.findall(plain)
    if args and args[-1].endswith("="):
        return cut("input.ros.no_value", arg=args[-1])
    if args and "=" not in args[-1] and any("=" in a for a in args[:-1]) and not cmd.rstrip().endswith("]"):
        return cut("input.ros.stray_arg", arg=args[-1])
    if final_newline:
        return None
    # No final newline: a complete export may lack it (pasted from a terminal), but a
    # cut leaves the last value short.
    if n in unrecognized_lines:
        return cut("input.ros.unrecognized_end")
    key, eq, value = args[-1].partition("=") if args else ("", "", "")
    if eq and value and value[0] != '"':
        if value[-1] in "-./,":
            return cut("input.ros.value_cut", name=key, char=repr(value[-1]))
        piece = value.rsplit(",", 1)[-1].lstrip("!")  # a list's last item, a negation
        if piece and _REFERENCE_KEY.search(key) and _cut_word(text[: len(text) - len(value)], piece):
            return cut("input.ros.name_prefix", name=key, piece=piece)
    return None


# Menus whose entries have a default for every property: an export writes such an entry
# as a bare ``add`` line (RoMON ports: an entry matches one port "or all ports",
# ``interface=all`` — help.mikrotik.com "RoMON"; graphing rules default to every
# interface / queue, and the resource rule has no property to set).  A bare ``add`` is a
# complete command there, with or without the final newline (exports kept in repositories
# often lack it; a cut right after the verb leaves a valid entry and cannot be seen, as a
# cut inside a value that looks complete); anywhere else it is a cut.
_ROS_BARE_ADD = frozenset(
    {("tool", "romon", "port"), ("tool", "graphing", "interface"), ("tool", "graphing", "queue"),
     ("tool", "graphing", "resource")}
)  # fmt: skip


def _ros_menu(text: str, start: int, lines: list[str], first: int, path: tuple[str, ...]) -> tuple[str, ...]:
    """The menu a command without its own path (``("-",)``) is under: the last menu
    header before it (``/tool romon port``), read in the examined tail or before it."""
    if path != ("-",):
        return path
    from netaudit.parsers.mikrotik_routeros.syntax import parse_command

    for j in range(first - 1, -1, -1):
        line = lines[j].strip()
        if line.startswith("/"):
            header = line
            break
    else:
        k = text.rfind("\n/", 0, start)
        if k < 0 and not text.startswith("/"):
            return path
        header = text[k + 1 : text.find("\n", k + 1)].strip()
    try:
        menu, _ = parse_command(header, None)
    except ValueError:
        return path
    return menu


# Keys whose value names something defined elsewhere in the export (or an enumeration).
_REFERENCE_KEY = lazy_compile(
    r"(?:^|-)(?:interface|interface-list|list|address-list|pool|profile|"
    r"target|configuration|bridge|action|security|datapath|routing-table|"
    r"routing-mark|table)$"
)
_WORD = lazy_compile(r'[^\s=,"\[\]\\]+')


def _cut_word(before: str, value: str) -> bool:
    """``value`` never occurs whole in ``before`` but begins a longer word there
    (``interface=vlan3`` cut from ``vlan30-motcua``, ``action=sysl`` from ``syslog``)."""
    words = set(_WORD.findall(before))
    if value in words:
        return False
    return any(w.startswith(value) for w in words)
